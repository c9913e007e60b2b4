"""Output formats, looked up by name; each lives in a module of its own.

A format turns a `Timeline` (plus, for formats that quote the documents, their
texts) into one text or into several named files. Modules are imported only
when their format is used, so `import timeline` stays fast and optional
extras are needed only by the formats that use them.

Example:
    >>> import timeline
    >>> from timeline.formats import get_format, render
    >>> get_format("json").multi_file
    False
    >>> render("jsonl", timeline.extract(["Nothing."], language="en"))[:13]
    '{"document": '
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, cast

import attrs

from timeline.errors import TimelineError

if TYPE_CHECKING:
    from timeline.models import Timeline

Rendered = str | dict[str, str]
"""One text, or several files: relative file name → text."""


@attrs.frozen
class ExportContext:
    """What a format may need besides the timeline.

    ``texts`` maps document ids to their text (formats that quote the
    documents, like TimeML, need it); ``entity`` names the participant a
    SemEval TimeLine is built for.

    Example:
        >>> ExportContext(texts={"a.txt": "Op 18 januari."}).entity is None
        True
    """

    texts: Mapping[str, str] = attrs.field(factory=dict)
    entity: str | None = None


@attrs.frozen
class Format:
    """A named output format: where its renderer lives and what it needs.

    Example:
        >>> get_format("table").needs_texts
        False
    """

    name: str
    module: str
    function: str
    description: str
    multi_file: bool = False
    needs_texts: bool = False
    needs_entity: bool = False

    def renderer(self) -> Callable[[Timeline, ExportContext], Rendered]:
        """The rendering function, imported on first use."""
        return cast(Callable[["Timeline", ExportContext], Rendered],
                    getattr(importlib.import_module(self.module), self.function))


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("json", "timeline.export", "render_json", "the output contract, one JSON document"),
    Format("jsonl", "timeline.export", "render_jsonl", "one line per document, then per event"),
    Format("table", "timeline.export", "render_table", "a plain-text table for people"),
    Format("csv", "timeline.formats.tabular", "render_csv",
           "one row per event and per time expression, typed columns", needs_texts=True),
    Format("timeml", "timeline.formats.timeml", "render_timeml",
           "one TimeML .tml file per document (TIMEX3 and EVENT inline)",
           multi_file=True, needs_texts=True),
    Format("ics", "timeline.formats.ics", "render_ics", "iCalendar, one VEVENT per dated event",
           needs_texts=True),
    Format("timelinejs", "timeline.formats.timelinejs", "render_timelinejs",
           "TimelineJS3 JSON", needs_texts=True),
    Format("html", "timeline.formats.html", "render_html",
           "a self-contained HTML page showing the timeline", needs_texts=True),
    Format("semeval-timeline", "timeline.formats.semeval", "render_semeval",
           "SemEval-2015 Task 4 TimeLine files, one per participant entity",
           multi_file=True, needs_texts=True, needs_entity=True),
)}


def get_format(name: str) -> Format:
    """The format called ``name``; a `TimelineError` lists the known ones otherwise."""
    try:
        return FORMATS[name]
    except KeyError:
        raise TimelineError(
            f"unknown format {name!r}; known: {', '.join(FORMATS)}") from None


def render(name: str, timeline: Timeline, context: ExportContext | None = None) -> Rendered:
    """Render ``timeline`` in the format called ``name``."""
    return get_format(name).renderer()(timeline, context or ExportContext())
