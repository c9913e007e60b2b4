"""The timeline as TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html).

Each event with a known start becomes a slide: ``start_date`` (and
``end_date`` for a span) as date objects holding only the fields its date is
known to (``year`` alone for a year, ``year`` and ``month`` for a month, day
fields for a day; hour, minute, second for clock times; years are numbers,
as the format asks), the label as ``headline``, the type, languages and
sources as HTML ``text`` (everything escaped), the type as ``group`` and the
event id as ``unique_id``. A span known only coarser than a field boundary
(a season, a week, a decade) runs from its first to its last month, day or
year. A slide-level ``display_date`` gives the TIMEX3 value, with its
modifier in words, whenever the fields cannot (``before 2026``,
``2025-SP``, ``2025-02-20TAF``). Undated events are left out.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Mapping
from typing import Any

from dateutil.relativedelta import relativedelta

from timeline.formats import ExportContext
from timeline.formats.tabular import source_sentence
from timeline.models import Event, Timeline
from timeline.values import Granularity, TimexValue

_MAX_SOURCES = 10
_MOD_WORDS = {"BEFORE": "before", "AFTER": "after", "ON_OR_BEFORE": "on or before",
              "ON_OR_AFTER": "on or after", "START": "start of", "MID": "mid",
              "END": "end of", "APPROX": "about", "LESS_THAN": "less than",
              "MORE_THAN": "more than", "EQUAL_OR_LESS": "at most",
              "EQUAL_OR_MORE": "at least"}
_FIELDS = ("year", "month", "day", "hour", "minute", "second")
_SHOWN = frozenset({Granularity.YEAR, Granularity.MONTH, Granularity.DAY, Granularity.HOUR,
                    Granularity.MINUTE, Granularity.SECOND})


def to_timelinejs(timeline: Timeline, texts: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The TimelineJS3 data object: a title slide and one slide per dated event.

    Args:
        timeline: the events to show.
        texts: document id → text, to quote each source's sentence.

    Example:
        >>> import timeline
        >>> t = timeline.extract(["The ministers met on 19 February 2025."], language="en")
        >>> [(s["start_date"], s["group"]) for s in to_timelinejs(t)["events"]]
        [({'year': 2025, 'month': 2, 'day': 19}, 'meeting')]
    """
    texts = texts or {}
    languages = sorted({d.language for d in timeline.documents if d.language})
    slides = [s for s in (_slide(e, texts) for e in timeline.events) if s is not None]
    intro = (f"{len(slides)} dated events from {len(timeline.documents)} documents"
             + (f" ({', '.join(languages)})" if languages else ""))
    return {"title": {"text": {"headline": "Timeline", "text": f"<p>{html.escape(intro)}</p>"}},
            "events": slides}


def render_timelinejs(timeline: Timeline, context: ExportContext) -> str:
    """The ``timelinejs`` format: `to_timelinejs` as indented JSON.

    Example:
        >>> json.loads(render_timelinejs(Timeline(), ExportContext()))["events"]
        []
    """
    return json.dumps(to_timelinejs(timeline, context.texts), ensure_ascii=False, indent=2) + "\n"


def date_fields(value: TimexValue) -> tuple[dict[str, int], dict[str, int]] | None:
    """Start and end date objects for ``value`` (equal for a single point), or None if undated.

    Example:
        >>> date_fields(TimexValue.parse("2025-SP"))
        ({'year': 2025, 'month': 3}, {'year': 2025, 'month': 5})
    """
    first, after = value.bounds()
    granularity = value.granularity
    if first is None or after is None or granularity is None:
        return None
    last = after - dt.timedelta(microseconds=1)
    if _whole(first, after, relativedelta(years=1)):
        depth = 1
    elif _whole(first, after, relativedelta(months=1)):
        depth = 2
    else:
        depth = _depth(granularity)
    return _fields(first, depth), _fields(last, depth)


def _slide(event: Event, texts: Mapping[str, str]) -> dict[str, Any] | None:
    if event.value is None:
        return None
    value = TimexValue.parse(event.value)
    dates = date_fields(value)
    if dates is None:
        return None
    start, end = dates
    slide: dict[str, Any] = {"start_date": start}
    if end != start:
        slide["end_date"] = end
    if event.mod or value.granularity not in _SHOWN or "X" in event.value:
        words = _MOD_WORDS.get(event.mod or "", (event.mod or "").lower())
        slide["display_date"] = f"{words} {event.value}".strip()
    slide["text"] = {"headline": html.escape(event.label), "text": _text(event, texts)}
    slide["group"] = event.type
    slide["unique_id"] = event.id
    return slide


def _text(event: Event, texts: Mapping[str, str]) -> str:
    languages = sorted({m.language for m in event.mentions if m.language})
    head = event.type + (f" · {', '.join(languages)}" if languages else "")
    parts = [f"<p>{html.escape(head)}</p>"]
    for c in event.conflicts:
        parts.append(f"<p>{html.escape(f'also dated {c.value} by {len(c.sources)} source(s)')}"
                     "</p>")
    if event.mentions:
        items = [f"<li><b>{html.escape(m.document)}</b>: "
                 f"{html.escape(' '.join(source_sentence(m, texts).split()))}</li>"
                 for m in event.mentions[:_MAX_SOURCES]]
        if len(event.mentions) > _MAX_SOURCES:
            items.append(f"<li>and {len(event.mentions) - _MAX_SOURCES} more</li>")
        parts.append(f"<ul>{''.join(items)}</ul>")
    return "".join(parts)


def _depth(granularity: Granularity) -> int:
    """How many of year, month, day, hour, minute, second a granularity fixes."""
    if granularity <= Granularity.YEAR:
        return 1
    if granularity <= Granularity.MONTH:
        return 2
    if granularity <= Granularity.PART_OF_DAY:
        return 3
    return 4 + granularity - Granularity.HOUR


def _whole(first: dt.datetime, after: dt.datetime, step: relativedelta) -> bool:
    """Whether ``[first, after)`` is exactly one calendar year (or month) by its bounds."""
    unit_start = first.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    if step.years:
        unit_start = unit_start.replace(month=1)
    if first != unit_start:
        return False
    try:
        return first + step == after
    except (ValueError, OverflowError):
        return False


def _fields(moment: dt.datetime, depth: int) -> dict[str, int]:
    return {name: getattr(moment, name) for name in _FIELDS[:depth]}
