"""The servers the tests start in processes of their own (`papergraph serve`, uvicorn,
`oxigraph serve`): a free port to put one on, the wait until it answers, and its stop."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable
from typing import Any


def free_port() -> int:
    """A port of 127.0.0.1 no process listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_up(
    url: str,
    process: subprocess.Popen[Any],
    timeout_s: float,
    output: Callable[[], str] | None = None,
    every_s: float = 0.3,
) -> None:
    """Return once `url` answers (2xx). Raise RuntimeError with the process's `output` (its
    stderr pipe by default) when it exits first or `timeout_s` passes (then it is killed, so
    that its output can be read)."""
    deadline = time.monotonic() + timeout_s
    while process.poll() is None and time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:  # refused, reset, or an error status while the server starts
            time.sleep(every_s)
    if process.poll() is None:
        stop(process, timeout_s=5)
        why = f"did not answer within {timeout_s:g} s"
    else:
        why = f"exited with {process.returncode}"
    written = output() if output is not None else _stderr(process)
    raise RuntimeError(f"the server behind {url} {why}:\n{written}")


def _stderr(process: subprocess.Popen[Any]) -> str:
    written = process.stderr.read() if process.stderr is not None else ""
    return written.decode() if isinstance(written, bytes) else str(written)


def stop(process: subprocess.Popen[Any], timeout_s: float = 20) -> None:
    """Ask the process to end (SIGTERM); kill it when it has not within `timeout_s`."""
    process.terminate()
    try:
        process.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
