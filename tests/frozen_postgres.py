"""A private throwaway PostgreSQL server that a test can freeze (SIGSTOP) and thaw (SIGCONT).

The shared server (TEST_POSTGRES_URL) must keep answering for every other test, so a test that
freezes a server starts its own, following the recipe of scripts/postgres.sh: initdb and pg_ctl
in a temporary directory on a free port, run as the ``postgres`` user when we are root (both
refuse to run as root). Without PostgreSQL binaries the test is skipped, except under CI=true,
where a skip would be a silent pass: there it fails.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


def _find_bin() -> Path | None:
    """The directory holding initdb and pg_ctl: on PATH, or the newest Debian install."""
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: [int(x) if x.isdigit() else 0 for x in p.parts[-3].split(".")],
    )
    return found[-1].parent if found else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _children(pid: int) -> list[int]:
    """Every process whose parent is ``pid`` (the postmaster's backends and workers)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # the process ended while we looked
            continue
        # "pid (comm) state ppid ...": comm may hold spaces and ")"; split after the last ")"
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


class FrozenPostgres:
    """One private server: ``url`` for the app, ``freeze()`` / ``thaw()``, ``restart()``,
    ``stop()``."""

    def __init__(self, bin_dir: Path) -> None:
        self._bin = bin_dir
        self._root = Path(tempfile.mkdtemp(prefix="desktop_app-frozen-pg-"))
        self._data = self._root / "data"
        self._as_postgres: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self._root, "postgres", "postgres")
            self._as_postgres = ["runuser", "-u", "postgres", "--"]
        self.port = _free_port()
        self.url = f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/postgres"
        self._frozen: list[int] = []
        self._started = False

    def _run(self, *args: str, log: str) -> None:
        # cwd: runuser keeps root's working directory, which the postgres user cannot read.
        with open(self._root / log, "ab") as out:
            subprocess.run(
                [*self._as_postgres, *args],
                cwd=self._root,
                stdout=out,
                stderr=subprocess.STDOUT,
                check=True,
                timeout=120,
            )

    def start(self) -> None:
        self._run(
            str(self._bin / "initdb"),
            *("-D", str(self._data), "-U", "postgres", "-A", "trust", "-E", "UTF8"),
            *("--no-locale", "--no-sync"),
            log="initdb.log",
        )
        options = (
            f"-p {self.port} -k {self._root} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            str(self._bin / "pg_ctl"),
            *("-D", str(self._data), "-l", str(self._root / "server.log"), "-w", "-t", "60"),
            *("-o", options, "start"),
            log="pg_ctl.log",
        )
        self._started = True

    def restart(self) -> None:
        """Stop the server (every connection to it ends) and start it again on the same port."""
        self._run(
            str(self._bin / "pg_ctl"),
            *("-D", str(self._data), "-l", str(self._root / "server.log"), "-w", "-t", "60"),
            *("-m", "fast", "restart"),
            log="pg_ctl.log",
        )

    def _postmaster(self) -> int:
        return int((self._data / "postmaster.pid").read_text().splitlines()[0])

    def freeze(self) -> list[int]:
        """SIGSTOP the postmaster first (no new backends), then every child it has."""
        postmaster = self._postmaster()
        os.kill(postmaster, signal.SIGSTOP)
        self._frozen = [postmaster]
        for pid in _children(postmaster):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGSTOP)
                self._frozen.append(pid)
        return list(self._frozen)

    def thaw(self) -> None:
        """SIGCONT everything frozen (children first, so the postmaster finds them running)."""
        for pid in reversed(self._frozen):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGCONT)
        self._frozen = []

    def stop(self) -> None:
        """Thaw, stop immediately and delete the directory; safe to call more than once."""
        self.thaw()
        if self._started:
            with contextlib.suppress(subprocess.SubprocessError, OSError):
                self._run(
                    str(self._bin / "pg_ctl"),
                    *("-D", str(self._data), "-m", "immediate", "-w", "-t", "30", "stop"),
                    log="pg_ctl.log",
                )
            self._started = False
        shutil.rmtree(self._root, ignore_errors=True)


@contextlib.contextmanager
def frozen_postgres() -> Iterator[FrozenPostgres]:
    """A started private server, always thawed and stopped afterwards (even on failure)."""
    bin_dir = _find_bin()
    if bin_dir is None:
        message = "no PostgreSQL server binaries (initdb) found"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (under CI=true this is a failure, not a skip)")
        pytest.skip(message)
    server = FrozenPostgres(bin_dir)
    try:
        server.start()
        yield server
    finally:
        server.stop()
