#!/usr/bin/env bash
# Install the pinned Prism mock server (@stoplight/prism-cli) into .tools/prism (git-ignored).
#
#   tests/tools/install_prism.sh          # what tests/test_prism.py runs on first use
#
# The version and every transitive dependency come from tests/tools/prism/package.json and
# package-lock.json, installed with `npm ci`, so every machine gets the same tree. Idempotent:
# when .tools/prism already holds an install of exactly those two files it does nothing.
# Needs only node and npm (Node >= 20.16); PRISM_HOME overrides the target folder.
#
# Why a lockfile and not `npm install @stoplight/prism-cli@<version>`: prism-cli 5.14.2 asks for
# its @stoplight/prism-* siblings by caret range, which today resolves to 5.16.0 releases that
# need Node >= 24.18; the lockfile (and the overrides in package.json) keep them on versions
# that run on Node 20.
#
# To move to another Prism version: edit package.json, then in tests/tools/prism run
# `npm install --package-lock-only --no-audit --no-fund` and commit both files.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SRC="$ROOT/tests/tools/prism"
DEST="${PRISM_HOME:-$ROOT/.tools/prism}"
BIN="$DEST/node_modules/.bin/prism"
STAMP="$DEST/.installed"  # copies of the two files the install was made from

die() { echo "install_prism.sh: $*" >&2; exit 1; }

command -v node >/dev/null 2>&1 || die "node is not on PATH (Prism needs Node >= 20.16)"
command -v npm >/dev/null 2>&1 || die "npm is not on PATH"

# jsep (a dependency of Prism's JSONPath library) declares node >= 20.16.0.
node -e '
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 16)) {
    console.error(`install_prism.sh: Node ${process.versions.node} is too old; Prism needs >= 20.16`);
    process.exit(1);
  }
'

WANT="$(node -p 'require(process.argv[1]).dependencies["@stoplight/prism-cli"]' "$SRC/package.json")"

installed_version() {
  node -p 'require(process.argv[1]).version' \
    "$DEST/node_modules/@stoplight/prism-cli/package.json" 2>/dev/null || true
}

if [ -x "$BIN" ] && cmp -s "$SRC/package.json" "$STAMP/package.json" \
  && cmp -s "$SRC/package-lock.json" "$STAMP/package-lock.json" \
  && [ "$(installed_version)" = "$WANT" ]; then
  echo "Prism $WANT already installed in $DEST"
  exit 0
fi

echo "Installing Prism $WANT into $DEST ..."
mkdir -p "$DEST"
rm -rf "$STAMP" "$DEST/.installed-package-lock.json"
cp "$SRC/package.json" "$SRC/package-lock.json" "$DEST/"
npm ci --prefix "$DEST" --no-audit --no-fund --loglevel=error

GOT="$(installed_version)"
[ "$GOT" = "$WANT" ] || die "installed @stoplight/prism-cli is '$GOT', expected '$WANT'"
RUNS="$("$BIN" --version)" || die "$BIN does not run"
[ "$RUNS" = "$WANT" ] || die "$BIN --version says '$RUNS', expected '$WANT'"

mkdir -p "$STAMP"
cp "$SRC/package.json" "$SRC/package-lock.json" "$STAMP/"
echo "Prism $WANT installed in $DEST"
