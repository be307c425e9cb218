"""Issue #8: no edit is ever lost when several programs edit one row at once.

Three processes each run read-modify-write loops on one user's bio through the app's
UserService: read the user, append a unique token, save with ``expected_updated_at`` = the
version read. A save either succeeds or raises StaleEditError (someone saved in between); any
other outcome is a failure. At the end the bio holds exactly the tokens of the saves that
succeeded: none lost, none invented.

The child processes run ``python -c`` on this module's ``main``; they start together (each
says "ready", then waits for "go" on stdin). Inside each save, reading the row is slowed by a
couple of milliseconds, so a check-then-write in two statements would lose edits at once.
"""

from __future__ import annotations

import asyncio
import functools
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from desktop_app.application.abstract_unit_of_work import UnitOfWorkFactory
from desktop_app.application.user_service import UserService
from desktop_app.domain.entities import CreateUserDTO, UpdateUserDTO
from desktop_app.domain.errors import StaleEditError
from tests.reference_backend import WebBackend

pytestmark = pytest.mark.asyncio

PROCESSES = 3
EDITS = 30
ROOT = Path(__file__).resolve().parents[2]


async def fake_hash(password: str) -> str:
    return f"hashed:{password}"


async def _hammer(url: str, user_id: UUID, prefix: str, edits: int) -> dict[str, list[str]]:
    from desktop_app.infrastructure.database.connection import make_engine, make_session_factory
    from desktop_app.infrastructure.database.repositories import SQLAlchemyUserRepository
    from desktop_app.infrastructure.database.unit_of_work import SQLAlchemyUnitOfWork

    read_row = SQLAlchemyUserRepository.get_by_id

    async def slow_read(self: Any, *args: Any, **kwargs: Any) -> Any:
        found = await read_row(self, *args, **kwargs)
        await asyncio.sleep(0.002)  # a slow network between the read and the write
        return found

    SQLAlchemyUserRepository.get_by_id = slow_read  # type: ignore[method-assign]
    engine = make_engine(url, pool_size=1, max_overflow=0)
    uow_factory = functools.partial(SQLAlchemyUnitOfWork, make_session_factory(engine))
    service = UserService(uow_factory, hash_password=fake_hash)
    outcome: dict[str, list[str]] = {"saved": [], "stale": [], "errors": []}
    try:
        for n in range(edits):
            token = f"{prefix}{n:03d}"
            try:
                user = await service.get_user(user_id)
                await asyncio.sleep(0.001 * (n % 3))  # the person typing
                await service.update_user(
                    user_id,
                    UpdateUserDTO(bio=f"{user.bio or ''} {token}".strip()),
                    expected_updated_at=user.updated_at,
                )
            except StaleEditError:
                outcome["stale"].append(token)
            except Exception as error:
                outcome["errors"].append(f"{token}: {type(error).__name__}: {error}")
            else:
                outcome["saved"].append(token)
    finally:
        await engine.dispose()
    return outcome


def main() -> None:
    """The child process: ``main URL USER_ID PREFIX EDITS``; prints one JSON line."""
    url, user_id, prefix, edits = sys.argv[1:5]
    print("ready", flush=True)
    if sys.stdin.readline().strip() != "go":
        raise SystemExit("no go")
    outcome = asyncio.run(_hammer(url, UUID(user_id), prefix, int(edits)))
    print(json.dumps(outcome), flush=True)


def run_hammers(url: str, user_id: UUID) -> list[dict[str, list[str]]]:
    code = "from tests.integration.test_concurrent_edits import main; main()"
    children = [
        subprocess.Popen(
            [sys.executable, "-c", code, url, str(user_id), f"p{p}t", str(EDITS)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for p in range(PROCESSES)
    ]
    try:
        for child in children:
            assert child.stdout is not None
            line = child.stdout.readline()
            assert line.strip() == "ready", (line, child.stderr and child.stderr.read())
        for child in children:  # all start together
            assert child.stdin is not None
            child.stdin.write("go\n")
            child.stdin.flush()
        results = []
        deadline = time.monotonic() + 60
        for child in children:
            out, err = child.communicate(timeout=max(1.0, deadline - time.monotonic()))
            assert child.returncode == 0, err
            results.append(json.loads(out.strip().splitlines()[-1]))
        return results
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.wait()


async def hammer_and_check(url: str, user_id: UUID, service: UserService, start: str) -> None:
    results = await asyncio.to_thread(run_hammers, url, user_id)
    errors = [e for r in results for e in r["errors"]]
    saved = [t for r in results for t in r["saved"]]
    stale = [t for r in results for t in r["stale"]]
    assert not errors, "\n".join(errors)
    assert len(saved) + len(stale) == PROCESSES * EDITS
    assert saved, "no save succeeded"
    final = await service.get_user(user_id)
    tokens = (final.bio or "").split()
    assert tokens[: len(start.split())] == start.split()
    written = tokens[len(start.split()) :]
    lost = sorted(set(saved) - set(written))
    assert not lost, f"{len(lost)} of {len(saved)} successful saves lost: {lost[:10]}"
    assert sorted(written) == sorted(saved), "the bio holds tokens no save reported"
    assert set(stale).isdisjoint(written)
    # Each process's saves landed in its own order.
    for p in range(PROCESSES):
        mine = [t for t in written if t.startswith(f"p{p}t")]
        assert mine == sorted(mine)


async def test_concurrent_edits_of_an_edited_row_lose_nothing(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory, database_url: str
) -> None:
    service = UserService(functools.partial(uow_factory, hash_password=fake_hash))
    user = await service.create_user(
        CreateUserDTO(email="busy@example.org", username="busy", password="long enough 1")
    )
    await service.update_user(user.id, UpdateUserDTO(bio="start"))
    await hammer_and_check(database_url, user.id, service, "start")


async def test_concurrent_edits_of_a_never_edited_site_row_lose_nothing(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory, database_url: str
) -> None:
    """The row starts as the site wrote it: ``updated_at`` NULL, so the first saves all
    compare against "never edited"; only one of them may win."""
    async with WebBackend(database_url) as site:
        user_id = await site.add_user(email="site@example.org", username="site_user")
    service = UserService(uow_factory, hash_password=fake_hash)
    assert (await service.get_user(user_id)).updated_at is None
    await hammer_and_check(database_url, user_id, service, "")


async def test_a_stale_save_against_a_never_edited_row_is_refused(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory, database_url: str
) -> None:
    """Two forms opened on a never-edited row: the second save is stale, not a lost edit."""
    async with WebBackend(database_url) as site:
        user_id = await site.add_user(email="two@example.org", username="two_forms", bio="a")
    service = UserService(uow_factory, hash_password=fake_hash)
    first = await service.get_user(user_id)
    second = await service.get_user(user_id)
    await service.update_user(
        user_id, UpdateUserDTO(bio="a b"), expected_updated_at=first.updated_at
    )
    with pytest.raises(StaleEditError):
        await service.update_user(
            user_id, UpdateUserDTO(bio="a c"), expected_updated_at=second.updated_at
        )
    assert (await service.get_user(user_id)).bio == "a b"
