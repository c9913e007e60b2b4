"""TIMEX3 values as small immutable types: dates, durations, intervals, references.

Every value parses from and formats to its TIMEX3 string exactly
(``TimexValue.parse(v.iso()) == v`` and ``TimexValue.parse(s).iso() == s``),
knows its granularity, and gives the bounds of the time it covers, which
ordering and overlap use. Invalid values (31 February, month 13, year 0)
raise `InvalidTimexError` at construction.

Example:
    >>> v = TimexValue.parse("2025-W07-WE")
    >>> v.granularity.name, v.earliest, v.latest
    ('WEEK', datetime.date(2025, 2, 15), datetime.date(2025, 2, 16))
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import Any, ClassVar, Self

import attrs
from dateutil.relativedelta import relativedelta

from timeline.errors import InvalidTimexError

__all__ = [
    "Bound",
    "CalendarDate",
    "Duration",
    "Granularity",
    "Interval",
    "Layout",
    "Mod",
    "Reference",
    "SortKey",
    "Span",
    "TimexType",
    "TimexValue",
    "parse_timex",
]


class Granularity(enum.IntEnum):
    """How precise a value is, from coarse to fine (all members are truthy).

    Example:
        >>> Granularity.YEAR < Granularity.DAY
        True
    """

    MILLENNIUM = 1
    CENTURY = 2
    DECADE = 3
    YEAR = 4
    HALF = 5
    QUARTER = 6
    SEASON = 7
    MONTH = 8
    WEEK = 9
    DAY = 10
    PART_OF_DAY = 11
    HOUR = 12
    MINUTE = 13
    SECOND = 14


class Mod(enum.StrEnum):
    """TIMEX3 modifiers.

    Example:
        >>> Mod("ON_OR_AFTER") is Mod.ON_OR_AFTER
        True
    """

    BEFORE = "BEFORE"
    AFTER = "AFTER"
    ON_OR_BEFORE = "ON_OR_BEFORE"
    ON_OR_AFTER = "ON_OR_AFTER"
    LESS_THAN = "LESS_THAN"
    MORE_THAN = "MORE_THAN"
    EQUAL_OR_LESS = "EQUAL_OR_LESS"
    EQUAL_OR_MORE = "EQUAL_OR_MORE"
    START = "START"
    MID = "MID"
    END = "END"
    APPROX = "APPROX"


class TimexType(enum.StrEnum):
    """The TIMEX3 type of an expression.

    Example:
        >>> TimexType("DURATION").name
        'DURATION'
    """

    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class Layout(enum.Enum):
    """Which parts a `CalendarDate` writes after its year (each may still be ``X``).

    Example:
        >>> CalendarDate.parse("2025-WXX-1").layout
        <Layout.WEEKDAY: 'YYYY-Www-D'>
    """

    YEAR = "YYYY"
    MONTH = "YYYY-MM"
    DAY = "YYYY-MM-DD"
    WEEK = "YYYY-Www"
    WEEKDAY = "YYYY-Www-D"
    WEEKEND = "YYYY-Www-WE"
    SEASON = "YYYY-SS"
    QUARTER = "YYYY-Qn"
    HALF = "YYYY-Hn"


Bound = dt.date | dt.datetime
SortKey = tuple[int, dt.datetime, dt.datetime, int, str]
Amount = int | float | None

_MIN = dt.datetime.min
_MAX = dt.datetime.max
_SECOND = dt.timedelta(seconds=1)
_MINUTE = dt.timedelta(minutes=1)
_HOUR = dt.timedelta(hours=1)
_DAY = dt.timedelta(days=1)
_WEEK = dt.timedelta(weeks=1)
_TICK = dt.timedelta(microseconds=1)
_YEARS = {n: relativedelta(years=n) for n in (1, 10, 100, 1000)}
_MONTHS = {n: relativedelta(months=n) for n in (1, 3, 6)}

_POD_HOURS = {"MO": (6, 12), "MI": (11, 13), "AF": (12, 18), "EV": (18, 22),
              "NI": (22, 24), "DT": (8, 18)}
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_SEASON_OF_MONTH = ("WI", "WI", "SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA", "WI")
_PREFIX_MAX = {Granularity.YEAR: 9999, Granularity.DECADE: 999, Granularity.CENTURY: 99,
               Granularity.MILLENNIUM: 9}
_PREFIX_YEARS = {Granularity.DECADE: 10, Granularity.CENTURY: 100, Granularity.MILLENNIUM: 1000}
_CENTURY_DIVISOR = {Granularity.YEAR: 100, Granularity.DECADE: 10, Granularity.CENTURY: 1}
_TIME_GRANULARITIES = (Granularity.PART_OF_DAY, Granularity.HOUR, Granularity.MINUTE,
                       Granularity.SECOND)
_LAYOUT_GRANULARITY = {
    Layout.MONTH: Granularity.MONTH, Layout.DAY: Granularity.DAY, Layout.WEEK: Granularity.WEEK,
    Layout.WEEKDAY: Granularity.DAY, Layout.WEEKEND: Granularity.WEEK,
    Layout.SEASON: Granularity.SEASON, Layout.QUARTER: Granularity.QUARTER,
    Layout.HALF: Granularity.HALF,
}
# How precise a year is, by how many of its leading digits are written (0 for XXXX).
_PRECISION_OF_DIGITS = (Granularity.YEAR, Granularity.MILLENNIUM, Granularity.CENTURY,
                        Granularity.DECADE, Granularity.YEAR)
_WEEK_LAYOUTS = (Layout.WEEK, Layout.WEEKDAY, Layout.WEEKEND)
_DAY_LAYOUTS = (Layout.DAY, Layout.WEEKDAY)

_YEAR_RE = re.compile(r"[0-9]{4}|XXXX|[0-9]{3}X|[0-9]{2}XX|[0-9]XXX|[0-9]{3}|[0-9]{2}")
_TWO_RE = re.compile(r"[0-9]{2}|XX")
_ONE_RE = re.compile(r"[0-9X]")
_DECIMAL_RE = re.compile(r"[0-9]+\.[0-9]+")
_DURATION_PART_RE = re.compile(r"([0-9]+\.[0-9]+|[0-9]+|X)(DE|CE|WE|[LYQMWDHS])")


def _bad(text: str, why: str) -> InvalidTimexError:
    return InvalidTimexError(f"invalid TIMEX3 value {text!r}: {why}")


def _num(token: str) -> int | None:
    """A fixed-width field already matched as digits or X's."""
    return None if token[0] == "X" else int(token)


def _field(value: int | None, width: int) -> str:
    return "X" * width if value is None else f"{value:0{width}d}"


def _plus(start: dt.datetime, step: relativedelta | dt.timedelta) -> dt.datetime:
    """``start + step``, clamped to `datetime.max` past the year 9999."""
    try:
        return start + step
    except (OverflowError, ValueError):
        return _MAX


def _monday(year: int, week: int) -> dt.datetime:
    d = dt.date.fromisocalendar(year, week, 1)
    return dt.datetime(d.year, d.month, d.day)


@attrs.frozen(slots=True)
class TimexValue:
    """Base of every TIMEX3 value; `parse` reads any of them.

    Example:
        >>> TimexValue.parse("2025-02-19/2025-02-21").granularity
        <Granularity.DAY: 10>
    """

    @classmethod
    def parse(cls, text: str) -> Self:
        """Read a TIMEX3 value string, strictly (no surrounding space, canonical digits).

        On a subclass, the value must also be of that subclass.

        Raises:
            InvalidTimexError: the string is not a valid value (the message says why).

        Example:
            >>> TimexValue.parse("P1Y6M")
            Duration(parts=(('Y', 1), ('M', 6)))
        """
        value = _parse_any(text)
        if not isinstance(value, cls):
            raise _bad(text, f"a {type(value).__name__}, not a {cls.__name__}")
        return value

    def iso(self) -> str:
        """The TIMEX3 string."""
        raise NotImplementedError

    def __str__(self) -> str:
        return self.iso()

    @property
    def granularity(self) -> Granularity | None:
        """How precise the value is (None for durations and references)."""
        return None

    def bounds(self) -> tuple[dt.datetime | None, dt.datetime | None]:
        """The half-open span ``[start, end)`` of time covered; None where open or unknown.

        An end past the year 9999 is clamped to `datetime.datetime.max`.

        Example:
            >>> TimexValue.parse("2025-02").bounds()
            (datetime.datetime(2025, 2, 1, 0, 0), datetime.datetime(2025, 3, 1, 0, 0))
        """
        return None, None

    @property
    def earliest(self) -> Bound | None:
        """The first day (or moment, for times) covered, inclusive; None when unknown."""
        return None

    @property
    def latest(self) -> Bound | None:
        """The last day (or second, for times) covered, inclusive; None when unknown."""
        return None

    def sort_key(self) -> SortKey:
        """A key giving a total order over every kind of value.

        Values with a known start come first, by (start, end, granularity); the
        rest (durations, references, unknown dates) follow, by their string.

        Example:
            >>> sorted(["P1Y", "2025", "2024-12"], key=lambda s: TimexValue.parse(s).sort_key())
            ['2024-12', '2025', 'P1Y']
        """
        start, end = self.bounds()
        if start is None:
            return (1, _MIN, _MAX, -1, self.iso())
        g = self.granularity
        return (0, start, _MAX if end is None else end, -1 if g is None else int(g), self.iso())

    def overlaps(self, other: TimexValue) -> bool:
        """Whether the two values' half-open bounds intersect (False if either is open).

        Example:
            >>> TimexValue.parse("2025").overlaps(TimexValue.parse("2024-12-31/2025-01-01"))
            True
        """
        a0, a1 = self.bounds()
        b0, b1 = other.bounds()
        if a0 is None or a1 is None or b0 is None or b1 is None:
            return False
        return a0 < b1 and b0 < a1


@attrs.frozen(slots=True, kw_only=True)
class CalendarDate(TimexValue):
    """A date or time, any numeric part of which may be unknown (``X``).

    The fields keep the exact written form: `layout` says which parts follow
    the year, `year_prefix` holds the written digits of the year (2025, or 199
    for ``199X``) and `year_precision` how many there are (YEAR, DECADE,
    CENTURY, MILLENNIUM), `year_short` marks ``199``/``19`` written without
    X's, and `time` says which clock parts follow ``T``. Unknown parts are None.
    Build values with `of`, `from_date` or `parse` rather than by hand.

    Example:
        >>> d = CalendarDate.of(2025, 2, 21).with_part_of_day("MO")
        >>> d.iso(), d.granularity.name, d.latest
        ('2025-02-21TMO', 'PART_OF_DAY', datetime.datetime(2025, 2, 21, 11, 59, 59))
    """

    layout: Layout = Layout.YEAR
    year_prefix: int | None = None
    year_precision: Granularity = Granularity.YEAR
    year_short: bool = False
    month: int | None = None
    day: int | None = None
    week: int | None = None
    weekday: int | None = None
    season: str | None = None
    quarter: int | None = None
    half: int | None = None
    time: Granularity | None = None
    part_of_day: str | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None

    def __attrs_post_init__(self) -> None:
        why = self._problem()
        if why is not None:
            raise _bad(self._safe_iso(), why)

    # construction ------------------------------------------------------------
    @classmethod
    def of(cls, year: int | None = None, month: int | None = None, day: int | None = None, *,
           week: int | None = None, weekday: int | None = None, weekend: bool = False,
           season: str | None = None, quarter: int | None = None, half: int | None = None,
           decade: int | None = None, century: int | None = None,
           part_of_day: str | None = None, hour: int | None = None, minute: int | None = None,
           second: int | None = None, layout: Layout | None = None) -> CalendarDate:
        """Build from numbers, None meaning unknown; the layout follows from what is given.

        A day without a month gives ``XX`` for the month (likewise a weekday
        without a week), a time without a day gives ``XX`` for it; pass
        `layout` to write a part that is wholly unknown (``2025-XX``).
        `decade` (199 for the 1990s) and `century` (19) stand for an unknown year.

        Example:
            >>> CalendarDate.of(month=2, day=20).iso()
            'XXXX-02-20'
            >>> CalendarDate.of(2025, layout=Layout.QUARTER).iso()
            '2025-QX'
        """
        prefix, precision = year, Granularity.YEAR
        if decade is not None or century is not None:
            if year is not None or (decade is not None and century is not None):
                raise InvalidTimexError("give only one of year, decade and century")
            prefix, precision = ((decade, Granularity.DECADE) if decade is not None
                                 else (century, Granularity.CENTURY))
        if layout is None:
            layout = (Layout.DAY if day is not None else
                      Layout.WEEKDAY if weekday is not None else
                      Layout.WEEKEND if weekend else
                      Layout.WEEK if week is not None else
                      Layout.MONTH if month is not None else
                      Layout.SEASON if season is not None else
                      Layout.QUARTER if quarter is not None else
                      Layout.HALF if half is not None else Layout.YEAR)
        time = (Granularity.PART_OF_DAY if part_of_day is not None else
                Granularity.SECOND if second is not None else
                Granularity.MINUTE if minute is not None else
                Granularity.HOUR if hour is not None else None)
        if time is not None:
            layout = _day_layout(layout)
        return cls(layout=layout, year_prefix=prefix, year_precision=precision, month=month,
                   day=day, week=week, weekday=weekday, season=season, quarter=quarter,
                   half=half, time=time, part_of_day=part_of_day, hour=hour, minute=minute,
                   second=second, year_short=precision is not Granularity.YEAR
                   and layout is Layout.YEAR)

    @classmethod
    def from_date(cls, day: dt.date, granularity: Granularity = Granularity.DAY) -> CalendarDate:
        """The value of the given granularity that contains ``day``.

        HOUR, MINUTE and SECOND need a `datetime.datetime`; a season holds
        January and February in the winter of the year before.

        Example:
            >>> d = dt.date(2025, 2, 21)
            >>> [CalendarDate.from_date(d, g).iso() for g in (Granularity.WEEK, Granularity.DECADE)]
            ['2025-W08', '202']
        """
        g, y = granularity, day.year
        if g == Granularity.DAY:
            return cls(layout=Layout.DAY, year_prefix=y, month=day.month, day=day.day)
        if g == Granularity.MONTH:
            return cls(layout=Layout.MONTH, year_prefix=y, month=day.month)
        if g == Granularity.YEAR:
            return cls(year_prefix=y)
        if g == Granularity.WEEK:
            iso_year, week, _ = day.isocalendar()
            return cls(layout=Layout.WEEK, year_prefix=iso_year, week=week)
        if g == Granularity.QUARTER:
            return cls(layout=Layout.QUARTER, year_prefix=y, quarter=(day.month + 2) // 3)
        if g == Granularity.HALF:
            return cls(layout=Layout.HALF, year_prefix=y, half=(day.month + 5) // 6)
        if g == Granularity.SEASON:
            return cls(layout=Layout.SEASON, year_prefix=y - 1 if day.month < 3 else y,
                       season=_SEASON_OF_MONTH[day.month - 1])
        if g in _PREFIX_YEARS:  # TIMEX3 writes a decade 199, a century 19
            return cls(year_prefix=y // _PREFIX_YEARS[g], year_precision=g,
                       year_short=g in (Granularity.DECADE, Granularity.CENTURY))
        if g == Granularity.PART_OF_DAY or not isinstance(day, dt.datetime):
            raise InvalidTimexError(f"cannot take the {g.name} of {day!r}")
        return cls.from_date(day).with_time(
            day.hour, day.minute if g >= Granularity.MINUTE else None,
            day.second if g == Granularity.SECOND else None)

    def with_part_of_day(self, pod: str) -> CalendarDate:
        """The same day at a part of day: MO, MI, AF, EV, NI or DT.

        A value without a day gets ``XX`` for it.

        Example:
            >>> CalendarDate.of(2025, 2).with_part_of_day("NI").iso()
            '2025-02-XXTNI'
        """
        return attrs.evolve(self, layout=_day_layout(self.layout), year_short=False,
                            time=Granularity.PART_OF_DAY, part_of_day=pod, hour=None,
                            minute=None, second=None)

    def with_time(self, hour: int, minute: int | None = None,
                  second: int | None = None) -> CalendarDate:
        """The same day at a clock time; a value without a day gets ``XX`` for it.

        Example:
            >>> CalendarDate.of(2025, 4, 14).with_time(14, 12).iso()
            '2025-04-14T14:12'
        """
        time = (Granularity.SECOND if second is not None else
                Granularity.MINUTE if minute is not None else Granularity.HOUR)
        return attrs.evolve(self, layout=_day_layout(self.layout), year_short=False, time=time,
                            part_of_day=None, hour=hour, minute=minute, second=second)

    # validation --------------------------------------------------------------
    def _problem(self) -> str | None:
        p, precision, layout = self.year_prefix, self.year_precision, self.layout
        if p is None:
            if precision is not Granularity.YEAR or self.year_short:
                return "a wholly unknown year is written XXXX"
        elif not 1 <= p <= _PREFIX_MAX.get(precision, 0):
            return (f"year {p} is out of range 1-9999" if precision is Granularity.YEAR
                    else f"{precision.name.lower()} {p} is out of range")
        if self.year_short and (precision not in (Granularity.DECADE, Granularity.CENTURY)
                                or layout is not Layout.YEAR):
            return "only a lone decade or century may be written without X's"
        month, day, week, weekday = self.month, self.day, self.week, self.weekday
        if month is not None and layout is not Layout.MONTH and layout is not Layout.DAY:
            return f"a {layout.name} value has no month"
        if day is not None and layout is not Layout.DAY:
            return f"a {layout.name} value has no day of the month"
        if week is not None and layout not in _WEEK_LAYOUTS:
            return f"a {layout.name} value has no week"
        if weekday is not None and layout is not Layout.WEEKDAY:
            return f"a {layout.name} value has no weekday"
        if (self.season is not None) != (layout is Layout.SEASON):
            return "a season needs the SEASON layout, and that layout a season"
        if self.quarter is not None and layout is not Layout.QUARTER:
            return f"a {layout.name} value has no quarter"
        if self.half is not None and layout is not Layout.HALF:
            return f"a {layout.name} value has no half"
        if month is not None and not 1 <= month <= 12:
            return f"month {month} does not exist"
        if day is not None:
            year = self.year or 2000  # unknown year: allow 29 February, as a leap year does
            try:
                dt.date(year, month or 1, day)
            except ValueError:
                return f"day {day} does not exist in month {month} of year {self.year or 'XXXX'}"
        if week is not None and not 1 <= week <= 53:
            return f"week {week} does not exist"
        if weekday is not None and not 1 <= weekday <= 7:
            return f"weekday {weekday} does not exist"
        if week is not None and self.year is not None:
            last = 7 if layout is Layout.WEEKEND else weekday or 1
            try:
                dt.date.fromisocalendar(self.year, week, last)
            except ValueError:
                return f"ISO week {week} of {self.year} does not exist (or ends after 9999)"
        if self.season is not None and self.season not in _SEASON_MONTH:
            return f"season {self.season!r} does not exist"
        if self.quarter is not None and not 1 <= self.quarter <= 4:
            return f"quarter {self.quarter} does not exist"
        if self.half is not None and not 1 <= self.half <= 2:
            return f"half {self.half} does not exist"
        return self._time_problem()

    def _time_problem(self) -> str | None:
        t, hour, minute, second = self.time, self.hour, self.minute, self.second
        if t is None:
            if self.part_of_day is not None or hour is not None or minute is not None \
                    or second is not None:
                return "a time of day needs `time` set"
            return None
        if t not in _TIME_GRANULARITIES:
            return f"time must be one of PART_OF_DAY, HOUR, MINUTE, SECOND, not {t!r}"
        if self.layout not in _DAY_LAYOUTS:
            return f"a time of day needs a day, and a {self.layout.name} value has none"
        if t is Granularity.PART_OF_DAY:
            if self.part_of_day not in _POD_HOURS or hour is not None or minute is not None \
                    or second is not None:
                return f"part of day {self.part_of_day!r} is not one of MO MI AF EV NI DT"
            return None
        if self.part_of_day is not None:
            return "both a part of day and a clock time"
        if (minute is not None and t < Granularity.MINUTE) or \
                (second is not None and t < Granularity.SECOND):
            return f"a clock time of {t.name} precision has no finer parts"
        if hour is not None and not (0 <= hour <= 23 or (hour == 24 and not minute and not second)):
            return f"hour {hour} does not exist"  # T24:00 is the end of the day (midnight)
        if minute is not None and not 0 <= minute <= 59:
            return f"minute {minute} does not exist"
        if second is not None and not 0 <= second <= 59:
            return f"second {second} does not exist"
        return None

    def _safe_iso(self) -> str:
        try:
            return self.iso()
        except (TypeError, ValueError, KeyError, AttributeError):
            return repr(self)

    # reading -----------------------------------------------------------------
    def iso(self) -> str:
        """The TIMEX3 string.

        Example:
            >>> CalendarDate(year_prefix=199, year_precision=Granularity.DECADE).iso()
            '199X'
        """
        p, precision = self.year_prefix, self.year_precision
        if p is None:
            out = "XXXX"
        elif precision is Granularity.YEAR:
            out = f"{p:04d}"
        elif precision is Granularity.DECADE:
            out = f"{p:03d}" if self.year_short else f"{p:03d}X"
        elif precision is Granularity.CENTURY:
            out = f"{p:02d}" if self.year_short else f"{p:02d}XX"
        else:
            out = f"{p}XXX"
        layout = self.layout
        if layout is Layout.MONTH:
            out += "-" + _field(self.month, 2)
        elif layout is Layout.DAY:
            out += f"-{_field(self.month, 2)}-{_field(self.day, 2)}"
        elif layout is Layout.WEEK:
            out += "-W" + _field(self.week, 2)
        elif layout is Layout.WEEKDAY:
            out += f"-W{_field(self.week, 2)}-{_field(self.weekday, 1)}"
        elif layout is Layout.WEEKEND:
            out += f"-W{_field(self.week, 2)}-WE"
        elif layout is Layout.SEASON:
            out += f"-{self.season}"
        elif layout is Layout.QUARTER:
            out += "-Q" + _field(self.quarter, 1)
        elif layout is Layout.HALF:
            out += "-H" + _field(self.half, 1)
        t = self.time
        if t is Granularity.PART_OF_DAY:
            out += f"T{self.part_of_day}"
        elif t is not None:
            out += "T" + _field(self.hour, 2)
            if t >= Granularity.MINUTE:
                out += ":" + _field(self.minute, 2)
            if t == Granularity.SECOND:
                out += ":" + _field(self.second, 2)
        return out

    @property
    def year(self) -> int | None:
        """The year, when all four digits are known.

        Example:
            >>> CalendarDate.parse("2025-02").year, CalendarDate.parse("199X").year
            (2025, None)
        """
        return self.year_prefix if self.year_precision is Granularity.YEAR else None

    @property
    def decade(self) -> int | None:
        """The decade as its first three digits (199 for the 1990s), when known.

        Example:
            >>> CalendarDate.parse("1995").decade, CalendarDate.parse("199").decade
            (199, 199)
        """
        p = self.year_prefix
        if p is None or self.year_precision < Granularity.DECADE:
            return None
        return p // 10 if self.year_precision is Granularity.YEAR else p

    @property
    def century(self) -> int | None:
        """The century as its first two digits (19 for 1900-1999), when known.

        Example:
            >>> CalendarDate.parse("195X").century
            19
        """
        p = self.year_prefix
        if p is None or self.year_precision < Granularity.CENTURY:
            return None
        return p // _CENTURY_DIVISOR[self.year_precision]

    def date(self) -> dt.date | None:
        """The calendar day, when it is fully known (by month and day, or ISO week and weekday).

        Example:
            >>> CalendarDate.parse("2025-02-21TMO").date(), CalendarDate.parse("2025-W08-5").date()
            (datetime.date(2025, 2, 21), datetime.date(2025, 2, 21))
        """
        y = self.year
        if y is None:
            return None
        if self.month is not None and self.day is not None:
            return dt.date(y, self.month, self.day)
        if self.week is not None and self.weekday is not None:
            return dt.date.fromisocalendar(y, self.week, self.weekday)
        return None

    @property
    def granularity(self) -> Granularity:
        """How precise the value is as written (``199X-XX-XX`` is DAY).

        Example:
            >>> [CalendarDate.parse(s).granularity.name for s in ("199", "19XX", "2025-SP")]
            ['DECADE', 'CENTURY', 'SEASON']
        """
        if self.time is not None:
            return self.time
        if self.layout is Layout.YEAR:
            return self.year_precision
        return _LAYOUT_GRANULARITY[self.layout]

    def _span(self) -> tuple[dt.datetime, dt.datetime, bool] | None:
        """Start, end and whether a clock time narrows them, from the known leading parts."""
        p = self.year_prefix
        if p is None:
            return None
        size = _PREFIX_YEARS.get(self.year_precision)
        if size is not None:
            start = dt.datetime(p * size, 1, 1)
            return start, _plus(start, _YEARS[size]), False
        start = dt.datetime(p, 1, 1)
        layout = self.layout
        step: relativedelta | dt.timedelta = _YEARS[1]
        one_day = False
        if layout is Layout.MONTH or layout is Layout.DAY:
            if self.month is not None:
                start, step = start.replace(month=self.month), _MONTHS[1]
                if self.day is not None:
                    start, step, one_day = start.replace(day=self.day), _DAY, True
        elif layout in _WEEK_LAYOUTS:
            if self.week is None:
                start = _monday(p, 1)
                return start, (_monday(p + 1, 1) if p < 9999 else _MAX), False
            start, step = _monday(p, self.week), _WEEK
            if layout is Layout.WEEKEND:
                start, step = start + dt.timedelta(days=5), dt.timedelta(days=2)
            elif layout is Layout.WEEKDAY and self.weekday is not None:
                start += dt.timedelta(days=self.weekday - 1)
                step, one_day = _DAY, True
        elif layout is Layout.SEASON and self.season is not None:
            start, step = start.replace(month=_SEASON_MONTH[self.season]), _MONTHS[3]
        elif layout is Layout.QUARTER and self.quarter is not None:
            start, step = start.replace(month=self.quarter * 3 - 2), _MONTHS[3]
        elif layout is Layout.HALF and self.half is not None:
            start, step = start.replace(month=self.half * 6 - 5), _MONTHS[6]
        if one_day and self.part_of_day is not None:
            a, b = _POD_HOURS[self.part_of_day]
            return start + dt.timedelta(hours=a), _plus(start, dt.timedelta(hours=b)), True
        if not one_day or self.hour is None:
            return start, _plus(start, step), False
        start, step = start + dt.timedelta(hours=self.hour), _HOUR  # T24 is the next 00:00
        if self.minute is not None:
            start, step = start.replace(minute=self.minute), _MINUTE
            if self.second is not None:
                start, step = start.replace(second=self.second), _SECOND
        return start, _plus(start, step), True

    def bounds(self) -> tuple[dt.datetime | None, dt.datetime | None]:
        """The half-open span ``[start, end)``, from the known leading parts.

        ``2025-XX-20`` covers 2025; ``XXXX-02-20`` covers nothing known.

        Example:
            >>> [b.date().isoformat() for b in CalendarDate.parse("2025-WI").bounds()]
            ['2025-12-01', '2026-03-01']
        """
        span = self._span()
        return (None, None) if span is None else (span[0], span[1])

    @property
    def earliest(self) -> Bound | None:
        """The first day (or moment, for times) covered, inclusive.

        Example:
            >>> CalendarDate.parse("2025-W07").earliest
            datetime.date(2025, 2, 10)
        """
        span = self._span()
        if span is None:
            return None
        return span[0] if span[2] else span[0].date()

    @property
    def latest(self) -> Bound | None:
        """The last day (or second, for times) covered, inclusive.

        Example:
            >>> CalendarDate.parse("2024-02").latest, CalendarDate.parse("2025-04-14T14").latest
            (datetime.date(2024, 2, 29), datetime.datetime(2025, 4, 14, 14, 59, 59))
        """
        span = self._span()
        if span is None:
            return None
        last = span[1] - _TICK
        return last.replace(microsecond=0) if span[2] else last.date()


def _day_layout(layout: Layout) -> Layout:
    """The layout that adds a (possibly unknown) day to ``layout``, for a time of day."""
    if layout in _DAY_LAYOUTS:
        return layout
    if layout is Layout.YEAR or layout is Layout.MONTH:
        return Layout.DAY
    if layout is Layout.WEEK:
        return Layout.WEEKDAY
    raise InvalidTimexError(f"a time of day needs a day, and a {layout.name} value has none")


def _parse_date(text: str) -> CalendarDate:
    date, has_time, clock = text.partition("T")
    year, *rest = date.split("-")
    if len(year) > 4 and year.isascii() and year.isdigit():
        raise _bad(text, f"year {year} is out of range 1-9999")
    if _YEAR_RE.fullmatch(year) is None or len(rest) > 2:
        raise _bad(text, "not a date: expected YYYY, YYY, YY, a decade or century, then parts")
    known = year.rstrip("X")
    fields: dict[str, Any] = {"year_prefix": int(known) if known else None,
                              "year_precision": _PRECISION_OF_DIGITS[len(known)],
                              "year_short": len(year) < 4}
    layout = Layout.YEAR if not rest else _parse_date_parts(text, rest, fields)
    if has_time:
        if clock in _POD_HOURS:
            fields["time"], fields["part_of_day"] = Granularity.PART_OF_DAY, clock
        else:
            pieces = clock.split(":")
            if len(pieces) > 3 or not all(_TWO_RE.fullmatch(x) for x in pieces):
                raise _bad(text, "the time must be a part of day, hh, hh:mm or hh:mm:ss")
            fields["time"] = (Granularity.HOUR, Granularity.MINUTE,
                              Granularity.SECOND)[len(pieces) - 1]
            for name, piece in zip(("hour", "minute", "second"), pieces, strict=False):
                fields[name] = _num(piece)
    return CalendarDate(layout=layout, **fields)


def _parse_date_parts(text: str, rest: list[str], fields: dict[str, Any]) -> Layout:
    """Read the one or two ``-`` parts after the year into ``fields``; give the layout."""
    first = rest[0]
    layout = Layout.YEAR
    if _TWO_RE.fullmatch(first):
        layout, fields["month"] = Layout.MONTH, _num(first)
        if len(rest) == 2:
            if _TWO_RE.fullmatch(rest[1]) is None:
                raise _bad(text, "the day must be two digits or XX")
            layout, fields["day"] = Layout.DAY, _num(rest[1])
    elif first[:1] == "W" and _TWO_RE.fullmatch(first, 1):
        layout, fields["week"] = Layout.WEEK, _num(first[1:])
        if len(rest) == 2:
            if rest[1] == "WE":
                layout = Layout.WEEKEND
            elif _ONE_RE.fullmatch(rest[1]):
                layout, fields["weekday"] = Layout.WEEKDAY, _num(rest[1])
            else:
                raise _bad(text, "after a week comes a weekday digit, X or WE")
    elif len(rest) == 2:
        raise _bad(text, "only a month or a week may have a further part")
    elif first in _SEASON_MONTH:
        layout, fields["season"] = Layout.SEASON, first
    elif first[:1] == "Q" and _ONE_RE.fullmatch(first, 1):
        layout, fields["quarter"] = Layout.QUARTER, _num(first[1:])
    elif first[:1] == "H" and _ONE_RE.fullmatch(first, 1):
        layout, fields["half"] = Layout.HALF, _num(first[1:])
    else:
        raise _bad(text, f"{first!r} is not a month, week, season, quarter or half")
    return layout


_DATE_UNITS = ("L", "CE", "DE", "Y", "Q", "M", "W", "WE", "D")
_TIME_UNITS = ("H", "MIN", "S")
_UNIT_RANK = {u: i for i, u in enumerate(_DATE_UNITS + _TIME_UNITS)}
_DAY_US = 86_400_000_000
# Each unit's length in months, or else in microseconds; WE has no fixed length.
_UNIT_MONTHS = {"L": 12000, "CE": 1200, "DE": 120, "Y": 12, "Q": 3, "M": 1}
_UNIT_MICROSECONDS = {"W": 7 * _DAY_US, "D": _DAY_US, "H": 3_600_000_000,
                      "MIN": 60_000_000, "S": 1_000_000}
_MAX_AMOUNT = 10**18


def _amount_text(amount: Amount) -> str | None:
    """How an amount is written, or None when it cannot be (negative, 1e+16, nan, bool)."""
    if amount is None:
        return "X"
    if isinstance(amount, bool):
        return None
    if isinstance(amount, int):
        return str(amount) if 0 <= amount < _MAX_AMOUNT else None
    if isinstance(amount, float):
        text = repr(amount)
        return text if _DECIMAL_RE.fullmatch(text) else None
    return None


@attrs.frozen(slots=True)
class Duration(TimexValue):
    """A length of time: ``P2Y``, ``P1Y6M``, ``PT1H30M``, ``P1.5Y``, ``PXY`` (unknown amount).

    `parts` are ``(unit, amount)`` pairs in the order L, CE, DE, Y, Q, M, W,
    WE, D (date units) then H, MIN, S (time units, written after ``T``), each
    unit at most once; an amount is a non-negative int or float, or None for X.

    Example:
        >>> Duration.parse("P1DT2H").parts, Duration.of("MIN", 30).iso()
        ((('D', 1), ('H', 2)), 'PT30M')
    """

    # Compared as written, so that P2Y and P2.0Y, which differ, are not equal.
    parts: tuple[tuple[str, Amount], ...] = attrs.field(eq=lambda parts: tuple(
        (unit, _amount_text(amount)) for unit, amount in parts))

    def __attrs_post_init__(self) -> None:
        why = self._problem()
        if why is not None:
            raise _bad(self.iso(), why)

    def _problem(self) -> str | None:
        if not self.parts:
            return "a duration needs at least one amount and unit"
        last = -1
        for unit, amount in self.parts:
            rank = _UNIT_RANK.get(unit, -1)
            if rank < 0:
                return f"unknown unit {unit!r}"
            if rank <= last:
                return f"units must each come once, in the order {' '.join(_UNIT_RANK)}"
            last = rank
            if _amount_text(amount) is None:
                return (f"amount {amount!r} is not a non-negative int below 10**18, "
                        "a plainly written float, or None")
        return None

    @classmethod
    def of(cls, unit: str, amount: Amount) -> Duration:
        """One amount (None for unknown) of one unit: Y M W D H MIN S DE CE L Q (or WE).

        Example:
            >>> Duration.of("Y", None).iso(), Duration.of("DE", 2).iso()
            ('PXY', 'P2DE')
        """
        return cls(((unit, amount),))

    def iso(self) -> str:
        """The TIMEX3 string.

        Example:
            >>> Duration((("Y", 1.5),)).iso()
            'P1.5Y'
        """
        date = "".join(f"{_amount_text(a)}{u}" for u, a in self.parts if u not in _TIME_UNITS)
        time = "".join(f"{_amount_text(a)}{'M' if u == 'MIN' else u}"
                       for u, a in self.parts if u in _TIME_UNITS)
        return f"P{date}T{time}" if time else f"P{date}"

    def to_relativedelta(self) -> relativedelta | None:
        """The length as a `relativedelta`; None when an amount is unknown, a unit is WE,
        or a fraction of a year or month is not a whole number of months.

        Example:
            >>> Duration.parse("P1.5Y").to_relativedelta(), Duration.parse("PXD").to_relativedelta()
            (relativedelta(years=+1, months=+6), None)
        """
        months: float = 0
        microseconds: float = 0
        for unit, amount in self.parts:
            if amount is None or unit == "WE":
                return None
            if unit in _UNIT_MONTHS:
                months += amount * _UNIT_MONTHS[unit]
            else:
                microseconds += amount * _UNIT_MICROSECONDS[unit]
        if months != int(months):
            return None
        return relativedelta(months=int(months), microseconds=round(microseconds))


def _parse_duration(text: str) -> Duration:
    date, has_time, time = text[1:].partition("T")
    if has_time and not time:
        raise _bad(text, "a T with no time units after it")
    parts: list[tuple[str, Amount]] = []
    for segment, units in ((date, _DATE_UNITS), (time, ("H", "M", "S"))):
        pos = 0
        while pos < len(segment):
            m = _DURATION_PART_RE.match(segment, pos)
            if m is None or m.group(2) not in units:
                raise _bad(text, f"expected an amount and a unit at {segment[pos:]!r}")
            written, unit = m.groups()
            if len(written) > 18:
                raise _bad(text, f"the amount {written!r} is too long")
            amount: Amount = (None if written == "X"
                              else float(written) if "." in written else int(written))
            if _amount_text(amount) != written:
                raise _bad(text, f"the amount {written!r} is not written canonically")
            parts.append(("MIN" if units is not _DATE_UNITS and unit == "M" else unit, amount))
            pos = m.end()
    return Duration(tuple(parts))


@attrs.frozen(slots=True)
class Reference(TimexValue):
    """``PRESENT_REF``, ``PAST_REF`` or ``FUTURE_REF``: now, the past, the future.

    Example:
        >>> Reference("PAST_REF").iso(), Reference("PAST_REF").bounds()
        ('PAST_REF', (None, None))
    """

    KINDS: ClassVar[tuple[str, ...]] = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
    kind: str = attrs.field()

    @kind.validator
    def _check(self, _: Any, value: str) -> None:
        if value not in self.KINDS:
            raise _bad(str(value), "not PRESENT_REF, PAST_REF or FUTURE_REF")

    def iso(self) -> str:
        """The TIMEX3 string."""
        return self.kind


@attrs.frozen(slots=True)
class Interval(TimexValue):
    """From one date to another, both included: ``2025-02-19/2025-02-21``, ``1950/2025``.

    Where both ends have bounds, the end may neither start nor finish before
    the start does, so the interval's bounds contain both ends.

    Example:
        >>> v = Interval(CalendarDate.of(1950), CalendarDate.of(2025))
        >>> v.iso(), v.earliest, v.latest
        ('1950/2025', datetime.date(1950, 1, 1), datetime.date(2025, 12, 31))
    """

    start: CalendarDate
    end: CalendarDate

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.start, CalendarDate) or not isinstance(self.end, CalendarDate):
            raise InvalidTimexError(
                f"invalid TIMEX3 interval: both ends must be CalendarDates, not {self!r}")
        a0, a1 = self.start.bounds()
        b0, b1 = self.end.bounds()
        if a0 is None or a1 is None or b0 is None or b1 is None:
            return
        if b1 <= a0:
            raise _bad(self.iso(), "the interval ends before it starts")
        if b0 < a0 or b1 < a1:
            raise _bad(self.iso(), "the end starts or finishes before the start does")

    def iso(self) -> str:
        """The TIMEX3 string."""
        return f"{self.start.iso()}/{self.end.iso()}"

    @property
    def granularity(self) -> Granularity:
        """The coarser granularity of the two ends.

        Example:
            >>> TimexValue.parse("2025/2026-03").granularity.name
            'YEAR'
        """
        return min(self.start.granularity, self.end.granularity)

    def bounds(self) -> tuple[dt.datetime | None, dt.datetime | None]:
        """From the start's first moment to the end's end (half-open)."""
        return self.start.bounds()[0], self.end.bounds()[1]

    @property
    def earliest(self) -> Bound | None:
        """The start's earliest day or moment."""
        return self.start.earliest

    @property
    def latest(self) -> Bound | None:
        """The end's latest day or moment."""
        return self.end.latest


def _parse_any(text: str) -> TimexValue:
    if not isinstance(text, str):
        raise InvalidTimexError(f"a TIMEX3 value must be a str, not {type(text).__name__}")
    if text in Reference.KINDS:
        return Reference(text)
    if text[:1] == "P":
        return _parse_duration(text)
    if "/" in text:
        a, _, b = text.partition("/")
        try:
            start, end = _parse_date(a), _parse_date(b)
        except InvalidTimexError as exc:
            raise _bad(text, f"an end is not a date: {exc}") from None
        return Interval(start, end)
    return _parse_date(text)


parse_timex = TimexValue.parse


@attrs.frozen(slots=True)
class Span:
    """Character offsets ``[start, end)`` in a text.

    Example:
        >>> s = Span(3, 8)
        >>> len(s), s.overlaps(Span(7, 9)), s.contains(Span(4, 8)), s.overlaps(Span(8, 9))
        (5, True, True, False)
    """

    start: int
    end: int

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"a span needs 0 <= start <= end, not {self.start}-{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share at least one character."""
        return max(self.start, other.start) < min(self.end, other.end)

    def contains(self, other: Span) -> bool:
        """Whether ``other`` lies wholly inside this span."""
        return self.start <= other.start and other.end <= self.end
