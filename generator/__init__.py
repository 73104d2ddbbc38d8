"""polar-codegen: a typed, fast Python client from a reviewed OpenAPI 3.1 spec."""

__version__ = "0.1.0"
