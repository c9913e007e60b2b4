"""Finds time expressions: tokens → grammar symbols → rule matches → candidates.

Every token becomes one grammar symbol (see `lexicon.Sym`), so a document
becomes a short string over a small alphabet. The rules below are regular
expressions over that string, written once for every language; language data
only decides which words become which symbols. Each rule runs once over the
symbol string (linear time), and the longest non-overlapping matches win.
"""

from __future__ import annotations

import bisect
import calendar
import functools
import re
from collections.abc import Callable
from typing import Any

import attrs

from timeline.errors import InvalidTimexError
from timeline.lexicon import Entry, Lexicon, Sym
from timeline.partial import (
    Between,
    ClockTime,
    Feast,
    Known,
    MissingYear,
    Partial,
    Shift,
    StoryPeriod,
    WeekdayOf,
    at_part_of_day,
)
from timeline.rulescan import Shape, SymbolScan, shape
from timeline.segment import word_tokens
from timeline.symbols import Symbols, classify, sentence_bounds
from timeline.values import (
    CalendarDate,
    Duration,
    Granularity,
    Mod,
    Reference,
    TimexType,
    TimexValue,
)

_NEAR_CUE = 3  # tokens: a tense cue this close governs the expression itself
_VAGUE = "X"  # the value of "several", "a few": a number nobody wrote down
_DURATION_UNITS = {"Y", "M", "W", "D", "H", "MIN", "S", "Q", "DE", "CE", "WE", "HALF"}
_BARE_PLURAL_UNITS = {"Y", "M", "W", "D", "H", "DE", "CE", "MIN"}


@attrs.frozen
class Candidate:
    """A time expression found by a rule, before anchoring.

    Example:
        >>> from timeline.lexicon import load_lexicon
        >>> [c.rule for c in find_candidates("on 18 January 1950", load_lexicon("en"))]
        ['day_month_year']
    """

    start: int
    end: int
    type: TimexType
    partial: Partial
    rule: str
    mod: Mod | None = None
    tense: int = 0
    note: str | None = None
    alternatives: tuple[str, ...] = ()
    offset: tuple[str, int] | None = None  # "the day before", "two weeks after": from an event


# --- The grammar -----------------------------------------------------------

_CLASSES = {
    "DAY": "[do]", "NUM": "[dcn]", "YEAR": "y", "MONTH": "[Mm]", "SMONTH": "M",
    "WDAY": "[Wv]", "SWDAY": "W", "UNITY": "Y", "UNIT": "[UY]", "POD": "[Pζ]", "SEASON": "S",
    "REL": "R", "RELPOD": "J", "WDPOD": "K", "DEI": "X", "DEIA": "[Xξ]", "REF": "V", "HOL": "H",
    "SETW": "T", "EVERY": "E", "ART": "a", "OF": "f", "MOD": "q", "BEFORE": "B",
    "AFTER": "A", "AGO": "g", "AGOPRE": "G", "FUT": "i", "LATER": "l", "FROM": "F",
    "TO": "[r-]", "TOWORD": "r", "WORD": "x", "AND": "k", "DECADE": "Z", "QTOK": "Q",
    "CLOCK": "t", "HOURW": "u", "AMPM": "p", "CLOCKW": "ζ", "MOREW": "μ", "PERIOD": "e", "ORD": "o",
    "DIG": "d", "AGE": "ω", "CNT": "c",
    "DOT": r"\.", "COMMA": ",", "SLASH": "/", "COLON": ":", "DASH": "-", "LP": r"\(",
    "RP": r"\)", "SEP": "[./-]",
}
_NAME_RE = re.compile(r"\b[A-Z]{2,}\b")


def _compile(pattern: str) -> re.Pattern[str]:
    body = _NAME_RE.sub(lambda m: _CLASSES[m.group()], pattern).replace(" ", "")
    compiled = re.compile(body)
    if compiled.match(""):
        raise ValueError(f"rule pattern matches the empty string: {pattern}")
    return compiled


class _M:
    """A rule match with handy access to the tokens of each named group."""

    __slots__ = ("m", "s")

    def __init__(self, m: re.Match[str], s: Symbols) -> None:
        self.m = m
        self.s = s

    def idx(self, g: str) -> int:
        """The index of the group's first token, or -1 when it did not take part."""
        return self.m.start(g) if g in self.m.re.groupindex else -1

    def has(self, g: str) -> bool:
        return self.idx(g) >= 0

    def val(self, g: str) -> Any:
        i = self.idx(g)
        return self.s.values[i] if i >= 0 else None

    def text(self, g: str) -> str:
        i = self.idx(g)
        return self.s.tokens.texts[i] if i >= 0 else ""


@attrs.frozen
class Reading:
    """A rule's reading with the reason it chose it among others (for ``explain``)."""

    type: TimexType
    partial: Partial
    note: str | None = None
    alternatives: tuple[str, ...] = ()


_Built = tuple[TimexType, Partial] | Reading | None
_Builder = Callable[[_M, Lexicon], _Built]


@attrs.frozen
class Rule:
    """One grammar rule: a pattern over symbols and the function that builds its value."""

    name: str
    pattern: re.Pattern[str]
    build: _Builder
    shape: Shape = attrs.field(factory=Shape)


_RULES: list[Rule] = []


def _rule(name: str, *patterns: str) -> Callable[[_Builder], _Builder]:
    def register(fn: _Builder) -> _Builder:
        for k, p in enumerate(patterns):
            compiled = _compile(p)
            _RULES.append(Rule(name if k == 0 else f"{name}_{k + 1}", compiled, fn,
                               shape(compiled.pattern)))
        return fn
    return register


def _pod(m: _M) -> str | None:
    """The part of day of group ``p``: "MO", or a clock word's time ("12:00")."""
    v = m.val("p")
    return str(v[0]) if isinstance(v, tuple) else None if v is None else str(v)


def _year(v: Any) -> int | None:
    return v if isinstance(v, int) and 1000 <= v <= 2999 else None


def _day(v: Any) -> int | None:
    return v if isinstance(v, int) and 1 <= v <= 31 else None


def _calendar(form: str) -> CalendarDate:
    value = TimexValue.parse(form)
    assert isinstance(value, CalendarDate)
    return value


def _date(year: int | None, month: int | None, day: int | None = None, **kw: Any) -> Partial:
    if year is None:
        return MissingYear(month=month, day=day, **kw)
    return Known(CalendarDate.of(year=year, month=month, day=day))


_DMY = "(?P<d>DAY) DOT? OF? ART? (?P<m>MONTH) (?: DOT? COMMA? OF? UNITY? (?P<y>YEAR))?"
_WDAY_PREFIX = "(?: SWDAY | WDAY (?= [.,]) ) DOT? COMMA?"


# Decorators register bottom-up: day-month-year keeps the higher priority.
@_rule("month_day_year",
       f"(?: {_WDAY_PREFIX} )? (?P<m>MONTH) DOT? (?P<d>DAY) (?! [dyn]) (?: COMMA? (?P<y>YEAR))?")
@_rule("day_month_year",
       f"(?: {_WDAY_PREFIX} (?P<du>UNIT)? ART? | ART)? {_DMY}",
       f"ART? (?P<x>DEIA) (?: (?P<du>UNIT) OF? )? {_DMY}",
       f"ART? {_DMY} (?P<x>DEIA) (?! UNIT | POD | MONTH | SEASON | SWDAY | YEAR )")
def _calendar_day(m: _M, lex: Lexicon) -> _Built:
    """ "18 January 1950", "thứ Sáu, ngày 14 tháng 2", and with a deictic before or
    after the date, which says which occurrence: "el pasado 18 de febrero", "o próximo
    dia 25 de março", "il 12 dicembre scorso", "le 15 avril prochain"."""
    day = _day(m.val("d"))
    if day is None or (m.has("du") and (m.val("du")[0] != "D" or m.val("du")[1] is True)):
        return None  # only the day noun joins them
    if not m.has("x"):
        return TimexType.DATE, _date(_year(m.val("y")), m.val("m"), day)
    kind, offset, anaphoric = m.val("x")
    if anaphoric or (kind == "this" and m.idx("x") > m.idx("d")):
        return None
    return TimexType.DATE, _date(_year(m.val("y")), m.val("m"), day, direction=offset)


@_rule("pod_of_date",
       f"ART? (?P<p>POD) OF? (?: {_WDAY_PREFIX} )? ART? {_DMY}",
       f"ART? {_DMY} (?: ART | TO )? (?P<p>POD)",
       "(?P<p>POD) (?P<d>DIG) (?P<s1>SLASH | DASH) (?P<n>DIG) (?: (?P<s2>SLASH | DASH)"
       " (?P<y>YEAR) )? (?! [./-]? [dyn] )")
def _pod_of_date(m: _M, lex: Lexicon) -> _Built:
    """ "the morning of 21 February", "Sáng 21/2", "sáng 20-2" (day/month in figures)."""
    if m.has("s2") and m.text("s1") != m.text("s2"):
        return None
    day = _day(m.val("d"))
    month = m.val("m") if m.has("m") else m.val("n")
    if day is None or not 1 <= month <= 12 or (m.has("n") and lex.date_order == "MDY"):
        return None
    year = _year(m.val("y"))
    pod = _pod(m) or ""
    if year is None:
        return TimexType.TIME, MissingYear(month=month, day=day, part_of_day=pod)
    return TimexType.TIME, Known(at_part_of_day(
        CalendarDate.of(year=year, month=month, day=day), pod))


@_rule("date_time",
       f"(?: {_WDAY_PREFIX} ART? | ART)? {_DMY} COMMA? HOURW DOT? (?P<h>DIG)"
       " (?: [.:] (?P<mi>DIG) )? HOURW?",
       f"(?: {_WDAY_PREFIX} ART? | ART)? {_DMY} COMMA? (?P<h>DIG) COLON (?P<mi>DIG) HOURW?")
def _date_time(m: _M, lex: Lexicon) -> _Built:
    day, hour = _day(m.val("d")), m.val("h")
    minute = m.val("mi") if m.has("mi") else 0
    if day is None or not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    year = _year(m.val("y"))
    if year is None:
        return TimexType.TIME, MissingYear(month=m.val("m"), day=day, hour=hour, minute=minute)
    return TimexType.TIME, Known(CalendarDate.of(year=year, month=m.val("m"), day=day)
                                 .with_time(hour, minute))


# An article before the first day of a range belongs to it when a word joins the
# days ("den 14. og 15. april", "les 14 et 15 avril"); before a dash it is left out
# ("den 19–21 februari": "19–21 februari"), as the seeds' annotators did.
@_rule("day_range",
       "FROM? (?P<d1>DAY) DOT? (?: COMMA DAY DOT? ){0,6} (?: TO | AND ) ART? (?P<d2>DAY) DOT? OF? "
       "(?P<m>MONTH) (?: COMMA? OF? UNITY? (?P<y>YEAR))?",
       "FROM? (?: ART | ART? (?P<x>DEIA) (?P<du>UNIT)? ) (?P<d1>DAY) DOT? (?: COMMA DAY DOT? ){0,6}"
       " (?: TOWORD | AND ) ART? (?P<d2>DAY) DOT? OF? (?P<m>MONTH)"
       " (?: COMMA? OF? UNITY? (?P<y>YEAR))?"
       " (?: (?P<x2>DEIA) (?! UNIT | POD | MONTH | SEASON | SWDAY | YEAR ) )?")
def _day_range(m: _M, lex: Lexicon) -> _Built:
    """ "19-21 februari", "les 14 et 15 avril", and with a deictic before or after it:
    "los pasados 20 y 21 de febrero", "il 20 e 21 febbraio scorsi"."""
    d1, d2 = _day(m.val("d1")), _day(m.val("d2"))
    if d1 is None or d2 is None or d1 >= d2:
        return None
    year, month = _year(m.val("y")), m.val("m")
    x = m.val("x") or m.val("x2")
    if x is None:
        return TimexType.DATE, Between(_date(year, month, d1), _date(year, month, d2))
    kind, offset, anaphoric = x
    if anaphoric or kind == "this" or (m.has("du") and m.val("du")[0] != "D"):
        return None
    return TimexType.DATE, Between(_date(year, month, d1, direction=offset),
                                   _date(year, month, d2, direction=offset))


@_rule("numeric_day_range",
       "(?P<d1>DIG) (?: TO | AND ) (?P<d2>DIG) SLASH (?P<n>DIG) (?: SLASH (?P<y>YEAR) )?"
       " (?! [./-]? [dn] )",
       "(?P<d1>DIG) SLASH (?P<n1>DIG) (?P<t>TO) (?P<d2>DIG) SLASH (?P<n>DIG)"
       " (?: SLASH (?P<y>YEAR) )? (?! [./-]? [dn] )")
def _numeric_day_range(m: _M, lex: Lexicon) -> _Built:
    """Days in figures: "20-21/2", "ngày 20 và 21/2", "từ ngày 20/2 đến ngày 25/2"."""
    if lex.date_order == "MDY":
        return None
    d1, d2, month = _day(m.val("d1")), _day(m.val("d2")), m.val("n")
    m1 = m.val("n1") if m.has("n1") else month
    if d1 is None or d2 is None or not (1 <= m1 <= 12 and 1 <= month <= 12) \
            or (m1, d1) >= (month, d2):
        return None
    i = m.m.start()
    if m.has("n1") and not (i > 0 and (m.s.syms[i - 1] == Sym.FROM
                                       or _day_noun(m.s.tokens.texts[i - 1], lex))) \
            and not _day_noun(m.text("t"), lex):
        return None  # "từ 20/2 đến 25/2", not "1/3 tot 1/2" (fractions)
    year = _year(m.val("y"))
    return TimexType.DATE, Between(_date(year, m1, d1), _date(year, month, d2))


@_rule("month_day_range",
       "FROM? (?P<m>MONTH) DOT? (?P<d1>DAY) (?: TO | AND ) (?P<d2>DAY) (?: COMMA? (?P<y>YEAR))?")
def _month_day_range(m: _M, lex: Lexicon) -> _Built:
    return _day_range(m, lex)


@_rule("cross_month_range",
       "FROM? (?P<d1>DAY) DOT? OF? (?P<m1>MONTH) (?: OF? (?P<y1>YEAR))? TO ART? (?P<d2>DAY) DOT?"
       " OF? (?P<m2>MONTH) (?: COMMA? OF? (?P<y2>YEAR))?",
       "FROM? ART (?P<d1>DAY) DOT? OF? (?P<m1>MONTH) (?: OF? (?P<y1>YEAR))? TOWORD ART? (?P<d2>DAY)"
       " DOT? OF? (?P<m2>MONTH) (?: COMMA? OF? (?P<y2>YEAR))?",
       "(?P<m1>MONTH) DOT? (?P<d1>DAY) (?: COMMA? (?P<y1>YEAR))? TO (?P<m2>MONTH) DOT? (?P<d2>DAY)"
       " (?: COMMA? (?P<y2>YEAR))?")
def _cross_month_range(m: _M, lex: Lexicon) -> _Built:
    d1, d2 = _day(m.val("d1")), _day(m.val("d2"))
    if d1 is None or d2 is None:
        return None
    y2 = _year(m.val("y2"))
    y1 = _year(m.val("y1"))
    if y1 is None and y2 is not None:
        y1 = y2 if (m.val("m1"), d1) <= (m.val("m2"), d2) else y2 - 1
    return TimexType.DATE, Between(_date(y1, m.val("m1"), d1), _date(y2, m.val("m2"), d2))


@_rule("iso_date", "(?P<y>YEAR) (?P<s>DASH) (?P<m>DIG) DASH (?P<d>DIG)",
       "(?P<y>YEAR) (?P<s>SLASH) (?P<m>DIG) SLASH (?P<d>DIG)")
def _iso_date(m: _M, lex: Lexicon) -> _Built:
    year, month, day = _year(m.val("y")), m.val("m"), m.val("d")
    if year is None or len(m.text("m")) != 2 or len(m.text("d")) != 2:
        return None
    return TimexType.DATE, Known(CalendarDate.of(year=year, month=month, day=day))


# What may stand before a day/month in figures when it ends with the day noun.
_BEFORE_DAY_NOUN = {Sym.UNIT, Sym.UNIT_YEAR, Sym.BEFORE, Sym.AFTER, Sym.TO, Sym.FROM, "-"}


def _day_noun(text: str, lex: Lexicon) -> bool:
    """Whether ``text`` (a token, or a phrase such as "trước ngày") ends with the day
    noun, which makes the day/month in figures after it a date."""
    entry = lex.words.get(text.rsplit(None, 1)[-1].casefold())
    return entry is not None and entry.sym == Sym.UNIT and entry.value[0] == "D"


@_rule("numeric_date", "ART? (?P<a>DIG) (?P<s1>SEP) (?P<b>DIG) (?P<s2>SEP) (?P<y>YEAR)")
def _numeric_date(m: _M, lex: Lexicon) -> _Built:
    if m.text("s1") != m.text("s2"):
        return None
    a, b, year = m.val("a"), m.val("b"), _year(m.val("y"))
    if year is None:
        return None
    order = "MDY" if lex.date_order == "MDY" else "DMY"
    note = f"day/month order {order}: the language's default"
    if a > 12 >= b:
        order, note = "DMY", "day/month order DMY: the first number cannot be a month"
    elif b > 12 >= a:
        order, note = "MDY", "day/month order MDY: the second number cannot be a month"
    day, month = (a, b) if order == "DMY" else (b, a)
    other = (b, a) if order == "DMY" else (a, b)
    alt: tuple[str, ...] = ()
    if other[0] <= 31 and other[1] <= 12 and other != (day, month):
        try:
            alt = (CalendarDate.of(year=year, month=other[1], day=other[0]).iso(),)
        except InvalidTimexError:
            alt = ()
    return Reading(TimexType.DATE, Known(CalendarDate.of(year=year, month=month, day=day)),
                   note, alt)


@_rule("numeric_day_month", "ART (?P<a>DIG) SLASH (?P<b>DIG) (?! [./-]? [dyn])",
       "(?P<a>DIG) SLASH (?P<b>DIG) DASH? (?P<y>YEAR)",
       "(?<= LP ) (?P<a>DIG) SLASH (?P<b>DIG) (?= RP )",
       "(?: (?<= UNIT | BEFORE | AFTER | TO | FROM ) | (?<= SWDAY COMMA ) ) (?P<a>DIG)"
       " (?: SLASH | DASH ) (?P<b>DIG) (?! [./-]? [dynMm] )")
def _numeric_day_month(m: _M, lex: Lexicon) -> _Built:
    if lex.date_order == "MDY":
        return None  # "3/4" in an MDY language is as likely a fraction or a score
    i = m.m.start()
    if i > 0 and m.s.syms[i] == Sym.DIGITS and not m.has("y") \
            and m.s.syms[i - 1] in _BEFORE_DAY_NOUN \
            and not _day_noun(m.s.tokens.texts[i - 1], lex):
        return None  # "ngày 20/2", "trước ngày 1/3", not "năm 1/2" or "from 1/3 to 1/2"
    day, month = m.val("a"), m.val("b")
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return TimexType.DATE, _date(_year(m.val("y")), month, day)


@_rule("month_year", "(?P<m>MONTH) DOT? COMMA? OF? UNITY? (?P<y>YEAR)",
       "(?P<m>MONTH) (?: SLASH | (?P<dash>DASH) ) (?P<y>YEAR)")
def _month_year(m: _M, lex: Lexicon) -> _Built:
    if m.has("dash") and not m.text("m")[-1:].isdigit():
        return None  # "tháng 2-2025" (a month in figures), not "May-2025"
    year = _year(m.val("y"))
    if year is None:
        return None
    return TimexType.DATE, Known(CalendarDate.of(year=year, month=m.val("m")))


@_rule("month", "(?P<m>SMONTH)", "(?<=q) (?P<m>MONTH)", "(?<=[iBArF]) (?P<m>MONTH)")
def _month(m: _M, lex: Lexicon) -> _Built:
    if _after_proper_name(m.s, m.idx("m")) or not _capitalised_month(m):
        return None  # "Thomas Mai", "Theresa May": a surname
    return TimexType.DATE, MissingYear(month=m.val("m"))


def _capitalised_month(m: _M) -> bool:
    """A month name that is also a word ("May") is the month after a preposition or a
    deictic ("in May", "last May") only when capitalised and not a possessive ("May's")."""
    i = m.idx("m")
    syms, texts = m.s.syms, m.s.tokens.texts
    if syms[i] != Sym.MONTH_WEAK or (i > 0 and syms[i - 1] == Sym.MOD):
        return True
    return texts[i][:1].isupper() and texts[i][1:].islower() \
        and not (i + 1 < len(syms) and syms[i + 1] == "'")


def _after_proper_name(s: Symbols, i: int) -> bool:
    """Whether token ``i`` follows a capitalised unknown word inside a sentence."""
    if i < 2 or s.syms[i - 1] != Sym.WORD or s.tokens[i - 1].end + 1 < s.tokens[i].start:
        return False
    prev = s.tokens[i - 1].text
    return prev[:1].isupper() and s.syms[i - 2] not in ".|:"


@_rule("month_deictic_year",
       "(?: (?P<d>DAY) DOT? OF? ART? )? (?P<m>MONTH) OF? (?P<x>DEI) (?P<u>UNITY)",
       "(?P<m>MONTH) DOT? (?P<d>DAY) (?! [dyn]) (?P<x>DEI) (?P<u>UNITY)",
       "(?: (?P<d>DAY) DOT? OF? ART? )? (?P<m>MONTH) OF? (?P<r>REL)")
def _month_deictic_year(m: _M, lex: Lexicon) -> _Built:
    """ "October this year", "April next year", "3 March last year", "Maret tahun lalu",
    "tháng 3 năm ngoái", "noviembre del año pasado": one date."""
    if m.has("r"):
        unit, offset, anaphoric = m.val("r")
        kind = "this" if unit == "Y" else ""
        m_u: tuple[str, bool | None] = ("Y", False)
    else:
        kind, offset, anaphoric = m.val("x")
        m_u = m.val("u")
    day = _day(m.val("d")) if m.has("d") else None
    if m_u[1] is True or anaphoric or kind not in ("this", "next", "last") \
            or (m.has("d") and day is None) or not _capitalised_month(m):
        return None
    return TimexType.DATE, MissingYear(month=m.val("m"), day=day, year_offset=offset)


@_rule("month_range", "FROM? (?P<m1>MONTH) TO (?P<m2>MONTH) (?: COMMA? OF? (?P<y>YEAR))?")
def _month_range(m: _M, lex: Lexicon) -> _Built:
    m1, m2, year = m.val("m1"), m.val("m2"), _year(m.val("y"))
    if m1 >= m2:
        return None
    return TimexType.DATE, Between(_date(year, m1), _date(year, m2))


@_rule("year_word", "(?P<w>UNITY) OF? (?P<y>YEAR) (?! TO YEAR)",
       "(?P<w>UNITY) (?P<y>CNT) (?! UNIT)", "(?P<a>ART) (?P<w>UNITY) (?P<y>YEAR) (?! TO YEAR)")
def _year_word(m: _M, lex: Lexicon) -> _Built:
    """ "the year 2000", "ano de 1950", "the year two thousand"; a decade after a decade
    word, with its article ("de jaren 1950", "les années 1990"); an elided article is
    written with its noun ("l'an 2000", "l'anno 2000")."""
    year = _year(m.val("y"))
    if year is None:
        return None
    decade = m.text("w").casefold() in lex.decade_words
    if year % 10 == 0 and decade:
        return TimexType.DATE, Known(_calendar(f"{year // 10}"))
    if m.has("a") and not m.text("a").endswith(("'", "’")):
        return None  # the article belongs to a decade, or elided ("l'an 2000"), only
    return TimexType.DATE, Known(CalendarDate.of(year=year))


@_rule("spoken_year", "(?P<a>CNT) (?P<b>CNT) (?! UNIT )",
       "(?<= CNT ) (?P<a>CNT) (?P<b>CNT) (?! UNIT )")  # "a nineteen ninety-seven attack"
def _spoken_year(m: _M, lex: Lexicon) -> _Built:
    """ "nineteen ninety-six" as a broadcast transcript writes 1996."""
    a, b = m.val("a"), m.val("b")
    if not (isinstance(a, int) and isinstance(b, int) and 11 <= a <= 20 and 10 <= b <= 99):
        return None
    return TimexType.DATE, Known(CalendarDate.of(year=a * 100 + b))


@_rule("year", "(?P<y>YEAR)")
def _bare_year(m: _M, lex: Lexicon) -> _Built:
    year = _year(m.val("y"))
    if year is None or not _looks_like_year(m, lex, year):
        return None
    return TimexType.DATE, _known_year(year)


@functools.lru_cache(maxsize=1024)
def _known_year(year: int) -> Known:
    return Known(CalendarDate.of(year=year))


_YEAR_CUES = set("FrBAiYaf(-") | {Sym.TO, Sym.AND, Sym.MOD, Sym.SEASON, Sym.MONTH}
# Before a number and a counted noun, only these keep it a year: "i 2025 stemmer
# velgerne", "høsten 2025 stemmer" (but "og 1200 personer", "de 2000 stemmene").
_YEAR_BEFORE_NOUN = {Sym.FUTURE, Sym.UNIT_YEAR, Sym.BEFORE, Sym.AFTER, Sym.SEASON, Sym.MONTH}


def _looks_like_year(m: _M, lex: Lexicon, year: int) -> bool:
    """A bare 4-digit number is a year only where its neighbours allow it."""
    i = m.idx("y")
    syms, toks = m.s.syms, m.s.tokens
    starts, ends, texts = toks.starts, toks.ends, toks.texts
    prev = syms[i - 1] if i > 0 else ""
    nxt = syms[i + 1] if i + 1 < len(syms) else ""
    if prev in ",." and i > 1 and syms[i - 2] in "dyn" and ends[i - 1] == starts[i]:
        return False  # 1.2025, 3,2025: part of a bigger number
    if nxt in ",." and i + 2 < len(syms) and syms[i + 2] in "dyn" \
            and starts[i + 1] == ends[i] and starts[i + 2] == ends[i + 1]:
        return False
    if i + 1 < len(toks) and texts[i + 1] in ("%", "‰"):
        return False
    if prev == "-" and i > 1 and syms[i - 2] == Sym.NUMBER and ends[i - 2] == starts[i - 1]:
        return False  # 555-1234: a phone number's groups
    if i > 0 and texts[i - 1] in ("$", "€", "£", "¥", "#", "№"):
        return False
    if nxt == Sym.UNIT or nxt == Sym.UNIT_YEAR:
        return False
    if nxt == Sym.WORD and prev not in _YEAR_BEFORE_NOUN \
            and texts[i + 1].casefold() in lex.amount_nouns:
        return False  # "fikk 2000 stemmer", "over 2000 personer"; not "i 2025 stemmer velgerne"
    if 1900 <= year <= 2100:
        return True
    return prev in _YEAR_CUES


@_rule("year_range", "FROM? (?P<y1>YEAR) (?: TO | SLASH ) (?P<y2>YEAR)",
       "FROM? UNITY (?P<y1>YEAR) TO UNITY (?P<y2>YEAR)")
def _year_range(m: _M, lex: Lexicon) -> _Built:
    y1, y2 = _year(m.val("y1")), _year(m.val("y2"))
    if y1 is None or y2 is None or y1 >= y2:
        return None
    return TimexType.DATE, Between(Known(CalendarDate.of(year=y1)), Known(CalendarDate.of(year=y2)))


@_rule("decade", "ART? (?: (?P<du>UNIT) DASH? )? (?P<z>DECADE) (?: DASH? UNITY)?",
       "ART? (?P<u>UNITY) '? (?P<n>[cd])", "ART? (?P<dw>UNIT) OF ART? '? (?P<n>[cdy])")
def _decade(m: _M, lex: Lexicon) -> _Built:
    """ "the 1990s", "los años 90", "tahun 1990-an", "la década de 1990", "a década de
    90", "la década de los 90"."""
    if m.has("du") and m.val("du")[0] not in ("Y", "DE"):
        return None  # "tahun 1990-an", "dekade 1990-an": the year or decade noun joins
    if m.has("dw"):
        n, four = m.val("n"), m.s.syms[m.idx("n")] == Sym.YEAR_NUM
        if m.val("dw") != ("DE", False) or not isinstance(n, int):
            return None
        if four and 1000 <= n <= 2999 and n % 10 == 0:
            return TimexType.DATE, Known(_calendar(f"{n // 10}"))
        if not four and n in range(20, 100, 10):
            return TimexType.DATE, Known(_calendar(f"19{n // 10}"))
        return None
    if m.has("u"):
        if m.text("u").casefold() not in lex.decade_words:
            return None
        n = m.val("n")
        if not isinstance(n, int) or n not in range(20, 100, 10):
            return None
        return TimexType.DATE, Known(_calendar(f"19{n // 10}"))
    v = m.val("z")
    if isinstance(v, str):  # a decade named by a word: "nittitallet", "halvfemserne"
        return TimexType.DATE, Known(_calendar(v))
    if not isinstance(v, int):
        return None
    if v < 100:
        v += 1900
    if not 1000 <= v <= 2999 or v % 10:
        return None
    form = f"{v // 100}" if v % 100 == 0 else f"{v // 10}"
    return TimexType.DATE, Known(_calendar(form))


@_rule("unit_number",
       "(?P<u>UNIT) (?P<o>ORD | DIG | YEAR | x) (?! [./:-] [dn] )"
       " (?: (?: SLASH | DASH | COMMA? UNITY? ) (?P<y>YEAR) | (?P<r>REL) )?")
def _unit_number(m: _M, lex: Lexicon) -> _Built:
    """A unit word before its number, as Indonesian, Vietnamese and the Romance
    languages write them: "abad ke-19", "thế kỷ XIX", "siglo XIX" (the 19th century),
    "kuartal pertama 2025", "quý I/2025", "triwulan III tahun lalu", "semester 1",
    "thập niên 1990", "thập niên 90" (the 1990s)."""
    unit = m.val("u")[0]
    if unit not in ("CE", "Q", "HALF", "DE"):
        return None
    o = m.idx("o")
    roman = m.s.syms[o] == Sym.WORD
    n = _roman(m.text("o")) if roman else m.val("o")
    i = m.m.start()
    if not isinstance(n, int) or (i > 0 and m.s.syms[i - 1] == Sym.ARTICLE
                                  and (m.s.syms[o] == Sym.DIGITS or m.text("o") == "I")):
        return None  # "the quarter 2 cents", "the quarter I expect": not a unit's number
    if m.s.syms[o] == Sym.DIGITS and m.text("u")[:1].isupper() and i > 0 \
            and m.s.syms[i - 1] not in ".|\"'":
        return None  # "Century 21" inside a sentence: a name
    year = _year(m.val("y"))
    if m.has("r"):
        r_unit, offset, anaphoric = m.val("r")
        if r_unit != "Y" or anaphoric:
            return None
    if unit in ("Q", "HALF"):
        kind, top = ("Q", 4) if unit == "Q" else ("H", 2)
        if not 1 <= n <= top or m.s.syms[o] == Sym.YEAR_NUM:
            return None
        if m.has("r"):
            return TimexType.DATE, (MissingYear(quarter=n, year_offset=offset) if kind == "Q"
                                    else MissingYear(half=n, year_offset=offset))
        if year is not None:
            return TimexType.DATE, Known(CalendarDate.of(year=year, quarter=n) if kind == "Q"
                                         else CalendarDate.of(year=year, half=n))
        return TimexType.DATE, MissingYear(quarter=n) if kind == "Q" else MissingYear(half=n)
    if m.has("y") or m.has("r"):
        return None
    if unit == "CE":
        return (TimexType.DATE, Known(_calendar(f"{n - 1:02d}"))) if 1 <= n <= 30 else None
    if m.s.syms[o] not in (Sym.YEAR_NUM, Sym.DIGITS) or n % 10:
        return None  # a decade in figures: "thập niên 1990", "thập niên 90"
    if n < 100:
        n += 1900
    return (TimexType.DATE, Known(_calendar(f"{n // 10}"))) if 1000 <= n <= 2999 else None


_ROMAN_RE = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10}


def _roman(text: str) -> int | None:
    """The value of an upper-case Roman numeral up to 39 ("XIX" is 19), else None."""
    if not _ROMAN_RE.fullmatch(text):
        return None
    total = 0
    for k, c in enumerate(text):
        v = _ROMAN_DIGITS[c]
        total += -v if k + 1 < len(text) and _ROMAN_DIGITS[text[k + 1]] > v else v
    return total


@_rule("century", "ART? (?P<o>ORD|DIG DOT) (?P<u>UNIT)")
def _century(m: _M, lex: Lexicon) -> _Built:
    n = m.val("o")
    if m.val("u")[0] != "CE" or not isinstance(n, int) or not 1 <= n <= 30:
        return None
    return TimexType.DATE, Known(_calendar(f"{n - 1:02d}"))


# A year named by words after a period of it: "i fjor" (REL), "letzten Jahres",
# "van vorig jaar", "of this year" (DEI + year word), "des Jahres" (article + year word).
_OF_YEAR = ("OF? (?: (?P<r>REL) | ART? (?P<x>DEI) (?P<g>UNITY)"
            " | ART (?P<g2>UNITY) (?! YEAR | DASH AGO ) )")


@_rule("season", "ART? (?P<s>SEASON) (?: OF? UNITY? (?P<y>YEAR))?",
       "ART? (?P<x>DEI) (?P<s>SEASON)",
       "ART? (?P<s>SEASON) (?P<x>DEIA) (?! UNIT | POD | MONTH | SEASON | SWDAY )",
       f"ART? (?P<s>SEASON) {_OF_YEAR}", "(?P<r>REL) (?P<s>SEASON)")
def _season(m: _M, lex: Lexicon) -> _Built:
    season = m.val("s")
    year = _year(m.val("y"))
    if year is not None:
        return TimexType.DATE, Known(CalendarDate.of(year=year, season=season))
    if m.has("r") or m.has("g") or m.has("g2"):
        one_year, offset = _year_offset(m)
        if not one_year:
            return None
        return TimexType.DATE, MissingYear(season=season, year_offset=offset)
    if m.has("x") and not _postposed_this(m):
        return TimexType.DATE, MissingYear(season=season, direction=m.val("x")[1])
    name = m.text("s").casefold()
    if name in lex.ambiguous and m.s.syms[m.m.start()] != Sym.ARTICLE:
        return None  # "fall" alone is the verb
    if name in lex.not_before_noun and _noun_follows(m):
        return None  # "i vår rapport": "in our report"
    return TimexType.DATE, MissingYear(season=season,
                                      direction=-1 if name in lex.past_names else 0)


# What may follow a name that is a date only where no noun follows ("i vår"): the end
# of a clause, a conjunction, or a verb the language data knows.
_CLAUSE_GO_ON = frozenset(".,:)-_|") | {Sym.AND, Sym.TENSE_PAST, Sym.TENSE_FUTURE}


def _noun_follows(m: _M) -> bool:
    e = m.m.end()
    return e < len(m.s.syms) and m.s.syms[e] not in _CLAUSE_GO_ON


@_rule("quarter", "ART? (?P<o>ORD|DIG (?= DOT UNIT)) DOT? DASH? (?P<u>UNIT) (?: OF? (?P<y>YEAR))?",
       "(?P<q>QTOK) (?P<y>YEAR)?", "(?P<y>YEAR) (?P<q>QTOK)",
       "ART? (?P<y>YEAR) (?P<o>ORD) DASH? (?P<u>UNIT)",
       "ART? (?P<x>DEI) (?P<u>UNIT) OF (?P<y>YEAR)",
       "ART? (?P<x>DEI) UNITY ' x (?P<o>ORD) DASH? (?P<u>UNIT)",
       f"ART? (?P<o>ORD|DIG (?= DOT UNIT)) DOT? DASH? (?P<u>UNIT) {_OF_YEAR}",
       "(?P<r>REL) (?P<o>ORD|DIG (?= DOT UNIT)) DOT? DASH? (?P<u>UNIT)")
def _quarter(m: _M, lex: Lexicon) -> _Built:
    if m.has("r") or m.has("g") or m.has("g2"):
        return _quarter_of_year(m)
    year = _year(m.val("y"))
    if m.has("x") and m.has("y"):  # "the last half of 2024": the second half
        unit = m.val("u")[0]
        if m.val("x")[0] != "last" or unit not in ("HALF", "Q") or year is None:
            return None
        return TimexType.DATE, Known(CalendarDate.of(year=year, half=2) if unit == "HALF"
                                     else CalendarDate.of(year=year, quarter=4))
    if m.has("x"):  # "this year's third quarter"
        unit, n = m.val("u")[0], m.val("o")
        if _postposed_this(m) or unit != "Q" or n not in (1, 2, 3, 4):
            return None
        return TimexType.DATE, MissingYear(quarter=n, year_offset=m.val("x")[1])
    if m.has("q"):
        kind, n = m.val("q")
        y, q = m.idx("y"), m.idx("q")
        if 0 <= y < q and m.s.tokens[y].end == m.s.tokens[q].start:
            return None
        if m.text("q")[:1] not in ("Q", "H") and not m.has("y"):
            return None  # French "T1 2025", but "un T2" is a two-room flat
    else:
        unit = m.val("u")[0]
        if unit not in ("Q", "HALF"):
            return None
        kind, n = ("Q" if unit == "Q" else "H"), m.val("o")
    if kind == "Q" and n in (1, 2, 3, 4):
        return TimexType.DATE, (Known(CalendarDate.of(year=year, quarter=n)) if year
                                else MissingYear(quarter=n))
    if kind == "H" and n in (1, 2):
        return TimexType.DATE, (Known(CalendarDate.of(year=year, half=n)) if year
                                else MissingYear(half=n))
    return None


def _quarter_of_year(m: _M) -> _Built:
    """ "årets første kvartal", "første halvår i fjor", "im ersten Quartal des Jahres",
    "the first quarter of this year": an ordinal quarter or half of a year named by words."""
    unit, n = m.val("u")[0], m.val("o")
    if not (unit == "Q" and n in (1, 2, 3, 4)) and not (unit == "HALF" and n in (1, 2)):
        return None
    one_year, offset = _year_offset(m)
    if not one_year:
        return None
    if unit == "Q":
        return TimexType.DATE, MissingYear(quarter=n, year_offset=offset)
    return TimexType.DATE, MissingYear(half=n, year_offset=offset)


def _year_offset(m: _M) -> tuple[bool, int]:
    """The year a period belongs to, named by ``_OF_YEAR`` or a relative word before it
    ("i fjor høst", "årets første kvartal"): whether the words name one year (not a
    plural, an anaphoric "året før" or a recent past) and its offset from the
    reference's year ("the year" is the reference's, or the story's without one)."""
    if m.has("r"):
        unit, offset, anaphoric = m.val("r")
        return unit == "Y" and not anaphoric, int(offset)
    if m.has("g2"):
        return m.val("g2")[1] is not True, 0
    kind, offset, anaphoric = m.val("x")
    return not (anaphoric or kind == "recent" or m.val("g")[1] is True), int(offset)


def _postposed_this(m: _M) -> bool:
    """A "this" word after its noun is another word in disguise ("Friday that")."""
    noun = max(m.idx(g) for g in ("u", "w", "m", "s"))
    return 0 <= noun < m.idx("x") and m.val("x")[0] == "this"


@_rule("deictic_unit", "ART? (?P<x>DEI) (?P<u>UNIT)",
       "ART? (?P<u>UNIT) (?P<x>DEIA) (?! UNIT | POD | MONTH | SEASON | SWDAY )")
def _deictic_unit(m: _M, lex: Lexicon) -> _Built:
    if _postposed_this(m):
        return None
    kind, offset, anaphoric = m.val("x")
    unit, plural = m.val("u")
    if kind in ("recent", "coming") and plural is not True and m.idx("u") < m.idx("x"):
        return None  # "bulan terakhir" alone is the final month; "tiga bulan terakhir" P3M
    if kind == "recent" and plural is False and unit == "Q":
        return TimexType.DATE, Shift(unit, 0, anaphoric=True)  # "the latest quarter"
    if plural is True or (plural is None and kind in ("recent", "coming", "past")) \
            or (kind == "recent"):
        return TimexType.DATE, Known(Reference("FUTURE_REF" if offset > 0 else "PAST_REF"))
    if unit == "HALF":
        return None
    return TimexType.DATE, Shift(unit, offset, anaphoric=anaphoric)


@_rule("the_unit", "ART (?P<u>UNIT) (?! OF? [ydcn])",
       "(?<= MOD ) (?P<u>UNIT) (?! OF? [ydcnx] | DEIA | ORD | MONTH | SEASON )",
       "(?<= MOD OF ) (?P<u>UNIT) (?! OF? [ydcn] | DEIA | ORD | MONTH | SEASON )")
def _the_unit(m: _M, lex: Lexicon) -> _Built:
    """ "the year", "the quarter"; "akhir tahun", "cuối năm" (the end of the year: in
    a language without articles a bound modifier makes the unit definite); "slutten av
    året", "i början av veckan" (Nordic nouns carry their article)."""
    unit, plural = m.val("u")
    if plural is True or unit not in ("Y", "Q", "M", "W", "WE"):
        return None
    i = m.m.start()
    if m.s.syms[i] != Sym.ARTICLE:
        j = i - 2 if m.s.syms[i - 1] == Sym.OF else i - 1
        if m.s.values[j] not in ("START", "MID", "END"):
            return None  # "lebih dari tahun …", "over året": only a bound of the period
    if _off_calendar_period(m, unit):
        return TimexType.DURATION, Known(Duration.of(unit, 1))
    return TimexType.DATE, Shift(unit, 0, anaphoric=unit in ("Q", "Y"))


# A word, then a day: "the year ended June 30", "the quarter ending Sept. 29".
_DAY_AFTER_WORD = re.compile(f"[{Sym.WORD}{Sym.TENSE_PAST}]([{Sym.MONTH}{Sym.MONTH_WEAK}])"
                             f"\\.?({Sym.DIGITS})")
_PERIOD_END_MONTHS = {"Y": (12,), "Q": (3, 6, 9, 12), "M": tuple(range(1, 13))}


def _off_calendar_period(m: _M, unit: str) -> bool:
    """Whether "the <unit>" is a period ended (or begun) by a day that does not close
    a calendar one: "the year ended June 30" is a fiscal year, a length (TimeML gives
    it a DURATION), where "the quarter ended Sept. 30" is the calendar quarter."""
    after = _DAY_AFTER_WORD.match(m.s.syms, m.m.end())
    if after is None or unit not in _PERIOD_END_MONTHS:
        return False
    month, day = m.s.values[after.start(1)], m.s.values[after.start(2)]
    if not (isinstance(month, int) and isinstance(day, int) and 1 <= month <= 12):
        return False
    last = calendar.monthrange(2001, month)[1]  # a common year: Feb 28 closes February
    return not (month in _PERIOD_END_MONTHS[unit] and day >= last)


@_rule("the_past", "ART (?P<x>DEI) (?! [cdnUYPeWMSTo])")
def _the_past(m: _M, lex: Lexicon) -> _Built:
    kind = m.val("x")[0]
    if kind != "past":
        return None
    nxt = m.m.end()
    if nxt < len(m.s.syms) and m.s.syms[nxt] == Sym.WORD \
            and m.s.tokens[nxt].text.casefold() not in lex.stopwords:
        return None  # "den gångna resan": an adjective before its noun
    return TimexType.DATE, Known(Reference("PAST_REF"))


@_rule("deictic_duration", "ART? (?P<x>DEI) (?P<n>NUM) (?P<u>UNIT)",
       "ART? (?P<n>NUM) (?P<xa>DEIA) (?P<u>UNIT)",
       "(?P<n>NUM) (?P<u>UNIT) (?P<xa>DEIA)",
       "(?P<n>NUM) (?P<r>REL)")
def _deictic_duration(m: _M, lex: Lexicon) -> _Built:
    n = m.val("n")
    if m.has("r"):
        return _count_before_relative(m, lex)
    if m.has("xa") and (not isinstance(n, int) or n < 2):
        return None  # "les trois derniers mois", but not "a recent SEC" or "100,000 last year"
    if not (isinstance(n, int) or n == _VAGUE) or m.val("u")[0] not in _DURATION_UNITS:
        return None  # "the next few days" is PXD
    return TimexType.DURATION, Known(Duration.of(m.val("u")[0], None if n == _VAGUE else n))


def _count_before_relative(m: _M, lex: Lexicon) -> _Built:
    """A count before a unit with its deictic after it, written as one phrase where the
    deictic follows its noun: "25 tahun lalu", "ba năm trước" (25, three years ago:
    the deictic is the ago word); "ba tháng qua", "5 năm tới", "lima tahun mendatang"
    (the past three months, the next five years: a duration); "15 hari sebelumnya"
    (fifteen days before, counted from the story)."""
    n, (unit, offset, anaphoric) = m.val("n"), m.val("r")
    i, syms = m.m.start(), m.s.syms
    if i > 0 and (syms[i - 1] == Sym.ARTICLE or (syms[i - 1] == Sym.UNIT
                                                 and m.s.values[i - 1][0] == "D")):
        return None  # "ngày 5 tháng trước", "tanggal 5 bulan lalu": the 5th of last month
    if i > 0 and (syms[i - 1] == Sym.HOUR_WORD or (
            syms[i - 1] in ".:" and i > 1 and syms[i - 2] in (Sym.HOUR_WORD, Sym.DIGITS))):
        return None  # "klokken 10 i morgen", "kl. 14.30 i dag": a time of that day
    if unit not in _DURATION_UNITS or unit in ("HALF", "WE") or offset == 0 \
            or not ((isinstance(n, int) and 1 <= n <= 10000) or n == _VAGUE):
        return None
    last = m.text("r").split()[-1].casefold()
    ago = lex.words.get(last, Entry(Sym.WORD)).sym == Sym.AGO
    if n == _VAGUE and ago:
        return TimexType.DATE, Known(Reference("PAST_REF"))  # "vài năm trước"
    if n == _VAGUE:
        return TimexType.DURATION, Known(Duration.of(unit, None))
    if ago or (anaphoric and offset < 0):
        return TimexType.DATE, Shift(unit, -n, anaphoric=anaphoric and not ago, comparison=ago)
    return TimexType.DURATION, Known(Duration.of(unit, n))


@_rule("story_period", "ART (?P<y>YEAR) (?: (?P<u>UNIT) | PERIOD )")
def _story_period(m: _M, lex: Lexicon) -> _Built:
    """ "the 1988 period", "the 1988 quarter": in results, the quarter reported on, in
    that year; the year alone where the story names no quarter."""
    year = _year(m.val("y"))
    if year is None or (m.has("u") and m.val("u") != ("Q", False)):
        return None
    return TimexType.DATE, StoryPeriod(year, _known_year(year))


@_rule("deictic_period", "ART? (?P<x>DEI) PERIOD")
def _deictic_period(m: _M, lex: Lexicon) -> _Built:
    kind, offset, _ = m.val("x")
    if kind == "recent":  # "the latest period": the quarter a results story reports on
        return TimexType.DATE, StoryPeriod(None, Known(Reference("PAST_REF")))
    if offset == 0:
        return TimexType.DATE, Known(Reference("PRESENT_REF"))
    return TimexType.DATE, Known(Reference("FUTURE_REF" if offset > 0 else "PAST_REF"))


@_rule("deictic_weekday", "ART? (?P<x>DEI) (?P<w>SWDAY) (?P<p>POD)?",
       "ART? (?P<w>SWDAY) (?P<p>POD)? (?P<x>DEIA) (?! UNIT | POD | MONTH | SEASON | SWDAY )",
       "(?P<w>SWDAY) (?P<p>POD)? (?: (?P<g>AGO) (?! NUM | UNIT ) | (?P<r>REL) )")
def _deictic_weekday(m: _M, lex: Lexicon) -> _Built:
    """ "next Friday", "mardi prochain", "Kamis lalu" (last Thursday: the ago word
    after a weekday), "Senin pekan depan", "thứ Hai tuần trước" (Monday of next or
    last week); a part of day makes it a time ("el próximo jueves por la tarde")."""
    kind = TimexType.TIME if m.has("p") else TimexType.DATE
    if m.has("r"):
        unit, week, anaphoric = m.val("r")
        if unit != "W" or anaphoric:
            return None
        return kind, WeekdayOf(m.val("w"), 0, _pod(m), week=week)
    if m.has("g"):
        return kind, WeekdayOf(m.val("w"), -1, _pod(m))
    if _postposed_this(m):
        return None  # "said Friday that …": a conjunction, not "this Friday"
    _, offset, anaphoric = m.val("x")
    return kind, WeekdayOf(m.val("w"), offset or 0, _pod(m), anaphoric=anaphoric)


@_rule("deictic_month", "ART? (?P<x>DEI) (?P<m>MONTH)",
       "ART? (?P<m>SMONTH) (?P<x>DEIA) (?! UNIT | POD | MONTH | SEASON | SWDAY )",
       "ART? (?P<x>DEI) (?P<u>UNIT) OF? (?P<m>MONTH)",
       "(?P<m>SMONTH) (?P<g>AGO) (?! NUM | UNIT )")
def _deictic_month(m: _M, lex: Lexicon) -> _Built:
    """ "next March", "mars dernier", "Januari lalu" (last January: the ago word after
    a month)."""
    if _postposed_this(m) or not _capitalised_month(m):
        return None
    offset = -1 if m.has("g") else m.val("x")[1]
    if m.has("u") and m.val("u")[0] != "M":
        return None
    return TimexType.DATE, MissingYear(month=m.val("m"), direction=offset)


@_rule("deictic_pod", "(?P<x>DEI) (?P<p>POD)")
def _deictic_pod(m: _M, lex: Lexicon) -> _Built:
    kind = m.val("x")[0]
    if kind != "this":
        return None
    return TimexType.TIME, Shift("D", 0, _pod(m))


@_rule("relative", "(?P<r>REL) (?P<p>POD)?", "(?P<j>RELPOD)", "(?P<p>POD) (?P<r>REL)")
def _relative(m: _M, lex: Lexicon) -> _Built:
    """ "yesterday", "yesterday afternoon", "mid-afternoon yesterday", "tonight"."""
    if m.has("j"):
        off, pod = m.val("j")
        return TimexType.TIME, Shift("D", off, pod)
    unit, off, anaphoric = m.val("r")
    if m.has("p"):
        return TimexType.TIME, Shift(unit, off, _pod(m), anaphoric)
    return TimexType.DATE, Shift(unit, off, anaphoric=anaphoric)


@_rule("ago", "(?P<n>NUM)? (?P<u>UNIT) AGO", "AGOPRE (?P<n>NUM)? (?P<u>UNIT)")
def _ago(m: _M, lex: Lexicon) -> _Built:
    n = m.val("n")
    unit, plural = m.val("u")
    if unit not in _DURATION_UNITS or unit in ("HALF", "WE"):
        return None
    if n == _VAGUE or (n is None and plural is True):
        return TimexType.DATE, Known(Reference("PAST_REF"))  # "several years ago"
    if not isinstance(n, int):
        return None
    return TimexType.DATE, Shift(unit, -n, comparison=True)


@_rule("year_ago_adjective", "ART? (?P<u>UNITY) DASH AGO (?: PERIOD | UNIT )?")
def _year_ago_adjective(m: _M, lex: Lexicon) -> _Built:
    """ "the year-earlier quarter", "year-ago results": the same period a year before."""
    if m.val("u")[1] is True:
        return None
    return TimexType.DATE, Shift("Y", -1, comparison=True)


@_rule("in_future", "FUT (?P<n>NUM) (?P<u>UNIT)")
def _in_future(m: _M, lex: Lexicon) -> _Built:
    n = m.val("n")
    unit = m.val("u")[0]
    if not isinstance(n, int) or unit not in _DURATION_UNITS or unit in ("HALF", "WE"):
        return None
    return TimexType.DURATION, Known(Duration.of(unit, n))


# A day right before a count and the clock word makes it a time: "zondag 20 uur".
_DAY_BEFORE_CLOCK = {Sym.RELDAY, Sym.WEEKDAY, Sym.WEEKDAY_WEAK, Sym.MONTH, Sym.MONTH_WEAK}


@_rule("hour_word_duration", "(?P<n>NUM) HOURW")
def _hour_word_duration(m: _M, lex: Lexicon) -> _Built:
    """ "binnen 48 uur", "meer dan 10 uur", "in 24 uur": the clock word after a count is
    an hour unit when no clock has that hour or a duration word stands before it."""
    n, start = m.val("n"), m.m.start()
    if not isinstance(n, int) or n > 10000:
        return None
    prev = m.s.syms[start - 1] if start > 0 else ""
    lasting = prev == Sym.FUTURE or (prev == Sym.MOD and m.s.values[start - 1] in (
        "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS")) or (
        bool(lex.hour_word_clock) and prev not in _DAY_BEFORE_CLOCK
        and not _after_words(m.s, start, lex.hour_word_clock))
    if n < 24 and not lasting:
        return None
    return TimexType.DURATION, Known(Duration.of("H", n))


@_rule("duration", "(?: ART ORD? )? (?P<n>NUM) DASH? MOREW? (?P<u>UNIT) (?! DASH? AGE)",
       "(?P<u>UNIT) (?! DASH? AGE | YEAR | DIG)")
def _duration(m: _M, lex: Lexicon) -> _Built:
    unit, plural = m.val("u")
    if unit not in _DURATION_UNITS or unit == "HALF":
        return None
    if m.val("n") == _VAGUE:
        return TimexType.DURATION, Known(Duration.of(unit, None))
    if not m.has("n"):
        if plural is not True or unit not in _BARE_PLURAL_UNITS:
            return None
        return TimexType.DURATION, Known(Duration.of(unit, None))
    n = m.val("n")
    if not isinstance(n, int) or n > 10000 or (n == 1 and _after_amount(m)) \
            or (unit == "Q" and _share_of(m)):
        return None
    if unit == "H" and plural is True and n <= 23 and m.s.syms[m.idx("n")] == Sym.DIGITS \
            and _after_words(m.s, m.idx("n"), lex.clock_before) and _clock_ends(m, lex):
        return None  # "à 15 heures": a time of day (clock_hour_unit)
    return TimexType.DURATION, Known(Duration.of(unit, n))


def _share_of(m: _M) -> bool:
    """ "three-quarters of its food", "a quarter of the market": a share, not a
    period of time (unlike "two quarters of 2024", "two quarters of the year")."""
    e, syms = m.m.end(), m.s.syms
    if e + 1 >= len(syms) or syms[e] != Sym.OF:
        return False
    nxt = syms[e + 2] if syms[e + 1] == Sym.ARTICLE and e + 2 < len(syms) else syms[e + 1]
    return nxt not in (Sym.YEAR_NUM, Sym.DEICTIC, Sym.UNIT, Sym.UNIT_YEAR)


def _after_amount(m: _M) -> bool:
    """Whether "a <unit>" follows an amount ("$2 million a year", "four flights a
    week"): a rate, like a speed, which TimeML leaves untagged."""
    i, syms = m.m.start(), m.s.syms
    amounts = (Sym.DIGITS, Sym.NUMBER, Sym.COUNT)
    return (i >= 1 and (syms[i - 1] in (*amounts, Sym.YEAR_NUM)
                        or m.s.tokens.texts[i - 1] == "%")) \
        or (i >= 2 and syms[i - 1] == Sym.WORD and syms[i - 2] in amounts)


@_rule("duration_fraction",
       "(?P<n>NUM) (?P<a>DIG) SLASH (?P<b>DIG) DASH? (?P<u>UNIT) (?! DASH? AGE)",
       "(?P<n>NUM) (?P<u>UNIT) AND (?P<one>NUM) (?P<h>UNIT)",
       "(?P<n>NUM) AND (?P<one>NUM) (?P<h>UNIT) (?P<u>UNIT)",
       "(?P<h>UNIT) (?P<one>NUM) (?P<u>UNIT)")
def _duration_fraction(m: _M, lex: Lexicon) -> _Built:
    """ "2 1/2 years", "a minute and a half", "half an hour": whole units and a fraction."""
    unit = m.val("u")[0]
    whole = m.val("n") if m.has("n") else 0
    if unit not in _DURATION_UNITS or unit in ("HALF", "WE") or not isinstance(whole, int):
        return None
    if m.has("h"):
        if m.val("h")[0] != "HALF" or m.val("one") != 1:
            return None
        num, den = 1, 2
    else:
        num, den = m.val("a"), m.val("b")
        if not (isinstance(num, int) and isinstance(den, int) and 0 < num < den <= 12):
            return None
    return TimexType.DURATION, Known(_fractional(unit, whole, num, den))


# The next smaller unit and how many of it make one: a fraction is written in it.
_SMALLER_UNIT = {"CE": ("Y", 100), "DE": ("Y", 10), "Y": ("M", 12), "Q": ("M", 3),
                 "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}


def _fractional(unit: str, whole: int, num: int, den: int) -> Duration:
    """``whole + num/den`` units, in whole units of the next smaller one where they
    come out even (2 1/2 years is P2Y6M, as TimeML writes it), else as a decimal."""
    smaller = _SMALLER_UNIT.get(unit)
    if smaller is not None and smaller[1] * num % den == 0:
        part = (smaller[0], smaller[1] * num // den)
        return Duration(((unit, whole), part) if whole else (part,))
    return Duration.of(unit, whole + num / den)


@_rule("set", "(?P<t>SETW)", "EVERY (?P<n>NUM)? (?P<u>UNIT)", "EVERY (?P<w>SWDAY)")
def _set(m: _M, lex: Lexicon) -> _Built:
    if m.has("t"):
        return TimexType.SET, Known(Duration.parse(m.val("t")))
    if m.has("w"):
        return TimexType.SET, Known(CalendarDate.parse(f"XXXX-WXX-{m.val('w')}"))
    unit = m.val("u")[0]
    n = m.val("n") if m.has("n") else 1
    if unit not in _DURATION_UNITS or not isinstance(n, int):
        return None
    return TimexType.SET, Known(Duration.of(unit, n))


@_rule("clock", "(?: HOURW DOT? )? (?P<h>DIG) COLON (?P<mi>DIG) (?P<ap>AMPM)? HOURW? (?P<p>POD)?",
       "HOURW DOT? (?P<h>DIG) DOT (?P<mi>DIG) HOURW? (?P<p>POD)?",
       "HOURW DOT? (?P<h>DIG) (?! [.,:/] [dyn]) HOURW? (?P<p>POD)?",
       "(?P<h>DIG) DOT (?P<mi>DIG) (?P<ap>AMPM|HOURW) (?P<p>POD)?",
       "(?P<h>DIG) (?P<ap>AMPM|HOURW) (?P<p>POD)?",
       "(?P<c>CLOCK) (?P<p>POD)?",
       "(?P<h>DIG) HOURW (?P<mi>DIG) (?: (?P<u>UNIT) | (?! [.,:/-]? [dyn] | [xπφ] ) ) (?P<p>POD)?",
       "(?: (?P<wh>DIG) )? (?P<w>CLOCKW)")
def _clock(m: _M, lex: Lexicon) -> _Built:
    """ "14:30", "pukul 10.30 WIB", "8 giờ tối" (8 p.m.), "9 giờ 30 phút" (9:30), "noon"."""
    if m.has("w"):  # "at noon", "12 midnight": a clock word on the reference day
        i, (clock, lowercase) = m.idx("w"), m.val("w")
        if m.has("wh") and m.val("wh") != 12:
            return None
        if lowercase and m.text("w")[:1].isupper() and i > 0 \
                and m.s.syms[i - 1] not in ".|\"'(":
            return None  # a name inside a sentence: "High Noon", "le Midi", "il Mezzogiorno"
        hour, _, minute = clock.partition(":")
        return TimexType.TIME, ClockTime(int(hour), int(minute) if minute else None)
    if m.has("u") and m.val("u")[0] != "MIN":
        return None
    time = _clock_of(m)
    return None if time is None else (TimexType.TIME, ClockTime(*time))


@_rule("clock_hour_unit",
       "(?P<h>DIG) DOT (?P<mi>DIG) (?P<hu>UNIT)",
       "(?P<h>DIG) (?P<hu>UNIT) (?: (?P<mi>DIG) (?! [./:-]? [dyn] | UNIT) )?",
       "(?P<hu>UNIT) (?P<h>DIG) (?: [.:] (?P<mi>DIG) )? (?! [./:-]? [dyn] | UNIT)",
       "(?P<h>DIG) (?: DOT (?P<mi>DIG) )? (?! [./:-]? [dyn] | UNIT | HOURW | AMPM)",
       "(?P<h>DIG) (?P<hw>HOURW) (?P<mi>DIG) (?! [./:-]? [dyn] | UNIT)")
def _clock_hour_unit(m: _M, lex: Lexicon) -> _Built:
    """ "à 15 heures 30", "a las 10.30 horas", "alle ore 15", "alle 15", "per le 10.30",
    "à 9 h 30 précises": after a clock preposition the plural of "hour" is the clock
    word, and a bare hour (or hour.minute) is a time of day."""
    if (m.has("hu") and m.val("hu") != ("H", True)) \
            or not (lex.clock_before or lex.clock_bare):
        return None
    if not m.has("hu") and not m.has("mi"):
        before = lex.clock_bare  # "alle 15"; "à 15" or "le 15" are no times
    elif m.idx("hu") > m.idx("h") and not m.has("mi"):
        before = lex.clock_before  # "à 15 heures"; "alle 12 ore" is a duration
    else:
        before = lex.clock_before | lex.clock_bare
    if not _after_words(m.s, m.m.start(), before) \
            or not (m.has("hw") or _clock_ends(m, lex)):
        return None
    time = _clock_of(m)
    return None if time is None else (TimexType.TIME, ClockTime(*time))


def _after_words(s: Symbols, i: int, words: frozenset[str]) -> bool:
    """Whether the tokens before token ``i`` end with one of ``words`` (case-folded
    tokens joined by single spaces)."""
    if not words or i == 0:
        return False
    last = word_tokens(s.tokens.texts[i - 1])
    if not last or last[-1].casefold() not in _last_words(words):
        return False
    before = " " + " ".join(word_tokens(" ".join(s.tokens.texts[max(0, i - 3):i]))).casefold()
    return any(before.endswith(" " + w) for w in words)


@functools.lru_cache(maxsize=64)
def _last_words(words: frozenset[str]) -> frozenset[str]:
    """The last word of each of ``words`` (a cheap first test for `_after_words`)."""
    return frozenset(w.rsplit(" ", 1)[-1] for w in words)


# What may follow a clock time: a date or a day ("alle 15 di oggi"), else not a noun.
_CLOCK_OF = {Sym.RELDAY, Sym.WEEKDAY, Sym.WEEKDAY_WEAK, Sym.POD, Sym.RELDAY_POD}
_NOT_AFTER_CLOCK = {Sym.UNIT, Sym.UNIT_YEAR, Sym.DEICTIC, Sym.DEICTIC_AFTER, Sym.ORDINAL,
                    Sym.COUNT, Sym.AGE, Sym.AGO, Sym.LATER, Sym.MONTH, Sym.MONTH_WEAK}


def _clock_ends(m: _M, lex: Lexicon) -> bool:
    """Whether what follows a number read as an hour lets it be one: not a noun it
    counts ("alle 15 squadre", "às 15 horas de greve", "las 10 primeras"); a short
    word, a function word or a name may follow ("alle 15 si apre")."""
    e, syms, texts = m.m.end(), m.s.syms, m.s.tokens.texts
    if e >= len(syms):
        return True
    nxt = syms[e]
    if nxt == Sym.OF:
        return e + 1 < len(syms) and syms[e + 1] in _CLOCK_OF
    if nxt == Sym.WORD:
        word = texts[e]
        return len(word) <= 2 or word.casefold() in lex.stopwords or word[:1].isupper()
    return nxt not in _NOT_AFTER_CLOCK and texts[e] not in ("%", "‰")


def _clock_of(m: _M) -> tuple[int, int] | None:
    """Hour and minute from groups ``c`` (14h12) or ``h``/``mi`` with ``ap`` (am/pm)."""
    if m.has("c"):
        hour, minute = m.val("c")
    else:
        hour, minute = m.val("h"), m.val("mi") if m.has("mi") else 0
        if m.has("mi") and len(m.text("mi")) != 2 and not m.has("u"):
            return None
    if m.val("ap") == "pm" and hour < 12:
        hour += 12
    elif m.val("ap") == "am" and hour == 12:
        hour = 0
    elif m.has("p"):
        pod = m.val("p")
        if not isinstance(pod, str) or pod[:1].isdigit():
            return None  # "12 noon": the clock word alone says it
        hour = _hour_of_day(hour, pod)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return hour, minute


# Hours of a 12-hour clock that a part of day after them puts after noon: "3 in the
# afternoon", "8 in the evening", "10 at night" (but "2 at night" is 02:00).
_PM_HOURS = {"MI": range(1, 6), "AF": range(1, 8), "EV": range(4, 12), "NI": range(6, 12)}


def _hour_of_day(hour: int, pod: str) -> int:
    """The hour of ``hour`` said with a part of day after it ("pukul 8 malam", "8 giờ
    tối"): 20:00; "12 giờ đêm" is midnight."""
    if hour in _PM_HOURS.get(pod, ()):
        return hour + 12
    return 0 if hour == 12 and pod == "NI" else hour


@_rule("week_number", "(?P<u>UNIT) (?P<n>DIG) (?! [.:/-] [dyn]) (?: COMMA? (?P<y>YEAR))?")
def _week_number(m: _M, lex: Lexicon) -> _Built:
    n = m.val("n")
    if m.val("u")[0] != "W" or m.val("u")[1] is True or not 1 <= n <= 53:
        return None
    year = _year(m.val("y"))
    if year is None:
        return TimexType.DATE, MissingYear(week=n)
    return TimexType.DATE, Known(CalendarDate.of(year=year, week=n))


@_rule("reference", "(?P<v>REF)")
def _reference(m: _M, lex: Lexicon) -> _Built:
    return TimexType.DATE, Known(Reference(m.val("v")))


@_rule("holiday", "(?P<x>DEI)? (?P<h>HOL) (?: OF? (?P<y>YEAR))?")
def _holiday(m: _M, lex: Lexicon) -> _Built:
    """ "Christmas", "Easter 2000", "last Thanksgiving": a holiday, fixed or moving."""
    h, year = m.val("h"), _year(m.val("y"))
    direction = m.val("x")[1] if m.has("x") and year is None else 0
    if m.has("x") and m.val("x")[0] == "recent":
        return None
    if not isinstance(h, Feast):
        month, day = h
        if year is None:
            return TimexType.DATE, MissingYear(month=month, day=day, direction=direction)
        return TimexType.DATE, Known(CalendarDate.of(year=year, month=month, day=day))
    if h.capitalised and m.text("h").islower():
        return None
    if year is not None:
        return TimexType.DATE, Known(h.value_in(year))
    return TimexType.DATE, MissingYear(direction=direction, feast=h)


@_rule("weekday_with_date",
       "(?: (?P<w>WDAY) | (?P<wu>UNIT) )"
       " (?= LP (?P<a>DIG) SLASH (?P<b>DIG) (?: SLASH (?P<y>YEAR))? RP"
       " | COMMA (?P<a2>DIG) SLASH (?P<b2>DIG) (?: SLASH (?P<y2>YEAR))? (?! [./-]? [dyn]) )")
def _weekday_with_date(m: _M, lex: Lexicon) -> _Built:
    """ "Senin (24/2/2025)", "Tuesday (18/2)", "thứ Hai, 24/2": the date beside it fixes
    the weekday."""
    if lex.date_order == "MDY" or (m.has("wu") and (
            m.val("wu")[0] != "W" or not m.text("wu")[:1].isupper())):
        return None  # "Minggu (16/2)": a week noun spelled like Sunday, with its date
    k = "" if m.has("a") else "2"
    day, month = m.val("a" + k), m.val("b" + k)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return TimexType.DATE, _date(_year(m.val("y" + k)), month, day)


@_rule("weekday_clock",
       "(?P<h>DIG) (?: COLON (?P<mi>DIG) )? (?P<ap>AMPM) (?P<tz>x)? COMMA? (?P<w>SWDAY)",
       "(?P<w>SWDAY) x? (?P<h>DIG) (?: COLON (?P<mi>DIG) )? (?P<ap>AMPM)")
def _weekday_clock(m: _M, lex: Lexicon) -> _Built:
    """ "10 p.m. Wednesday", "4 a.m. EDT Thursday", "Friday at 9:30 am": a time on a
    weekday."""
    time = _clock_of(m)
    if time is None or not _time_zone(m):
        return None
    return TimexType.TIME, WeekdayOf(m.val("w"), 0, None, *time)


@_rule("clock_day",
       "(?: (?P<h>DIG) HOURW (?: (?P<mi>DIG) (?P<u>UNIT)? )? | (?P<c>CLOCK) ) (?P<p>POD)?"
       " (?P<du>UNIT)? (?P<d>DIG) (?P<s1>SLASH | DASH) (?P<n>DIG)"
       " (?: (?P<s2>SLASH | DASH) (?P<y>YEAR) )? (?! [./-]? [dn] )")
def _clock_day(m: _M, lex: Lexicon) -> _Built:
    """A time on a day in figures: "20h ngày 20/2", "10 giờ sáng ngày 21/2/2025"."""
    if (m.has("u") and m.val("u")[0] != "MIN") or lex.date_order == "MDY" \
            or (m.has("du") and m.val("du")[0] != "D") or not (m.has("du") or m.has("p")) \
            or (m.has("s2") and m.text("s1") != m.text("s2")):
        return None
    time, day, month = _clock_of(m), _day(m.val("d")), m.val("n")
    if time is None or day is None or not 1 <= month <= 12:
        return None
    year = _year(m.val("y"))
    if year is None:
        return TimexType.TIME, MissingYear(month=month, day=day, hour=time[0], minute=time[1])
    return TimexType.TIME, Known(CalendarDate.of(year=year, month=month, day=day)
                                 .with_time(*time))


@_rule("clock_date",
       "(?P<h>DIG) (?: COLON (?P<mi>DIG) )? (?P<ap>AMPM) (?P<tz>x)? COMMA? (?P<m>MONTH) DOT?"
       " (?P<d>DAY) (?! DIG ) (?: COMMA? (?P<y>YEAR))?")
def _clock_date(m: _M, lex: Lexicon) -> _Built:
    """ "5 p.m. EST, Nov. 6": a time on a calendar day."""
    time, day = _clock_of(m), _day(m.val("d"))
    if time is None or day is None or not _time_zone(m):
        return None
    year = _year(m.val("y"))
    if year is None:
        return TimexType.TIME, MissingYear(month=m.val("m"), day=day, hour=time[0],
                                           minute=time[1])
    return TimexType.TIME, Known(CalendarDate.of(year=year, month=m.val("m"), day=day)
                                 .with_time(*time))


def _time_zone(m: _M) -> bool:
    """A word between a clock time and its day must be a time zone: EST, GMT, MEZ."""
    zone = m.text("tz")
    return not zone or (zone.isalpha() and zone.isupper() and 2 <= len(zone) <= 5)


@_rule("night_before",
       "ART? (?: (?P<p>POD) | (?P<j>RELPOD) ) (?: (?: OF | FROM ) ART? (?: (?P<w1>SWDAY) |"
       " (?P<d1>DAY) DOT? ) )? (?P<c>TOWORD | WORD | AND) ART? (?: (?P<w>SWDAY) |"
       " (?P<d>DAY) DOT? OF? ART? (?P<m>MONTH) | (?P<rd>REL) )")
def _night_before(m: _M, lex: Lexicon) -> _Built:
    """ "natt til fredag", "in der Nacht zum 1. Mai", "de nacht van 20 op 21 februari":
    the night that runs into a day, dated (as TimeML does) by the day it begins on."""
    pod = m.val("j")[1] if m.has("j") else m.val("p")
    joined = m.s.syms[m.idx("c")] == Sym.AND or m.text("c").casefold() in lex.night_to
    if pod != "NI" or not joined or (m.s.syms[m.idx("c")] == Sym.AND
                                     and not (m.has("w1") or m.has("d1"))):
        return None
    if m.has("rd"):  # "natt til i dag", "Nacht zu heute": the night before that day
        unit, offset, anaphoric = m.val("rd")
        if unit != "D" or m.has("w1") or m.has("d1"):
            return None
        return TimexType.TIME, Shift("D", offset - 1, "NI", anaphoric)
    if m.has("w"):
        if m.has("d1"):
            return None
        if m.has("w1") and m.val("w1") != (7 if m.val("w") == 1 else m.val("w") - 1):
            return None
        return TimexType.TIME, WeekdayOf(m.val("w"), 0, "NI", days_after=-1)
    d, month = _day(m.val("d")), m.val("m")
    if d is None or m.has("w1"):
        return None
    if d > 1:
        before = (month, d - 1)
    elif month not in (1, 3):  # the night before 1 March (or 1 January) needs the year
        before = (month - 1, calendar.monthrange(2001, month - 1)[1])
    else:
        return None
    if m.has("d1") and m.val("d1") != before[1]:
        return None
    return TimexType.TIME, MissingYear(month=before[0], day=before[1], part_of_day="NI")


@_rule("pod_of_weekday", "ART? (?P<p>POD) OF? ART? (?P<w>SWDAY)")
def _pod_of_weekday(m: _M, lex: Lexicon) -> _Built:
    return TimexType.TIME, WeekdayOf(m.val("w"), 0, _pod(m))


@_rule("weekday", "ART? (?P<w>SWDAY) (?P<p>POD)?", "(?P<k>WDPOD)")
def _weekday(m: _M, lex: Lexicon) -> _Built:
    if m.has("k"):
        wd, pod = m.val("k")
        return TimexType.TIME, WeekdayOf(wd, 0, pod)
    pod = _pod(m)
    past = m.text("w").casefold() in lex.past_names  # "i fredags": last Friday
    return (TimexType.TIME if pod else TimexType.DATE), WeekdayOf(m.val("w"), -1 if past else 0,
                                                                  pod)


RULES: tuple[Rule, ...] = tuple(_RULES)


def find_candidates(text: str, lex: Lexicon) -> list[Candidate]:
    """All time expressions in ``text`` for one language, before anchoring.

    The longest match wins where rules overlap; ties go to the earlier rule.

    Example:
        >>> from timeline.lexicon import load_lexicon
        >>> [(c.start, c.end) for c in find_candidates("vóór 2026", load_lexicon("en"))]
        [(5, 9)]
    """
    s = classify(text, lex)
    syms = s.syms
    found: list[tuple[int, int, int, int, re.Match[str]]] = []
    scan = SymbolScan(syms)
    for priority, rule in enumerate(RULES):
        for match in scan.matches(rule.pattern, rule.shape):
            a, b = match.span()
            if syms[a] in _LEADING_PREPOSITIONS:
                a = _trim_start(syms, a, b)
            found.append((a - b, priority, a, b, match))
    # Longest first, then earlier rule: a match is built only when nothing chosen
    # overlaps it (most matches are parts of longer ones), and a rule that declines
    # its match leaves the span to the next. (One rule's matches never overlap, so
    # the sort never compares the match objects.)
    found.sort()
    taken = bytearray(len(syms) + 1)
    chosen: list[tuple[int, int, Reading, str]] = []
    for _, priority, a, b, match in found:
        if taken.find(1, a, b) >= 0:
            continue
        rule = RULES[priority]
        built = _safe_build(rule, _M(match, s), lex)
        if built is None:
            continue
        if not isinstance(built, Reading):
            built = Reading(*built)
        taken[a:b] = b"\x01" * (b - a)
        chosen.append((a, b, built, rule.name))
    chosen.sort(key=lambda c: c[0])
    bounds = sentence_bounds(s)
    cues = _cue_positions(s, lex.participle_after)
    out = []
    k = 0
    for a, b, reading, rule_name in chosen:
        while bounds[k][1] <= a and k + 1 < len(bounds):
            k += 1
        lo, hi = bounds[k]
        tense = _tense_near(s, cues, a, b, lo, hi, lex.complementizers)
        if tense == -2 and a > 0 and s.syms[a - 1] == Sym.TO:
            tense = -1  # "extended to Nov. 20": an end point set in the past may lie ahead
        out.append(_candidate(s, a, b, reading, rule_name, tense, lex))
    return out


def _safe_build(rule: Rule, m: _M, lex: Lexicon) -> _Built:
    try:
        return rule.build(m, lex)
    except InvalidTimexError:
        return None


_LEADING_PREPOSITIONS = frozenset((Sym.FROM, Sym.FUTURE))


def _trim_start(syms: str, a: int, b: int) -> int:
    """Leading prepositions (from, between, in) stay outside the expression."""
    while a < b - 1 and syms[a] in _LEADING_PREPOSITIONS:
        a += 1
    return a


def _years(p: Partial) -> bool:
    """Whether a value is a year, a decade or a century ("um 1950", "um die 1990er")."""
    return isinstance(p, Known) and isinstance(p.value, CalendarDate) \
        and p.value.granularity in (Granularity.YEAR, Granularity.DECADE, Granularity.CENTURY)


_IN_SPAN_MODS = {
    TimexType.DATE: {"START", "MID", "END", "APPROX"},
    TimexType.TIME: {"START", "MID", "END", "APPROX"},
    TimexType.DURATION: {"APPROX", "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"},
    TimexType.SET: set(),
}


def _candidate(s: Symbols, a: int, b: int, reading: Reading, rule: str,
               tense: int, lex: Lexicon) -> Candidate:
    """The candidate of tokens ``a:b`` with the modifier words around it: in-span ones
    widen it, bounds do not."""
    syms = s.syms
    start = a
    mod: Mod | None = None
    kind = reading.type
    i = a - 1
    if i >= 0 and syms[i] == Sym.ARTICLE and syms[a] != Sym.ARTICLE:
        i -= 1
    while i >= 0 and syms[i] in (Sym.OF, "-"):
        i -= 1
    numeric_start = syms[a] in (Sym.DIGITS, Sym.COUNT, Sym.NUMBER)
    own = lex.positions.get(s.tokens.texts[a].casefold()) \
        if b - a == 1 and syms[a] == Sym.RELDAY else None
    if own is not None:
        mod = Mod(own)  # "Jahresende": the end of this year
    elif i >= 0 and syms[i] == Sym.MOD and s.values[i] in _IN_SPAN_MODS[kind] \
            and (kind != TimexType.DURATION or numeric_start):
        mod = Mod(s.values[i])
        start = i
        if start > 0 and syms[start - 1] == Sym.ARTICLE:
            start -= 1
    elif a > 0 and kind == TimexType.DATE and (
            syms[a - 1] in (Sym.BEFORE, Sym.AFTER, Sym.AGO_PREFIX)
            or (syms[a - 1] == Sym.AGO
                and s.tokens.texts[a - 1].casefold() in lex.ago_before_date)):
        mod = Mod.AFTER if syms[a - 1] == Sym.AFTER else Mod.BEFORE
    elif a > 0 and syms[a - 1] == Sym.AGO and kind == TimexType.DATE \
            and s.tokens.texts[a - 1].casefold() in lex.since_words:
        mod = Mod.AFTER  # "siden 2020": the ago word "for tre år siden" before a date is "since"
    elif a > 0 and syms[a - 1] == Sym.FROM and kind == TimexType.DATE \
            and s.tokens.texts[a - 1].casefold() in lex.since_words \
            and not isinstance(reading.partial, Between) \
            and not (b < len(syms) and syms[b] in (Sym.TO, "-")):
        mod = Mod.AFTER  # "dal 2020": a from word with no end after it is "since"
    elif a > 0 and kind == TimexType.DATE and _years(reading.partial) \
            and s.tokens.texts[a - 1].casefold() in lex.around_year:
        mod, start = Mod.APPROX, a - 1  # "um 1950": "um 15 Uhr" is a clock time, not about one
    return Candidate(s.tokens.starts[start], s.tokens.ends[b - 1], kind, reading.partial, rule,
                     mod=mod, tense=tense, note=reading.note, alternatives=reading.alternatives,
                     offset=_offset(s, b, reading))


def _offset(s: Symbols, b: int, cand: Reading) -> tuple[str, int] | None:
    """How far from an event an expression lies, when it counts from one: an anaphoric
    shift ("the day before", "la veille") or a duration before/after ("two weeks after")."""
    p = cand.partial
    if isinstance(p, Shift) and p.anaphoric:
        return p.unit, p.amount
    if cand.type == TimexType.DURATION and b < len(s.syms) \
            and s.syms[b] in (Sym.BEFORE, Sym.AFTER) and isinstance(p, Known) \
            and isinstance(p.value, Duration) and len(p.value.parts) == 1:
        unit, amount = p.value.parts[0]
        if isinstance(amount, int):
            return unit, amount if s.syms[b] == Sym.AFTER else -amount
    return None


_CUE_RE = re.compile(f"[{Sym.TENSE_FUTURE}{Sym.TENSE_PAST}]")


def _cue_positions(s: Symbols, participle_after: frozenset[str] = frozenset()) -> list[int]:
    """The token indices of every tense cue, in order (found by one regex pass).

    A capitalised word inside a sentence is a name ("United", "Ahmed"), not a verb; a
    word after an article or a number is a noun or an adjective ("the plan", "the
    reduced dividend"); a past form just after a future cue is part of its verb ("will
    be named"), and one after a word of ``participle_after`` a participle ("to be
    completed").
    """
    syms, texts = s.syms, s.tokens.texts
    return [i for i in (m.start() for m in _CUE_RE.finditer(syms))
            if not (texts[i][:1].isupper() and i > 0 and syms[i - 1] not in ".|\"'")
            and not (i > 0 and syms[i - 1] in (Sym.ARTICLE, Sym.COUNT))
            and not (syms[i] == Sym.TENSE_PAST
                     and (_FUTURE_GROUP.search(syms, max(0, i - 3), i)
                          or (i > 0 and texts[i - 1].casefold() in participle_after)))]


# A future cue and at most two plain words before a past form: "would be paid".
_FUTURE_GROUP = re.compile(f"{Sym.TENSE_FUTURE}{Sym.WORD}{{0,2}}$")


def _tense_near(s: Symbols, cues: list[int], a: int, b: int, lo: int, hi: int,
                complementizers: frozenset[str] = frozenset()) -> int:
    """The tense cue nearest to tokens ``a:b`` within ``lo:hi``: future > 0, past < 0,
    none 0; the magnitude is 2 when the cue stands right by the expression ("hölls den
    15 mars"), 1 when it is further off and may govern another clause. A cue before a
    word opening a reported clause governs that word's clause, not the expression
    ("said that the summit takes place on 12 June")."""
    k = bisect.bisect_left(cues, a)
    left = cues[k - 1] if k > 0 else -1
    if left >= lo and complementizers and any(
            t.casefold() in complementizers for t in s.tokens.texts[left + 1:a - 1]):
        left = -1
    k = bisect.bisect_left(cues, b)
    right = cues[k] if k < len(cues) else -1
    options = []
    if left >= lo:
        options.append((a - left, 0, left))
    if 0 <= right < hi and not (left >= lo and ("," in s.syms[b:right]
                                               or Sym.AND in s.syms[b:right])):
        # A cue past a comma or "and" belongs to another clause (", officials said",
        # "and were planning") unless nothing before the expression can govern it
        # ("On Tuesday, the talks ended").
        options.append((right - b + 1, 1, right))
    if not options:
        return 0
    distance, _, i = min(options)
    strength = 2 if distance <= _NEAR_CUE else 1
    return strength if s.syms[i] == Sym.TENSE_FUTURE else -strength
