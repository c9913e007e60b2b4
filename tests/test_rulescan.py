"""Scanning only near needed symbols finds exactly what a full scan finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.lexicon import Sym
from timeline.rulescan import SymbolScan, lead_matches, shape
from timeline.tagger import RULES

ALPHABET = sorted({v for k, v in vars(Sym).items() if k.isupper() and len(v) == 1}
                  | set(Sym.PUNCT))
# Long runs of plain words with grammar symbols sprinkled in, as in real text.
SYMBOL_STRINGS = st.lists(
    st.one_of(st.text(alphabet=ALPHABET, min_size=1, max_size=6),
              st.integers(min_value=1, max_value=4000).map(lambda n: Sym.WORD * n)),
    min_size=1, max_size=12).map("".join)


@settings(max_examples=150, deadline=None)
@given(SYMBOL_STRINGS)
def test_windowed_scan_equals_full_scan(syms: str) -> None:
    scan = SymbolScan(syms)
    for rule in RULES:
        windowed = [(m.span(), m.groupdict()) for m in scan.matches(rule.pattern, rule.shape)]
        full = [(m.span(), m.groupdict()) for m in rule.pattern.finditer(syms)]
        assert windowed == full, rule.name


def test_shape_of_a_rule() -> None:
    s = shape("F?(?P<m1>[Mm])[r-](?P<m2>[Mm])(?![dy])")
    assert set(s.needs) == {frozenset("Mm"), frozenset("r-")}
    assert s.reach == 4 + 1


def test_unbounded_pattern_is_scanned_everywhere() -> None:
    assert shape("d+M").reach is None
    syms = "d" * 6000 + "M"
    assert [m.span() for m in SymbolScan(syms).matches(
        __import__("re").compile("d+M"), shape("d+M"))] == [(0, 6001)]


def test_shape_of_alternatives() -> None:
    # Every alternative needs one of its symbols: the match needs one of them all.
    s = shape("a?(?:(?P<p>P)|(?P<j>J)f?)(?P<d>[do])")
    assert set(s.needs) == {frozenset("PJ"), frozenset("do")}
    # An alternative that needs nothing makes the group need nothing.
    assert shape("(?:P|f?)d").needs == (frozenset("d"),)


DENSE = st.text(alphabet=ALPHABET, max_size=60)


@settings(max_examples=300, deadline=None)
@given(DENSE, st.integers(min_value=0, max_value=10))
def test_scanning_from_the_core_equals_finditer(syms: str, pos: int) -> None:
    for rule in RULES:
        s = rule.shape
        if s.core is None:
            continue
        fast = [(m.span(), m.groupdict())
                for m in lead_matches(rule.pattern, s.core, s.lead, syms, pos, len(syms))]
        full = [(m.span(), m.groupdict()) for m in rule.pattern.finditer(syms, pos)]
        assert fast == full, rule.name


def test_an_optional_first_item_is_split_off() -> None:
    s = shape("(?:W,?|a)?(?P<d>[do])M")
    assert s.core is not None and s.core.pattern == "(?P<d>[do])M"
    assert s.lead == 2
    assert shape("a|b?c").core is None  # alternatives at the top: nothing to split
    assert shape("a?b?").core is None  # a core that may match nothing
