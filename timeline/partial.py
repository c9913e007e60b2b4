"""What the tagger knows before anchoring: values that may still need a reference.

The tagger emits these; only `anchor.py` turns them into `TimexValue`s, so
nothing unresolved can reach the output.
"""

from __future__ import annotations

import attrs

from timeline.values import TimexValue


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
    week: int | None = None  # "Senin pekan depan": that weekday of the week this far away


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
