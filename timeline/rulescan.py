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
    return Shape(tuple(dict.fromkeys(needs)), reach if reach <= _MAX_WIDTH else None)


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
            return pattern.finditer(self.syms)
        return self._near(pattern, s.needs, s.reach)

    def _near(self, pattern: re.Pattern[str], needs: tuple[frozenset[str], ...],
              reach: int) -> Iterator[re.Match[str]]:
        syms = self.syms
        if self._counts is None:
            self._counts = Counter(syms)
        counts = self._counts
        fewest, rarest = min((sum(counts[ch] for ch in need), sorted(need)) for need in needs)
        if fewest * 2 * reach >= len(syms):
            yield from pattern.finditer(syms)
            return
        n = len(syms)
        lo = hi = -1
        for m in _finder("".join(rarest)).finditer(syms):
            p = m.start()
            if p - reach + 1 > hi:
                if hi >= 0:
                    yield from _window(pattern, syms, lo, hi, min(n, hi + reach))
                lo = max(0, p - reach + 1)
            hi = p + reach
        yield from _window(pattern, syms, lo, hi, min(n, hi + reach))


def _window(pattern: re.Pattern[str], syms: str, lo: int, hi: int,
            end: int) -> Iterator[re.Match[str]]:
    for m in pattern.finditer(syms, lo, end):
        if m.start() >= hi:
            return
        yield m


@functools.cache
def _finder(need: str) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(ch) for ch in need) + "]")
