"""Where the cache lives: the OS's cache folder (platformdirs), unless moved or turned off."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from generator import cache


def test_the_cache_is_in_the_os_cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("POLAR_CODEGEN_CACHE_DIR", raising=False)
    assert cache.cache_dir() == Path(platformdirs.user_cache_dir("polar-codegen", appauthor=False))
    if sys.platform.startswith("linux"):
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
        assert cache.cache_dir() == tmp_path / "polar-codegen"


@pytest.mark.parametrize("off", ["off", "0", "none", ""])
def test_the_cache_can_be_moved_or_turned_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, off: str) -> None:
    monkeypatch.setenv("POLAR_CODEGEN_CACHE_DIR", str(tmp_path / "c"))
    assert cache.cache_dir() == tmp_path / "c"
    monkeypatch.setenv("POLAR_CODEGEN_CACHE_DIR", off)
    assert cache.cache_dir() is None
    cache.put("kind", cache.key("x"), "text")  # a no-op, never an error
    assert cache.get("kind", cache.key("x")) is None
