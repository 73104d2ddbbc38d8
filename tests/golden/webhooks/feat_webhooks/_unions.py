"""Unions whose variants JSON alone cannot tell apart, decoded by trying each variant.

msgspec decodes a union by the JSON type of the value, or by a tag field; a union of two
object types with no tag (or of two string formats) needs more. Such a union is a class
whose instances are its variants' instances, and `decode_hook` picks the variant: the one
its discriminator names (a spec may map several values to one variant, which msgspec's
tags cannot express), else the first that decodes, or for an object the one that knows the
most of its keys.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from typing import Any

import msgspec

Variants = tuple[Any, ...]


class _UnionMeta(type):
    _given: Variants | Callable[[], Variants]
    _resolved: Variants | None

    @property
    def __variants__(cls) -> Variants:
        """The variants, made on first use when they name types defined after the union
        (a union that holds itself, through a map or a list)."""
        if cls._resolved is None:
            given = cls._given
            cls._resolved = given() if callable(given) else given
        return cls._resolved

    def __instancecheck__(cls, instance: object) -> bool:
        return any(_is_instance(instance, v) for v in cls.__variants__)


def _is_instance(instance: object, variant: Any) -> bool:
    origin = typing.get_origin(variant)
    if origin is typing.Literal:
        return instance in typing.get_args(variant)
    if origin is typing.Union or type(variant).__name__ == "UnionType":
        return any(_is_instance(instance, v) for v in typing.get_args(variant))
    if variant is Any:
        return True
    return isinstance(instance, origin or variant)


class UntaggedUnion(metaclass=_UnionMeta):
    _given: Variants | Callable[[], Variants] = ()
    _resolved: Variants | None = None
    # The discriminator's property, and the variant each of its values names.
    __discriminator__: tuple[str, dict[str, Any]] | None = None


def untagged_union(
    name: str,
    variants: Variants | Callable[[], Variants],
    discriminator: tuple[str, dict[str, Any]] | None = None,
) -> type[UntaggedUnion]:
    namespace = {
        "_given": variants,
        "_resolved": None,
        "__discriminator__": discriminator,
        "__module__": __name__,
    }
    union = _UnionMeta(name, (UntaggedUnion,), namespace)
    return typing.cast("type[UntaggedUnion]", union)


def _known_keys(variant: Any) -> frozenset[str]:
    fields = getattr(variant, "__struct_encode_fields__", None)
    return frozenset(fields) if fields else frozenset()


def decode_hook(kind: type, value: Any) -> Any:
    """msgspec's dec_hook: turn a decoded JSON value into one variant of an untagged union."""
    if not (isinstance(kind, type) and issubclass(kind, UntaggedUnion)):
        raise NotImplementedError(f"cannot decode {kind!r}")
    named = _named_variant(kind, value)
    if named is not None:
        variant, prop = named
        try:
            return msgspec.convert(value, variant, dec_hook=decode_hook)
        except msgspec.ValidationError as exc:
            raise ValueError(
                f"not a valid {variant.__name__}, which {prop}={value[prop]!r} names ({exc})"
            ) from None
    best: Any = None
    best_score = -1
    errors: list[str] = []
    for variant in kind.__variants__:
        try:
            decoded = msgspec.convert(value, variant, dec_hook=decode_hook)
        except msgspec.ValidationError as exc:
            errors.append(str(exc))
            continue
        if not isinstance(value, dict):
            return decoded
        score = len(_known_keys(variant) & value.keys())
        if score > best_score:
            best, best_score = decoded, score
    if best_score >= 0:
        return best
    names = ", ".join(getattr(v, "__name__", repr(v)) for v in kind.__variants__)
    raise ValueError(f"matches none of {names} ({'; '.join(errors)})")


def _named_variant(kind: type[UntaggedUnion], value: Any) -> tuple[Any, str] | None:
    """The variant the discriminator names; None when there is none, or when the value is
    one this client does not know (added to the API later): then every variant is tried.
    """
    if kind.__discriminator__ is None or not isinstance(value, dict):
        return None
    prop, variants = kind.__discriminator__
    tag = value.get(prop)
    variant = variants.get(tag) if isinstance(tag, str) else None
    return None if variant is None else (variant, prop)
