"""Scale benchmark: our read path and users view vs the raw driver and Qt's QSqlTableModel.

Run: .venv/bin/python bench/scale.py [--users 1000000] [--posts 1000000] [--keep FILE]

Builds a SQLite database with demo-data (timed against raw executemany of the same rows), then
measures side by side, in this one run on the same file:

* reader pages vs the same SQL on the raw sqlite3 driver (first, middle, last; keyset and
  jump): ratio;
* ``posts.get_all(skip=<deep>, limit=100)`` through a unit of work vs raw sqlite3 running the
  same deferred join (the page's ids from the index first, then their authors) and the naive
  join before the offset: ratios;
* time to the first rows and to the last row on screen, and peak memory, of our users view vs
  QSqlTableModel (each in a fresh subprocess, offscreen);
* the longest stall of the Qt event loop (a 10 ms timer's largest gap) while our view scrolls,
  jumps, searches, sorts and counts, and while passwords are hashed, next to the idle gap.

Full-text search is not built yet (issue 4), so there is no FTS-vs-LIKE figure; PostgreSQL
figures are not measured here yet. Results go to stdout and docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import filters as bench_filters  # noqa: E402 - bench/filters.py, beside this file

VIEW_PROBE = r"""
import asyncio, json, os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
started = time.perf_counter()
kind, path = sys.argv[1], sys.argv[2]
from PySide6.QtWidgets import QApplication, QTableView
app = QApplication([])
view = QTableView(); view.resize(1000, 700); view.show()
result = {}
if kind == "qsql":
    from PySide6.QtSql import QSqlDatabase, QSqlTableModel
    opened = time.perf_counter()
    db = QSqlDatabase.addDatabase("QSQLITE"); db.setDatabaseName(path); db.open()
    model = QSqlTableModel(); model.setTable("users"); model.select()
    view.setModel(model); app.processEvents()
    result["first_rows_s"] = time.perf_counter() - started
    result["first_rows_after_open_s"] = time.perf_counter() - opened
    t = time.perf_counter()
    while model.canFetchMore():
        model.fetchMore()
    view.scrollToBottom(); app.processEvents()
    result["last_row_s"] = time.perf_counter() - t
    result["rows"] = model.rowCount()
else:
    import qasync
    from desktop_app.config import load_settings
    from desktop_app.gui import DatabaseOpener
    from desktop_app.application.read_models import UserQuery
    from desktop_app.ui.columns import USER_COLUMNS
    from desktop_app.ui.table_model import LazyTableModel
    loop = qasync.QEventLoop(app); asyncio.set_event_loop(loop)
    async def main():
        opened = time.perf_counter()
        session = await DatabaseOpener(load_settings(DATABASE_URL=f"sqlite+aiosqlite:///{path}")).open(None)
        model = LazyTableModel(columns=USER_COLUMNS, query=UserQuery())
        view.setModel(model)
        model.set_reader(session.user_reader)
        while model.cache.get(0) is None:
            await asyncio.sleep(0.001)
        result["first_rows_s"] = time.perf_counter() - started
        result["first_rows_after_open_s"] = time.perf_counter() - opened
        while not model.row_count.exact:
            await asyncio.sleep(0.001)
        t = time.perf_counter()
        view.scrollToBottom()
        while model.cache.get(model.row_count.rows - 1) is None:
            await asyncio.sleep(0.001)
        result["last_row_s"] = time.perf_counter() - t
        result["rows"] = model.rowCount()
        await session.close()
    with loop:
        loop.run_until_complete(main())
# VmHWM is this process's own peak (ru_maxrss would carry the parent's over exec)
with open("/proc/self/status") as status:
    hwm = next(line for line in status if line.startswith("VmHWM:"))
result["peak_rss_mb"] = int(hwm.split()[1]) / 1024
print(json.dumps(result))
"""

STALL_PROBE = r"""
import asyncio, json, os, sys, time
from dataclasses import replace
os.environ["QT_QPA_PLATFORM"] = "offscreen"
path = sys.argv[1]
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QTableView
import qasync
from desktop_app.config import load_settings
from desktop_app.gui import DatabaseOpener
from desktop_app.application.read_models import PostQuery, UserQuery
from desktop_app.domain.entities import CreateUserDTO
from desktop_app.infrastructure.database.demo_data import fill_demo_data
from desktop_app.ui.columns import POST_COLUMNS, USER_COLUMNS
from desktop_app.ui.table_model import LazyTableModel

import gc
from desktop_app.ui.gc_guard import GarbageCollector
app = QApplication([])
loop = qasync.QEventLoop(app); asyncio.set_event_loop(loop)
GarbageCollector(parent=app).start()  # as the app runs: collection on the GUI thread's timer
ticks = []
timer = QTimer(); timer.setInterval(10); timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
timer.start()
result = {}

async def measured(label, work):
    await asyncio.sleep(0.05)
    ticks.clear(); ticks.append(time.perf_counter())
    started = time.perf_counter()
    await work()
    ticks.append(time.perf_counter())
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    result[label] = {"gap_ms": max(gaps) * 1000, "seconds": time.perf_counter() - started}

async def settled(model, row=0):
    while model.cache.get(row) is None:
        await asyncio.sleep(0.001)

async def counted(model):
    while not model.row_count.exact:
        await asyncio.sleep(0.001)

async def main():
    session = await DatabaseOpener(load_settings(DATABASE_URL=f"sqlite+aiosqlite:///{path}")).open(None)
    gc.freeze()  # as the app does once the database is open
    users = LazyTableModel(columns=USER_COLUMNS, query=UserQuery())
    posts = LazyTableModel(columns=POST_COLUMNS, query=PostQuery())
    view = QTableView(); view.resize(1000, 700); view.setModel(users); view.show()
    users.set_reader(session.user_reader); posts.set_reader(session.post_reader)
    await settled(users); await counted(users)
    await measured("idle (1 s)", lambda: asyncio.sleep(1.0))
    async def scroll():
        bar = view.verticalScrollBar()
        for step in range(200):
            bar.setValue(bar.value() + bar.pageStep())
            await asyncio.sleep(0.005)
        await settled(users, view.rowAt(0))
    await measured("scrolling (200 pages)", scroll)
    async def jump():
        bar = view.verticalScrollBar()
        for fraction in (0.9, 0.5, 0.999, 0.25):
            bar.setValue(int(bar.maximum() * fraction))
            await asyncio.sleep(0.02)
            await settled(users, view.rowAt(0))
    await measured("jumping (90 %, 50 %, end, 25 %)", jump)
    async def search():
        view.setModel(posts)
        await settled(posts)
        for text in ("p", "po", "pos", "post", "postg", "postgres", "postgresql habit"):
            posts.set_query(replace(posts.query, search=text))
            await asyncio.sleep(0.03)  # typing speed, under the view's debounce
        await settled(posts); await counted(posts)
    await measured("searching posts, typed", search)
    async def sort():
        view.setModel(users)
        for key in ("username", "email", "updated_at", "is_active"):
            users.set_query(replace(users.query, sort=key, descending=False))
            await settled(users)
    await measured("sorting users by 4 columns", sort)
    async def count():
        users.set_query(replace(users.query, search="a"))
        await settled(users); await counted(users)
        posts.set_query(PostQuery())
        await counted(posts)
    await measured("counting (users matching 'a', all posts)", count)
    async def hashing():
        for n in range(5):
            await session.users.create_user(
                CreateUserDTO(email=f"bench{n}_{time.time_ns()}@example.org", username=f"bench_{n}_{time.time_ns() % 10**9}", password="correct horse battery")
            )
    await measured("hashing passwords (5 new users)", hashing)
    await measured("importing demo data (20k + 20k)", lambda: fill_demo_data(session.engine, users=20_000, posts=20_000, seed=9, force=True))
    await session.close()

with loop:
    loop.run_until_complete(main())
print(json.dumps(result))
"""


def build(path: Path, users: int, posts: int) -> dict[str, float]:
    from desktop_app.infrastructure.database import migrations
    from desktop_app.infrastructure.database.connection import make_engine
    from desktop_app.infrastructure.database.demo_data import fill_demo_data

    async def fill() -> float:
        url = f"sqlite+aiosqlite:///{path}"
        engine = make_engine(url)
        await migrations.upgrade(engine, url)
        result = await fill_demo_data(engine, users=users, posts=posts, seed=1)
        await engine.dispose()
        return result.seconds

    ours = asyncio.run(fill())
    # the same number of rows with raw executemany into a copy of the empty schema
    raw_path = path.with_name("raw.db")
    connection = sqlite3.connect(path)
    schema = [
        row[0]
        for row in connection.execute(
            # the plain tables and indexes: the search index is ours to build, not the baseline's
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
            "AND type IN ('table', 'index') AND name NOT LIKE '%_fts%' "
            "AND name NOT LIKE '%_search_keys'"
        )
    ]
    sample_users = connection.execute("SELECT * FROM users LIMIT 100000").fetchall()
    connection.close()
    raw = sqlite3.connect(raw_path)
    for statement in schema:
        raw.execute(statement)
    started = time.perf_counter()
    raw.executemany(f"INSERT INTO users VALUES ({','.join('?' * 8)})", sample_users)
    raw.commit()
    raw_seconds = time.perf_counter() - started
    raw.close()
    raw_path.unlink()
    return {
        "seconds": ours,
        "ours_rows_per_s": (users + posts) / ours,
        "raw_rows_per_s": len(sample_users) / raw_seconds,
    }


def pages(path: Path) -> list[tuple[str, float, float]]:
    """(label, ours ms, raw ms): median of 7 each."""
    from desktop_app import bootstrap
    from desktop_app.application.read_models import UserQuery, cursor_of
    from desktop_app.config import load_settings

    raw = sqlite3.connect(path)
    total = raw.execute("SELECT count(*) FROM users").fetchone()[0]
    columns = "id, email, username, is_active, bio, created_at, updated_at"
    order = "ORDER BY created_at DESC, id DESC"

    def raw_jump(offset: int) -> list[tuple[object, ...]]:
        if offset < 1000:
            return raw.execute(
                f"SELECT {columns} FROM users {order} LIMIT 100 OFFSET ?", (offset,)
            ).fetchall()
        key = raw.execute(
            f"SELECT created_at, id FROM users {order} LIMIT 1 OFFSET ?", (offset - 1,)
        ).fetchone()
        return raw.execute(
            f"SELECT {columns} FROM users WHERE (created_at, id) < (?, ?) {order} LIMIT 100", key
        ).fetchall()

    def raw_keyset(after: tuple[object, object]) -> list[tuple[object, ...]]:
        return raw.execute(
            f"SELECT {columns} FROM users WHERE (created_at, id) < (?, ?) {order} LIMIT 100", after
        ).fetchall()

    async def measure() -> list[tuple[str, float, float]]:
        db = await bootstrap.open_database(
            load_settings(DATABASE_URL=f"sqlite+aiosqlite:///{path}")
        )
        query = UserQuery()
        out = []
        for label, offset in (
            ("first page", 0),
            ("middle (jump)", total // 2),
            ("last (jump)", total - 100),
        ):
            ours, theirs = [], []
            for _ in range(7):
                t = time.perf_counter()
                rows = await db.user_reader.fetch(query, offset=offset, limit=100)
                ours.append(time.perf_counter() - t)
                t = time.perf_counter()
                raw_jump(offset)
                theirs.append(time.perf_counter() - t)
            out.append((label, statistics.median(ours) * 1000, statistics.median(theirs) * 1000))
            cursor = cursor_of(rows[-1], query)
            raw_cursor = raw_jump(offset)[-1]
            ours, theirs = [], []
            for _ in range(7):
                t = time.perf_counter()
                await db.user_reader.fetch(query, limit=100, after=cursor)
                ours.append(time.perf_counter() - t)
                t = time.perf_counter()
                raw_keyset((raw_cursor[5], raw_cursor[0]))
                theirs.append(time.perf_counter() - t)
            out.append(
                (
                    f"{label} + next (keyset)",
                    statistics.median(ours) * 1000,
                    statistics.median(theirs) * 1000,
                )
            )
        ours, theirs = [], []
        for _ in range(7):
            t = time.perf_counter()
            await db.user_reader.fetch(query, offset=total - 100, limit=100, total=total)
            ours.append(time.perf_counter() - t)
            t = time.perf_counter()
            raw_jump(total - 100)
            theirs.append(time.perf_counter() - t)
        out.append(
            (
                "last, count known (read from the far end; raw: the jump)",
                statistics.median(ours) * 1000,
                statistics.median(theirs) * 1000,
            )
        )
        await db.close()
        return out

    result = asyncio.run(measure())
    raw.close()
    return result


DeepPostsRow = tuple[str, float, float, float]


def deep_posts(path: Path) -> list[DeepPostsRow]:
    """(label, ours ms, raw deferred join ms, raw join-before-offset ms), median of 5: the
    post repository's ``get_all`` at the deepest page, newest first."""
    from desktop_app import bootstrap
    from desktop_app.config import load_settings
    from desktop_app.infrastructure.database.models import PostModel

    raw = sqlite3.connect(path)
    total = raw.execute("SELECT count(*) FROM posts").fetchone()[0]
    skip = max(total - 100, 0)
    columns = ", ".join(f"posts.{c.name}" for c in PostModel.__table__.columns)
    key = "coalesce(julianday(posts.created_at), 0)"  # sort_keys' key, as migration 0004 indexes
    order = f"ORDER BY {key} DESC, posts.id DESC"
    naive = (
        f"SELECT {columns}, users.username FROM posts JOIN users ON posts.author_id = users.id "
        f"{order} LIMIT 100 OFFSET ?"
    )
    deferred = (
        f"SELECT {columns}, users.username FROM posts "
        f"JOIN (SELECT posts.id FROM posts {order} LIMIT 100 OFFSET ?) AS page "
        f"ON posts.id = page.id JOIN users ON posts.author_id = users.id {order}"
    )

    def raw_ms(sql: str) -> float:
        spent = []
        for _ in range(5):
            t = time.perf_counter()
            raw.execute(sql, (skip,)).fetchall()
            spent.append(time.perf_counter() - t)
        return statistics.median(spent) * 1000

    async def ours_ms() -> float:
        db = await bootstrap.open_database(
            load_settings(DATABASE_URL=f"sqlite+aiosqlite:///{path}")
        )
        spent = []
        for _ in range(5):
            t = time.perf_counter()
            async with db.uow_factory() as uow:
                await uow.posts.get_all(skip=skip, limit=100)
            spent.append(time.perf_counter() - t)
        await db.close()
        return statistics.median(spent) * 1000

    ours = asyncio.run(ours_ms())
    row = (f"posts.get_all(skip={skip:,}, limit=100)", ours, raw_ms(deferred), raw_ms(naive))
    raw.close()
    return [row]


def deep_posts_table(rows: list[DeepPostsRow]) -> list[str]:
    return [
        "| page | ours | raw, deferred join | ratio | raw, join before offset | ours is |",
        "|---|---|---|---|---|---|",
        *(
            f"| {label} | {ours:.1f} ms | {deferred:.1f} ms | {ours / deferred:.1f}x "
            f"| {naive:.1f} ms | {naive / ours:.1f}x faster |"
            for label, ours, deferred, naive in rows
        ),
    ]


SEARCH_WORDS = {
    "a word no post has": "zymurgy",
    "an author's username (few posts)": None,  # picked from the data
    "a word in 6 % of posts": "postgres",
    "a word in 42 % of posts": "weekend",
}

SearchRow = tuple[str, int, float, float, float, float, int]


async def search_figures(fts: Any, like: Any, username: str) -> list[SearchRow]:
    """(what, matches, full-text page ms, count ms, LIKE page ms, count ms, LIKE matches),
    medians of 3; each reader's first run of a text is a warm-up (its plan is cached)."""
    from desktop_app.application.read_models import PostQuery

    async def timed(reader: Any, text: str) -> tuple[int, float, float]:
        pages, counts, count = [], [], 0
        await reader.count(PostQuery(search=text))
        for _ in range(3):
            query = PostQuery(search=text)
            t = time.perf_counter()
            await reader.fetch(query, limit=100)
            pages.append(time.perf_counter() - t)
            t = time.perf_counter()
            count = await reader.count(query)
            counts.append(time.perf_counter() - t)
        return count, statistics.median(pages) * 1000, statistics.median(counts) * 1000

    out = []
    for label, word in SEARCH_WORDS.items():
        text = word or username
        matches, fts_page, fts_count = await timed(fts, text)
        like_matches, like_page, like_count = await timed(like, text)
        out.append(
            (
                f"{label}: `{text}`",
                matches,
                fts_page,
                fts_count,
                like_page,
                like_count,
                like_matches,
            )
        )
    return out


def search_table(rows: list[SearchRow]) -> list[str]:
    return [
        "| search | matches | full-text page | LIKE page | ratio | full-text count | LIKE count | ratio |",
        "|---|---|---|---|---|---|---|---|",
        *(
            f"| {label} | {matches:,} | {fp:.1f} ms | {lp:.0f} ms | {lp / fp:.1f}x "
            f"| {fc:.1f} ms | {lc:.0f} ms | {lc / fc:.1f}x |"
            for label, matches, fp, fc, lp, lc, _ in rows
        ),
        "",
        "LIKE matches substrings, so its counts could be larger; here they were "
        + ", ".join(f"{row[-1]:,}" for row in rows)
        + ".",
    ]


def search(path: Path) -> list[SearchRow]:
    """Full-text vs LIKE on the same file."""
    from desktop_app import bootstrap
    from desktop_app.config import load_settings
    from desktop_app.infrastructure.database.connection import make_session_factory
    from desktop_app.infrastructure.database.readers import SQLAlchemyPostReader

    raw = sqlite3.connect(path)
    username = raw.execute(
        "SELECT username FROM users WHERE id = (SELECT author_id FROM posts GROUP BY author_id "
        "HAVING count(*) BETWEEN 2 AND 9 LIMIT 1)",
    ).fetchone()[0]
    raw.close()

    async def measure() -> list[SearchRow]:
        db = await bootstrap.open_database(
            load_settings(DATABASE_URL=f"sqlite+aiosqlite:///{path}")
        )
        like = SQLAlchemyPostReader(make_session_factory(db.engine))
        like.planner._mode = "like"  # answer by LIKE on the same file, as without FTS5
        out = await search_figures(db.post_reader, like, username)
        await db.close()
        return out

    return asyncio.run(measure())


def postgres(url: str, users: int, posts: int) -> dict[str, object]:
    """The page and search figures on PostgreSQL: ours vs the same SQL on raw asyncpg."""
    from sqlalchemy.engine import make_url

    from desktop_app.application.read_models import UserQuery, cursor_of
    from desktop_app.infrastructure.database import migrations
    from desktop_app.infrastructure.database.connection import make_engine, make_session_factory
    from desktop_app.infrastructure.database.demo_data import fill_demo_data
    from desktop_app.infrastructure.database.readers import (
        SQLAlchemyPostReader,
        SQLAlchemyUserReader,
    )

    async def median_ms(work: object, times: int = 7) -> float:
        spent = []
        for _ in range(times):
            t = time.perf_counter()
            await work()  # type: ignore[operator]
            spent.append(time.perf_counter() - t)
        return statistics.median(spent) * 1000

    async def measure() -> dict[str, object]:
        import asyncpg

        admin = await asyncpg.connect(
            make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        )
        await admin.execute("DROP DATABASE IF EXISTS scale_bench")
        await admin.execute("CREATE DATABASE scale_bench")
        await admin.close()
        bench_url = make_url(url).set(database="scale_bench").render_as_string(hide_password=False)
        engine = make_engine(bench_url)
        await migrations.upgrade(engine, bench_url)
        filled = await fill_demo_data(engine, users=users, posts=posts, seed=1)
        raw = await asyncpg.connect(
            make_url(bench_url).set(drivername="postgresql").render_as_string(hide_password=False)
        )
        await raw.execute("VACUUM ANALYZE")
        factory = make_session_factory(engine)
        user_reader, post_reader = SQLAlchemyUserReader(factory), SQLAlchemyPostReader(factory)
        columns = "id, email, username, is_active, bio, created_at, updated_at"
        order = "ORDER BY created_at DESC, id DESC"
        total = users
        out_pages = []

        async def raw_jump_at(offset: int) -> list[object]:
            """The same two steps as our reader: OFFSET when shallow, else key then seek."""
            if offset < 1000:
                return await raw.fetch(
                    f"SELECT {columns} FROM users {order} LIMIT 100 OFFSET $1", offset
                )
            key = await raw.fetchrow(
                f"SELECT created_at, id FROM users {order} LIMIT 1 OFFSET $1", offset - 1
            )
            return await raw.fetch(
                f"SELECT {columns} FROM users WHERE (created_at, id) < ($1, $2) {order} LIMIT 100",
                key[0],
                key[1],
            )

        for label, offset in (
            ("first page", 0),
            ("middle (jump)", total // 2),
            ("last (jump)", total - 100),
        ):

            async def raw_jump(offset: int = offset) -> list[object]:
                return await raw_jump_at(offset)

            async def ours(offset: int = offset) -> list[object]:
                return await user_reader.fetch(UserQuery(), offset=offset, limit=100)  # type: ignore[return-value]

            out_pages.append((label, await median_ms(ours), await median_ms(raw_jump)))
            last = (await user_reader.fetch(UserQuery(), offset=offset, limit=100))[-1]
            cursor = cursor_of(last, UserQuery())

            async def ours_next(cursor: object = cursor) -> object:
                return await user_reader.fetch(UserQuery(), limit=100, after=cursor)  # type: ignore[arg-type]

            async def raw_next(last: object = last) -> object:
                return await raw.fetch(
                    f"SELECT {columns} FROM users WHERE (created_at, id) < ($1, $2) {order} "
                    "LIMIT 100",
                    last.created_at,  # type: ignore[attr-defined]
                    last.id,  # type: ignore[attr-defined]
                )

            out_pages.append(
                (f"{label} + next (keyset)", await median_ms(ours_next), await median_ms(raw_next))
            )

        async def ours_far_end() -> object:
            return await user_reader.fetch(UserQuery(), offset=total - 100, limit=100, total=total)

        async def raw_last() -> object:
            return await raw_jump_at(total - 100)

        out_pages.append(
            (
                "last, count known (read from the far end; raw: the jump)",
                await median_ms(ours_far_end),
                await median_ms(raw_last),
            )
        )
        username = await raw.fetchval(
            "SELECT username FROM users WHERE id = (SELECT author_id FROM posts GROUP BY "
            "author_id HAVING count(*) BETWEEN 2 AND 9 LIMIT 1)"
        )
        like_reader = SQLAlchemyPostReader(factory)
        like_reader.planner._mode = "like"
        out_search = await search_figures(post_reader, like_reader, username)
        await raw.close()
        await engine.dispose()
        return {
            "pages": out_pages,
            "search": out_search,
            "rows_per_s": (users + posts) / filled.seconds,
        }

    return asyncio.run(measure())


def probe(script: str, *args: str, timeout: int) -> Any:
    """Run a probe script in a fresh interpreter and return the JSON it prints last."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=timeout,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def stalls(path: Path) -> dict[str, dict[str, float]]:
    return probe(STALL_PROBE, str(path), timeout=1800)  # type: ignore[no-any-return]


def view(kind: str, path: Path) -> dict[str, float]:
    return probe(VIEW_PROBE, kind, str(path), timeout=900)  # type: ignore[no-any-return]


PG_HEADING = "## PostgreSQL"


def postgres_section(figures: dict[str, object], args: argparse.Namespace) -> str:
    page_rows: list[tuple[str, float, float]] = figures["pages"]  # type: ignore[assignment]
    search_rows: list[SearchRow] = figures["search"]  # type: ignore[assignment]
    lines = [
        f"{PG_HEADING}: {args.users:,} users + {args.posts:,} posts (demo-data)",
        "",
        "A throwaway local server (Debian's postgresql-15), same machine.",
        f"demo-data: {figures['rows_per_s']:,.0f} rows/s.",
        "",
        "| page | ours | raw asyncpg | ratio |",
        "|---|---|---|---|",
        *(
            f"| {label} | {ours:.2f} ms | {raw:.2f} ms | {ours / raw:.1f}x |"
            for label, ours, raw in page_rows
        ),
        "",
        *search_table(search_rows),
    ]
    return "\n".join(lines) + "\n"


def _verdict(ok: bool) -> str:
    return "held" if ok else "**missed**"


def _page_budget(rows: list[tuple[str, float, float]]) -> tuple[bool, str]:
    """Within 2x of raw for a page that takes over 5 ms raw, under 3 ms otherwise."""
    misses = [
        f"{label} {ours:.1f} ms vs {raw:.1f} ms"
        for label, ours, raw in rows
        if (ours > 2 * raw if raw > 5 else ours >= 3)
    ]
    return not misses, "; ".join(misses) or "every page"


def _search_budget(rows: list[SearchRow]) -> tuple[bool, str]:
    """Full-text at least 20x faster than LIKE: page and count together, per search."""
    ratios = [(label, (lp + lc) / (fp + fc)) for label, _, fp, fc, lp, lc, _ in rows]
    text = ", ".join(f"{label.split(':')[0]} {ratio:.1f}x" for label, ratio in ratios)
    return all(ratio >= 20 for _, ratio in ratios), text


def budgets(
    args: argparse.Namespace,
    inserts: dict[str, float],
    page_rows: list[tuple[str, float, float]],
    ours_view: dict[str, float],
    qsql_view: dict[str, float],
    search_rows: list[SearchRow],
    stall_rows: dict[str, dict[str, float]],
    pg: dict[str, object] | None,
) -> list[str]:
    first_ok = ours_view["first_rows_after_open_s"] <= qsql_view["first_rows_after_open_s"]
    sooner = qsql_view["last_row_s"] / ours_view["last_row_s"]
    memory = ours_view["peak_rss_mb"] / qsql_view["peak_rss_mb"]
    pages_ok, pages_text = _page_budget(page_rows)
    search_ok, search_text = _search_budget(search_rows)
    stalls_over = {k: v["gap_ms"] for k, v in stall_rows.items() if v["gap_ms"] > 50}
    import_ratio = inserts["ours_rows_per_s"] / inserts["raw_rows_per_s"]
    rows = [
        (
            "first rows on screen no slower than QSqlTableModel",
            first_ok,
            f"{ours_view['first_rows_after_open_s'] * 1000:.0f} ms vs "
            f"{qsql_view['first_rows_after_open_s'] * 1000:.0f} ms after opening the database",
        ),
        (
            "last row on screen at least 20x sooner, with at most a fifth of the memory",
            sooner >= 20 and memory <= 0.2,
            f"{sooner:.0f}x sooner, {memory:.2f}x the memory",
        ),
        ("pages within 2x of raw when raw > 5 ms, else under 3 ms", pages_ok, pages_text),
        (
            "no event-loop stall over 50 ms",
            not stalls_over,
            ", ".join(f"{k}: {v:.0f} ms" for k, v in stalls_over.items())
            or f"longest {max(v['gap_ms'] for v in stall_rows.values()):.0f} ms",
        ),
        ("full-text search at least 20x faster than LIKE", search_ok, search_text),
        (
            "demo import at least half the raw executemany throughput",
            import_ratio >= 0.5,
            f"{import_ratio:.2f}x",
        ),
        (
            f"demo-data {args.users:,} + {args.posts:,} on SQLite well under a minute",
            inserts["seconds"] < 50,
            f"{inserts['seconds']:.0f} s",
        ),
    ]
    if pg is not None:
        pg_pages_ok, pg_pages_text = _page_budget(pg["pages"])  # type: ignore[arg-type]
        pg_search_ok, pg_search_text = _search_budget(pg["search"])  # type: ignore[arg-type]
        rows += [
            ("PostgreSQL: pages within 2x of raw / under 3 ms", pg_pages_ok, pg_pages_text),
            ("PostgreSQL: full-text at least 20x faster than LIKE", pg_search_ok, pg_search_text),
        ]
    return [
        "## Budgets (issue 4), this run",
        "",
        "| budget | verdict | figures |",
        "|---|---|---|",
        *(f"| {name} | {_verdict(ok)} | {text} |" for name, ok, text in rows),
    ]


def main() -> int:
    if "--filters-only" in sys.argv[1:]:  # the filter combinations alone (issue 13)
        return bench_filters.main([a for a in sys.argv[1:] if a != "--filters-only"])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=1_000_000)
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="keep the database at this path")
    parser.add_argument(
        "--report",
        type=Path,
        default=ROOT / "docs" / "benchmarks.md",
        help="write the report here (default: docs/benchmarks.md; a trial run at a small size "
        "should not replace the recorded figures)",
    )
    parser.add_argument(
        "--postgres-url",
        help="also measure pages and search on this PostgreSQL server (an admin URL; the "
        "benchmark creates and fills a database 'scale_bench' there)",
    )
    parser.add_argument(
        "--postgres-only",
        action="store_true",
        help="measure only PostgreSQL and replace that section of docs/benchmarks.md",
    )
    args = parser.parse_args()
    if args.postgres_only:
        if not args.postgres_url:
            parser.error("--postgres-only needs --postgres-url")
        section = postgres_section(postgres(args.postgres_url, args.users, args.posts), args)
        print(section)
        report_path = args.report
        kept = report_path.read_text().split(PG_HEADING)[0].rstrip() + "\n\n"
        report_path.write_text(kept + section)
        return 0
    with tempfile.TemporaryDirectory(prefix="scale-bench-") as tmp:
        path = args.keep or Path(tmp) / "bench.db"
        if path.exists():
            path.unlink()
        inserts = build(path, args.users, args.posts)
        page_rows = pages(path)
        deep_post_rows = deep_posts(path)
        ours_view, qsql_view = view("ours", path), view("qsql", path)
        search_rows = search(path)
        stall_rows = stalls(path)
        asyncio.run(bench_filters.leave_never_edited(f"sqlite+aiosqlite:///{path}"))
        filter_rows = asyncio.run(bench_filters.measure(f"sqlite+aiosqlite:///{path}"))
    lines = [
        "# Scale benchmark",
        "",
        f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}.",
        f"Database: SQLite, {args.users:,} users + {args.posts:,} posts (demo-data).",
        "",
        "## Reader pages vs the same SQL on the raw sqlite3 driver (median of 7)",
        "",
        "| page | ours | raw | ratio |",
        "|---|---|---|---|",
        *(
            f"| {label} | {ours:.2f} ms | {raw:.2f} ms | {ours / raw:.1f}x |"
            for label, ours, raw in page_rows
        ),
        "",
        "## A deep page of the post repository vs raw sqlite3 (median of 5)",
        "",
        *deep_posts_table(deep_post_rows),
        "",
        "## Users view vs QSqlTableModel (offscreen, fresh process each)",
        "",
        "| | ours | QSqlTableModel | ratio |",
        "|---|---|---|---|",
        f"| first rows, from process start (imports included) | {ours_view['first_rows_s'] * 1000:.0f} ms | {qsql_view['first_rows_s'] * 1000:.0f} ms | {ours_view['first_rows_s'] / qsql_view['first_rows_s']:.2f}x |",
        f"| first rows, from opening the database | {ours_view['first_rows_after_open_s'] * 1000:.0f} ms | {qsql_view['first_rows_after_open_s'] * 1000:.0f} ms | {ours_view['first_rows_after_open_s'] / qsql_view['first_rows_after_open_s']:.2f}x |",
        f"| last row on screen | {ours_view['last_row_s'] * 1000:.0f} ms | {qsql_view['last_row_s'] * 1000:.0f} ms | {qsql_view['last_row_s'] / ours_view['last_row_s']:.0f}x sooner |",
        f"| peak memory (VmHWM) | {ours_view['peak_rss_mb']:.0f} MB | {qsql_view['peak_rss_mb']:.0f} MB | {ours_view['peak_rss_mb'] / qsql_view['peak_rss_mb']:.2f}x |",
        "",
        "## Bulk insert",
        "",
        f"demo-data: {inserts['ours_rows_per_s']:,.0f} rows/s; raw executemany of users: {inserts['raw_rows_per_s']:,.0f} rows/s "
        f"(ratio {inserts['ours_rows_per_s'] / inserts['raw_rows_per_s']:.2f}).",
        "",
        f"## Search on {args.posts:,} posts: full-text index vs LIKE (median of 3)",
        "",
        *search_table(search_rows),
        "",
        "## Longest stall of the Qt event loop (a 10 ms timer's largest gap), users/posts views",
        "",
        "| while | longest gap | took |",
        "|---|---|---|",
        *(
            f"| {label} | {figures['gap_ms']:.0f} ms | {figures['seconds']:.2f} s |"
            for label, figures in stall_rows.items()
        ),
    ]
    figures = postgres(args.postgres_url, args.users, args.posts) if args.postgres_url else None
    lines += [
        "",
        *budgets(
            args,
            inserts,
            page_rows,
            ours_view,
            qsql_view,
            search_rows,
            stall_rows,
            figures,
        ),
    ]
    report = "\n".join(lines) + "\n"
    if figures is not None:
        report += "\n" + postgres_section(figures, args)
    report += "\n" + bench_filters.report(filter_rows, None, args.users, args.posts)
    print(report)
    args.report.write_text(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
