"""Two versions of a spec -> the changes a client user sees, each classified and explained at
two levels: the HTTP contract and the generated Python API.

Works from the two IRs (what the generated client exposes: names, types, defaults,
constraints, enum members). Whether a schema is sent, received or both decides how a change
is judged, and that is worked out here by walking the IR from each operation's parameters
and body (sent) and responses (received). Nothing is rendered or written.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from ..build import BuildOptions, make_union
from ..emit.pysource import annotation
from ..ir import walk
from ..ir import ANY, NONE, Alias, Api, Body, EnumType, Field, Model, Operation, Param, TypeRef
from ..limits import DEFAULT_MAX_BYTES
from ..problems import InputError, Problem, split_pointer
from ..spec.load import Document, load, parse
from .review import Code, Message, analyse, cell, code, display, field_default, message

SEVERITIES = ("breaking", "warning", "info")

REQUEST, RESPONSE = "request", "response"

_T = TypeVar("_T")


@dataclass(frozen=True)
class Change:
    severity: str
    kind: str
    # Where in the HTTP contract: `GET /v1/items` or a schema.
    where: str
    python: Message
    http: Message

    @property
    def message(self) -> str:
        return f"{self.python.plain} ({self.http.plain})"


# -- reading both sides ----------------------------------------------------------------------


def read_spec(
    source: str, *, max_bytes: int = DEFAULT_MAX_BYTES, cwd: Path | None = None
) -> Document:
    """A spec from a file, or from git as `REV:PATH` (read with `git show`, relative to the
    repository root unless PATH starts with `./`). Raises InputError."""
    base = cwd or Path.cwd()
    path = Path(source)
    if (base / path).exists() or ":" not in source:
        return load(base / path if not path.is_absolute() else path, max_bytes=max_bytes)
    try:
        done = subprocess.run(
            ["git", "show", source],
            cwd=base,
            capture_output=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise InputError([Problem("", f"cannot run git to read {source}: {exc}")]) from None
    if done.returncode != 0:
        reason = (
            " ".join(done.stderr.decode("utf-8", "replace").split()) or f"exit {done.returncode}"
        )
        raise InputError(
            [
                Problem(
                    "",
                    f"cannot read {source} from git: {reason}",
                    hint="give a file, or REV:PATH with PATH from the repository root",
                )
            ]
        )
    if len(done.stdout) > max_bytes:
        raise InputError(
            [
                Problem(
                    "",
                    f"the spec is {len(done.stdout):,} bytes, over the limit of {max_bytes:,}",
                    hint="raise the limit with --max-spec-bytes if this file is trusted",
                )
            ]
        )
    return parse(Path(source), done.stdout)


def load_side(
    source: str,
    options: BuildOptions,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cwd: Path | None = None,
) -> Api:
    document = read_spec(source, max_bytes=max_bytes, cwd=cwd)
    return analyse(document, options)


def diff_data(
    old: Any, new: Any, options: BuildOptions | None = None, *, check: bool = True
) -> list[Change]:
    """Changes between two spec documents given as data (validated unless `check=False`)."""
    opts = options or BuildOptions()
    before = analyse(Document(Path("old"), old), opts, check=check)
    after = analyse(Document(Path("new"), new), opts, check=check)
    return diff_apis(before, after)


# -- comparing -------------------------------------------------------------------------------


def diff_apis(old: Api, new: Api) -> list[Change]:
    """Every change from `old` to `new`, breaking changes first."""
    changes = _Differ(old, new).run()
    order = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(changes, key=lambda c: order[c.severity])


def _match(
    old: Sequence[_T], new: Sequence[_T], keys: Iterable[Callable[[_T], Hashable | None]]
) -> tuple[list[tuple[_T, _T]], list[_T], list[_T]]:
    """Pair items by each key in turn (a key must be unique on both sides to pair)."""
    pairs: list[tuple[_T, _T]] = []
    left, right = list(old), list(new)
    for key in keys:
        left_keys = [key(x) for x in left]
        right_keys = [key(x) for x in right]
        paired_left: set[int] = set()
        paired_right: set[int] = set()
        for i, k in enumerate(left_keys):
            if k is None or left_keys.count(k) != 1 or right_keys.count(k) != 1:
                continue
            j = right_keys.index(k)
            pairs.append((left[i], right[j]))
            paired_left.add(i)
            paired_right.add(j)
        left = [x for i, x in enumerate(left) if i not in paired_left]
        right = [x for j, x in enumerate(right) if j not in paired_right]
    return pairs, left, right


def normalized_path(path: str) -> str:
    return re.sub(r"{[^}]*}", "{}", path)


def _members(t: TypeRef) -> tuple[TypeRef, ...]:
    return t.args if t.kind == "union" else (t,)


def strip_none(t: TypeRef) -> TypeRef:
    real = [m for m in _members(t) if m != NONE]
    return make_union(real) if real else NONE


def _usage(api: Api) -> dict[str, set[str]]:
    """Model, enum and alias names by whether they are sent (request), received (response)."""
    models = {m.name: m for m in api.models}
    aliases = {a.name: a for a in api.aliases}
    used: dict[str, set[str]] = {}

    def visit(t: TypeRef | None, direction: str) -> None:
        if t is None:
            return
        stack = [t]
        while stack:
            node = stack.pop()
            stack.extend(node.args)
            if node.kind not in ("model", "enum", "alias"):
                continue
            seen = used.setdefault(node.name, set())
            if direction in seen:
                continue
            seen.add(direction)
            if node.kind == "model" and node.name in models:
                stack.extend(f.type for f in models[node.name].fields)
            elif node.kind == "alias" and node.name in aliases:
                stack.append(aliases[node.name].type)

    for op in api.operations:
        for p in op.positional + op.keyword:
            visit(p.type, REQUEST)
        if op.body is not None:
            visit(op.body.type, REQUEST)
        for r in op.success + op.errors:
            visit(r.type, RESPONSE)
    return used


def _schema(pointer: str) -> str:
    tokens = split_pointer(pointer)
    if len(tokens) == 3 and tokens[:2] == ["components", "schemas"]:
        return tokens[2]
    return "#" + pointer


def _value(v: str | int) -> str:
    return json.dumps(v, ensure_ascii=False)


def same_default(a: str | None, b: str | None) -> bool:
    """Whether two defaults (Python source) are the same value: `10` and `10.0` are."""
    if a == b:
        return True
    if a is None or b is None:
        return False
    try:
        x, y = ast.literal_eval(a), ast.literal_eval(b)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return False
    numbers = (int, float)
    if type(x) in numbers and type(y) in numbers:
        return bool(x == y)
    return type(x) is type(y) and bool(x == y)


def _mentions_deprecation(text: str | None) -> bool:
    return "deprecat" in (text or "").lower()


_LOWER_BOUNDS = frozenset({"minLength", "minimum", "exclusiveMinimum", "minItems"})
_UPPER_BOUNDS = frozenset({"maxLength", "maximum", "exclusiveMaximum", "maxItems"})


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def constraint_changes(
    old: tuple[tuple[str, str], ...], new: tuple[tuple[str, str], ...]
) -> tuple[list[str], list[str]]:
    """(tightened, loosened) descriptions such as `maximum 100 -> 50`."""
    before, after = dict(old), dict(new)
    tightened: list[str] = []
    loosened: list[str] = []
    for key in [k for k in before if k not in after] + [k for k in after]:
        a, b = before.get(key), after.get(key)
        if a == b:
            continue
        if a is None:
            tightened.append(f"{key} {b} added")
        elif b is None:
            loosened.append(f"{key} {a} removed")
        else:
            x, y = _number(a), _number(b)
            text = f"{key} {a} -> {b}"
            if x is not None and y is not None and key in _LOWER_BOUNDS:
                (tightened if y > x else loosened).append(text)
            elif x is not None and y is not None and key in _UPPER_BOUNDS:
                (tightened if y < x else loosened).append(text)
            else:
                tightened.append(text)
    return tightened, loosened


@dataclass
class _Differ:
    old: Api
    new: Api
    changes: list[Change] = field(default_factory=list)
    # Old model, enum and alias names -> their names in the new version.
    renamed: dict[str, str] = field(default_factory=dict)
    # What each alias stands for, in new names; aliases being expanded right now.
    alias_types: dict[str, TypeRef] = field(default_factory=dict)
    expanding: set[str] = field(default_factory=set)

    def add(self, severity: str, kind: str, where: str, python: Message, http: Message) -> None:
        self.changes.append(Change(severity, kind, where, python, http))

    def run(self) -> list[Change]:
        model_pairs, old_models, new_models = _match(
            self.old.models,
            self.new.models,
            (
                lambda m: m.name,
                lambda m: m.pointer,
                lambda m: frozenset(f.wire_name for f in m.fields) or None,
            ),
        )
        enum_pairs, old_enums, new_enums = _match(
            self.old.enums,
            self.new.enums,
            (
                lambda e: e.name,
                lambda e: e.pointer,
                lambda e: frozenset((type(m.value).__name__, m.value) for m in e.members),
            ),
        )
        alias_pairs, old_aliases, new_aliases = _match(
            self.old.aliases, self.new.aliases, (lambda a: a.name, lambda a: a.pointer)
        )
        for pairs in (model_pairs, enum_pairs, alias_pairs):
            for a, b in pairs:
                self.renamed[a.name] = b.name
        self.old_usage = _usage(self.old)
        self.new_usage = _usage(self.new)
        self.enum_base = {e.name: e.base for e in self.new.enums + self.old.enums}
        for alias in self.old.aliases:
            self.alias_types[self.renamed.get(alias.name, alias.name)] = self.map(alias.type)
        self.alias_types.update({alias.name: alias.type for alias in self.new.aliases})
        self._operations()
        for om, nm in model_pairs:
            self._model(om, nm)
        for oe, ne in enum_pairs:
            self._enum(oe, ne)
        for oa, na in alias_pairs:
            self._alias(oa, na)
        # A name that is still exported but as another kind (a model that became a union).
        gone = [("model", m.name, m.pointer) for m in old_models]
        gone += [("enum", e.name, e.pointer) for e in old_enums]
        gone += [("type alias", a.name, a.pointer) for a in old_aliases]
        came = [("model", m.name, m.pointer) for m in new_models]
        came += [("enum", e.name, e.pointer) for e in new_enums]
        came += [("type alias", a.name, a.pointer) for a in new_aliases]
        changed_kind, gone, came = _match(gone, came, (lambda x: x[1],))
        for (was, name, _), (now, _, pointer) in changed_kind:
            self._kind_changed(name, was, now, pointer)
        for what, name, pointer in gone:
            self._removed_type(what, name, pointer)
        for what, name, pointer in came:
            self._added_type(what, name, pointer)
        self._servers()
        return self.changes

    # -- types ---------------------------------------------------------------------------

    def map(self, t: TypeRef) -> TypeRef:
        """An old type in the new version's names."""
        if t.kind in ("model", "enum", "alias"):
            return TypeRef(t.kind, self.renamed.get(t.name, t.name))
        if t.args:
            return TypeRef(t.kind, t.name, tuple(self.map(a) for a in t.args), t.values)
        return t

    def fits(self, a: TypeRef, b: TypeRef) -> bool:
        """Whether every value of type `a` is a value of type `b` (both in new names)."""
        if a == b or b == ANY:
            return True
        if a == ANY:
            return False
        if a.kind == "alias" and a.name in self.alias_types and a.name not in self.expanding:
            return self._via_alias(a.name, lambda t: self.fits(t, b))
        if b.kind == "alias" and b.name in self.alias_types and b.name not in self.expanding:
            return self._via_alias(b.name, lambda t: self.fits(a, t))
        if a.kind == "union":
            return all(self.fits(m, b) for m in a.args)
        if a.kind == "literal" and len(a.values) > 1:
            return all(self.fits(TypeRef("literal", values=(v,)), b) for v in a.values)
        if b.kind == "union":
            return any(self.fits(a, m) for m in b.args)
        if a.kind == "literal":
            is_str = a.values[0].startswith('"')
            if b.kind == "literal":
                return a.values[0] in b.values
            return (b.kind, b.name) in (
                {("builtin", "str")} if is_str else {("builtin", "int"), ("builtin", "float")}
            )
        if a.kind == "builtin" and b.kind == "builtin":
            return (a.name, b.name) == ("int", "float")
        if a.kind == "enum" and b.kind == "builtin":
            return self.enum_base.get(a.name, "str") == b.name
        if a.kind == b.kind and a.kind in ("list", "dict"):
            return self.fits(a.args[0], b.args[0])
        if a.kind == b.kind == "tuple":
            return len(a.args) == len(b.args) and all(
                self.fits(x, y) for x, y in zip(a.args, b.args)
            )
        return False

    def _via_alias(self, name: str, test: Callable[[TypeRef], bool]) -> bool:
        """Test the type an alias stands for (an alias that names itself stops here)."""
        self.expanding.add(name)
        try:
            return test(self.alias_types[name])
        finally:
            self.expanding.discard(name)

    def judge(
        self, before: TypeRef, after: TypeRef, directions: set[str]
    ) -> tuple[str, str] | None:
        """(severity, how) for a type change: how is widened, narrowed, nullable, not-nullable
        or retyped; None when nothing changed."""
        a, b = self.map(before), after
        if a == b:
            return None
        verdicts: list[tuple[str, str]] = []
        nullable_only = strip_none(a) == strip_none(b)
        if REQUEST in directions:
            if self.fits(a, b):
                verdicts.append(("info", "nullable" if nullable_only else "widened"))
            else:
                verdicts.append(("breaking", "not-nullable" if nullable_only else "narrowed"))
        if RESPONSE in directions or not directions:
            if self.fits(b, a):
                verdicts.append(("info", "not-nullable" if nullable_only else "narrowed"))
            else:
                verdicts.append(("breaking", "nullable" if nullable_only else "retyped"))
        order = {s: i for i, s in enumerate(SEVERITIES)}
        return min(verdicts, key=lambda v: order[v[0]])

    def versus(self, before: TypeRef, after: TypeRef) -> tuple[str, ...]:
        """`NEW`, was `OLD` (in the new names), saying what changed when both read the same."""
        was = self.map(before)
        now_text, was_text = display(annotation(after)), display(annotation(was))
        parts: tuple[str, ...] = (Code(now_text), ", was ", Code(was_text))
        if now_text == was_text:
            kinds = {n.name: n.kind for n in walk(was) if n.kind in _KIND_NAMES}
            for node in walk(after):
                old_kind = kinds.get(node.name, node.kind)
                if node.kind in _KIND_NAMES and old_kind != node.kind:
                    return parts + (
                        " (",
                        Code(node.name),
                        f" was a {_KIND_NAMES[old_kind]}, is now a {_KIND_NAMES[node.kind]})",
                    )
        return parts

    def directions(self, old_name: str, new_name: str) -> set[str]:
        return self.old_usage.get(old_name, set()) | self.new_usage.get(new_name, set())

    # -- operations -----------------------------------------------------------------------

    def _operations(self) -> None:
        pairs, removed, added = _match(
            self.old.operations,
            self.new.operations,
            (
                lambda o: o.operation_id,
                lambda o: (o.method, normalized_path(o.path)),
                lambda o: o.python_path,
            ),
        )
        for o in removed:
            self.add(
                "breaking",
                "operation-removed",
                f"{o.method} {o.path}",
                message(Code(f"client.{o.python_path}()"), " was removed"),
                message(Code(f"{o.method} {o.path}"), " removed"),
            )
        for o, n in pairs:
            self._operation(o, n)
        for n in added:
            self.add(
                "info",
                "operation-added",
                f"{n.method} {n.path}",
                message("new ", Code(f"client.{n.python_path}()")),
                message(Code(f"{n.method} {n.path}"), " added"),
            )

    def _operation(self, o: Operation, n: Operation) -> None:
        where = f"{n.method} {n.path}"
        call = Code(f"client.{n.python_path}()")
        op = Code(where)
        if o.python_path != n.python_path:
            self.add(
                "breaking",
                "operation-renamed",
                where,
                message(Code(f"client.{o.python_path}()"), " is now ", call),
                message("same HTTP operation ", op),
            )
        elif o.operation_id != n.operation_id:
            self.add(
                "info",
                "operation-id-changed",
                where,
                message(call, " is unchanged"),
                message("operationId ", Code(o.operation_id), " became ", Code(n.operation_id)),
            )
        if o.method != n.method:
            self.add(
                "breaking",
                "operation-method-changed",
                where,
                message(call, f" now sends {n.method}, not {o.method}"),
                message(Code(f"{o.method} {o.path}"), " became ", op),
            )
        if normalized_path(o.path) != normalized_path(n.path):
            self.add(
                "breaking",
                "operation-path-changed",
                where,
                message(call, " now requests ", Code(n.path)),
                message(Code(f"{o.method} {o.path}"), " became ", op),
            )
        self._deprecation(
            "operation",
            where,
            (o.deprecated, o.description),
            (n.deprecated, n.description),
            message(call),
            message(op),
        )
        self._params(o, n, where, call)
        self._body(o.body, n.body, where, call)
        self._responses(o, n, where, call)
        if o.pagination is not None and n.pagination is None:
            path = ".".join(o.namespace + (o.pagination.name,))
            self.add(
                "breaking",
                "pagination-removed",
                where,
                message(Code(f"client.{path}()"), " was removed"),
                message(op, " no longer looks like a page-numbered list"),
            )
        elif o.pagination is None and n.pagination is not None:
            path = ".".join(n.namespace + (n.pagination.name,))
            self.add(
                "info",
                "pagination-added",
                where,
                message("new ", Code(f"client.{path}()"), " walks every page"),
                message(op, " is now a page-numbered list"),
            )

    def _deprecation(
        self,
        what: str,
        where: str,
        old: tuple[bool, str | None],
        new: tuple[bool, str | None],
        python: Message,
        http: Message,
    ) -> None:
        was = old[0] or _mentions_deprecation(old[1])
        now = new[0] or _mentions_deprecation(new[1])
        if now and not was:
            how = " marked deprecated" if new[0] else ": its description now says it is deprecated"
            self.add(
                "warning",
                f"{what}-deprecated",
                where,
                message(*python.parts, " is deprecated"),
                message(*http.parts, how),
            )
        elif was and not now:
            self.add(
                "info",
                f"{what}-undeprecated",
                where,
                message(*python.parts, " is no longer deprecated"),
                message(*http.parts, " no longer deprecated"),
            )

    def _params(self, o: Operation, n: Operation, where: str, call: Code) -> None:
        old = list(o.positional + o.keyword)
        new = list(n.positional + n.keyword)
        same_shape = normalized_path(o.path) == normalized_path(n.path)

        def path_slot(p: Param) -> int | None:
            path = n.path if any(p is x for x in new) else o.path
            names = re.findall(r"{([^}]+)}", path)
            return (
                names.index(p.wire_name) if p.location == "path" and p.wire_name in names else None
            )

        def shape(p: Param) -> tuple[str, bool, str]:
            t = p.type if any(p is x for x in new) else self.map(p.type)
            return (p.location, p.required, annotation(t))

        pairs, removed, added = _match(
            old, new, (lambda p: (p.location, p.wire_name), lambda p: p.name)
        )
        if same_shape:
            more, removed, added = _match(removed, added, (path_slot,))
            pairs += more
        # A parameter removed and another added in its place, of the same type: a rename.
        renames, removed, added = _match(removed, added, (shape,))
        for p, q in renames:
            self._param_renamed(p, q, where, call)
        for p in removed:
            self.add(
                "breaking",
                "param-removed",
                where,
                message(call, " lost ", _arg(p), " ", Code(p.name)),
                message(
                    f"{p.location} parameter ", Code(p.wire_name), " of ", Code(where), " removed"
                ),
            )
        for p, q in pairs:
            self._param(p, q, where, call)
        for q in added:
            sig = f"{q.name}: {display(q.annotation)}"
            if q.required:
                self.add(
                    "breaking",
                    "param-added-required",
                    where,
                    message(call, " needs a new ", _arg(q), " ", Code(sig)),
                    message(
                        f"new required {q.location} parameter ",
                        Code(q.wire_name),
                        " of ",
                        Code(where),
                    ),
                )
            else:
                self.add(
                    "info",
                    "param-added-optional",
                    where,
                    message(
                        call,
                        " takes a new ",
                        _arg(q),
                        " ",
                        Code(f"{sig} = {display(q.default_source or 'None')}"),
                    ),
                    message(
                        f"new optional {q.location} parameter ",
                        Code(q.wire_name),
                        " of ",
                        Code(where),
                    ),
                )

    def _param_renamed(self, p: Param, q: Param, where: str, call: Code) -> None:
        self.add(
            "breaking",
            "param-renamed",
            where,
            message(call, f": {_arg(p)} ", Code(p.name), " is now ", Code(q.name)),
            message(
                f"{p.location} parameter ",
                Code(p.wire_name),
                " of ",
                Code(where),
                " renamed to ",
                Code(q.wire_name),
            ),
        )

    def _param(self, p: Param, q: Param, where: str, call: Code) -> None:
        arg = (f"{_arg(q)} ", Code(q.name), " of ", call)
        wire = (f"{q.location} parameter ", Code(q.wire_name), " of ", Code(where))
        if p.location != q.location:
            self.add(
                "breaking",
                "param-moved",
                where,
                message(
                    *arg, " is unchanged, but clients generated from the old spec send it wrong"
                ),
                message(
                    f"{p.location} parameter ",
                    Code(p.wire_name),
                    " of ",
                    Code(where),
                    f" moved to the {q.location}",
                ),
            )
        elif p.wire_name != q.wire_name:
            self._param_renamed(p, q, where, call)
        elif p.name != q.name:
            self.add(
                "breaking",
                "param-python-renamed",
                where,
                message(call, f": {_arg(p)} ", Code(p.name), " is now ", Code(q.name)),
                message(*wire, " is unchanged on the wire"),
            )
        if q.required and not p.required:
            self.add(
                "breaking",
                "param-required",
                where,
                message(*arg, " is now required"),
                message(*wire, " made required"),
            )
        elif p.required and not q.required:
            self.add(
                "info",
                "param-optional",
                where,
                message(*arg, " is now optional"),
                message(*wire, " made optional"),
            )
        verdict = self.judge(p.type, q.type, {REQUEST})
        if verdict is not None:
            severity, how = verdict
            self.add(
                severity,
                "param-type-narrowed" if severity == "breaking" else "param-type-widened",
                where,
                message(*arg, " takes ", *self.versus(p.type, q.type)),
                message(*wire, f" type {_how(how)}"),
            )
        if (
            not p.required
            and not q.required
            and not same_default(p.default_source, q.default_source)
        ):
            self.add(
                "warning",
                "param-default-changed",
                where,
                message(
                    *arg,
                    " defaults to ",
                    Code(display(q.default_source or "None")),
                    ", was ",
                    Code(display(p.default_source or "None")),
                ),
                message(*wire, " default changed"),
            )
        self._constraints("param", where, p.constraints, q.constraints, arg, wire)
        self._deprecation(
            "param",
            where,
            (p.deprecated, p.description),
            (q.deprecated, q.description),
            message(*arg),
            message(*wire),
        )

    def _constraints(
        self,
        what: str,
        where: str,
        old: tuple[tuple[str, str], ...],
        new: tuple[tuple[str, str], ...],
        python: tuple[str, ...],
        http: tuple[str, ...],
    ) -> None:
        tightened, loosened = constraint_changes(old, new)
        if tightened:
            self.add(
                "warning",
                f"{what}-constraint-tightened",
                where,
                message(*python, " accepts fewer values: ", Code("; ".join(tightened))),
                message(*http, " constraint tightened"),
            )
        if loosened:
            self.add(
                "info",
                f"{what}-constraint-loosened",
                where,
                message(*python, " accepts more values: ", Code("; ".join(loosened))),
                message(*http, " constraint loosened"),
            )

    def _body(self, o: Body | None, n: Body | None, where: str, call: Code) -> None:
        op = Code(where)
        if o is None and n is None:
            return
        if o is None and n is not None:
            self.add(
                "breaking" if n.required else "info",
                "body-added-required" if n.required else "body-added-optional",
                where,
                message(call, " takes a new keyword ", Code(f"body: {display(n.annotation)}")),
                message(
                    op,
                    " now takes a " + ("required" if n.required else "optional") + " request body",
                ),
            )
            return
        if o is not None and n is None:
            self.add(
                "breaking",
                "body-removed",
                where,
                message(call, " lost keyword ", Code("body")),
                message(op, " no longer takes a request body"),
            )
            return
        assert o is not None and n is not None
        if n.required and not o.required:
            self.add(
                "breaking",
                "body-required",
                where,
                message("keyword ", Code("body"), " of ", call, " is now required"),
                message("request body of ", op, " made required"),
            )
        elif o.required and not n.required:
            self.add(
                "info",
                "body-optional",
                where,
                message("keyword ", Code("body"), " of ", call, " is now optional"),
                message("request body of ", op, " made optional"),
            )
        verdict = self.judge(o.type, n.type, {REQUEST})
        if verdict is not None:
            severity, how = verdict
            self.add(
                severity,
                "body-type-narrowed" if severity == "breaking" else "body-type-widened",
                where,
                message(
                    "keyword ",
                    Code("body"),
                    " of ",
                    call,
                    " takes ",
                    *self.versus(o.type, n.type),
                ),
                message("request body of ", op, f" {_how(how)}"),
            )
        if o.content_type != n.content_type:
            self.add(
                "warning",
                "body-content-type-changed",
                where,
                message(
                    "keyword ",
                    Code("body"),
                    " of ",
                    call,
                    " is unchanged; it is now sent as ",
                    Code(n.content_type),
                ),
                message(
                    "request body of ",
                    op,
                    " is now ",
                    Code(n.content_type),
                    ", was ",
                    Code(o.content_type),
                ),
            )

    def _responses(self, o: Operation, n: Operation, where: str, call: Code) -> None:
        op = Code(where)
        before = o.returns if o.returns is not None else NONE
        after = n.returns if n.returns is not None else NONE
        verdict = self.judge(before, after, {RESPONSE})
        if verdict is not None:
            severity, how = verdict
            self.add(
                severity,
                "return-type-changed" if severity == "breaking" else "return-type-narrowed",
                where,
                message(
                    call,
                    " returns ",
                    *self.versus(before, after),
                ),
                message("success response of ", op, f" {_how(how)}"),
            )
        old_ok = [r.status for r in o.success]
        new_ok = [r.status for r in n.success]
        if old_ok != new_ok:
            self.add(
                "warning",
                "success-status-changed",
                where,
                message(call, " is unchanged"),
                message(
                    "success status of ",
                    op,
                    " is now ",
                    Code(", ".join(new_ok) or "none"),
                    ", was ",
                    Code(", ".join(old_ok) or "none"),
                ),
            )
        old_errors = {r.status: r for r in o.errors}
        new_errors = {r.status: r for r in n.errors}
        for status, r in old_errors.items():
            if status not in new_errors:
                self.add(
                    "warning",
                    "error-response-removed",
                    where,
                    message(
                        call,
                        " still raises ",
                        Code(r.error_class),
                        f" on HTTP {status}, but its ",
                        Code(".detail"),
                        " is no longer decoded",
                    ),
                    message(f"HTTP {status} of ", op, " no longer documented"),
                )
            else:
                q = new_errors[status]
                if r.type is not None and q.type is not None:
                    changed = self.judge(r.type, q.type, {RESPONSE})
                else:
                    changed = None if r.type == q.type else ("warning", "retyped")
                if changed is not None and changed[0] != "info":
                    self.add(
                        "warning",
                        "error-type-changed",
                        where,
                        message(
                            Code(f"{q.error_class}.detail"),
                            " from ",
                            call,
                            " is now ",
                            *self.versus(r.type or NONE, q.type or NONE),
                        ),
                        message(f"HTTP {status} body of ", op, " changed"),
                    )
        for status, q in new_errors.items():
            if status not in old_errors:
                detail = (
                    (", ", Code(".detail"), " decoded as ", Code(display(q.annotation)))
                    if q.annotation
                    else ()
                )
                self.add(
                    "info",
                    "error-response-added",
                    where,
                    message(
                        call, " documents ", Code(q.error_class), f" on HTTP {status}", *detail
                    ),
                    message(f"HTTP {status} of ", op, " documented"),
                )

    # -- models, enums, aliases -----------------------------------------------------------

    def _kind_changed(self, name: str, was: str, now: str, pointer: str) -> None:
        self.add(
            "breaking",
            "type-kind-changed",
            _schema(pointer),
            message(
                Code(f"models.{name}"),
                f" is now a {now}, was a {was}: code that builds it or reads its attributes may"
                " break",
            ),
            message("schema ", Code(_schema(pointer)), " changed shape"),
        )

    def _removed_type(self, what: str, name: str, pointer: str) -> None:
        self.add(
            "breaking",
            f"{what.replace('type ', '')}-removed",
            _schema(pointer),
            message(Code(f"models.{name}"), " was removed; imports of it fail"),
            message(f"{what} schema ", Code(_schema(pointer)), " is gone"),
        )

    def _added_type(self, what: str, name: str, pointer: str) -> None:
        self.add(
            "info",
            f"{what.replace('type ', '')}-added",
            _schema(pointer),
            message("new ", Code(f"models.{name}")),
            message(f"new {what} schema ", Code(_schema(pointer))),
        )

    def _renamed_type(self, what: str, old: str, new: str, pointer: str) -> None:
        self.add(
            "breaking",
            f"{what.replace('type ', '')}-renamed",
            _schema(pointer),
            message(
                Code(f"models.{old}"), " is now ", Code(f"models.{new}"), "; imports of it fail"
            ),
            message(f"{what} schema ", Code(_schema(pointer)), " is unchanged on the wire"),
        )

    def _model(self, o: Model, n: Model) -> None:
        where = _schema(n.pointer)
        if o.name != n.name:
            self._renamed_type("model", o.name, n.name, n.pointer)
        directions = self.directions(o.name, n.name)
        side = _side(directions)
        if o.tag is not None and n.tag is not None and _tag(o) != _tag(n):
            self.add(
                "breaking",
                "model-tag-changed",
                where,
                message(
                    Code(f"models.{n.name}"),
                    " is told apart by ",
                    Code(_tag(n)),
                    ", was ",
                    Code(_tag(o)),
                ),
                message(f"{side}discriminator value of ", Code(where), " changed"),
            )
        elif (o.tag is None) != (n.tag is None):
            tagged = n.tag is not None
            tag = _tag(n) if tagged else _tag(o)
            self.add(
                "warning",
                "model-tag-changed",
                where,
                message(
                    Code(f"models.{n.name}"),
                    " is now told apart by " if tagged else " is no longer told apart by ",
                    Code(tag),
                    " (a class constant that the constructor does not take)" if tagged else "",
                ),
                message(
                    f"{side}schema ",
                    Code(where),
                    " is " if tagged else " is no longer ",
                    "a variant of a tagged union",
                ),
            )
        # A property that becomes the tag (or stops being it) stays readable on the class.
        old_tag = o.tag.wire_name if o.tag else None
        new_tag = n.tag.wire_name if n.tag else None
        pairs, removed, added = _match(o.fields, n.fields, (lambda f: f.wire_name,))
        removed = [f for f in removed if f.wire_name != new_tag]
        added = [g for g in added if g.wire_name != old_tag]
        for f in removed:
            self.add(
                "breaking",
                f"{_kind_side(directions)}field-removed",
                where,
                message(Code(f"models.{n.name}"), " lost field ", Code(f.name)),
                message(f"{side}property ", Code(f.wire_name), " of ", Code(where), " removed"),
            )
        for f, g in pairs:
            self._field(n, f, g, directions)
        for g in added:
            sig = f"{g.name}: {display(g.annotation)}"
            required_in_request = REQUEST in directions and g.required
            self.add(
                "breaking" if required_in_request else "info",
                f"{_kind_side(directions)}field-added"
                + ("-required" if required_in_request else ""),
                where,
                message(
                    Code(f"models.{n.name}"),
                    " has a new ",
                    "required " if g.required else "",
                    "field ",
                    Code(sig),
                ),
                message(f"new {side}property ", Code(g.wire_name), " of ", Code(where)),
            )

    def _field(self, model: Model, f: Field, g: Field, directions: set[str]) -> None:
        where = _schema(model.pointer)
        attr = Code(f"models.{model.name}.{g.name}")
        side = _side(directions)
        prefix = _kind_side(directions)
        wire = (f"{side}property ", Code(g.wire_name), " of ", Code(where))
        if f.name != g.name:
            self.add(
                "breaking",
                "field-python-renamed",
                where,
                message(Code(f"models.{model.name}.{f.name}"), " is now ", attr),
                message(*wire, " is unchanged on the wire"),
            )
        if g.required != f.required:
            if g.required:
                severity = "breaking" if REQUEST in directions else "info"
                self.add(
                    severity,
                    f"{prefix}field-required",
                    where,
                    message(attr, " is now required"),
                    message(*wire, " made required"),
                )
            else:
                severity = "breaking" if RESPONSE in directions or not directions else "info"
                self.add(
                    severity,
                    f"{prefix}field-optional",
                    where,
                    message(attr, " is now optional: ", Code(display(g.annotation))),
                    message(
                        *wire,
                        " made optional"
                        + (": responses may omit it" if severity == "breaking" else ""),
                    ),
                )
        verdict = self.judge(f.type, g.type, directions)
        if verdict is not None:
            severity, how = verdict
            kind = {
                "nullable": "field-nullable",
                "not-nullable": "field-not-nullable",
                "widened": "field-widened",
                "narrowed": "field-narrowed",
                "retyped": "field-retyped",
            }[how]
            self.add(
                severity,
                prefix + kind,
                where,
                message(
                    attr,
                    " is ",
                    *self.versus(f.type, g.type),
                ),
                message(*wire, f" {_how(how)}"),
            )
        before, after = field_default(f), field_default(g)
        implicit = {"None", "UNSET"}
        # None <-> UNSET follows from nullability (reported above), not from a new default.
        follows = (
            before in implicit and after in implicit and f.type.is_nullable != g.type.is_nullable
        )
        if not f.required and not g.required and not follows and not same_default(before, after):
            self.add(
                "warning",
                "field-default-changed",
                where,
                message(
                    attr, " defaults to ", Code(after or "None"), ", was ", Code(before or "None")
                ),
                message(*wire, " default changed"),
            )
        self._constraints("field", where, f.constraints, g.constraints, (attr,), wire)
        self._deprecation(
            "field",
            where,
            (f.deprecated, f.description),
            (g.deprecated, g.description),
            message(attr),
            message(*wire),
        )

    def _enum(self, o: EnumType, n: EnumType) -> None:
        where = _schema(n.pointer)
        if o.name != n.name:
            self._renamed_type("enum", o.name, n.name, n.pointer)
        directions = self.directions(o.name, n.name)
        before = {(type(m.value).__name__, m.value): m for m in o.members}
        after = {(type(m.value).__name__, m.value): m for m in n.members}
        cls = f"models.{n.name}"
        for key, m in before.items():
            if key in after:
                if after[key].name != m.name:
                    self.add(
                        "breaking",
                        "enum-member-renamed",
                        where,
                        message(
                            Code(f"{cls}.{m.name}"), " is now ", Code(f"{cls}.{after[key].name}")
                        ),
                        message(
                            "enum value ",
                            Code(_value(m.value)),
                            " of ",
                            Code(where),
                            " is unchanged",
                        ),
                    )
                continue
            if REQUEST in directions:
                self.add(
                    "breaking",
                    "request-enum-value-removed",
                    where,
                    message(Code(f"{cls}.{m.name}"), " was removed; code that sends it fails"),
                    message(
                        "enum value ",
                        Code(_value(m.value)),
                        " of ",
                        Code(where),
                        " is no longer accepted in requests",
                    ),
                )
            else:
                self.add(
                    "warning",
                    "response-enum-value-removed",
                    where,
                    message(Code(f"{cls}.{m.name}"), " was removed; code that names it fails"),
                    message(
                        "enum value ",
                        Code(_value(m.value)),
                        " of ",
                        Code(where),
                        " is no longer returned",
                    ),
                )
        for key, m in after.items():
            if key in before:
                continue
            if RESPONSE in directions or not directions:
                self.add(
                    "warning",
                    "response-enum-value-added",
                    where,
                    message(
                        "new member ",
                        Code(f"{cls}.{m.name}"),
                        "; the generated client tolerates "
                        "new values (clients generated from the old spec decode it as an unknown "
                        "member), but code that matches every member may not",
                    ),
                    message(
                        "responses may carry the new enum value ",
                        Code(_value(m.value)),
                        " of ",
                        Code(where),
                    ),
                )
            else:
                self.add(
                    "info",
                    "request-enum-value-added",
                    where,
                    message("new member ", Code(f"{cls}.{m.name}")),
                    message(
                        "requests may send the new enum value ",
                        Code(_value(m.value)),
                        " of ",
                        Code(where),
                    ),
                )

    def _alias(self, o: Alias, n: Alias) -> None:
        where = _schema(n.pointer)
        if o.name != n.name:
            self._renamed_type("type alias", o.name, n.name, n.pointer)
        directions = self.directions(o.name, n.name)
        verdict = self.judge(o.type, n.type, directions)
        if verdict is not None:
            severity, how = verdict
            self.add(
                severity,
                "alias-retyped"
                if severity == "breaking"
                else "alias-widened"
                if how in ("widened", "nullable")
                else "alias-narrowed",
                where,
                message(
                    Code(f"models.{n.name}"),
                    " is ",
                    *self.versus(o.type, n.type),
                ),
                message(f"{_side(directions)}schema ", Code(where), f" {_how(how)}"),
            )

    def _servers(self) -> None:
        old = {s.name: s for s in self.old.servers}
        new = {s.name: s for s in self.new.servers}
        for name, s in old.items():
            if name not in new:
                self.add(
                    "breaking",
                    "server-removed",
                    "servers",
                    message(Code(f'Client(server="{name}")'), " is no longer accepted"),
                    message("server ", Code(s.url or name), " removed"),
                )
            elif new[name].url != s.url:
                self.add(
                    "warning",
                    "server-url-changed",
                    "servers",
                    message(
                        Code(f'Client(server="{name}")'), " now talks to ", Code(new[name].url)
                    ),
                    message("server URL ", Code(s.url), " became ", Code(new[name].url)),
                )
        for name, s in new.items():
            if name not in old:
                self.add(
                    "info",
                    "server-added",
                    "servers",
                    message("new ", Code(f'Client(server="{name}")')),
                    message("server ", Code(s.url or name), " added"),
                )


_KIND_NAMES = {"model": "model", "enum": "enum", "alias": "type alias"}


def _arg(p: Param) -> str:
    return "positional argument" if p.location == "path" else "keyword"


def _how(how: str) -> str:
    return {
        "widened": "widened (accepts more)",
        "narrowed": "narrowed",
        "nullable": "made nullable",
        "not-nullable": "no longer nullable",
        "retyped": "changed type",
    }[how]


def _side(directions: set[str]) -> str:
    if directions == {REQUEST}:
        return "request "
    if directions == {RESPONSE}:
        return "response "
    return ""


def _kind_side(directions: set[str]) -> str:
    if RESPONSE in directions or not directions:
        return "response-" if REQUEST not in directions else ""
    return "request-"


def _tag(m: Model) -> str:
    return f"{m.tag.wire_name} = {m.tag.value_source}" if m.tag else ""


# -- output ----------------------------------------------------------------------------------


def counts(changes: Sequence[Change]) -> dict[str, int]:
    return {s: sum(1 for c in changes if c.severity == s) for s in SEVERITIES}


def _summary(changes: Sequence[Change]) -> str:
    n = counts(changes)
    return f"{n['breaking']} breaking, {n['warning']} warning(s), {n['info']} other change(s)"


def to_text(changes: Sequence[Change], old: str, new: str) -> str:
    out = [f"{old} -> {new}: {_summary(changes)}"]
    for severity in SEVERITIES:
        chosen = [c for c in changes if c.severity == severity]
        if not chosen:
            continue
        out += ["", f"{severity}:"]
        for c in chosen:
            out.append(f"  {c.message} [{c.kind}]")
    return "\n".join(out) + "\n"


_TITLES = {"breaking": "Breaking", "warning": "Possibly breaking", "info": "Other changes"}


def to_markdown(changes: Sequence[Change], old: str, new: str) -> str:
    out = [f"## API changes: {_summary(changes)}", "", f"{code(old)} → {code(new)}"]
    if not changes:
        out += ["", "No change to the HTTP contract or the generated Python API."]
    for severity in SEVERITIES:
        chosen = [c for c in changes if c.severity == severity]
        if not chosen:
            continue
        out += ["", f"### {_TITLES[severity]} ({len(chosen)})", ""]
        out += ["| Python API | HTTP contract | kind |", "|---|---|---|"]
        for c in chosen:
            out.append(f"| {c.python.markdown} | {c.http.markdown} | {cell(c.kind)} |")
    return "\n".join(out) + "\n"


def to_data(changes: Sequence[Change], old: str, new: str) -> dict[str, Any]:
    return {
        "old": old,
        "new": new,
        "counts": counts(changes),
        "changes": [
            {
                "severity": c.severity,
                "kind": c.kind,
                "where": c.where,
                "python": c.python.plain,
                "http": c.http.plain,
                "message": c.message,
            }
            for c in changes
        ],
    }


def to_json(changes: Sequence[Change], old: str, new: str) -> str:
    return json.dumps(to_data(changes, old, new), indent=2, ensure_ascii=False) + "\n"


def render_diff(changes: Sequence[Change], old: str, new: str, fmt: str) -> str:
    if fmt == "json":
        return to_json(changes, old, new)
    if fmt == "markdown":
        return to_markdown(changes, old, new)
    return to_text(changes, old, new)


def failed(changes: Sequence[Change], fail_on: str | None) -> bool:
    """Whether `--fail-on` is hit: `breaking`, or `warning` (which also counts breaking)."""
    if fail_on is None:
        return False
    levels = SEVERITIES[: SEVERITIES.index(fail_on) + 1]
    return any(c.severity in levels for c in changes)
