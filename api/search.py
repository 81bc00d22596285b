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
from dataclasses import dataclass

_WORD = re.compile(r"[^\W_]+")
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

    def folded(word: str) -> str:  # as tokens() folds it; NFKC leaves ASCII as it is
        return (word if word.isascii() else unicodedata.normalize("NFKC", word)).casefold()

    def hits(words: list[re.Match[str]]) -> list[re.Match[str]]:
        return [m for m in words if folded(m.group()).startswith(query.terms)]

    words_of = [list(_WORD.finditer(field)) for field in fields]
    hits_of = [hits(words) for words in words_of]
    most = max(range(len(fields)), key=lambda i: len(hits_of[i]))
    best, found, all_words = fields[most], hits_of[most], words_of[most]
    first = next((i for i, w in enumerate(all_words) if found and w.start() == found[0].start()), 0)
    lo = max(0, first - words // 3)
    hi = min(len(all_words), lo + words)
    start = all_words[lo].start() if all_words and lo > 0 else 0
    end = all_words[hi - 1].end() if all_words and hi < len(all_words) else len(best)
    marked, cursor = [], start
    for match in found:
        if start <= match.start() and match.end() <= end:
            marked.append(html.escape(best[cursor : match.start()]))
            marked.append(f"<mark>{html.escape(match.group())}</mark>")
            cursor = match.end()
    marked.append(html.escape(best[cursor:end]))
    return ("…" if start > 0 else "") + "".join(marked) + ("…" if end < len(best) else "")
