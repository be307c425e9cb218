"""The search box's words, and the scan's matcher, agree with FTS5's tokenizer."""

from __future__ import annotations

from desktop_app.infrastructure.database.search import (
    fts5_query,
    search_terms,
    tsquery,
    words_match,
)


def test_search_terms_and_the_scan_agree_with_fts5_on_words() -> None:
    assert search_terms("  Jane.Doe@Example.org  2.1 %% ") == (
        ("jane", "doe", "example", "org"),
        ("2", "1"),
    )
    assert search_terms("Café") == (("cafe",),)
    assert search_terms("Café", strip_accents=False) == (("café",),)
    assert words_match("jane doe", "Mail jane.doe@example.org")
    assert not words_match("doe jane", "jane.doe@example.org")
    assert words_match("exam\tjan", "jane.doe@example.org")
    assert not words_match("ample", "jane.doe@example.org")
    assert words_match("cafe", None, "Le Café")
    assert not words_match("cafe", None, None)


def test_queries_for_each_backend() -> None:
    terms = search_terms("grace.hop 2.1")
    assert fts5_query(terms) == '"grace hop"* AND "2 1"*'
    assert fts5_query(terms, "username") == '{username} : ("grace hop"* AND "2 1"*)'
    assert tsquery(terms) == "(grace <-> hop:*) & (2 <-> 1:*)"
