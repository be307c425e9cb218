"""How much of a search box's text is searched: its distinct terms, at most MAX_SEARCH_TERMS.

Every term costs the database another index lookup, or another test of every row an ordered
scan reads: ``'w ' * 2000`` took 20 s on 20,000 posts. A repeated term adds nothing (every
term must match anyway), so repeats are dropped, and past the cap the rest is left out and the
UI says so. This lives here, not with the SQL, because the UI shows the notice and may import
the application layer but not the infrastructure.

A term is what whitespace separates; two terms are the same when their words (letters and
digits, lower-cased) are, so ``Ann``, ``ann`` and ``ann,`` count once, and a term without words
(``%%``) not at all. The backends fold further (SQLite also drops accents), which can only
merge more of what is kept here, never bring back what the cap left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_SEARCH_TERMS = 16
SEARCH_CAPPED_NOTICE = f"Only the first {MAX_SEARCH_TERMS} words are searched"

# A word: letters and digits; punctuation and "_" separate words (as FTS5's tokenizer does).
WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class SearchTerms:
    """The terms that are searched, in the order typed, and how many distinct ones were not."""

    terms: tuple[str, ...]
    left_out: int = 0

    @property
    def notice(self) -> str | None:
        """What to tell the user about the search text, if anything."""
        return SEARCH_CAPPED_NOTICE if self.left_out else None


def limit_search_terms(text: str, limit: int = MAX_SEARCH_TERMS) -> SearchTerms:
    """The first ``limit`` distinct terms of ``text``, each as typed."""
    seen: set[tuple[str, ...]] = set()
    kept: list[str] = []
    left_out = 0
    for term in text.split():
        key = tuple(WORD.findall(term.lower()))
        if not key or key in seen:
            continue
        seen.add(key)
        if len(kept) < limit:
            kept.append(term)
        else:
            left_out += 1
    return SearchTerms(tuple(kept), left_out)
