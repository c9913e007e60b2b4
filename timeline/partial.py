"""What the tagger knows before anchoring: values that may still need a reference.

The tagger emits these; only `anchor.py` turns them into `TimexValue`s, so
nothing unresolved can reach the output.
"""

from __future__ import annotations

import datetime as dt

import attrs
from dateutil.easter import easter

from timeline.values import CalendarDate, TimexValue


@attrs.frozen
class Known:
    """A value that needs no reference: ``18 januari 1950``, ``P2Y``.

    Example:
        >>> from timeline.values import TimexValue
        >>> Known(TimexValue.parse("1950-01-18")).value.iso()
        '1950-01-18'
    """

    value: TimexValue


@attrs.frozen
class Feast:
    """When a holiday that is not a fixed day falls in a given year.

    Either the first ``weekday`` on or after ``month``-``day`` (the fourth Thursday
    of November is the first on or after the 22nd), or ``easter`` days from Easter
    Sunday (Good Friday -2); ``week`` gives the ISO week holding that day (Holy Week).

    Example:
        >>> Feast(month=11, day=22, weekday=4).value_in(1999).iso()
        '1999-11-25'
        >>> Feast(easter=-2).value_in(2000).iso()
        '2000-04-21'
        >>> Feast(month=11, day=22, weekday=4).value_in(None).iso()
        'XXXX-11'
    """

    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # ISO: Monday = 1
    easter: int | None = None
    week: bool = False
    capitalised: bool = False  # only as a name: "Election Day", not "election day"

    def date_in(self, year: int) -> dt.date:
        """The holiday's day in ``year``."""
        if self.easter is not None:
            return easter(year) + dt.timedelta(days=self.easter)
        first = dt.date(year, self.month or 1, self.day or 1)
        return first + dt.timedelta(days=((self.weekday or first.isoweekday())
                                          - first.isoweekday()) % 7)

    def value_in(self, year: int | None) -> CalendarDate:
        """The holiday's value in ``year``; without one, what is certain (its month when
        it never leaves it)."""
        if year is None:
            if self.easter is not None or self.month is None:
                return CalendarDate.of()
            last = dt.date(2001, self.month, self.day or 1) + dt.timedelta(days=6)
            return CalendarDate.of(month=self.month if last.month == self.month else None)
        day = self.date_in(year)
        if self.week:
            iso = day.isocalendar()
            return CalendarDate.of(year=iso.year, week=iso.week)
        return CalendarDate.from_date(day)


@attrs.frozen
class MissingYear:
    """A date whose year comes from the reference: ``20. Februar``, ``this spring``.

    ``direction`` says which occurrence: 0 the reference's own year (or the
    tense decides), -1 the latest one before the reference, +1 the next one after.

    Example:
        >>> MissingYear(month=2, day=20).day
        20
    """

    month: int | None = None
    day: int | None = None
    season: str | None = None
    quarter: int | None = None
    half: int | None = None
    week: int | None = None
    part_of_day: str | None = None
    hour: int | None = None
    minute: int | None = None
    direction: int = 0
    year_offset: int | None = None  # "this year's third quarter": the reference's year + offset
    feast: Feast | None = None  # a holiday that moves: its day comes with the year


def at_part_of_day(value: CalendarDate, pod: str) -> CalendarDate:
    """``value`` at a part of day ("MO") or at a clock word's time ("12:00" for noon,
    "24" for midnight).

    Example:
        >>> at_part_of_day(CalendarDate.of(2025, 2, 21), "12:00").iso()
        '2025-02-21T12:00'
    """
    if pod[:1].isdigit():
        hour, _, minute = pod.partition(":")
        return value.with_time(int(hour), int(minute) if minute else None)
    return value.with_part_of_day(pod)


@attrs.frozen
class Shift:
    """An offset from the reference in some unit: ``yesterday``, ``next month``.

    The result has the unit's granularity (``last year`` → a year).

    Example:
        >>> Shift("D", -1).amount
        -1
    """

    unit: str
    amount: int
    part_of_day: str | None = None
    anaphoric: bool = False  # "the day before", "the following year": from the narrative
    comparison: bool = False  # "a year ago/earlier": in quarterly results, the same quarter


@attrs.frozen
class WeekdayOf:
    """A weekday near the reference: ``on Tuesday``, ``next Friday``.

    Example:
        >>> WeekdayOf(2, -1).weekday
        2
    """

    weekday: int  # ISO: Monday = 1
    direction: int = 0
    part_of_day: str | None = None
    hour: int | None = None
    minute: int | None = None
    days_after: int = 0  # from the weekday found: "natt til fredag" is the night before (-1)
    week: int | None = None  # "Senin pekan depan": that weekday of the week this far away
    anaphoric: bool = False  # "the previous Friday": counted from the story's last day


@attrs.frozen
class ClockTime:
    """A time of day on the reference day: ``14:12``, ``3 pm``.

    Example:
        >>> ClockTime(14, 12).minute
        12
    """

    hour: int
    minute: int | None = None


@attrs.frozen
class Between:
    """An interval whose ends may be partial: ``19–21 februari``.

    Example:
        >>> Between(MissingYear(2, 19), MissingYear(2, 21)).end.day
        21
    """

    start: Partial
    end: Partial


@attrs.frozen
class StoryPeriod:
    """The quarter a results story reports on (the first it names), in ``year`` when
    given: ``the 1988 period``, ``the latest period``; ``fallback`` when the story
    names no quarter.

    Example:
        >>> from timeline.values import TimexValue
        >>> StoryPeriod(1988, Known(TimexValue.parse("1988"))).year
        1988
    """

    year: int | None
    fallback: Known | Shift


Partial = Known | MissingYear | Shift | WeekdayOf | ClockTime | Between | StoryPeriod
