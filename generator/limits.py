"""Input limits that light modules (configuration, the command line) need without the loader."""

from __future__ import annotations

# The largest spec read, with every file it pulls in; --max-spec-bytes raises it.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
