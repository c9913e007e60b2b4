"""The timeline as an iCalendar file (RFC 5545): one VEVENT per dated event.

What becomes a VEVENT, and how:

* An event dated to the day, or known only coarser (a month, a season, a
  year, a multi-day range), is an all-day event: ``DTSTART;VALUE=DATE`` its
  first day, ``DTEND;VALUE=DATE`` the day after its last (DTEND is exclusive).
  When the date is coarser than a day, the DESCRIPTION says so:
  ``date uncertain: 2025-02 (month)``; a part of a day (``2025-02-20TAF``)
  stays all-day with ``time uncertain: … (part of day)``.
* An event with a clock time (hours or finer, at both ends of a range) has
  floating ``DTSTART``/``DTEND`` DATE-TIMEs (no time zone: the articles give
  none), DTEND being the end of the last hour, minute or second covered.
* Left out: undated events, events whose time is open on one side (mod
  ``BEFORE``, ``AFTER``, ``ON_OR_BEFORE``, ``ON_OR_AFTER``, or an unknown
  bound), and events a calendar cannot hold (ending after the year 9999).
  Other modifiers (``START``, ``APPROX``, …) keep the whole span and are
  named in the DESCRIPTION.

``UID`` is the event id plus a digest of its first mention, so it is stable
from run to run; ``DTSTAMP`` (required) is midnight UTC of the latest
publication date of the documents, or 1970-01-01 when none gives one, so the
same input gives the same file. ``SUMMARY`` is the label, ``CATEGORIES`` the
type, ``RELATED-TO;RELTYPE=PARENT`` the event it is part of, and
``DESCRIPTION`` the type, languages, any caveat and the sources (their
sentences when the document texts are given, else the quoted mentions).
Text is escaped, lines folded at 75 octets without splitting a UTF-8
character, and every line ends in CRLF.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterator, Mapping

from dateutil.relativedelta import relativedelta

from timeline.formats import ExportContext
from timeline.formats.tabular import source_sentence
from timeline.models import Event, Timeline
from timeline.values import Granularity, Interval, TimexValue

PRODID = "-//timeline//timeline news timeline//EN"
"""Who made the file (RFC 5545 PRODID)."""

OPEN_MODS = frozenset({"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"})
"""Modifiers that leave an event's time open on one side: such events are left out."""

_MAX_SOURCES = 10
_LINE_OCTETS = 75
_EPOCH = dt.date(1970, 1, 1)
_CLOCK = frozenset({Granularity.HOUR, Granularity.MINUTE, Granularity.SECOND})
_EXACT = _CLOCK | {Granularity.DAY}
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # CONTROL characters TEXT may not hold
_TEXT_ESCAPES = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"})
_ONE_DAY = dt.timedelta(days=1)


def to_ics(timeline: Timeline, texts: Mapping[str, str] | None = None) -> str:
    """The timeline as one iCalendar object (see the module docstring for the rules).

    Args:
        timeline: the events to write.
        texts: document id → text, to quote each source's sentence.

    Example:
        >>> import timeline
        >>> t = timeline.extract(["The ministers met on 19 February 2025."], language="en")
        >>> [line for line in to_ics(t).splitlines() if line.startswith("DT")]
        ['DTSTAMP:19700101T000000Z', 'DTSTART;VALUE=DATE:20250219', 'DTEND;VALUE=DATE:20250220']
    """
    texts = texts or {}
    stamp = max((d.published for d in timeline.documents if d.published), default=_EPOCH)
    uids = {e.id: event_uid(e) for e in timeline.events}
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    for event in timeline.events:
        lines.extend(_vevent(event, stamp, uids, texts))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def render_ics(timeline: Timeline, context: ExportContext) -> str:
    """The ``ics`` format: `to_ics`.

    Example:
        >>> render_ics(Timeline(), ExportContext()).split("\\r\\n")[:2]
        ['BEGIN:VCALENDAR', 'VERSION:2.0']
    """
    return to_ics(timeline, context.texts)


def event_uid(event: Event) -> str:
    """A UID for the event: its id and a digest of its first mention (or of its label).

    Example:
        >>> event_uid(Event(id="ev-1", type="visit", label="visit"))
        'ev-1-753a4b35@timeline'
    """
    if event.mentions:
        m = event.mentions[0]
        seed = f"{m.document}\0{m.start}\0{m.end}\0{m.text}"
    else:
        seed = f"\0{event.type}\0{event.label}"
    return f"{event.id}-{hashlib.sha1(seed.encode('utf-8')).hexdigest()[:8]}@timeline"


def escape_text(text: str) -> str:
    """Escape an RFC 5545 TEXT value (line breaks become ``\\n``; other controls, spaces).

    Example:
        >>> print(escape_text('a; b, c\\\\d\\r\\ne'))
        a\\; b\\, c\\\\d\\ne
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL_RE.sub(" ", text).translate(_TEXT_ESCAPES)


def fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets, never inside a UTF-8 character.

    Continuation lines start with one space, which counts towards their 75 octets.

    Example:
        >>> [len(p.encode()) for p in fold("SUMMARY:" + "é" * 80).split("\\r\\n")]
        [74, 75, 21]
    """
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    limit = _LINE_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, _LINE_OCTETS - 1
        current.append(char)
        size += octets
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def _vevent(event: Event, stamp: dt.date, uids: Mapping[str, str],
            texts: Mapping[str, str]) -> Iterator[str]:
    if event.value is None or (event.mod or "") in OPEN_MODS:
        return
    value = TimexValue.parse(event.value)
    span = _span(value)
    if span is None:
        return
    start, end, caveat = span
    yield "BEGIN:VEVENT"
    yield f"UID:{uids[event.id]}"
    yield f"DTSTAMP:{stamp:%Y%m%d}T000000Z"
    yield start
    yield end
    yield f"SUMMARY:{escape_text(event.label)}"
    yield f"DESCRIPTION:{escape_text(_description(event, caveat, texts))}"
    yield f"CATEGORIES:{escape_text(event.type)}"
    parent = uids.get(event.part_of or "")
    if parent:
        yield f"RELATED-TO;RELTYPE=PARENT:{parent}"
    yield "END:VEVENT"


def _span(value: TimexValue) -> tuple[str, str, str | None] | None:
    """DTSTART and DTEND lines and the caveat for ``value``, or None if it has no closed span."""
    first, after = value.bounds()
    granularity = value.granularity
    if first is None or after is None or granularity is None:
        return None
    last = after - dt.timedelta(microseconds=1)
    ends = (value.start, value.end) if isinstance(value, Interval) else (value,)
    if all(e.granularity in _CLOCK for e in ends) and "X" not in value.iso():
        if after.year > 9999:
            return None
        return f"DTSTART:{first:%Y%m%dT%H%M%S}", f"DTEND:{after:%Y%m%dT%H%M%S}", None
    try:
        stop = last.date() + _ONE_DAY
    except OverflowError:
        return None
    caveat = None
    if granularity not in _EXACT or "X" in value.iso():
        kind = "time" if granularity is Granularity.PART_OF_DAY else "date"
        caveat = f"{kind} uncertain: {value.iso()} ({_precision(first, after, granularity)})"
    return (f"DTSTART;VALUE=DATE:{first.date():%Y%m%d}", f"DTEND;VALUE=DATE:{stop:%Y%m%d}",
            caveat)


def _precision(first: dt.datetime, after: dt.datetime, granularity: Granularity) -> str:
    """What a span is known to: a whole year or month by its bounds, else its granularity."""
    month_start = dt.datetime(first.year, first.month, 1)
    if first == month_start.replace(month=1) and _after(first, relativedelta(years=1)) == after:
        return "year"
    if first == month_start and _after(first, relativedelta(months=1)) == after:
        return "month"
    return granularity.name.lower().replace("_", " ")


def _after(moment: dt.datetime, step: relativedelta) -> dt.datetime | None:
    try:
        return moment + step
    except (ValueError, OverflowError):
        return None


def _description(event: Event, caveat: str | None, texts: Mapping[str, str]) -> str:
    lines = [f"type: {event.type}"]
    languages = sorted({m.language for m in event.mentions if m.language})
    if languages:
        lines.append(f"languages: {', '.join(languages)}")
    if caveat:
        lines.append(caveat)
    if event.mod:
        lines.append(f"modifier: {event.mod}")
    for c in event.conflicts:
        lines.append(f"also dated {c.value} by {len(c.sources)} source(s)")
    if event.mentions:
        lines.append("sources:")
        for m in event.mentions[:_MAX_SOURCES]:
            lines.append(f"- {m.document}: {' '.join(source_sentence(m, texts).split())}")
        if len(event.mentions) > _MAX_SOURCES:
            lines.append(f"- and {len(event.mentions) - _MAX_SOURCES} more")
    return "\n".join(lines)
