"""Writing a `Timeline` out: JSON, JSON lines, and a table for people."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from timeline.events import GENERIC
from timeline.models import Timeline

_LABEL_WIDTH = 60


def to_json(timeline: Timeline, *, indent: int | None = 2) -> str:
    """The output contract as one JSON document.

    Example:
        >>> import timeline
        >>> to_json(timeline.extract(["No dates here."], language="en"), indent=None)[:16]
        '{"documents": [{'
    """
    return json.dumps(timeline.model_dump(mode="json"), ensure_ascii=False, indent=indent)


def to_jsonl(timeline: Timeline) -> Iterator[str]:
    """One line per document (``{"document": …}``), then one per event (``{"event": …}``).

    Example:
        >>> import timeline
        >>> next(to_jsonl(timeline.extract(["Nothing."], language="en")))[:13]
        '{"document": '
    """
    return jsonl_lines((d.model_dump(mode="json") for d in timeline.documents),
                       (e.model_dump(mode="json") for e in timeline.events))


def jsonl_lines(documents: Iterable[dict[str, Any]],
                events: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The ``jsonl`` lines of documents and events already in their JSON form (so a
    spooled extraction can be written a document at a time).

    Example:
        >>> list(jsonl_lines([{"id": "a"}], []))
        ['{"document": {"id": "a"}}']
    """
    for doc in documents:
        yield json.dumps({"document": doc}, ensure_ascii=False)
    for event in events:
        yield json.dumps({"event": event}, ensure_ascii=False)


def to_table(timeline: Timeline) -> str:
    """A plain-text table: the events in order (events named by a word first; dated
    statements without one are counted), or each document's time expressions.

    Example:
        >>> import timeline
        >>> print(to_table(timeline.extract(["Op 18 januari 1950 werd het verdrag ondertekend."],
        ...                                 language="nl")))
        date        event      languages  sources
        1950-01-18  verdrag ondertekend  nl  1
    """
    rows: list[tuple[str, ...]] = []
    typed = [e for e in timeline.events if e.type != GENERIC]
    shown = typed or timeline.events
    if shown:
        rows.append(("date", "event", "languages", "sources"))
        for e in shown:
            langs = ",".join(sorted({m.language or "?" for m in e.mentions}))
            docs = len({m.document for m in e.mentions})
            label = e.label if len(e.label) <= _LABEL_WIDTH else e.label[:_LABEL_WIDTH - 1] + "…"
            rows.append((e.value or "undated", label, langs, str(docs)))
        hidden = len(timeline.events) - len(shown)
        if hidden:
            return _align(rows) + f"\n({hidden} dated statements without an event word not shown)"
    else:
        rows.append(("document", "span", "type", "value", "text"))
        for d in timeline.documents:
            for t in d.timexes:
                value = t.value + (f" ({t.mod})" if t.mod else "")
                rows.append((d.id, f"{t.start}-{t.end}", t.type, value,
                             " ".join(t.text.split())))
    return _align(rows)


def render_json(timeline: Timeline, context: object = None) -> str:
    """The ``json`` format (see `timeline.formats`): `to_json` with a final newline."""
    return to_json(timeline) + "\n"


def render_jsonl(timeline: Timeline, context: object = None) -> str:
    """The ``jsonl`` format: `to_jsonl`'s lines, each ending in a newline."""
    return "".join(line + "\n" for line in to_jsonl(timeline))


def render_table(timeline: Timeline, context: object = None) -> str:
    """The ``table`` format: `to_table` with a final newline."""
    return to_table(timeline) + "\n"


def _align(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(r[k]) for r in rows) for k in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
                     for r in rows)
