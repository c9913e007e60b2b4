"""The timeline as one self-contained HTML page: its events on a time axis.

The page is `view.html` with `view.css` and `view.js` inlined and the events
embedded as JSON in a ``<script type="application/json">`` block. It loads
nothing: a Content-Security-Policy allows only its own inline style and script
(by hash) and no connection at all, so it can be mailed or archived as one file.

Each dated event is drawn from its earliest to its latest moment (a precise
day as a point), in lanes so labels do not overlap; undated events are listed
below the axis. Generic events (dated statements without an event word, type
``event``) are hidden behind a toggle, as in the table format. With the
documents' texts at hand, the side panel quotes every source sentence;
without them, the mentions' own words.
"""

from __future__ import annotations

import base64
import bisect
import datetime as dt
import functools
import hashlib
import html
import json
import re
from collections.abc import Mapping
from importlib import resources
from typing import Any

from timeline.events import GENERIC
from timeline.formats import ExportContext
from timeline.models import Event, Source, Timeline
from timeline.segment import sentences

_EPOCH = dt.datetime(1970, 1, 1)
_QUOTE_CONTEXT = 240
"""Characters kept on either side of a mention in a sentence longer than twice this."""

_SLOT = re.compile(r"\{\{ (\w+) \}\}")


def to_html(timeline: Timeline, *, texts: Mapping[str, str] | None = None,
            title: str = "Timeline") -> str:
    """The timeline as a self-contained HTML page.

    Args:
        timeline: what to show.
        texts: document id → text, to quote each mention's sentence.
        title: the page's title and heading.

    Returns:
        The page: inline CSS and JavaScript, the events as embedded JSON, no
        reference to anything outside it.

    Example:
        >>> import timeline
        >>> t = timeline.extract(["The ministers met on 19 February 2025."], language="en")
        >>> page = to_html(t, title="Talks")
        >>> page.startswith("<!DOCTYPE html>"), "<title>Talks</title>" in page
        (True, True)
        >>> view_data(t)["events"][0]["when"]
        [1739923200000, 1740009600000]
    """
    style, script = _asset("view.css"), _asset("view.js")
    slots = {
        "title": html.escape(title),
        "style": style,
        "script": script,
        "style_hash": _csp_hash(style),
        "script_hash": _csp_hash(script),
        "data": embedded_json(view_data(timeline, texts=texts, title=title)),
    }
    return _SLOT.sub(lambda m: slots[m.group(1)], _asset("view.html"))


def render_html(timeline: Timeline, context: ExportContext) -> str:
    """The ``html`` format: `to_html`, quoting sentences from ``context.texts``.

    Example:
        >>> render_html(Timeline(), ExportContext()).rstrip().endswith("</html>")
        True
    """
    return to_html(timeline, texts=context.texts)


def view_data(timeline: Timeline, *, texts: Mapping[str, str] | None = None,
              title: str = "Timeline") -> dict[str, Any]:
    """What the page's script draws: documents, and events with their sources.

    Each event has ``when``, its ``[start, end)`` in milliseconds since 1970
    (UTC, end exclusive) or None when undated; ``generic`` for a dated
    statement without an event word; and ``sources``, one per sentence quoted,
    each with the ``marks`` (``[start, end)`` in the quote) of its mentions.

    Example:
        >>> from timeline.models import Event, Source
        >>> e = Event(id="e1", type="visit", label="visit", value="2025-04", earliest="2025-04-01",
        ...           latest="2025-04-30", mentions=[Source(document="a", start=4, end=9,
        ...                                                 text="visit", language="en")])
        >>> d = view_data(Timeline(events=[e]), texts={"a": "The visit. Rain."})
        >>> d["events"][0]["sources"]
        [{'document': 'a', 'language': 'en', 'text': 'The visit.', 'marks': [[4, 9]]}]
    """
    quoter = _Quoter(texts or {})
    return {
        "title": title,
        "documents": [{"id": d.id, "language": d.language,
                       "published": d.published.isoformat() if d.published else None,
                       "errors": len(d.errors)} for d in timeline.documents],
        "events": [_event(e, quoter) for e in timeline.events],
    }


def embedded_json(value: object) -> str:
    """``value`` as JSON that is safe inside a ``<script>`` element.

    ``<``, ``>`` and ``&`` (which JSON has only inside strings) become ``\\u``
    escapes, so no text can close the element or open a comment.

    Example:
        >>> embedded_json({"text": "</script><!-- & -->"})
        '{"text":"\\\\u003c/script\\\\u003e\\\\u003c!-- \\\\u0026 --\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def _event(event: Event, quoter: _Quoter) -> dict[str, Any]:
    return {
        "id": event.id, "type": event.type, "label": event.label, "value": event.value,
        "mod": event.mod, "earliest": event.earliest, "latest": event.latest,
        "when": _when(event), "generic": event.type == GENERIC, "part_of": event.part_of,
        "languages": sorted({m.language for m in event.mentions if m.language}),
        "documents": len({m.document for m in event.mentions}),
        "sources": quoter.quotes(event.mentions),
        "conflicts": [{"value": c.value, "documents": sorted({s.document for s in c.sources})}
                      for c in event.conflicts],
    }


def _when(event: Event) -> list[int] | None:
    """``[start, end)`` in milliseconds, from the inclusive bounds (either may stand
    for both), or None if neither can be read."""
    first = _moment(event.earliest or event.latest)
    last = _moment(event.latest or event.earliest)
    if first is None or last is None:
        return None
    start, end = first[0], last[1]
    return [start, max(end, start + 1)]


@functools.lru_cache(maxsize=4096)
def _moment(bound: str | None) -> tuple[int, int] | None:
    """An inclusive ISO bound as the ``[start, end)`` milliseconds of the unit it names."""
    if bound is None:
        return None
    try:
        if "T" not in bound:
            start = _millis(dt.datetime.combine(dt.date.fromisoformat(bound), dt.time()))
            return start, start + 86_400_000
        start = _millis(dt.datetime.fromisoformat(bound).replace(tzinfo=None))
    except ValueError:
        return None
    return start, start + (1000 if bound.count(":") > 1 else 60_000)


def _millis(moment: dt.datetime) -> int:
    return (moment - _EPOCH) // dt.timedelta(milliseconds=1)


class _Quoter:
    """Finds the sentence each mention stands in, splitting each document once."""

    def __init__(self, texts: Mapping[str, str]) -> None:
        self._texts = texts
        self._spans: dict[str, list[tuple[int, int]]] = {}

    def quotes(self, mentions: list[Source]) -> list[dict[str, Any]]:
        """One quote per sentence, in first-mention order, with every mention marked.

        A mention whose document text is not at hand quotes its own words.
        """
        found: dict[tuple[str, int, int], dict[str, Any]] = {}
        for m in mentions:
            a, b = self._sentence(m) or (m.start, -m.end)
            quote = found.setdefault((m.document, a, b), {
                "document": m.document, "language": m.language, "text": m.text, "marks": []})
            quote["marks"].append([m.start - a, m.end - a])
        return [self._clipped(a, b, q) for (_, a, b), q in found.items()]

    def _sentence(self, m: Source) -> tuple[int, int] | None:
        text = self._texts.get(m.document)
        if text is None or text[m.start:m.end] != m.text:
            return None
        spans = self._spans.get(m.document)
        if spans is None:
            spans = self._spans[m.document] = sentences(text)
        first = bisect.bisect_right(spans, (m.start, len(text) + 1)) - 1
        last = bisect.bisect_right(spans, (m.end - 1, len(text) + 1)) - 1
        if first < 0 or spans[first][1] <= m.start:
            return None
        # A mention across a sentence break ("am 3. März") quotes both sentences.
        return spans[first][0], max(spans[last][1], m.end)

    def _clipped(self, a: int, b: int, quote: dict[str, Any]) -> dict[str, Any]:
        """The quote with its sentence's text (``b < 0``: the mention's own words), cut
        around the marks if it is long."""
        marks = [list(m) for m in sorted({(s, e) for s, e in quote["marks"]})]
        text = self._texts.get(quote["document"])
        if text is None or b < 0:
            return {**quote, "marks": marks}
        lo, hi = 0, b - a
        if hi > 2 * _QUOTE_CONTEXT:
            lo = max(0, marks[0][0] - _QUOTE_CONTEXT)
            hi = min(hi, max(e for _, e in marks) + _QUOTE_CONTEXT)
        head, tail = "…" if lo else "", "…" if hi < b - a else ""
        shift = len(head) - lo
        return {**quote, "text": head + text[a + lo:a + hi] + tail,
                "marks": [[s + shift, e + shift] for s, e in marks]}


@functools.cache
def _asset(name: str) -> str:
    return resources.files("timeline.formats").joinpath(name).read_text(encoding="utf-8")


def _csp_hash(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()
