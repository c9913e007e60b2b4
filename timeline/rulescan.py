"""Running a rule's pattern over a symbol string only where a match can be.

Every match of a rule holds some symbol it cannot do without (a month, a unit
word, a weekday). Such symbols are rare in text, so instead of trying the
pattern at every position, the scan tries it only in windows around them. The
matches are exactly those of ``pattern.finditer`` over the whole string: a match
is at most ``width`` symbols long, so it lies in the window of the needed
symbol it holds; windows that overlap are merged, so no match straddles two;
and each window is scanned with enough text after it for every look-ahead.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import attrs

_MAX_WIDTH = 1_000  # a pattern that can match more is scanned everywhere
_SHORT = 5_000  # symbols: a string this short is scanned whole, windows cost more


@attrs.frozen
class Shape:
    """What a pattern needs and how far it reaches.

    ``needs``: sets of symbols of which every match takes one member each.
    ``reach``: the most symbols a match and its look-aheads can see from where
    it starts, or None when unbounded.

    Example:
        >>> s = shape("a?(?P<d>[do])f?M(?![dy])")
        >>> sorted(map(sorted, s.needs)), s.reach
        ([['M'], ['d', 'o']], 5)
    """

    needs: tuple[frozenset[str], ...] = ()
    reach: int | None = None
    core: re.Pattern[str] | None = None
    """The pattern without its optional first item (``a?`` in ``a?(?P<d>[do])M``), when
    it has one: see `lead_matches`."""
    lead: int = 0
    """The most symbols that optional first item takes."""


def shape(pattern: str) -> Shape:
    """The `Shape` of a regular expression over symbols (an empty one when it
    cannot be worked out: always safe, only slower)."""
    try:
        c: Any = importlib.import_module("re._constants")
        parsed = importlib.import_module("re._parser").parse(pattern)
        width = parsed.getwidth()[1]
    except (ImportError, AttributeError, re.error):  # a Python without the private parser
        return Shape()
    needs: list[frozenset[str]] = []

    def required(seq: Any, into: list[frozenset[str]]) -> None:
        for op, av in seq:
            if op is c.LITERAL:
                into.append(frozenset(chr(av)))
            elif op is c.IN and all(o in (c.LITERAL, c.RANGE) for o, _ in av):
                into.append(frozenset(
                    chr(x) for o, a in av
                    for x in ((a,) if o is c.LITERAL else range(a[0], a[1] + 1))))
            elif op is c.SUBPATTERN:
                required(av[3], into)
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
                required(av[2], into)
            elif op is c.BRANCH:
                # Each alternative needs something: the match needs one of those.
                firsts: set[str] = set()
                for branch in av[1]:
                    own: list[frozenset[str]] = []
                    required(branch, own)
                    if not own:
                        break
                    firsts |= min(own, key=len)
                else:
                    into.append(frozenset(firsts))

    def lookahead(seq: Any) -> int:
        total = 0
        for op, av in seq:
            if op in (c.ASSERT, c.ASSERT_NOT) and av[0] == 1:
                total += av[1].getwidth()[1] + lookahead(av[1])
            elif op is c.SUBPATTERN:
                total += lookahead(av[3])
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                total += lookahead(av[2])
            elif op is c.BRANCH:
                total += sum(lookahead(branch) for branch in av[1])
        return total

    required(parsed, needs)
    reach = width + lookahead(parsed)
    core, lead = _core(pattern, parsed, c)
    return Shape(tuple(dict.fromkeys(needs)), reach if reach <= _MAX_WIDTH else None,
                 core, lead)


def _core(pattern: str, parsed: Any, c: Any) -> tuple[re.Pattern[str] | None, int]:
    """The pattern after an optional first item, and that item's widest match.

    The regular expression engine skips ahead fast only to where a pattern's first
    item can match; an optional first item (an article, a preposition) makes it try
    every position. The core (the rest) has a definite first item, so it is
    searched instead and the whole pattern matched just before each core match.
    """
    items = list(parsed)
    if len(items) < 2 or items[0][0] is not c.MAX_REPEAT or items[0][1][:2] != (0, 1):
        return None, 0
    end = _item_end(pattern)
    if end is None or pattern[end:end + 1] != "?" or pattern[end + 1:end + 2] in ("?", "+"):
        return None, 0
    lead = items[0][1][2].getwidth()[1]
    # The first item may take nothing, so the least a match takes is the core's least.
    if lead > _MAX_WIDTH or parsed.getwidth()[0] == 0:
        return None, 0
    try:
        return re.compile(pattern[end + 1:]), lead
    except re.error:
        return None, 0


def _item_end(pattern: str) -> int | None:
    """Where the first item of ``pattern`` (a symbol, an escape, a class or a
    group) ends, or None."""
    if not pattern:
        return None
    first = pattern[0]
    if first == "\\":
        return 2
    if first == "[":
        close = pattern.find("]", 2)
        return None if close < 0 else close + 1
    if first != "(":
        return None if first in "?*+{|)^$." else 1
    depth, i = 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            close = pattern.find("]", i + 2)
            if close < 0:
                return None
            i = close + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return None


def lead_matches(pattern: re.Pattern[str], core: re.Pattern[str], lead: int, syms: str,
                 pos: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """``pattern.finditer(syms, pos, end)`` for a pattern made of an optional item at
    most ``lead`` symbols long and then ``core``.

    Every match holds a core match, so the first match at or after ``pos`` starts at
    most ``lead`` symbols before the first core match there: the pattern is tried at
    those few positions, leftmost first, as ``finditer`` would.

    Example:
        >>> p = re.compile("a?(?P<d>d)M")
        >>> s = shape(p.pattern)
        >>> [m.span() for m in lead_matches(p, s.core, s.lead, "xadMxdMadx")]
        [(1, 4), (5, 7)]
    """
    stop = len(syms) if end is None else end
    search, match = core.search, pattern.match
    while True:
        found = search(syms, pos, stop)
        if found is None:
            return
        at = found.start()
        for start in range(max(pos, at - lead), at + 1):
            m = match(syms, start, stop)
            if m is not None:
                yield m
                pos = m.end()
                break
        else:  # not reached: the pattern matches wherever its core does
            pos = at + 1


class SymbolScan:
    """One symbol string, scanned by many patterns: counts its symbols once.

    Example:
        >>> p = re.compile("d?M")
        >>> [m.span() for m in SymbolScan("xxdMxxxxxxxxM").matches(p, shape(p.pattern))]
        [(2, 4), (12, 13)]
        >>> long = "x" * 9000 + "dM" + "x" * 9000 + "M"
        >>> [m.span() for m in SymbolScan(long).matches(p, shape(p.pattern))]
        [(9000, 9002), (18002, 18003)]
        >>> list(SymbolScan("xxdx").matches(p, shape(p.pattern)))
        []
    """

    __slots__ = ("_counts", "_present", "syms")

    def __init__(self, syms: str) -> None:
        self.syms = syms
        self._present = frozenset(syms)
        self._counts: Counter[str] | None = None

    def matches(self, pattern: re.Pattern[str], s: Shape) -> Iterator[re.Match[str]]:
        """``pattern.finditer(syms)``, trying the pattern only near the symbols it needs."""
        present = self._present
        for need in s.needs:
            if present.isdisjoint(need):
                return iter(())
        if len(self.syms) < _SHORT or s.reach is None or not s.needs:
            return _finditer(pattern, s, self.syms, 0, len(self.syms))
        return self._near(pattern, s)

    def _near(self, pattern: re.Pattern[str], s: Shape) -> Iterator[re.Match[str]]:
        syms, needs, reach = self.syms, s.needs, s.reach
        assert reach is not None
        if self._counts is None:
            self._counts = Counter(syms)
        counts = self._counts
        fewest, rarest = min((sum(counts[ch] for ch in need), sorted(need)) for need in needs)
        n = len(syms)
        if fewest * 2 * reach >= n:
            yield from _finditer(pattern, s, syms, 0, n)
            return
        lo = hi = -1
        for m in _finder("".join(rarest)).finditer(syms):
            p = m.start()
            if p - reach + 1 > hi:
                if hi >= 0:
                    yield from _window(pattern, s, syms, lo, hi, min(n, hi + reach))
                lo = max(0, p - reach + 1)
            hi = p + reach
        yield from _window(pattern, s, syms, lo, hi, min(n, hi + reach))


def _finditer(pattern: re.Pattern[str], s: Shape, syms: str, pos: int,
              end: int) -> Iterator[re.Match[str]]:
    if s.core is not None:
        return lead_matches(pattern, s.core, s.lead, syms, pos, end)
    return pattern.finditer(syms, pos, end)


def _window(pattern: re.Pattern[str], s: Shape, syms: str, lo: int, hi: int,
            end: int) -> Iterator[re.Match[str]]:
    for m in _finditer(pattern, s, syms, lo, end):
        if m.start() >= hi:
            return
        yield m


@functools.cache
def _finder(need: str) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(ch) for ch in need) + "]")
