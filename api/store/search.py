"""Full-text search that finds the same claims on SQLite and PostgreSQL.

Both engines index text tokenised here, in Python, rather than by their own parsers
(which split, fold and stem words differently): SQLite's FTS5 with its `ascii`
tokenizer and PostgreSQL's `array_to_tsvector` take the tokens as given. A query is
tokenised the same way and each term matches as a prefix ("migrain" finds
"migraines"), all terms required. User text never reaches either engine's query
syntax except as these tokens, which hold only letters and digits.
"""

import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+", re.ASCII)
"""_WORD in ASCII text, found faster."""
_SPECIAL = re.compile("[&<>\"']")
"""What html.escape replaces; words hold none of it."""
MAX_TOKEN_LENGTH = 64
"""Longer runs are not words anyone searches for; PostgreSQL also limits lexeme size."""
MAX_QUERY_TERMS = 32


def tokens(text: str) -> list[str]:
    """Case-folded words of text, in order: what the index holds and queries match.

    NFKC first, so compatibility forms (full-width letters, ligatures) match their plain
    spelling. Changing this function changes the index: reload the data after it does.
    """
    words = _WORD.findall(unicodedata.normalize("NFKC", text))
    return [w for w in (word.casefold() for word in words) if len(w) <= MAX_TOKEN_LENGTH]


def search_text(*fields: str) -> str:
    """The indexed form of a claim: its words, space-separated."""
    return " ".join(token for field in fields for token in tokens(field))


@dataclass(frozen=True)
class Query:
    """A parsed `q`: its distinct terms, each matched as a word prefix."""

    terms: tuple[str, ...]

    @classmethod
    def parse(cls, q: str) -> "Query":
        return cls(tuple(dict.fromkeys(tokens(q)))[:MAX_QUERY_TERMS])

    def fts5(self) -> str:
        """SQLite FTS5 MATCH syntax; terms are alphanumeric, so quoting them is safe."""
        return " AND ".join(f'"{term}"*' for term in self.terms)

    def tsquery(self) -> str:
        """PostgreSQL tsquery syntax, prefix-matching each term."""
        return " & ".join(f"'{term}':*" for term in self.terms)


def snippet(query: Query, *fields: str, words: int = 24) -> str:
    """A short excerpt of the field that matches best, HTML-escaped, hits in <mark>.

    Computed here rather than by either engine so both give the same snippet.
    """
    hits = _hit_finder(query.terms)
    hits_of = [hits(field) for field in fields]
    counts = [len(found) for found in hits_of]
    most = counts.index(max(counts))
    best, found = fields[most], hits_of[most]
    word = _ASCII_WORD if best.isascii() else _WORD
    count = len(word.findall(best))
    first = len(word.findall(best, 0, found[0].start())) if found else 0
    lo = max(0, first - words // 3)
    hi = min(count, lo + words)
    start, end = 0, len(best)
    if lo > 0 or hi < count:  # the excerpt cuts the field: where do its words start, end?
        all_words = list(word.finditer(best))
        start = all_words[lo].start() if lo > 0 else 0
        end = all_words[hi - 1].end() if hi < count else len(best)
    escape = html.escape if _SPECIAL.search(best, start, end) else str
    marked, cursor = [], start
    for match in found:
        hit_start, hit_end = match.span()
        if start <= hit_start and hit_end <= end:
            marked.append(escape(best[cursor:hit_start]))
            marked.append(f"<mark>{best[hit_start:hit_end]}</mark>")  # a word: no escaping
            cursor = hit_end
    marked.append(escape(best[cursor:end]))
    return ("…" if start > 0 else "") + "".join(marked) + ("…" if end < len(best) else "")


@lru_cache(maxsize=256)
def _hit_finder(terms: tuple[str, ...]) -> Callable[[str], list[re.Match[str]]]:
    """The words of a field that start with one of terms once folded as tokens() folds them.

    In ASCII text, where folding is lowercasing, one regex finds them in the lowercased
    text; only ASCII terms (tokens: lowercase letters and digits) can start its words. The
    regex checks that a term starts a word after matching the term, so that the engine
    can skip ahead to the terms' first letters. Other text is folded word by word.
    """
    either = "|".join(f"{t}(?<![a-z0-9]{t})" for t in terms if t.isascii())
    ascii_hit = re.compile(f"(?:{either})[a-z0-9]*") if either else None

    def folded(word: str) -> str:  # NFKC leaves ASCII as it is
        return (word if word.isascii() else unicodedata.normalize("NFKC", word)).casefold()

    def hits(field: str) -> list[re.Match[str]]:
        if field.isascii():
            return list(ascii_hit.finditer(field.lower())) if ascii_hit else []
        return [m for m in _WORD.finditer(field) if folded(m.group()).startswith(terms)]

    return hits
