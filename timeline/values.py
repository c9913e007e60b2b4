"""TIMEX3 values as small immutable types: dates, durations, intervals, references.

Every value parses from and formats to its TIMEX3 string exactly
(``TimexValue.parse(v.iso()) == v``), knows its granularity, and gives the
bounds of the time it covers, which ordering and overlap use. Invalid values
(31 February, month 13, year 0) raise `InvalidTimexError` at construction.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import Any, ClassVar

import attrs
from dateutil.relativedelta import relativedelta

from timeline.errors import InvalidTimexError


class Granularity(enum.IntEnum):
    """How precise a value is, from coarse to fine.

    Example:
        >>> Granularity.YEAR < Granularity.DAY
        True
    """

    MILLENNIUM = 0
    CENTURY = 1
    DECADE = 2
    YEAR = 3
    HALF = 4
    QUARTER = 5
    SEASON = 6
    MONTH = 7
    WEEK = 8
    DAY = 9
    PART_OF_DAY = 10
    HOUR = 11
    MINUTE = 12
    SECOND = 13


class Mod(enum.StrEnum):
    """TIMEX3 modifiers.

    Example:
        >>> Mod("BEFORE").value
        'BEFORE'
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
        >>> TimexType.DATE.value
        'DATE'
    """

    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


Bound = dt.date | dt.datetime

_POD_HOURS = {"MO": (6, 12), "MI": (11, 13), "AF": (12, 18), "EV": (18, 22),
              "NI": (22, 24), "DT": (8, 18)}
_SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@attrs.frozen(slots=True)
class TimexValue:
    """Base of every TIMEX3 value; `parse` reads any of them.

    Example:
        >>> TimexValue.parse("2025-02-19/2025-02-21").granularity
        <Granularity.DAY: 9>
    """

    @classmethod
    def parse(cls, text: str) -> TimexValue:
        """Read a TIMEX3 value string.

        Raises:
            InvalidTimexError: the string is not a valid value.

        Example:
            >>> TimexValue.parse("P2Y").iso()
            'P2Y'
        """
        if not isinstance(text, str):
            raise InvalidTimexError(f"TIMEX3 value must be a str, not {type(text).__name__}")
        if text in Reference.KINDS:
            return Reference(text)
        if text.startswith("P"):
            return Duration.parse(text)
        if "/" in text:
            a, _, b = text.partition("/")
            return Interval(CalendarDate.parse(a), CalendarDate.parse(b))
        return CalendarDate.parse(text)

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
        """The half-open span ``[start, end)`` of time covered; None where open."""
        return None, None

    @property
    def earliest(self) -> Bound | None:
        """The first moment covered (inclusive), or None."""
        return None

    @property
    def latest(self) -> Bound | None:
        """The last moment covered (inclusive), or None."""
        return None

    def sort_key(self) -> tuple[Any, ...]:
        """A key that orders every kind of value: dated ones by their bounds, then the rest.

        Example:
            >>> sorted(["2025", "P1Y", "2024-12"], key=lambda s: TimexValue.parse(s).sort_key())
            ['2024-12', '2025', 'P1Y']
        """
        start, end = self.bounds()
        if start is None or end is None:
            return (1, dt.datetime.min, dt.datetime.min, 0, self.iso())
        return (0, start, end, int(self.granularity or 0), self.iso())

    def overlaps(self, other: TimexValue) -> bool:
        """Whether the two values' bounded spans intersect.

        Example:
            >>> TimexValue.parse("2025").overlaps(TimexValue.parse("2025-02-19/2025-02-21"))
            True
        """
        a0, a1 = self.bounds()
        b0, b1 = other.bounds()
        if a0 is None or a1 is None or b0 is None or b1 is None:
            return False
        return a0 < b1 and b0 < a1


_DATE_RE = re.compile(
    r"(?P<y>[0-9X]{4})"
    r"(?:-(?:(?P<mo>[0-9X]{2})(?:-(?P<d>[0-9X]{2}))?"
    r"|W(?P<w>[0-9X]{2})(?:-(?P<wd>[1-7]|WE))?"
    r"|(?P<s>SP|SU|FA|WI)|Q(?P<q>[1-4X])|H(?P<h>[12X])))?"
    r"(?:T(?:(?P<pod>MO|MI|AF|EV|NI|DT)"
    r"|(?P<hh>[0-9]{2})(?::(?P<mi>[0-9]{2})(?::(?P<ss>[0-9]{2}))?)?))?")
_SHORT_YEAR_RE = re.compile(r"[0-9]{2,3}|[0-9]{3}X|[0-9]{2}XX")


def _num(s: str | None) -> int | None:
    return int(s) if s is not None and s.isdigit() else None


@attrs.frozen(slots=True)
class CalendarDate(TimexValue):
    """A date or time, any part of which may be unknown (``X``).

    Fields hold the written parts, so every form round-trips exactly:
    ``2025``, ``195X``, ``19XX``, ``2025-02``, ``2025-02-21``, ``XXXX-02-20``,
    ``2025-W07``, ``XXXX-WXX-1``, ``2025-SP``, ``2025-Q1``, ``2025-H2``,
    ``2025-02-21TMO``, ``2025-04-14T14:12``.

    Example:
        >>> d = CalendarDate.of(year=2025, month=2, day=21).with_part_of_day("MO")
        >>> d.iso(), d.granularity.name
        ('2025-02-21TMO', 'PART_OF_DAY')
    """

    year_text: str = "XXXX"
    month_text: str | None = None
    day_text: str | None = None
    week_text: str | None = None
    weekday_text: str | None = None
    season: str | None = None
    quarter_text: str | None = None
    half_text: str | None = None
    part_of_day: str | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None

    def __attrs_post_init__(self) -> None:
        self._validate()

    # construction ------------------------------------------------------
    @classmethod
    def parse(cls, text: str) -> CalendarDate:
        """Read a date/time TIMEX3 value (no durations, intervals or references).

        Example:
            >>> CalendarDate.parse("XXXX-02-20").month
            2
        """
        if _SHORT_YEAR_RE.fullmatch(text):
            return cls(year_text=text)
        m = _DATE_RE.fullmatch(text)
        if m is None:
            raise InvalidTimexError(f"not a TIMEX3 value: {text!r}")
        g = m.groupdict()
        return cls(year_text=g["y"], month_text=g["mo"], day_text=g["d"], week_text=g["w"],
                   weekday_text=g["wd"], season=g["s"], quarter_text=g["q"], half_text=g["h"],
                   part_of_day=g["pod"], hour=_num(g["hh"]), minute=_num(g["mi"]),
                   second=_num(g["ss"]))

    @classmethod
    def of(cls, year: int | None = None, month: int | None = None, day: int | None = None, *,
           week: int | None = None, weekday: int | None = None, season: str | None = None,
           quarter: int | None = None, half: int | None = None,
           part_of_day: str | None = None) -> CalendarDate:
        """Build from numbers; None for an unknown year gives ``XXXX``.

        Example:
            >>> CalendarDate.of(month=2, day=20).iso()
            'XXXX-02-20'
        """
        if year is not None and not 1 <= year <= 9999:
            raise InvalidTimexError(f"year {year} is out of range 1-9999")
        return cls(
            year_text="XXXX" if year is None else f"{year:04d}",
            month_text=None if month is None else f"{month:02d}",
            day_text=None if day is None else f"{day:02d}",
            week_text=None if week is None else f"{week:02d}",
            weekday_text=None if weekday is None else str(weekday),
            season=season, quarter_text=None if quarter is None else str(quarter),
            half_text=None if half is None else str(half), part_of_day=part_of_day)

    @classmethod
    def from_date(cls, day: dt.date, granularity: Granularity = Granularity.DAY) -> CalendarDate:
        """The value of the given granularity that contains ``day``.

        Example:
            >>> CalendarDate.from_date(dt.date(2025, 2, 21), Granularity.WEEK).iso()
            '2025-W08'
        """
        g = granularity
        if g >= Granularity.DAY:
            return cls.of(day.year, day.month, day.day)
        if g == Granularity.WEEK:
            y, w, _ = day.isocalendar()
            return cls.of(y, week=w)
        if g == Granularity.MONTH:
            return cls.of(day.year, day.month)
        if g == Granularity.SEASON:
            shifted = day - relativedelta(months=2)
            return cls.of(shifted.year, season=("WI", "SP", "SU", "FA")[(shifted.month - 1) // 3])
        if g == Granularity.QUARTER:
            return cls.of(day.year, quarter=(day.month - 1) // 3 + 1)
        if g == Granularity.HALF:
            return cls.of(day.year, half=(day.month - 1) // 6 + 1)
        if g == Granularity.YEAR:
            return cls.of(day.year)
        if g == Granularity.DECADE:
            return cls(year_text=f"{day.year // 10:03d}X")
        return cls(year_text=f"{day.year // 100:02d}XX")

    def with_part_of_day(self, pod: str) -> CalendarDate:
        """The same day with a part of day (``MO``, ``AF``, ``EV``, ``NI``, ``DT``, ``MI``)."""
        if self.day_text is None and self.weekday_text is None:
            return attrs.evolve(self, month_text=self.month_text or "XX", day_text="XX",
                                part_of_day=pod)
        return attrs.evolve(self, part_of_day=pod)

    def with_time(self, hour: int, minute: int | None = None,
                  second: int | None = None) -> CalendarDate:
        """The same day at a clock time.

        Example:
            >>> CalendarDate.of(2025, 4, 14).with_time(14, 12).iso()
            '2025-04-14T14:12'
        """
        base = self
        if self.day_text is None and self.weekday_text is None:
            base = attrs.evolve(self, month_text=self.month_text or "XX", day_text="XX")
        return attrs.evolve(base, part_of_day=None, hour=hour, minute=minute, second=second)

    # validation ----------------------------------------------------------
    def _validate(self) -> None:
        y = self.year_text
        short = len(y) < 4 or (y.endswith("X") and not y == "XXXX" and y[:2].isdigit())
        if short and any(v is not None for v in (self.month_text, self.week_text, self.season,
                                                 self.quarter_text, self.half_text)):
            raise InvalidTimexError(f"{self.iso()!r}: a decade or century has no parts")
        if not (_SHORT_YEAR_RE.fullmatch(y) or re.fullmatch(r"[0-9]{4}|X{4}", y)):
            raise InvalidTimexError(f"invalid year {y!r}")
        if y.isdigit() and len(y) == 4 and int(y) == 0:
            raise InvalidTimexError("year 0000 does not exist")
        month, day = self.month, self.day
        if month is not None and not 1 <= month <= 12:
            raise InvalidTimexError(f"{self.iso()!r}: month {month} does not exist")
        if self.day_text is not None and self.month_text is None:
            raise InvalidTimexError(f"{self.iso()!r}: a day needs a month")
        if day is not None:
            year = self.year if self.year is not None else 2000
            last = 31 if month is None else (dt.date(year, month, 1)
                                             + relativedelta(months=1, days=-1)).day
            if not 1 <= day <= last:
                raise InvalidTimexError(f"{self.iso()!r}: day {day} does not exist")
        if self.week is not None:
            if not 1 <= self.week <= 53:
                raise InvalidTimexError(f"{self.iso()!r}: week {self.week} does not exist")
            if self.year is not None:
                try:
                    dt.date.fromisocalendar(self.year, self.week, 1)
                except ValueError as exc:
                    raise InvalidTimexError(f"{self.iso()!r}: {exc}") from exc
        if self.weekday_text is not None and self.week_text is None:
            raise InvalidTimexError(f"{self.iso()!r}: a weekday needs a week")
        has_day = self.day_text is not None or (self.weekday_text not in (None, "WE"))
        timed = self.part_of_day is not None or self.hour is not None
        if timed and not has_day:
            raise InvalidTimexError(f"{self.iso()!r}: a time needs a day")
        if self.part_of_day is not None and self.hour is not None:
            raise InvalidTimexError(f"{self.iso()!r}: both a part of day and an hour")
        if self.hour is not None and not 0 <= self.hour <= 23:
            raise InvalidTimexError(f"{self.iso()!r}: hour {self.hour} does not exist")
        if self.minute is not None and (self.hour is None or not 0 <= self.minute <= 59):
            raise InvalidTimexError(f"{self.iso()!r}: invalid minute")
        if self.second is not None and (self.minute is None or not 0 <= self.second <= 59):
            raise InvalidTimexError(f"{self.iso()!r}: invalid second")
        if self.part_of_day is not None and self.part_of_day not in _POD_HOURS:
            raise InvalidTimexError(f"invalid part of day {self.part_of_day!r}")
        if self.season is not None and self.season not in _SEASON_MONTHS:
            raise InvalidTimexError(f"invalid season {self.season!r}")
        if self.quarter_text not in (None, "1", "2", "3", "4", "X"):
            raise InvalidTimexError(f"invalid quarter {self.quarter_text!r}")
        if self.half_text not in (None, "1", "2", "X"):
            raise InvalidTimexError(f"invalid half {self.half_text!r}")

    # reading --------------------------------------------------------------
    def iso(self) -> str:
        """The TIMEX3 string.

        Example:
            >>> CalendarDate.parse("2025-W07-WE").iso()
            '2025-W07-WE'
        """
        out = self.year_text
        if self.month_text is not None:
            out += "-" + self.month_text
            if self.day_text is not None:
                out += "-" + self.day_text
        elif self.week_text is not None:
            out += "-W" + self.week_text
            if self.weekday_text is not None:
                out += "-" + self.weekday_text
        elif self.season is not None:
            out += "-" + self.season
        elif self.quarter_text is not None:
            out += "-Q" + self.quarter_text
        elif self.half_text is not None:
            out += "-H" + self.half_text
        if self.part_of_day is not None:
            out += "T" + self.part_of_day
        elif self.hour is not None:
            out += f"T{self.hour:02d}"
            if self.minute is not None:
                out += f":{self.minute:02d}"
                if self.second is not None:
                    out += f":{self.second:02d}"
        return out

    @property
    def year(self) -> int | None:
        """The year, when all four digits are known."""
        y = self.year_text
        return int(y) if len(y) == 4 and y.isdigit() else None

    @property
    def month(self) -> int | None:
        """The month number, when known."""
        return _num(self.month_text)

    @property
    def day(self) -> int | None:
        """The day of the month, when known."""
        return _num(self.day_text)

    @property
    def week(self) -> int | None:
        """The ISO week number, when known."""
        return _num(self.week_text)

    @property
    def quarter(self) -> int | None:
        """The quarter 1-4, when known."""
        return _num(self.quarter_text)

    @property
    def half(self) -> int | None:
        """The half-year 1-2, when known."""
        return _num(self.half_text)

    def date(self) -> dt.date | None:
        """The calendar day, when year, month and day are all known.

        Example:
            >>> CalendarDate.parse("2025-02-21TMO").date()
            datetime.date(2025, 2, 21)
        """
        y, m, d = self.year, self.month, self.day
        return dt.date(y, m, d) if y is not None and m is not None and d is not None else None

    @property
    def granularity(self) -> Granularity:
        """How precise the value is.

        Example:
            >>> CalendarDate.parse("195X").granularity.name
            'DECADE'
        """
        if self.second is not None:
            return Granularity.SECOND
        if self.minute is not None:
            return Granularity.MINUTE
        if self.hour is not None:
            return Granularity.HOUR
        if self.part_of_day is not None:
            return Granularity.PART_OF_DAY
        if self.day_text is not None or self.weekday_text not in (None, "WE"):
            return Granularity.DAY
        if self.week_text is not None:
            return Granularity.WEEK
        if self.month_text is not None:
            return Granularity.MONTH
        if self.season is not None:
            return Granularity.SEASON
        if self.quarter_text is not None:
            return Granularity.QUARTER
        if self.half_text is not None:
            return Granularity.HALF
        y = self.year_text
        if len(y) == 2 or (y.endswith("XX") and y != "XXXX"):
            return Granularity.CENTURY
        if len(y) == 3 or (y.endswith("X") and y != "XXXX"):
            return Granularity.DECADE
        return Granularity.YEAR

    def bounds(self) -> tuple[dt.datetime | None, dt.datetime | None]:
        """The half-open span ``[start, end)``; the known prefix decides when parts are X.

        Example:
            >>> [b.date().isoformat() for b in CalendarDate.parse("2025-WI").bounds()]
            ['2025-12-01', '2026-03-01']
        """
        y = self.year_text
        digits = y.rstrip("X")
        if not digits.isdigit() or len(digits) < 2 or (len(y) == 4 and not y.isdigit()
                                                       and len(digits) == 4):
            return None, None
        if len(digits) < 4:
            span = 10 ** (4 - len(digits))
            first = int(digits) * span
            if first == 0:
                return None, None
            return dt.datetime(first, 1, 1), _add_years(first, span)
        year = int(digits)
        start = dt.datetime(year, 1, 1)
        step = relativedelta(years=1)
        if self.month is not None:
            start, step = dt.datetime(year, self.month, 1), relativedelta(months=1)
            if self.day is not None:
                start, step = dt.datetime(year, self.month, self.day), relativedelta(days=1)
        elif self.week is not None:
            monday = dt.date.fromisocalendar(year, self.week, 1)
            start, step = dt.datetime(monday.year, monday.month, monday.day), relativedelta(weeks=1)
            if self.weekday_text == "WE":
                start, step = start + relativedelta(days=5), relativedelta(days=2)
            elif self.weekday_text is not None:
                start, step = (start + relativedelta(days=int(self.weekday_text) - 1),
                               relativedelta(days=1))
        elif self.season is not None:
            start, step = dt.datetime(year, _SEASON_MONTHS[self.season], 1), relativedelta(months=3)
        elif self.quarter is not None:
            start, step = dt.datetime(year, self.quarter * 3 - 2, 1), relativedelta(months=3)
        elif self.half is not None:
            start, step = dt.datetime(year, self.half * 6 - 5, 1), relativedelta(months=6)
        if step.days == 1 and self.granularity > Granularity.DAY:
            if self.part_of_day is not None:
                a, b = _POD_HOURS[self.part_of_day]
                return start + relativedelta(hours=a), start + relativedelta(hours=b)
            if self.hour is not None:
                start += relativedelta(hours=self.hour, minutes=self.minute or 0,
                                       seconds=self.second or 0)
                step = (relativedelta(seconds=1) if self.second is not None
                        else relativedelta(minutes=1) if self.minute is not None
                        else relativedelta(hours=1))
        try:
            return start, start + step
        except (ValueError, OverflowError):
            return start, None

    @property
    def earliest(self) -> Bound | None:
        """The first day (or moment, for times) covered, inclusive.

        Example:
            >>> CalendarDate.parse("2025-02").earliest
            datetime.date(2025, 2, 1)
        """
        start, _ = self.bounds()
        if start is None:
            return None
        return start if self.granularity > Granularity.DAY else start.date()

    @property
    def latest(self) -> Bound | None:
        """The last day (or moment, for times) covered, inclusive.

        Example:
            >>> CalendarDate.parse("2025-02").latest
            datetime.date(2025, 2, 28)
        """
        start, end = self.bounds()
        if end is None or start is None:
            return None
        g = self.granularity
        if g <= Granularity.DAY:
            return (end - relativedelta(days=1)).date()
        if g == Granularity.PART_OF_DAY:
            return end - relativedelta(minutes=1)
        return start


def _add_years(year: int, n: int) -> dt.datetime | None:
    return dt.datetime(year + n, 1, 1) if year + n <= 9999 else None


_DURATION_RE = re.compile(
    r"P(?P<date>(?:(?:[0-9]+(?:\.[0-9]+)?|X)(?:DE|CE|Y|M|W|D|L|Q))*)"
    r"(?:T(?P<time>(?:(?:[0-9]+(?:\.[0-9]+)?|X)[HMS])+))?")
_PART_RE = re.compile(r"([0-9]+(?:\.[0-9]+)?|X)(DE|CE|Y|M|W|D|L|Q|H|S)")
_DATE_UNITS = ("L", "CE", "DE", "Y", "Q", "M", "W", "D")
_TIME_UNITS = ("H", "MIN", "S")
_UNIT_DELTA = {"L": relativedelta(years=1000), "CE": relativedelta(years=100),
               "DE": relativedelta(years=10), "Y": relativedelta(years=1),
               "Q": relativedelta(months=3), "M": relativedelta(months=1),
               "W": relativedelta(weeks=1), "D": relativedelta(days=1),
               "H": relativedelta(hours=1), "MIN": relativedelta(minutes=1),
               "S": relativedelta(seconds=1)}


@attrs.frozen(slots=True)
class Duration(TimexValue):
    """A length of time: ``P2Y``, ``P3D``, ``PT2H``, ``P1Y6M``, ``PXY`` (unknown amount).

    ``parts`` are ``(unit, amount)`` pairs with units Y, M, W, D, DE, CE, L, Q
    (date) and H, MIN, S (time); amount None means X.

    Example:
        >>> Duration.of("MIN", 30).iso()
        'PT30M'
    """

    parts: tuple[tuple[str, int | float | None], ...]

    def __attrs_post_init__(self) -> None:
        if not self.parts:
            raise InvalidTimexError("a duration needs at least one part")
        for unit, amount in self.parts:
            if unit not in _UNIT_DELTA:
                raise InvalidTimexError(f"unknown duration unit {unit!r}")
            if amount is not None and amount < 0:
                raise InvalidTimexError("a duration cannot be negative")

    @classmethod
    def of(cls, unit: str, amount: int | float | None) -> Duration:
        """One amount of one unit (None for an unknown amount).

        Example:
            >>> Duration.of("Y", None).iso()
            'PXY'
        """
        return cls(((unit, amount),))

    @classmethod
    def parse(cls, text: str) -> Duration:
        """Read a TIMEX3 duration.

        Example:
            >>> Duration.parse("P1DT2H").parts
            (('D', 1), ('H', 2))
        """
        m = _DURATION_RE.fullmatch(text)
        if m is None or (not m.group("date") and not m.group("time")):
            raise InvalidTimexError(f"not a TIMEX3 duration: {text!r}")
        parts: list[tuple[str, int | float | None]] = []
        for seg, is_time in ((m.group("date") or "", False), (m.group("time") or "", True)):
            for amount, unit in _PART_RE.findall(seg):
                if is_time and unit == "M":
                    unit = "MIN"
                parts.append((unit, None if amount == "X" else
                              float(amount) if "." in amount else int(amount)))
        return cls(tuple(parts))

    def iso(self) -> str:
        """The TIMEX3 string."""
        date = "".join(_amount(a) + u for u, a in self.parts if u in _DATE_UNITS)
        time = "".join(_amount(a) + ("M" if u == "MIN" else u)
                       for u, a in self.parts if u in _TIME_UNITS)
        return "P" + date + ("T" + time if time else "")

    def to_relativedelta(self) -> relativedelta | None:
        """The length as a `relativedelta`, or None when an amount is unknown or fractional.

        Example:
            >>> Duration.parse("P1Y6M").to_relativedelta()
            relativedelta(years=+1, months=+6)
        """
        total = relativedelta()
        for unit, amount in self.parts:
            if not isinstance(amount, int):
                return None
            total += _UNIT_DELTA[unit] * amount
        return total


def _amount(a: int | float | None) -> str:
    if a is None:
        return "X"
    return str(a)


@attrs.frozen(slots=True)
class Reference(TimexValue):
    """``PRESENT_REF``, ``PAST_REF`` or ``FUTURE_REF``.

    Example:
        >>> Reference("PAST_REF").iso()
        'PAST_REF'
    """

    KINDS: ClassVar[tuple[str, ...]] = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
    kind: str = attrs.field()

    @kind.validator
    def _check(self, _: Any, value: str) -> None:
        if value not in self.KINDS:
            raise InvalidTimexError(f"not a reference value: {value!r}")

    def iso(self) -> str:
        """The TIMEX3 string."""
        return self.kind


@attrs.frozen(slots=True)
class Interval(TimexValue):
    """From one date to another, both included: ``2025-02-19/2025-02-21``.

    Example:
        >>> Interval(CalendarDate.of(1950), CalendarDate.of(2025)).latest
        datetime.date(2025, 12, 31)
    """

    start: CalendarDate
    end: CalendarDate

    def __attrs_post_init__(self) -> None:
        a, _ = self.start.bounds()
        _, b = self.end.bounds()
        if a is not None and b is not None and b <= a:
            raise InvalidTimexError(f"{self.iso()!r}: the interval ends before it starts")

    def iso(self) -> str:
        """The TIMEX3 string."""
        return f"{self.start.iso()}/{self.end.iso()}"

    @property
    def granularity(self) -> Granularity:
        """The coarser granularity of the two ends."""
        return min(self.start.granularity, self.end.granularity)

    def bounds(self) -> tuple[dt.datetime | None, dt.datetime | None]:
        """From the start's first moment to the end's last."""
        return self.start.bounds()[0], self.end.bounds()[1]

    @property
    def earliest(self) -> Bound | None:
        """The start's earliest moment."""
        return self.start.earliest

    @property
    def latest(self) -> Bound | None:
        """The end's latest moment."""
        return self.end.latest


parse_timex = TimexValue.parse
