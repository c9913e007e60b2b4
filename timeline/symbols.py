"""Text into grammar symbols: one character per token, the string the rules match.

Most tokens mean the same wherever they stand, so each distinct token is
classified once per language and remembered; a document then becomes its
symbols by one dictionary look-up per token. Only tokens whose meaning depends
on their neighbours (numbers with a glued suffix such as ``21st`` or ``14h12``,
the first word of a multi-word entry, ``Q1``, a capitalised ``March``) are
looked at again in context, and only they can merge tokens.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from itertools import accumulate
from typing import Any, cast, overload

from timeline.lexicon import Entry, Lexicon, Sym
from timeline.segment import TOKEN_PATTERN, Token

_SPLIT_RE = re.compile(f"({TOKEN_PATTERN})")
_PUNCT = {".": ".", ",": ",", "/": "/", ":": ":", "(": "(", ")": ")", "'": "'", "’": "'",
          "-": "-", "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "[": "(", "]": ")"}
_IN_CONTEXT = "\x00"  # a token's symbol depends on its neighbours
_CACHE_LIMIT = 200_000  # distinct tokens remembered per language before starting afresh
_SENTENCE_STOP_RE = re.compile(r"[|.]")

_Phrases = dict[str, dict[str, tuple[tuple[tuple[str, ...], Entry], ...]]]


class Tokens(Sequence[Token]):
    """The tokens of a document, stored as three parallel lists; indexing gives a `Token`.

    Example:
        >>> Tokens(["am", "20"], [0, 3], [2, 5])[1]
        Token(start=3, end=5, text='20')
    """

    __slots__ = ("ends", "starts", "texts")

    def __init__(self, texts: list[str], starts: list[int], ends: list[int]) -> None:
        self.texts = texts
        self.starts = starts
        self.ends = ends

    @overload
    def __getitem__(self, i: int) -> Token: ...
    @overload
    def __getitem__(self, i: slice) -> list[Token]: ...
    def __getitem__(self, i: int | slice) -> Token | list[Token]:
        if isinstance(i, slice):
            return [Token(*t) for t in zip(self.starts[i], self.ends[i], self.texts[i],
                                           strict=True)]
        return Token(self.starts[i], self.ends[i], self.texts[i])

    def __len__(self) -> int:
        return len(self.texts)

    def __iter__(self) -> Iterator[Token]:
        return map(Token, self.starts, self.ends, self.texts)


class Symbols:
    """A document as the grammar sees it: one symbol and one value per token.

    Example:
        >>> from timeline.lexicon import load_lexicon
        >>> s = classify("18 January 1950", load_lexicon("en"))
        >>> s.syms, s.values, s.tokens[2].text
        ('dMy', [18, 1, 1950], '1950')
    """

    __slots__ = ("syms", "tokens", "values")

    def __init__(self, tokens: Tokens, syms: str, values: list[Any]) -> None:
        self.tokens = tokens
        self.syms = syms
        self.values = values


def classify(text: str, lex: Lexicon) -> Symbols:
    """Turn ``text`` into `Symbols` using one language's lexicon.

    Example:
        >>> from timeline.lexicon import load_lexicon
        >>> classify("on the 21st of March, at 14h12", load_lexicon("en")).syms
        'xaofM,xt'
    """
    parts = _SPLIT_RE.split(text)
    texts = parts[1::2]
    offsets = list(accumulate(map(len, parts)))
    starts = offsets[0:-1:2]
    ends = offsets[1::2]
    table = _table(lex.code)
    symbol, value, learn = table.symbol.get, table.value.get, table.learn
    known: list[str | None] = list(map(symbol, texts))
    if None in known:
        k = known.index(None)
        while True:
            known[k] = learn(texts[k], lex)
            try:
                k = known.index(None, k + 1)
            except ValueError:
                break
    syms = cast("list[str]", known)
    values = list(map(value, texts))
    joined = "".join(syms)
    if _IN_CONTEXT not in joined:
        return Symbols(Tokens(texts, starts, ends), joined, values)
    raw = Tokens(texts, starts, ends)
    merges: list[tuple[int, int]] = []
    phrase_alone = table.phrase_alone
    plain_number = table.plain_number.get
    phrases = table.phrases
    last = len(texts) - 1
    i = joined.find(_IN_CONTEXT)
    while i >= 0:
        number = plain_number(texts[i])
        if number is not None and (i == last or starts[i + 1] != ends[i]):
            syms[i], values[i] = number  # nothing glued on: a number is just a number
            i = joined.find(_IN_CONTEXT, i + 1)
            continue
        alone = phrase_alone.get(texts[i])
        if alone is not None and (i == last or texts[i + 1].casefold()
                                  not in phrases[texts[i].casefold()]):
            syms[i], values[i] = alone  # "the" with no phrase after it: just "the"
            i = joined.find(_IN_CONTEXT, i + 1)
            continue
        j, sym, val = _in_context(raw, i, lex, phrases)
        syms[i] = sym
        values[i] = val
        if j > i + 1:
            merges.append((i, j))
        i = joined.find(_IN_CONTEXT, j)
    if merges:
        return _merged(text, raw, syms, values, merges)
    return Symbols(raw, "".join(syms), values)


def sentence_bounds(s: Symbols) -> list[tuple[int, int]]:
    """Token ranges of the sentences: split at line breaks and at a full stop before a
    capital.

    Example:
        >>> from timeline.lexicon import load_lexicon
        >>> sentence_bounds(classify("It rained. Then it stopped.", load_lexicon("en")))
        [(0, 3), (3, 7)]
    """
    out: list[tuple[int, int]] = []
    start = 0
    syms, texts, n = s.syms, s.tokens.texts, len(s.syms)
    for m in _SENTENCE_STOP_RE.finditer(syms):
        i = m.start()
        if syms[i] == Sym.NEWLINE or (i + 1 < n and texts[i + 1][:1].isupper()):
            out.append((start, i + 1))
            start = i + 1
    out.append((start, n))
    return out


class _Table:
    """What each distinct token means in one language, learnt on first sight."""

    __slots__ = ("phrase_alone", "phrases", "plain_number", "symbol", "value")

    def __init__(self, phrases: _Phrases) -> None:
        self.symbol: dict[str, str] = {}
        self.value: dict[str, Any] = {}
        self.phrases = phrases
        self.phrase_alone: dict[str, tuple[str, Any]] = {}
        """First words of phrases whose meaning alone needs no context."""
        self.plain_number: dict[str, tuple[str, Any]] = {}
        """Numbers, as they read with nothing glued after them."""

    def learn(self, t: str, lex: Lexicon) -> str:
        known = self.symbol.get(t)  # seen earlier in the same document
        if known is not None:
            return known
        if len(self.symbol) > _CACHE_LIMIT:
            self.symbol.clear()
            self.value.clear()
            self.phrase_alone.clear()
            self.plain_number.clear()
        sym, value = _context_free(t, lex, self.phrases)
        if t.isdecimal():
            self.plain_number[t] = _number(t)
        if sym == _IN_CONTEXT and t.casefold() in self.phrases:
            alone = _context_free(t, lex, {})
            if alone[0] != _IN_CONTEXT:
                self.phrase_alone[t] = alone
        self.symbol[t] = sym
        if value is not None:
            self.value[t] = value
        return sym


@functools.cache
def _table(code: str) -> _Table:
    return _Table(_phrase_index(code))


def _context_free(t: str, lex: Lexicon, phrases: _Phrases) -> tuple[str, Any]:
    """A token's symbol and value where its neighbours cannot change them, else
    `_IN_CONTEXT`."""
    if t.isdecimal():
        return _IN_CONTEXT, None
    folded = t.casefold()
    if folded in phrases:
        return _IN_CONTEXT, None
    entry = lex.lowercase.get(t) or lex.words.get(folded)
    if entry is not None:
        if entry.sym == Sym.MONTH_WEAK:
            return _IN_CONTEXT, None
        return entry.sym, entry.value
    if t == "\n":
        return Sym.NEWLINE, None
    if len(t) == 1 and t in _PUNCT:
        return _PUNCT[t], None
    if t.isalpha():
        if t in lex.quarter_letters:
            return _IN_CONTEXT, None
        return _word_symbol(t, folded, lex), None
    return Sym.OTHER, None


def _word_symbol(t: str, folded: str, lex: Lexicon) -> str:
    past = lex.past_suffixes
    return Sym.TENSE_PAST if past and len(t) > 4 and folded.endswith(past) else Sym.WORD


def _in_context(raw: Tokens, i: int, lex: Lexicon, phrases: _Phrases) -> tuple[int, str, Any]:
    """The symbol and value of token ``i`` given its neighbours, and the index after the
    tokens it takes."""
    t = raw.texts[i]
    if t.isdecimal():
        seconds = phrases.get(t)  # "2. juledag": a phrase that starts with a number
        if seconds is not None and i + 1 < len(raw):
            alts = seconds.get(raw.texts[i + 1].casefold())
            if alts:
                j, phrase = _match_phrase(raw, i, alts)
                if phrase is not None:
                    return j, phrase.sym, phrase.value
        j, entry = _digit_suffix(raw, i, lex)
        if entry is not None:
            if entry.value == "decade_after_year" and len(t) != 4:
                return j, Sym.WORD, None  # "en mann i 30-årene": an age, not the 1930s
            return j, entry.sym, int(t) if len(t) < 6 else None
        if j == -1:  # 14h12
            return i + 3, Sym.CLOCK, (int(t), int(raw.texts[i + 2]))
        return i + 1, *_number(t)
    folded = t.casefold()
    seconds = phrases.get(folded)
    if seconds is not None and i + 1 < len(raw):
        alts = seconds.get(raw.texts[i + 1].casefold())
        if alts:
            j, phrase = _match_phrase(raw, i, alts)
            if phrase is not None:
                if phrase.sym == Sym.WEEKDAY_WEAK and raw.texts[j - 1][:1].isupper():
                    return j, Sym.WEEKDAY, phrase.value  # "thứ Ba" (Tuesday), "thứ ba" (third)
                return j, phrase.sym, phrase.value
    entry = lex.lowercase.get(t) or lex.words.get(folded)
    if entry is not None:
        sym = entry.sym
        if sym == Sym.MONTH_WEAK and len(t) > 3 and t[0].isupper() and t[1:].islower() \
                and i > 0 and raw.texts[i - 1] not in ".!?\n\"“":
            sym = Sym.MONTH  # "March" mid-sentence is the month, "march" the verb
        return i + 1, sym, entry.value
    if t.isalpha():
        quarter = _glued_quarter(raw, i, lex)
        if quarter is not None:
            return i + 2, Sym.QUARTER, quarter
        return i + 1, _word_symbol(t, folded, lex), None
    if len(t) == 1 and t in _PUNCT:
        return i + 1, _PUNCT[t], None
    return i + 1, Sym.NEWLINE if t == "\n" else Sym.OTHER, None


def _number(t: str) -> tuple[str, int | None]:
    """A run of digits with nothing glued to it: day-sized, year-sized or other."""
    sym = Sym.DIGITS if len(t) <= 2 else Sym.YEAR_NUM if len(t) == 4 else Sym.NUMBER
    return sym, int(t) if len(t) < 10 else None


def _merged(text: str, raw: Tokens, syms: list[str], values: list[Any],
            merges: list[tuple[int, int]]) -> Symbols:
    """Rebuild the token lists with each ``(i, j)`` range of raw tokens made one token."""
    texts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    out_syms: list[str] = []
    out_values: list[Any] = []
    prev = 0
    for i, j in merges:
        texts += raw.texts[prev:i]
        starts += raw.starts[prev:i]
        ends += raw.ends[prev:i]
        out_syms += syms[prev:i + 1]
        out_values += values[prev:i + 1]
        start, end = raw.starts[i], raw.ends[j - 1]
        texts.append(text[start:end])
        starts.append(start)
        ends.append(end)
        prev = j
    texts += raw.texts[prev:]
    starts += raw.starts[prev:]
    ends += raw.ends[prev:]
    out_syms += syms[prev:]
    out_values += values[prev:]
    return Symbols(Tokens(texts, starts, ends), "".join(out_syms), out_values)


def _glued(raw: Tokens, i: int) -> bool:
    return i + 1 < len(raw) and raw.starts[i + 1] == raw.ends[i]


def _glued_quarter(raw: Tokens, i: int, lex: Lexicon) -> tuple[str, int] | None:
    """``Q1``, ``H2`` (French ``T1``, ``S2``): a letter glued to a digit."""
    kind = lex.quarter_letters.get(raw.texts[i])
    if kind is None or not _glued(raw, i):
        return None
    digits = raw.texts[i + 1]
    if digits not in ("1", "2", "3", "4") or (kind == "H" and digits not in ("1", "2")):
        return None
    if _glued(raw, i + 1) and raw.texts[i + 2].isalnum():
        return None
    if i > 0 and raw.ends[i - 1] == raw.starts[i] and raw.texts[i - 1].isalnum():
        return None
    return kind, int(digits)


def _digit_suffix(raw: Tokens, i: int, lex: Lexicon) -> tuple[int, Entry | None]:
    """A number with a suffix glued on (``21st``, ``1990s``, ``15:e``), or ``14h12``
    (index -1)."""
    if not _glued(raw, i):
        return i + 1, None
    texts = raw.texts
    nxt = texts[i + 1]
    if nxt not in ("h", "H") and nxt.casefold() not in _suffix_starts(lex.code):
        return i + 1, None
    if (nxt in ("h", "H") and len(texts[i]) <= 2 and i + 2 < len(raw)
            and texts[i + 2].isdigit() and len(texts[i + 2]) == 2 and _glued(raw, i + 1)
            and not (_glued(raw, i + 2) and texts[i + 3].isalnum())):
        return -1, None
    for length in (2, 1):
        if i + length >= len(raw):
            continue
        if length == 2 and not _glued(raw, i + 1):
            continue
        key = tuple(texts[i + k].casefold() for k in range(1, length + 1))
        entry = lex.suffixes.get(key)
        if entry is not None:
            j = i + 1 + length
            if j < len(raw) and raw.starts[j] == raw.ends[j - 1] and texts[j].isalnum():
                return i + 1, None
            return j, entry
    return i + 1, None


@functools.cache
def _suffix_starts(code: str) -> frozenset[str]:
    from timeline.lexicon import load_lexicon

    return frozenset(key[0] for key in load_lexicon(code).suffixes)


def _phrase_index(code: str) -> _Phrases:
    """Multi-word entries by first and second word, longest first, so most tokens that
    start a phrase are rejected by one look-up of the next token."""
    from timeline.lexicon import load_lexicon

    out: dict[str, dict[str, list[tuple[tuple[str, ...], Entry]]]] = {}
    for first, alts in load_lexicon(code).phrases.items():
        for rest, entry in alts:
            if rest:
                out.setdefault(first, {}).setdefault(rest[0], []).append((rest, entry))
    return {f: {s: tuple(sorted(a, key=lambda x: -len(x[0]))) for s, a in d.items()}
            for f, d in out.items()}


def _match_phrase(raw: Tokens, i: int,
                  alts: Sequence[tuple[tuple[str, ...], Entry]]) -> tuple[int, Entry | None]:
    texts = raw.texts
    for rest, entry in alts:
        end = i + 1 + len(rest)
        if end > len(raw):
            continue
        if all(texts[i + 1 + k].casefold() == w for k, w in enumerate(rest)):
            return end, entry
    return i + 1, None
