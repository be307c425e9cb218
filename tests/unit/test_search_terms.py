"""The search box's words, and the scan's matcher, agree with FTS5's tokenizer."""

from __future__ import annotations

from desktop_app.application.search_text import (
    MAX_SEARCH_TERMS,
    SearchTerms,
    limit_search_terms,
)
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


def test_repeated_terms_count_once_and_only_the_first_sixteen_are_searched() -> None:
    # 'w ' * 2000 took 20 s on 20,000 posts: one FTS5 phrase (or one row test) per repeat.
    assert search_terms("w " * 2000) == (("w",),)
    assert limit_search_terms("w " * 2000) == SearchTerms(("w",), 0)
    text = " ".join(f"word{n}" for n in range(40))
    limited = limit_search_terms(text)
    assert limited.terms == tuple(f"word{n}" for n in range(MAX_SEARCH_TERMS))
    assert limited.left_out == 40 - MAX_SEARCH_TERMS
    assert limited.notice == "Only the first 16 words are searched"
    assert search_terms(text) == tuple((f"word{n}",) for n in range(MAX_SEARCH_TERMS))


def test_what_counts_as_a_repeat() -> None:
    # Same words whatever the case or punctuation; a term without words is no term at all.
    limited = limit_search_terms("Ann ann, ANN %% jane.doe jane-doe jane doe")
    assert limited == SearchTerms(("Ann", "jane.doe", "jane", "doe"), 0)
    assert limited.notice is None
    # Sixteen distinct terms between repeats and wordless ones: nothing is left out.
    text = " ".join(f"t{n} T{n} -- " for n in range(MAX_SEARCH_TERMS))
    assert limit_search_terms(text).left_out == 0
    assert limit_search_terms(text + " one-more").left_out == 1
    # SQLite folds accents, so two kept terms may become one there, never the other way.
    assert search_terms("café cafe") == (("cafe",),)
    assert search_terms("café cafe", strip_accents=False) == (("café",), ("cafe",))
