"""Resolves what the tagger found against a reference date.

The reference is the document's publication date when known, else a dateline
in its first lines; without either, underspecified expressions take what they
lack from the last fully specified date before them (narrative anchoring),
and where there is none they keep only what is certain (``XXXX-02-20``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

import attrs
from dateutil.relativedelta import relativedelta

from timeline.errors import InvalidTimexError
from timeline.partial import (
    Between,
    ClockTime,
    Known,
    MissingYear,
    Partial,
    Shift,
    StoryPeriod,
    WeekdayOf,
    at_part_of_day,
)
from timeline.tagger import Candidate
from timeline.values import (
    CalendarDate,
    Granularity,
    Interval,
    Mod,
    TimexType,
    TimexValue,
)

_TENSE_MARGIN_DAYS = 14  # for a cue right by the date ("was held on 15 March")
_FAR_TENSE_MARGIN_DAYS = 90  # for a cue that may belong to another clause
_RESULTS_LAG_DAYS = 45  # a quarter's results come out within weeks of its end
_QUARTER_CONTEXT = 400  # characters within which a quarter sets the period of comparison

_SHIFT_GRANULARITY = {
    "D": Granularity.DAY, "W": Granularity.WEEK, "M": Granularity.MONTH, "Y": Granularity.YEAR,
    "Q": Granularity.QUARTER, "DE": Granularity.DECADE, "CE": Granularity.CENTURY,
    "H": Granularity.DAY, "MIN": Granularity.DAY, "S": Granularity.DAY, "WE": Granularity.WEEK,
    "HALF": Granularity.HALF,
}
_UNKNOWN_OF_UNIT = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX",
                    "Q": "XXXX-QX", "HALF": "XXXX-HX", "WE": "XXXX-WXX-WE"}
_SHIFT_DELTA = {
    "D": relativedelta(days=1), "W": relativedelta(weeks=1), "M": relativedelta(months=1),
    "Y": relativedelta(years=1), "Q": relativedelta(months=3), "DE": relativedelta(years=10),
    "CE": relativedelta(years=100), "WE": relativedelta(weeks=1), "HALF": relativedelta(months=6),
    "H": relativedelta(), "MIN": relativedelta(), "S": relativedelta(),
}


@attrs.frozen
class Anchored:
    """A time expression with its final TIMEX3 value.

    Example:
        >>> from timeline.values import TimexValue
        >>> a = Anchored(0, 4, "2025", TimexType.DATE, TimexValue.parse("2025"), None, "year", None)
        >>> a.value.iso()
        '2025'
    """

    start: int
    end: int
    text: str
    type: TimexType
    value: TimexValue
    mod: Mod | None
    rule: str
    anchor: str | None
    note: str | None = None
    alternatives: tuple[str, ...] = ()
    offset: tuple[str, int] | None = None


@attrs.define
class _State:
    """Where anchoring stands while it walks the document in order."""

    reference: dt.date | None
    day: dt.date | None = None
    year: int | None = None
    quarter: CalendarDate | None = None
    quarter_at: int = -1   # where the last quarter was mentioned
    story_quarter: CalendarDate | None = None  # the first: the one a results story reports
    position: int = 0      # where the expression being resolved starts
    last_day: dt.date | None = None  # the day of the last expression naming one
    last_day_end: int = -1           # where that expression ends
    clock_day: dt.date | None = None  # the day a clock time right after it belongs to


_DATELINE_REST_RE = re.compile(r"[^\W\d_]+")
_DATELINE_MAX = 160  # characters: a dateline is a short line


def find_dateline(text: str, candidates: Sequence[Candidate], *, lines: int = 4) -> dt.date | None:
    """A publication date written alone (or after a place name) in the first lines.

    Only a fully specified date counts, and only when the first lines hold one
    such date; anything else is ambiguous and gives None.

    Example:
        >>> from timeline.lexicon import load_lexicon
        >>> from timeline.tagger import find_candidates
        >>> text = "Headline\\n19/02/2025\\nBody text."
        >>> find_dateline(text, find_candidates(text, load_lexicon("en")))
        datetime.date(2025, 2, 19)
    """
    head_end = 0
    seen = 0
    while seen < lines and head_end < len(text):
        nl = text.find("\n", head_end)
        line_end = len(text) if nl < 0 else nl
        if text[head_end:line_end].strip():
            seen += 1
        head_end = line_end + 1
    head_end = min(head_end, len(text))
    found: list[dt.date] = []
    for c in candidates:
        if c.start >= head_end:
            break
        if not isinstance(c.partial, Known) or not isinstance(c.partial.value, CalendarDate):
            continue
        day = c.partial.value.date()
        if day is None:
            continue
        line_start = text.rfind("\n", 0, c.start) + 1
        line_end = text.find("\n", c.end)
        line_end = len(text) if line_end < 0 else line_end
        if line_end - line_start > _DATELINE_MAX:
            continue
        rest = text[line_start:c.start] + " " + text[c.end:line_end]
        if len(_DATELINE_REST_RE.findall(rest)) <= 6:
            found.append(day)
    return found[0] if len(set(found)) == 1 else None


def anchor_candidates(text: str, candidates: Sequence[Candidate],
                      reference: dt.date | None) -> list[Anchored]:
    """Give every candidate its final value, in document order.

    Args:
        text: the document the candidates index.
        candidates: the tagger's output, sorted by start.
        reference: the publication date or dateline, if known.

    Example:
        >>> from timeline.lexicon import load_lexicon
        >>> from timeline.tagger import find_candidates
        >>> text = "Yesterday it rained."
        >>> [a.value.iso() for a in anchor_candidates(
        ...     text, find_candidates(text, load_lexicon("en")), dt.date(2025, 2, 21))]
        ['2025-02-20']
    """
    state = _State(reference=reference)
    out: list[Anchored] = []
    for k, c in enumerate(candidates):
        state.position = c.start
        state.clock_day = None
        if isinstance(c.partial, ClockTime) and state.last_day is not None \
                and _same_phrase(text, state.last_day_end, c.start):
            state.clock_day = state.last_day  # "fredag kl. 14", "am Samstag um 18 Uhr"
        elif isinstance(c.partial, ClockTime) and k + 1 < len(candidates):
            state.clock_day = _day_after_clock(text, c, candidates[k + 1], state)
        try:
            value, anchor = _resolve(c.partial, c.tense, state)
        except (InvalidTimexError, ValueError, OverflowError):
            continue
        if value is None:
            continue
        if isinstance(value, CalendarDate) and c.type in (TimexType.DATE, TimexType.TIME):
            day = value.date()
            if day is not None:
                state.last_day, state.last_day_end = day, c.end
        _remember(value, c.type, state, comparison=_compares(c.partial))
        out.append(Anchored(c.start, c.end, text[c.start:c.end], c.type, value, c.mod, c.rule,
                            anchor, c.note, c.alternatives, c.offset))
    return out


_CLOCK_GAP = 8  # characters: "lørdag kl. 18", "Saturday at 6 p.m.", "Samstag, um 18 Uhr"
_PHRASE_BREAK_RE = re.compile(r"[.!?;:\n]")


def _same_phrase(text: str, end: int, start: int) -> bool:
    """Whether a clock time starting at ``start`` follows the day ending at ``end``
    closely enough to be a time on that day."""
    return 0 <= start - end <= _CLOCK_GAP and not _PHRASE_BREAK_RE.search(text, end, start)


# Between a clock time and the day it is on: a space, or one short word ("alle 12.30
# di domani", "a las 10 horas del domingo", "à 20 heures demain", "às 20h desta").
_CLOCK_DAY_GAP_RE = re.compile(r"\s+(?:[^\W\d_]{1,5}\s+)?")


def _day_after_clock(text: str, clock: Candidate, nxt: Candidate,
                     state: _State) -> dt.date | None:
    """The day a clock time is on when that day follows it closely: "alle 12.30 di
    domani", "à 14 h lundi"."""
    if nxt.type != TimexType.DATE or isinstance(nxt.partial, ClockTime) \
            or not _CLOCK_DAY_GAP_RE.fullmatch(text, clock.end, nxt.start):
        return None
    try:
        value, _ = _resolve(nxt.partial, nxt.tense, state)
    except (InvalidTimexError, ValueError, OverflowError):
        return None
    return value.date() if isinstance(value, CalendarDate) else None


def _compares(p: Partial) -> bool:
    """Whether an expression names a period compared with ("a year earlier", "the 1988
    period"), not the one the story is about."""
    return ((isinstance(p, Shift) and p.comparison)
            or (isinstance(p, StoryPeriod) and p.year is not None))


def _remember(value: TimexValue, kind: TimexType, state: _State, *,
              comparison: bool = False) -> None:
    if kind not in (TimexType.DATE, TimexType.TIME):
        return
    if isinstance(value, Interval):
        value = value.end
    if not isinstance(value, CalendarDate) or value.year is None:
        return
    if value.granularity is not None and value.granularity < Granularity.YEAR:
        return
    if value.granularity == Granularity.QUARTER and not comparison:
        # "a year earlier" is the period compared with, not the one reported on.
        state.quarter, state.quarter_at = value, state.position
        if state.story_quarter is None:
            state.story_quarter = value
    state.year = value.year
    day = value.date()
    if day is not None:
        state.day = day


def _base_day(state: _State) -> tuple[dt.date | None, str | None]:
    if state.reference is not None:
        return state.reference, "published"
    if state.day is not None:
        return state.day, "narrative"
    return None, None


def _resolve(p: Partial, tense: int, state: _State) -> tuple[TimexValue | None, str | None]:
    if isinstance(p, Known):
        return p.value, None
    if isinstance(p, MissingYear):
        return _resolve_missing_year(p, tense, state)
    if isinstance(p, Shift):
        return _resolve_shift(p, tense, state)
    if isinstance(p, WeekdayOf):
        return _resolve_weekday(p, tense, state)
    if isinstance(p, StoryPeriod):
        q = state.story_quarter
        if q is None or q.quarter is None or (p.year or q.year) is None:
            return _resolve(p.fallback, tense, state)
        return CalendarDate.of(year=p.year or q.year, quarter=q.quarter), "narrative"
    if isinstance(p, ClockTime):
        if state.clock_day is not None:
            return CalendarDate.from_date(state.clock_day).with_time(p.hour, p.minute), "narrative"
        base, anchor = _base_day(state)
        if base is None:
            return CalendarDate.of().with_time(p.hour, p.minute), None
        return CalendarDate.from_date(base).with_time(p.hour, p.minute), anchor
    return _resolve_between(p, tense, state)


def _partial_date(p: MissingYear, year: int | None) -> CalendarDate:
    if p.feast is not None:
        return p.feast.value_in(year)
    value = CalendarDate.of(year=year, month=p.month, day=p.day, season=p.season,
                            quarter=p.quarter, half=p.half, week=p.week)
    if p.part_of_day:
        value = at_part_of_day(value, p.part_of_day)
    if p.hour is not None:
        value = value.with_time(p.hour, p.minute)
    return value


def _position(p: MissingYear, year: int = 2001) -> tuple[int, int]:
    """Where in its year a partial date falls, as (month, day), for comparisons."""
    if p.feast is not None:
        day = p.feast.date_in(year)
        return day.month, day.day
    if p.month is not None:
        return p.month, p.day or 15
    if p.season is not None:
        # YYYY-WI begins in December of YYYY: January and February belong to the
        # winter of the year before.
        return {"WI": 12, "SP": 4, "SU": 7, "FA": 10}.get(p.season, 6), 15
    if p.quarter is not None:
        return p.quarter * 3 - 1, 15
    if p.half is not None:
        return p.half * 6 - 3, 15
    if p.week is not None:
        return min(12, (p.week - 1) * 12 // 52 + 1), 15
    return 6, 15


def _resolve_missing_year(p: MissingYear, tense: int,
                          state: _State) -> tuple[TimexValue | None, str | None]:
    ref = state.reference
    if p.year_offset is not None:
        base = ref.year if ref is not None else state.year
        if base is None:
            return _partial_date(p, None), None
        return (_partial_date(p, base + p.year_offset),
                "published" if ref is not None else "narrative")
    if ref is not None:
        pos = _position(p, ref.year)
        same_year = dt.date(ref.year, pos[0], min(pos[1], 28))
        if p.direction < 0:
            year = ref.year - 1 if (pos[0], pos[1]) > (ref.month, ref.day) else ref.year
        elif p.direction > 0:
            year = ref.year + 1 if (pos[0], pos[1]) < (ref.month, ref.day) else ref.year
        elif tense and (p.quarter or p.half):
            year = _tensed_period_year(p, tense, ref)
        elif tense:
            # A tense cue moves the date to another year only when the same-year
            # reading would sit well on the wrong side of the reference date.
            year = ref.year
            margin = _TENSE_MARGIN_DAYS if abs(tense) > 1 else _FAR_TENSE_MARGIN_DAYS
            if tense < 0 and (same_year - ref).days > margin:
                year -= 1
            elif tense > 0 and (ref - same_year).days > margin:
                year += 1
        else:
            year = min((ref.year - 1, ref.year, ref.year + 1),
                       key=lambda y: abs((dt.date(y, pos[0], min(pos[1], 28)) - ref).days))
        return _partial_date(p, year), "published"
    if state.year is not None:
        return _partial_date(p, state.year), "narrative"
    return _partial_date(p, None), None


def _tensed_period_year(p: MissingYear, tense: int, ref: dt.date) -> int:
    """The year of a quarter or half under a tense cue: in the past tense the latest
    one begun by the reference date; in the future tense the earliest one not over, or
    just over (results are reported in the weeks after a quarter ends)."""
    day = dt.datetime.combine(ref, dt.time())
    years = (ref.year - 1, ref.year, ref.year + 1)
    for year in (reversed(years) if tense < 0 else years):
        start, end = _partial_date(p, year).bounds()
        if start is None or end is None:
            break
        if (start <= day) if tense < 0 else (day - end).days <= _RESULTS_LAG_DAYS:
            return year
    return ref.year


def _resolve_shift(p: Shift, tense: int,
                   state: _State) -> tuple[TimexValue | None, str | None]:
    base, anchor = _base_day(state)
    q_near = state.quarter if state.position - state.quarter_at <= _QUARTER_CONTEXT else None
    start = q_near.bounds()[0] if q_near is not None else None
    if start is not None and state.reference is not None and start.date() > state.reference:
        q_near = state.story_quarter  # a forecast quarter has no results to compare with
    if p.comparison and p.unit == "Y" and q_near is not None and q_near.year and q_near.quarter:
        # Results by quarter: "a year ago" is the same quarter a year earlier.
        return CalendarDate.of(q_near.year + p.amount, quarter=q_near.quarter), "narrative"
    story = state.story_quarter
    if p.anaphoric and p.unit == "Q" and story is not None and story.year:
        q = story.quarter or 1
        return CalendarDate.from_date(dt.date(story.year, q * 3 - 1, 1)
                                      + relativedelta(months=3 * p.amount),
                                      Granularity.QUARTER), "narrative"
    if p.anaphoric and state.day is not None:
        base, anchor = state.day, "narrative"
    elif p.anaphoric and state.year is not None and p.unit in ("Y", "DE", "CE"):
        base, anchor = dt.date(state.year, 7, 1), "narrative"
    gran = _SHIFT_GRANULARITY[p.unit]
    if base is None:
        if state.year is not None and p.unit in ("Y", "DE", "CE"):
            base, anchor = dt.date(state.year, 7, 1), "narrative"
        elif p.part_of_day:
            return at_part_of_day(CalendarDate.of(), p.part_of_day), None
        else:
            # Nothing to count from: what is certain is the kind of period ("yesterday"
            # is some day, XXXX-XX-XX).
            unknown = _UNKNOWN_OF_UNIT.get(p.unit)
            return (TimexValue.parse(unknown) if unknown else None), None
    day = base + _SHIFT_DELTA[p.unit] * p.amount
    if p.unit == "WE":
        if p.amount == 0 and tense < 0 and day.isoweekday() < 6:
            day -= dt.timedelta(weeks=1)  # "the weekend" in a report is the one just past
        return TimexValue.parse(f"{CalendarDate.from_date(day, Granularity.WEEK).iso()}-WE"), anchor
    value = CalendarDate.from_date(day, gran)
    if p.part_of_day:
        value = at_part_of_day(value, p.part_of_day)
    return value, anchor


def _resolve_weekday(p: WeekdayOf, tense: int,
                     state: _State) -> tuple[TimexValue | None, str | None]:
    base, anchor = _base_day(state)
    if p.anaphoric and state.day is not None:
        base, anchor = state.day, "narrative"
    if base is None:
        value = TimexValue.parse(f"XXXX-WXX-{(p.weekday - 1 + p.days_after) % 7 + 1}")
        if p.part_of_day and isinstance(value, CalendarDate):
            value = at_part_of_day(value, p.part_of_day)
        return value, None
    delta = p.weekday - base.isoweekday()
    direction = p.direction or tense or -1
    if p.week is not None:
        delta += 7 * p.week
    elif p.direction > 0:
        delta = delta if delta > 0 else delta + 7
    elif p.direction < 0:
        delta = delta if delta < 0 else delta - 7
    elif direction > 0:
        delta = delta if delta >= 0 else delta + 7
    else:
        delta = delta if delta <= 0 else delta - 7
    value = CalendarDate.from_date(base + dt.timedelta(days=delta + p.days_after))
    if p.hour is not None:
        value = value.with_time(p.hour, p.minute)
    elif p.part_of_day:
        value = at_part_of_day(value, p.part_of_day)
    return value, anchor


def _resolve_between(p: Between, tense: int,
                     state: _State) -> tuple[TimexValue | None, str | None]:
    end, anchor = _resolve(p.end, tense, state)
    if not isinstance(end, CalendarDate):
        return None, None
    if isinstance(p.start, MissingYear) and end.year is not None:
        year = end.year
        if _position(p.start) > (end.month or 12, end.day or 31):
            year -= 1
        start: TimexValue | None = _partial_date(p.start, year)
    else:
        start, _ = _resolve(p.start, tense, state)
    if not isinstance(start, CalendarDate):
        return None, None
    return Interval(start, end), anchor
