"""What a planned search means in each table's SQL: the condition a page or a count adds.

``search_planner`` decides how a search runs (LIKE, the FTS5 index, an ordered scan testing
each row, PostgreSQL's GIN index); these turn its :class:`SearchPlan` into the WHERE condition
of the users or the posts table. Posts also match by their author's username.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, any_, false, func, literal_column, or_, select, union
from sqlalchemy.orm import aliased

from desktop_app.infrastructure.database.models import PostModel, UserModel
from desktop_app.infrastructure.database.search import (
    contains,
    fts5_query,
    fts_keys,
    pg_matches,
    sql_words_match,
)
from desktop_app.infrastructure.database.search_planner import SearchPlan, pg_authors


def user_search_condition(search: SearchPlan) -> ColumnElement[bool]:
    """Users whose username, email or bio match."""
    if search.mode == "like":
        return or_(
            contains(UserModel.email, search.text),
            contains(UserModel.username, search.text),
            contains(UserModel.bio, search.text),
        )
    if not search.terms:
        return false()
    if search.mode == "postgresql":
        return pg_matches("users", search.terms)
    if search.dense:
        return sql_words_match(search.terms, UserModel.username, UserModel.email, UserModel.bio)
    return UserModel.id.in_(fts_keys("users", "user_id", fts5_query(search.terms)))


def post_matching_ids(
    search: SearchPlan,
) -> tuple[Select[*tuple[Any, ...]], Select[*tuple[Any, ...]]]:
    """Ids of posts FTS5 finds by their own words, and of posts by authors whose username
    it finds: each through its own index, on an alias so neither correlates with an outer
    query's tables."""
    by_author = aliased(PostModel, name="search_post")
    own = fts_keys("posts", "post_id", fts5_query(search.terms))
    authors = fts_keys("users", "user_id", fts5_query(search.terms, "username"))
    written = select(by_author.id).where(by_author.author_id.in_(authors))
    return own, written


def post_search_condition(search: SearchPlan) -> ColumnElement[bool]:
    """Posts whose title or content match, or whose author's username does (the statement
    joins the author as ``UserModel``)."""
    if search.mode == "like":
        return or_(
            contains(PostModel.title, search.text),
            contains(PostModel.content, search.text),
            contains(UserModel.username, search.text),
        )
    if not search.terms:
        return false()
    if search.dense:
        by_words = sql_words_match(search.terms, PostModel.title, PostModel.content)
        if not search.authors_match:  # test the post alone, before its author is read
            return by_words
        return or_(by_words, sql_words_match(search.terms, UserModel.username))
    if search.mode == "postgresql":
        # "= ANY(one array)" rather than "IN (subquery)": PostgreSQL can OR the two index
        # lookups together (a BitmapOr) only for the array form.
        author = aliased(UserModel, name="search_author")
        authors = pg_authors(search.terms, author).with_only_columns(func.array_agg(author.id))
        by_words = pg_matches("posts", search.terms)
        if not search.authors_match:  # an OR that matches nothing only spoils the estimate
            return by_words
        if search.author_ids is not None:
            return or_(by_words, PostModel.author_id.in_(search.author_ids))
        return or_(
            by_words,
            PostModel.author_id
            == any_(func.coalesce(authors.scalar_subquery(), literal_column("'{}'::uuid[]"))),
        )
    own, written = post_matching_ids(search)
    return PostModel.id.in_(union(own.correlate(None), written.correlate(None)))
