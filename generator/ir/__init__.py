"""The intermediate representation: everything the templates may see, decided and frozen.

Every name, annotation, default and import is worked out before rendering, so templates are
loops and conditionals over these fields, and every decision can be unit-tested here.
Strings named `*_source` or `annotation` are Python source text, ready to print.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TypeRef:
    """A Python type as a tree, rendered per module (models are `X` in models.py and
    `models.X` elsewhere; builtins are qualified where a class member shadows them).

    kind is one of: builtin (name: str/int/float/bool/bytes/None/Any), stdlib (name: a
    dotted name such as datetime.datetime), model, enum, alias (name: the class or alias
    name in models.py), list, dict, tuple, union (args), literal (values: Python literals).
    """

    kind: str
    name: str = ""
    args: tuple[TypeRef, ...] = ()
    values: tuple[str, ...] = ()

    @property
    def is_nullable(self) -> bool:
        return self == NONE or (
            self.kind == "union" and any(a == NONE for a in self.args)
        )


NONE = TypeRef("builtin", "None")
ANY = TypeRef("builtin", "Any")


@dataclass(frozen=True)
class Field:
    name: str
    wire_name: str
    type: TypeRef
    annotation: str
    # Python source after `=`, or None when the field is required.
    default_source: str | None
    required: bool
    description: str | None
    docstring: str | None
    deprecated: bool
    constraints: tuple[tuple[str, str], ...]
    # The whole declaration in the class body, laid out as black would (see layout.py).
    line_source: str


@dataclass(frozen=True)
class Tag:
    """A discriminator value carried by a struct in a tagged union."""

    wire_name: str
    attr: str
    value_source: str
    # `attr: ClassVar[Literal[value]] = value`, laid out as black would.
    line_source: str


@dataclass(frozen=True)
class Model:
    name: str
    pointer: str
    title: str | None
    description: str | None
    docstring: str | None
    fields: tuple[Field, ...]
    tag: Tag | None
    options_source: str
    # `class Name(msgspec.Struct, ...):`, laid out as black would (see layout.py).
    header_source: str


@dataclass(frozen=True)
class EnumMember:
    name: str
    value_source: str
    value: str | int
    description: str | None
    docstring: str | None


@dataclass(frozen=True)
class EnumType:
    name: str
    pointer: str
    base: str
    base_class: str
    description: str | None
    docstring: str | None
    members: tuple[EnumMember, ...]


@dataclass(frozen=True)
class Alias:
    name: str
    pointer: str
    type: TypeRef
    annotation: str
    description: str | None
    docstring: str | None
    # Decoded at run time by trying each variant (msgspec cannot tell them apart by JSON type).
    untagged: bool
    name_source: str
    variants_source: str
    # `("property", {"value": Variant, ...})` when a discriminator picks the variant; else None.
    discriminator_source: str | None


@dataclass(frozen=True)
class Param:
    name: str
    wire_name: str
    wire_source: str
    location: str
    type: TypeRef
    annotation: str
    default_source: str | None
    required: bool
    description: str | None
    style: str
    explode: bool
    deprecated: bool
    constraints: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Body:
    name: str
    content_type: str
    encoding: str
    type: TypeRef
    annotation: str
    default_source: str | None
    required: bool
    description: str | None


@dataclass(frozen=True)
class ResponseCase:
    status: str
    description: str | None
    error_class: str
    content_type: str | None
    # json, text, bytes or empty
    kind: str
    type: TypeRef | None
    annotation: str | None
    # The runtime value in the endpoint table (e.g. `Json(models.X)`).
    spec_source: str


@dataclass(frozen=True)
class Pagination:
    """A page-numbered list operation, walked item by item by a generated `iter` method."""

    name: str
    page_param: str
    start_source: str
    item_annotation: str
    signature_source: str
    signature_display: str
    # The call of the list method for one page, and how to read items and the last page.
    fetch_source: str
    # `fetch_source,` as an argument line of the iterating call, laid out as black would.
    fetch_line: str
    split_source: str
    docstring: str
    example: str
    # The `def` line(s) of the sync and the async method, laid out as black would.
    def_source: str
    async_def_source: str


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str
    name: str
    namespace: tuple[str, ...]
    python_path: str
    summary: str | None
    description: str | None
    # Spec text flattened to one line, for Markdown.
    summary_line: str
    path_line: str
    deprecated: bool
    tags: tuple[str, ...]
    positional: tuple[Param, ...]
    keyword: tuple[Param, ...]
    body: Body | None
    path_params: tuple[Param, ...]
    query_params: tuple[Param, ...]
    header_params: tuple[Param, ...]
    cookie_params: tuple[Param, ...]
    returns: TypeRef | None
    return_annotation: str
    success: tuple[ResponseCase, ...]
    errors: tuple[ResponseCase, ...]
    endpoint_name: str
    method_source: str
    path_source: str
    operation_id_source: str
    # `self, page: int = 1, ...` and the arguments of the runtime `_request` call.
    signature_source: str
    # The same without `self`, for documentation.
    signature_display: str
    call_source: str
    endpoint_type_source: str
    responses_source: str
    query_styles_source: str | None
    # The Accept header, when the successes are not (only) JSON.
    accept_source: str | None
    auth: bool
    docstring: str
    example: str
    pagination: Pagination | None
    # The method's `def` and `return` statements, sync and async, indented and laid out
    # as black would (see layout.py); `responses=` of the endpoint constant likewise.
    def_source: str
    async_def_source: str
    return_source: str
    async_return_source: str
    responses_line: str


@dataclass(frozen=True)
class Namespace:
    path: tuple[str, ...]
    attr: str
    class_name: str
    async_class_name: str
    operations: tuple[Operation, ...]
    children: tuple[Namespace, ...]
    docstring: str | None


@dataclass(frozen=True)
class Server:
    name: str
    url: str
    description: str | None
    name_source: str
    url_source: str


@dataclass(frozen=True)
class Api:
    title: str
    version: str
    title_line: str
    version_line: str
    title_toml: str
    description: str | None
    docstring: str
    # Module docstrings naming the API: escaped spec text, like every docstring.
    client_module_docstring: str
    models_module_docstring: str
    package: str
    distribution: str
    package_version: str
    version_source: str
    servers: tuple[Server, ...]
    default_server: str
    default_server_source: str
    client_docstring: str
    async_client_docstring: str
    server_literal: str
    has_bearer_auth: bool
    auth_description: str | None
    root: Namespace
    # Children before parents, so each class is defined before the class that uses it.
    namespaces: tuple[Namespace, ...]
    operations: tuple[Operation, ...]
    enums: tuple[EnumType, ...]
    models: tuple[Model, ...]
    aliases: tuple[Alias, ...]
    models_imports: tuple[str, ...]
    client_imports: tuple[str, ...]
    runtime_imports: tuple[str, ...]
    error_classes: tuple[tuple[int, str], ...]
    # Sorted the way isort and ruff sort them.
    error_exports: tuple[str, ...]
    package_exports: tuple[str, ...]
    readme_examples: tuple[tuple[str, str], ...]
    # The first operation's example through a `with_options` copy named `patient`.
    retry_example: str
    # The first paginated operation, for the README's example.
    paginated: Operation | None
