"""A tag -> the namespace that holds its operations, spelled as a user would write it.

- A tag written as words (`GitHub Apps`, `OAuth2 Callbacks`, `Redirect URLs`) splits at
  spaces and punctuation only, each word lower-cased whole: `github_apps`,
  `oauth2_callbacks`, `redirect_urls`. Single letters joined by `/` or `.` are one word
  (`Data I/O` -> `data_io`).
- A tag written as one word (`NotificationRules`, `DBRPs`, `OAuth`) is snake_cased like any
  other name (identifiers.py): `notification_rules`, `dbrps`, `oauth`.
- A version segment of the operation's path (`/v1/`, `/2010-04-01/`) is no word of its
  namespace: `Api20100401Message` over `/2010-04-01/Accounts/...` is `message` (an `api`
  glued to the version, or just before it, goes with it). placement.py keeps the version
  where leaving it out would make two tags one namespace.
"""

from __future__ import annotations

import re

from .identifiers import fold_ascii, guard, identifier

_LETTERS_JOINED = re.compile(r"(?<![0-9A-Za-z])[A-Za-z](?:[./][A-Za-z])+(?![0-9A-Za-z])")
_NON_ALNUM = re.compile(r"[^0-9A-Za-z]+")
_VERSION = re.compile(r"v\d+(?:[a-z]+\d*)?|\d{4}-?\d{2}-?\d{2}", re.IGNORECASE)


def tag_namespace(tag: str) -> str:
    """The namespace (snake_case) for operations whose first tag is `tag`."""
    text = fold_ascii(tag).strip()
    if any(char.isspace() for char in text):
        text = _LETTERS_JOINED.sub(lambda m: re.sub(r"[./]", "", m.group(0)), text)
        words = [w.lower() for w in _NON_ALNUM.split(text) if w]
        return guard("_".join(words), "field_", "field")
    return identifier(text)


def path_versions(path: str) -> set[str]:
    """The version segments of a path (`v1`, `2010-04-01`), lower-case, punctuation left out."""
    return {s.lower().replace("-", "") for s in path.split("/") if _VERSION.fullmatch(s)}


def version_free(namespace: str, path: str) -> str:
    """`namespace` without the words that are version segments of `path` (see the module
    doc); unchanged when there are none, or when nothing else would be left."""
    versions = path_versions(path)
    if not versions:
        return namespace
    words = namespace.split("_")
    kept: list[str] = []
    for i, word in enumerate(words):
        versioned = word in versions or (word.startswith("api") and word[3:] in versions)
        before_version = word == "api" and i + 1 < len(words) and words[i + 1] in versions
        if not (versioned or before_version):
            kept.append(word)
    name = "_".join(w for w in kept if w)
    return guard(name, "field_", "field") if name else namespace
