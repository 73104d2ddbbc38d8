"""Prism (@stoplight/prism-cli), an independent OpenAPI mock server, for tests/test_prism.py.

`install()` runs tests/tools/install_prism.sh (pinned version, from a committed lockfile, into
the git-ignored .tools/prism) under a file lock, so parallel test runs never install into the
same folder at once; it returns at once when Prism is already there. `PrismServer.start()`
runs `prism mock` on 127.0.0.1 on a free port, waits until it answers HTTP, and `stop()` ends
that one process by its PID (terminate, wait, kill).

Any problem raises `PrismUnavailable` with the output that explains it; the fixtures in
conftest.py turn that into a test failure (never a skip, except for a machine with no npm at
all outside CI).
"""

from __future__ import annotations

import contextlib
import fcntl
import http.client
import json
import os
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALL_SCRIPT = ROOT / "tests" / "tools" / "install_prism.sh"
PACKAGE_JSON = ROOT / "tests" / "tools" / "prism" / "package.json"
PRISM_HOME = Path(os.environ.get("PRISM_HOME") or ROOT / ".tools" / "prism")
PRISM_BIN = PRISM_HOME / "node_modules" / ".bin" / "prism"
PINNED_VERSION: str = json.loads(PACKAGE_JSON.read_text())["dependencies"]["@stoplight/prism-cli"]

INSTALL_TIMEOUT = 600.0  # a cold npm cache on a slow CI runner
START_TIMEOUT = 60.0
STOP_TIMEOUT = 10.0
PORT_ATTEMPTS = 3


class PrismUnavailable(Exception):
    """Prism could not be installed or started; the message carries the tool's output."""


def in_ci() -> bool:
    """CI=true (GitHub Actions, GitLab, ...): Prism problems must fail the run, never skip."""
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def install() -> Path:
    """The pinned Prism's executable, installed first if needed (idempotent, locked)."""
    lock = PRISM_HOME.parent / f".{PRISM_HOME.name}.install.lock"
    with _locked(lock):
        try:
            result = subprocess.run(
                ["bash", str(INSTALL_SCRIPT)],
                cwd=ROOT,
                env={**os.environ, "PRISM_HOME": str(PRISM_HOME)},
                capture_output=True,
                text=True,
                timeout=INSTALL_TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise PrismUnavailable(
                f"installing Prism {PINNED_VERSION} took more than {INSTALL_TIMEOUT:.0f} s:\n"
                f"{_text(exc.stdout)}{_text(exc.stderr)}"
            ) from None
    if result.returncode != 0:
        raise PrismUnavailable(
            f"{INSTALL_SCRIPT.relative_to(ROOT)} failed with exit code {result.returncode}:\n"
            f"{result.stdout}{result.stderr}"
        )
    if not os.access(PRISM_BIN, os.X_OK):
        raise PrismUnavailable(f"install reported success but {PRISM_BIN} is missing")
    return PRISM_BIN


def _text(output: str | bytes | None) -> str:
    if isinstance(output, bytes):
        return output.decode(errors="replace")
    return output or ""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class PrismServer:
    """One `prism mock` child process serving `spec` on 127.0.0.1."""

    def __init__(self, process: subprocess.Popen[bytes], port: int, log: Path) -> None:
        self.process = process
        self.port = port
        self.log = log
        self.url = f"http://127.0.0.1:{port}"

    @classmethod
    def start(cls, prism: Path, spec: Path, log: Path, *, dynamic: bool = False) -> PrismServer:
        """Start Prism and wait until it answers; retry on another port if the free port
        was taken between choosing it and Prism binding it."""
        for _attempt in range(PORT_ATTEMPTS):
            server = cls._spawn(prism, spec, log, dynamic=dynamic)
            try:
                server._wait_until_ready()
            except PrismUnavailable:
                server.stop()
                if "EADDRINUSE" in server.output():
                    continue
                raise
            return server
        raise PrismUnavailable(f"no free port for Prism after {PORT_ATTEMPTS} attempts")

    @classmethod
    def _spawn(cls, prism: Path, spec: Path, log: Path, *, dynamic: bool) -> PrismServer:
        port = free_port()
        command = [str(prism), "mock", str(spec), "--host", "127.0.0.1", "--port", str(port)]
        if dynamic:
            command.append("--dynamic")
        # Output goes to a file, not a pipe nobody reads: Prism logs every request and a full
        # pipe would block it.
        with log.open("wb") as sink:
            process = subprocess.Popen(
                command, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=sink, stderr=subprocess.STDOUT
            )
        return cls(process, port, log)

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise PrismUnavailable(
                    f"Prism exited with code {self.process.returncode} before answering on "
                    f"{self.url}; its output:\n{self.output()}"
                )
            if self._answers():
                return
            time.sleep(0.1)
        raise PrismUnavailable(
            f"Prism did not answer on {self.url} within {START_TIMEOUT:.0f} s; "
            f"its output:\n{self.output()}"
        )

    def _answers(self) -> bool:
        """Prism's own 404 for `/` means it is serving; anything else on the port is not it."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2.0)
        try:
            connection.request("GET", "/")
            return b"stoplight.io/prism" in connection.getresponse().read()
        except (OSError, http.client.HTTPException):
            return False
        finally:
            connection.close()

    def output(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-20_000:]
        except OSError:
            return "(no output captured)"

    def stop(self) -> None:
        """End this process by its PID: terminate, wait, kill when it does not go in time."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=STOP_TIMEOUT)

    def __repr__(self) -> str:
        return f"PrismServer(url={self.url!r}, pid={self.process.pid})"
