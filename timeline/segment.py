"""Text into tokens and sentences, with exact offsets; language guessing.

Tokens are runs of digits, runs of letters, single line breaks, or single
other characters, so a date glued to a word (``Nam19/02/2025``) still splits
into its parts. Every pattern here runs in linear time.
"""

from __future__ import annotations

import re
from typing import NamedTuple

TOKEN_PATTERN = r"\d+|[^\W\d_]+|\n|[^\s]"
"""A token: a run of digits, a run of letters, a line break, or any other character."""
_TOKEN_RE = re.compile(TOKEN_PATTERN)
# The look-behind makes a run of stops match once, at its start: linear on "......".
# A full stop after a one- or two-digit number is an ordinal ("am 3. März"), not an end.
_SENTENCE_END_RE = re.compile(
    r"(?<![.!?…])(?<!\b\d)(?<!\b\d\d)[.!?…]++[\"'”’)\]]*+(?=\s+[\"'“‘(\[]?[^\s\da-z])|\n\s*\n|\n(?=\s*\S)")


class Token(NamedTuple):
    """One token: its offsets in the text and its text (a tuple: cheap to make).

    Example:
        >>> tokenize("am 20. Februar")[1]
        Token(start=3, end=5, text='20')
    """

    start: int
    end: int
    text: str


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into `Token`s; whitespace other than line breaks is dropped.

    Example:
        >>> [t.text for t in tokenize("19–21 februari")]
        ['19', '–', '21', 'februari']
    """
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text)]


def word_tokens(text: str) -> list[str]:
    """The token texts of ``text`` (used to key multi-word data entries).

    Example:
        >>> word_tokens("o'clock")
        ['o', "'", 'clock']
    """
    return _TOKEN_RE.findall(text.replace("\n", " "))


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` covering the non-blank text, in order.

    Example:
        >>> text = "It rained. Then it stopped."
        >>> [text[a:b] for a, b in sentences(text)]
        ['It rained.', 'Then it stopped.']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END_RE.finditer(text):
        end = m.end()
        _append_stripped(text, start, end, spans)
        start = end
    _append_stripped(text, start, len(text), spans)
    return spans


def _append_stripped(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))
