"""What a search box's text means, and how each backend answers it fast.

Meaning, the same on every backend: the text is split into terms at whitespace; a term is the
words in it (letters and digits; punctuation separates words, so ``jane.doe`` is the words
``jane doe``), and it matches where those words appear in that order, the last one as a prefix.
A row matches when every term does. Case never matters; on SQLite accents don't either
(``jose`` finds ``José``). Text with no words at all (``%%``) matches nothing. Repeated terms
count once, and only the first ``MAX_SEARCH_TERMS`` distinct ones are searched
(``application.search_text``: the UI tells the user).

How, cheapest first (migration 0003 builds the indexes):

* PostgreSQL: ``search_vector @@ tsquery`` with a GIN index. Its planner guesses a prefix's
  share of rows without looking, and on that guess walks the sort index even for a word no
  row has (3.5 s on 1M posts). So we estimate the share from its own column statistics (the
  most common words) and, for a rare search, order by an expression no index serves, so the
  matches come from the GIN index and are sorted.
* SQLite with FTS5: a *rare* search (few matches) asks the FTS5 index for the matching keys and
  sorts them; a *common* one walks the sort index in order and tests each row with
  :func:`words_match` (registered as the SQL function ``desktop_app_words_match``), stopping after
  a page, because materialising half a million matches to show a hundred costs seconds. One
  probe that reads at most 30 % of the index's keys tells which is which, once per text.
* SQLite without FTS5: a case-insensitive substring LIKE (a superset of the above).

This module holds the building blocks (terms, the FTS5 and tsquery syntax, the SQL conditions
made of them); ``search_planner`` decides which way a given search goes, with the thresholds of
its ``ReadTuning``.
"""

from __future__ import annotations

import string
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Boolean, ColumnElement, Select, column, func, literal, literal_column, select
from sqlalchemy import table as sa_table

from desktop_app.application.search_text import WORD, limit_search_terms

WORDS_MATCH_FUNCTION = "desktop_app_words_match"

# What migration 0003 indexes on SQLite: table -> (id column of its keys table, columns).
INDEXED: dict[str, tuple[str, tuple[str, ...]]] = {
    "users": ("user_id", ("username", "email", "bio")),
    "posts": ("post_id", ("title", "content")),
}
# ... and its triggers, "<table>_search_<action>", which keep each index current ("replace":
# migration 0004's BEFORE INSERT trigger for rows another writer's INSERT OR REPLACE removes)
SEARCH_TRIGGERS = ("replace", "insert", "delete", "update")

_TERM_SEPARATOR = "\t"

Terms = tuple[tuple[str, ...], ...]

# As in migration 0003: ASCII punctuation becomes spaces before PostgreSQL's parser sees it.
_PUNCTUATION = "'" + string.punctuation.replace("'", "''") + "'"
_SPACES = "'" + " " * len(string.punctuation) + "'"


def fold(text: str, *, strip_accents: bool = True) -> str:
    """Lower case, and without accents unless ``strip_accents`` is False (as FTS5 folds)."""
    text = text.lower()
    if strip_accents and not text.isascii():
        decomposed = unicodedata.normalize("NFD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return text


def words(text: str, *, strip_accents: bool = True) -> list[str]:
    return WORD.findall(fold(text, strip_accents=strip_accents))


def search_terms(text: str, *, strip_accents: bool = True) -> Terms:
    """The terms of a search box's text, each as its words: empty terms dropped, each distinct
    term once, at most MAX_SEARCH_TERMS of them (a term more is a lookup or a row test more)."""
    limited = limit_search_terms(text).terms
    terms = (tuple(words(term, strip_accents=strip_accents)) for term in limited)
    # Folding accents may make two kept terms one (SQLite: "café cafe").
    return tuple(dict.fromkeys(term for term in terms if term))


def fts5_query(terms: Terms, column: str | None = None) -> str:
    """FTS5 MATCH syntax: each term a quoted phrase with a prefix star, all ANDed."""
    query = " AND ".join('"' + " ".join(term) + '"*' for term in terms)
    return f"{{{column}}} : ({query})" if column else query


def tsquery(terms: Terms) -> str:
    """PostgreSQL to_tsquery syntax: words of a term in sequence (<->), the last a prefix."""
    phrases = (" <-> ".join((*term[:-1], term[-1] + ":*")) for term in terms)
    return " & ".join(f"({phrase})" for phrase in phrases)


def pg_document(columns: Sequence[str]) -> str:
    """The tsvector expression of migration 0003's GIN indexes, over qualified ``columns``.

    It must stay token for token the expression the index was built on, or PostgreSQL cannot
    use the index."""
    joined = " || ' ' || ".join(f"coalesce({column}, '')" for column in columns)
    return f"to_tsvector('simple'::regconfig, translate({joined}, {_PUNCTUATION}, {_SPACES}))"


def encode_terms(terms: Terms) -> str:
    """The terms as one SQL parameter for :func:`words_match`."""
    return _TERM_SEPARATOR.join(" ".join(term) for term in terms)


@lru_cache(maxsize=64)
def _decode_terms(encoded: str) -> Terms:
    return tuple(tuple(term.split(" ")) for term in encoded.split(_TERM_SEPARATOR) if term)


def _phrase_in(term: tuple[str, ...], tokens: list[str]) -> bool:
    *whole, prefix = term
    span = len(whole)
    for start in range(len(tokens) - span):
        if tokens[start + span].startswith(prefix) and tokens[start : start + span] == whole:
            return True
    return False


def words_match(encoded_terms: str, *texts: str | None) -> bool:
    """True when every term appears in one of ``texts`` (the SQL function on SQLite)."""
    terms = _decode_terms(encoded_terms)
    present = [fold(text) for text in texts if text]
    if not terms or not present:
        return False
    tokenised: list[list[str]] | None = None
    for term in terms:
        # Cheap rejection first: most rows of a scan don't contain the words at all.
        if not any(all(word in text for word in term) for text in present):
            return False
        if tokenised is None:
            tokenised = [WORD.findall(text) for text in present]
        if not any(_phrase_in(term, tokens) for tokens in tokenised):
            return False
    return True


def like_pattern(text: str) -> str:
    """A LIKE pattern for a case-insensitive substring in which % and _ are literal."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def contains(column_: Any, text: str) -> ColumnElement[bool]:
    """Case-insensitive substring match in which % and _ are literal characters."""
    return column_.ilike(like_pattern(text), escape="\\")  # type: ignore[no-any-return]


def fts_keys(table: str, id_column: str, match: str) -> Select[*tuple[Any, ...]]:
    """SELECT of the ids of ``table``'s rows that FTS5 finds for ``match``."""
    fts = sa_table(f"{table}_fts", column("rowid"))
    keys = sa_table(f"{table}_search_keys", column("key"), column(id_column))
    hits = select(fts.c.rowid).where(literal_column(f"{table}_fts").op("MATCH")(match))
    return select(keys.c[id_column]).where(keys.c.key.in_(hits))


def pg_matches(table: str, terms: Terms, columns: list[str] | None = None) -> ColumnElement[bool]:
    """``table``'s stored ``search_vector`` (migration 0003) matches, or, with ``columns``, the
    same tsvector computed from just those columns (for a check on a few rows)."""
    query = func.to_tsquery(literal_column("'simple'::regconfig"), tsquery(terms))
    vector: ColumnElement[Any]
    if columns is None:
        vector = literal_column(f"{table}.search_vector")
    else:
        vector = literal_column(pg_document([f"{table}.{c}" for c in columns]))
    return vector.op("@@", return_type=Boolean)(query)


def sql_words_match(terms: Terms, *columns: Any) -> ColumnElement[bool]:
    """:func:`words_match` as SQL (the function connection.py registers on SQLite)."""
    function = getattr(func, WORDS_MATCH_FUNCTION)
    return function(literal(encode_terms(terms)), *columns, type_=Boolean)  # type: ignore[no-any-return]
