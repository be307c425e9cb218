"""Filter bench (issue #13, item 2): each filter combination's pages vs the same SQL on the driver.

Run alone: .venv/bin/python bench/filters.py [--users N] [--posts N] [--sqlite FILE]
[--postgres-url URL] [--reuse]; ``bench/scale.py --filters-only`` runs it too and writes its
section of docs/benchmarks.md.

The database is demo-data, with a third of the rows made "never edited" (``updated_at`` NULL,
as the web backend leaves rows until their first edit). For each combination of filters (with
search and sort where named), the reader's first page, a jump to the middle of the filtered
rows, the keyset page after it, and the count are timed (median of 7) against the very
statements the reader ran, captured from the engine and replayed on the raw driver (sqlite3,
asyncpg). Each combination's page plan (EXPLAIN) is recorded as the database states it.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import sqlite3
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app.application.read_models import PostQuery, UserQuery, cursor_of  # noqa: E402
from desktop_app.application.row_filters import TimeRange  # noqa: E402

# The instant the ranges are measured from is the newest row's (demo-data spreads rows over
# the three years before it was made), so a range's share does not depend on the day of a run.
HALF_YEAR = 182
NEVER_SHARE_SQLITE = "substr(id, 32) IN ('0', '1', '2', '3', '4')"  # 5/16 of the ids (hex text)
NEVER_SHARE_PG = "right(id::text, 1) IN ('0', '1', '2', '3', '4')"
SEARCH_WORD = "postgres"  # a word in 6 % of posts (the search benchmark's)


@dataclass(frozen=True, slots=True)
class Figures:
    label: str
    rows: int
    first_ms: float
    first_raw_ms: float
    deep_ms: float
    deep_raw_ms: float
    next_ms: float
    next_raw_ms: float
    count_ms: float
    count_raw_ms: float
    plan: str


async def fill(url: str, users: int, posts: int) -> float:
    """Migrate, fill with demo-data and leave a third of the rows never edited: seconds."""

    from desktop_app.infrastructure.database import migrations
    from desktop_app.infrastructure.database.connection import make_engine
    from desktop_app.infrastructure.database.demo_data import fill_demo_data

    started = time.perf_counter()
    engine = make_engine(url)
    await migrations.upgrade(engine, url)
    await fill_demo_data(engine, users=users, posts=posts, seed=1)
    await engine.dispose()
    await leave_never_edited(url)
    return time.perf_counter() - started


async def leave_never_edited(url: str) -> None:
    """A third of the rows never edited (``updated_at`` NULL), then fresh statistics; through
    the raw driver (the app's statement timeout would stop a million-row UPDATE)."""
    import asyncpg
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        with sqlite3.connect(parsed.database or "") as db:
            for table in ("users", "posts"):
                db.execute(f"UPDATE {table} SET updated_at = NULL WHERE {NEVER_SHARE_SQLITE}")
            db.execute("ANALYZE")
        return
    dsn = parsed.set(drivername="postgresql").render_as_string(hide_password=False)
    connection = await asyncpg.connect(dsn)
    try:
        for table in ("users", "posts"):
            await connection.execute(
                f"UPDATE {table} SET updated_at = NULL WHERE {NEVER_SHARE_PG}", timeout=None
            )
        await connection.execute("VACUUM ANALYZE", timeout=None)
    finally:
        await connection.close()


def combinations(newest: date, prolific: Any, few: Any) -> list[tuple[str, Any]]:
    """(label, query) of every combination measured; ranges end on the newest row's day."""
    from datetime import timedelta

    half = TimeRange.of_local_days(newest - timedelta(days=HALF_YEAR), newest, UTC)
    month = TimeRange.of_local_days(newest - timedelta(days=60), newest - timedelta(days=30), UTC)
    never = TimeRange.NEVER
    return [
        ("users: active = yes", UserQuery(active=True)),
        ("users: active = no", UserQuery(active=False)),
        ("users: created in the last half year", UserQuery(created=half)),
        ("users: updated in one month", UserQuery(updated=month)),
        ("users: never edited", UserQuery(updated=never)),
        (
            "users: active = no, created in the last half year",
            UserQuery(active=False, created=half),
        ),
        ("users: active = yes, never edited", UserQuery(active=True, updated=never)),
        (
            "users: created in the last half year, by username",
            UserQuery(created=half, sort="username", descending=False),
        ),
        ("users: active = no, by last update", UserQuery(active=False, sort="updated_at")),
        ("posts: author (the most prolific)", PostQuery(author_id=prolific)),
        ("posts: author (3 posts)", PostQuery(author_id=few)),
        ("posts: created in the last half year", PostQuery(created=half)),
        ("posts: never edited", PostQuery(updated=never)),
        (
            "posts: author (the most prolific), created in the last half year",
            PostQuery(author_id=prolific, created=half),
        ),
        (
            f"posts: search `{SEARCH_WORD}`, created in the last half year",
            PostQuery(search=SEARCH_WORD, created=half),
        ),
        (
            "posts: created in the last half year, by title",
            PostQuery(created=half, sort="title", descending=False),
        ),
        ("posts: author (3 posts), by last update", PostQuery(author_id=few, sort="updated_at")),
    ]


async def _median_ms(work: Callable[[], Awaitable[Any]], times: int = 7) -> float:
    spent = []
    for _ in range(times):
        started = time.perf_counter()
        await work()
        spent.append(time.perf_counter() - started)
    return statistics.median(spent) * 1000


def _plan_line(lines: list[str]) -> str:
    """A plan in one line: its steps, without PostgreSQL's cost estimates."""
    import re

    steps = [re.sub(r"\s+\(cost=[^)]*\)", "", line).strip(" ->") for line in lines]
    return " / ".join(step for step in steps if step)


async def measure(url: str) -> list[Figures]:
    """Every combination's figures on the filled database at ``url``."""
    import asyncpg
    from sqlalchemy import event, text
    from sqlalchemy.engine import make_url

    from desktop_app.infrastructure.database.connection import make_engine, make_session_factory
    from desktop_app.infrastructure.database.readers import (
        SQLAlchemyPostReader,
        SQLAlchemyUserReader,
    )
    from desktop_app.infrastructure.database.search import WORDS_MATCH_FUNCTION, words_match

    engine = make_engine(url)
    sqlite = engine.dialect.name == "sqlite"
    captured: list[tuple[str, Any]] = []

    @event.listens_for(engine.sync_engine, "before_cursor_execute")
    def _capture(_c: Any, _cur: Any, statement: str, parameters: Any, *_: Any) -> None:
        captured.append((statement, parameters))

    factory = make_session_factory(engine)
    readers = {"users": SQLAlchemyUserReader(factory), "posts": SQLAlchemyPostReader(factory)}
    if sqlite:
        raw_db = sqlite3.connect(make_url(url).database or "")
        # the search's own SQL function, as the app's connections have it
        raw_db.create_function(WORDS_MATCH_FUNCTION, -1, words_match, deterministic=True)

        async def raw_run(sql: str, params: Any) -> list[Any]:
            return raw_db.execute(sql, params or ()).fetchall()
    else:
        dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        raw_pg = await asyncpg.connect(dsn)

        async def raw_run(sql: str, params: Any) -> list[Any]:
            return list(await raw_pg.fetch(sql, *(params or ())))

    async with engine.connect() as connection:
        newest_text = (await connection.execute(text("SELECT max(created_at) FROM posts"))).scalar()
        newest = datetime.fromisoformat(str(newest_text)[:10]).date()
        prolific = (
            await connection.execute(
                text(
                    "SELECT author_id FROM posts GROUP BY author_id ORDER BY count(*) DESC LIMIT 1"
                )
            )
        ).scalar()
        few = (
            await connection.execute(
                text("SELECT author_id FROM posts GROUP BY author_id HAVING count(*) = 3 LIMIT 1")
            )
        ).scalar()
    if sqlite:  # the raw text as stored: the reader binds UUIDs
        from uuid import UUID

        prolific, few = UUID(hex=prolific), UUID(hex=few)

    async def statements_of(work: Callable[[], Awaitable[Any]]) -> list[tuple[str, Any]]:
        await work()  # the planner's probes are remembered after this one
        captured.clear()
        await work()
        return list(captured)

    async def replayed(statements: list[tuple[str, Any]]) -> None:
        for sql, params in statements:
            await raw_run(sql, params)

    async def plan_of(sql: str, params: Any) -> str:
        if sqlite:
            rows = await raw_run(f"EXPLAIN QUERY PLAN {sql}", params)
            return _plan_line([str(row[3]) for row in rows])
        rows = await raw_run(f"EXPLAIN {sql}", params)
        return _plan_line([str(row[0]) for row in rows])

    figures = []
    for label, query in combinations(newest, prolific, few):
        reader: Any = readers["users" if isinstance(query, UserQuery) else "posts"]
        rows = await reader.count(query)
        deep_at = max(rows // 2, 0)
        page = await reader.fetch(query, offset=deep_at, limit=100)
        after = cursor_of(page[-1], query) if page else None
        works: list[Callable[[], Awaitable[Any]]] = [
            lambda reader=reader, query=query: reader.fetch(query, limit=100),
            lambda reader=reader, query=query, at=deep_at: reader.fetch(
                query, offset=at, limit=100
            ),
            lambda reader=reader, query=query, after=after: reader.fetch(
                query, limit=100, after=after
            ),
            lambda reader=reader, query=query: reader.count(query),
        ]
        timings: list[float] = []
        plans: list[str] = []
        for number, work in enumerate(works):
            statements = await statements_of(work)
            times = 3 if number == 1 else 7  # a jump may take seconds: median of 3
            timings.append(await _median_ms(work, times))
            timings.append(await _median_ms(lambda s=statements: replayed(s), times))
            if number in (0, 1):  # the first page's plan, and the jump's seek
                plans.append(await plan_of(*statements[0]))
        plan = f"page: {plans[0]}" + (f" · jump's seek: {plans[1]}" if plans[1] != plans[0] else "")
        figures.append(Figures(label, rows, *timings, plan))
        print(f"{label}: {rows:,} rows, {timings}", flush=True)
    if sqlite:
        raw_db.close()
    else:
        await raw_pg.close()
    await engine.dispose()
    return figures


def _ok(ours: float, raw: float) -> bool:
    """The pages' budget: within 2x of raw when raw takes over 5 ms, else under 3 ms."""
    return ours <= 2 * raw if raw > 5 else ours < 3


def table(title: str, figures: list[Figures]) -> list[str]:
    """A report section: figures, the budget per combination, and the plans."""
    lines = [
        title,
        "",
        "| filters | rows | first page | deep jump (middle) | next page (keyset) | count | "
        "pages in budget |",
        "|---|---|---|---|---|---|---|",
    ]
    for f in figures:
        pages = (
            (f.first_ms, f.first_raw_ms),
            (f.deep_ms, f.deep_raw_ms),
            (f.next_ms, f.next_raw_ms),
        )
        missed = [
            name
            for name, (o, r) in zip(("first", "jump", "next"), pages, strict=True)
            if not _ok(o, r)
        ]
        cells = [
            f"{o:.2f} / {r:.2f} ms ({o / r:.1f}x)"
            for o, r in (*pages, (f.count_ms, f.count_raw_ms))
        ]
        verdict = "held" if not missed else "**missed**: " + ", ".join(missed)
        lines.append(f"| {f.label} | {f.rows:,} | " + " | ".join(cells) + f" | {verdict} |")
    lines += ["", "Plans (EXPLAIN of the first page's statement, and of a jump's seek):", ""]
    lines += [f"- {f.label}: {f.plan}" for f in figures]
    return lines


def report(
    sqlite_figures: list[Figures] | None, pg_figures: list[Figures] | None, users: int, posts: int
) -> str:
    """The filters section of docs/benchmarks.md."""
    lines = [
        FILTERS_HEADING,
        "",
        f"{users:,} users + {posts:,} posts (demo-data, a third of the rows never edited). Each "
        "cell: ours / the same statements on the raw driver (median of 7; of 3 for a jump), and the ratio. Budget "
        "(issue 13): a page within 2x of raw when raw takes over 5 ms, else under 3 ms.",
        "",
    ]
    if sqlite_figures:
        lines += [*table("### SQLite (sqlite3)", sqlite_figures), ""]
    if pg_figures:
        lines += [*table("### PostgreSQL (asyncpg)", pg_figures), ""]
    return "\n".join(lines)


FILTERS_HEADING = "## Filters (issue 13): every combination vs the same SQL on the driver"


GENERATED = ("### SQLite (sqlite3)", "### PostgreSQL (asyncpg)")


def _subsections(body: str) -> tuple[str, list[tuple[str, str]]]:
    """``body`` (a section after its heading) as its intro and its ``### `` subsections, each
    (heading, text)."""
    intro, *parts = body.split("\n### ")
    return intro, [("### " + part.split("\n", 1)[0], part.split("\n", 1)[1]) for part in parts]


def write_section(path: Path, section: str) -> None:
    """Put ``section`` in the report at ``path``: its intro and its generated subsections
    (``GENERATED``) replace the last run's, in place; the subsections written by hand (notes,
    before-and-after tables) stay where they are. Without a filters section yet, at the end."""
    text = path.read_text() if path.exists() else ""
    if FILTERS_HEADING not in text:
        path.write_text(text.rstrip() + "\n\n" + section)
        return
    before, after = text.split(FILTERS_HEADING, 1)
    body, *rest = after.split("\n## ", 1)
    _, old_parts = _subsections(body)  # the intro is the new run's
    new_intro, new_parts = _subsections(section.split(FILTERS_HEADING, 1)[1])
    fresh = dict(new_parts)
    parts = [(h, fresh.pop(h, t)) if h in GENERATED else (h, t) for h, t in old_parts]
    parts += list(fresh.items())  # generated subsections the last run did not have
    merged = new_intro + "".join(f"\n{heading}\n{text}" for heading, text in parts)
    path.write_text(before + FILTERS_HEADING + merged + ("\n## " + rest[0] if rest else ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=1_000_000)
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument("--sqlite", type=Path, help="the SQLite file (filled unless --reuse)")
    parser.add_argument("--postgres-url", help="a PostgreSQL database to fill (unless --reuse)")
    parser.add_argument("--reuse", action="store_true", help="measure databases filled before")
    parser.add_argument("--report", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args(argv)
    results: dict[str, list[Figures] | None] = {"sqlite": None, "postgresql": None}
    urls = {
        "sqlite": f"sqlite+aiosqlite:///{args.sqlite}" if args.sqlite else None,
        "postgresql": args.postgres_url,
    }
    for name, url in urls.items():
        if url is None:
            continue
        if not args.reuse:
            print(f"{name}: filled in {asyncio.run(fill(url, args.users, args.posts)):.0f} s")
        gc.collect()
        gc.freeze()  # as the window does once started: collections during the measurement
        try:  # do not walk what the fill left behind
            results[name] = asyncio.run(measure(url))
        finally:
            gc.unfreeze()
    section = report(results["sqlite"], results["postgresql"], args.users, args.posts)
    print(section)
    write_section(args.report, section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
