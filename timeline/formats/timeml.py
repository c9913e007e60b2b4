"""TimeML: writing documents with inline TIMEX3 and EVENT tags, and reading them back.

`to_timeml` writes one document as a TimeML 1.2.1 (TempEval-3 style) file;
`render_timeml` is the ``timeml`` format, one ``.tml`` file per document;
`read_timeml` reads a ``.tml`` file (ours, TimeBank's, TempEval-3's) into a
`Document` and a `DocumentResult` holding its gold time expressions and
events, so a TimeML corpus can be scored with the library's own tools.

Example:
    >>> import timeline
    >>> text = "The talks ended on 19 February 2025 & resumed later."
    >>> result = timeline.extract([text], language="en").documents[0]
    >>> print(to_timeml(result, text).split("<TEXT>")[1].split("</TEXT>")[0])
    The <EVENT eid="e1" class="OCCURRENCE">talks</EVENT> ended on
    <TIMEX3 tid="t1" type="DATE" value="2025-02-19">19 February 2025</TIMEX3> &amp; resumed later.
"""

from __future__ import annotations

import bisect
import datetime as dt
import os
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TypeVar, cast

from timeline.errors import InputError, InvalidTimexError, TimelineError
from timeline.formats import ExportContext
from timeline.models import (
    Document,
    DocumentResult,
    EventMention,
    TimeExpression,
    Timeline,
    TimexType,
    iso_bound,
)
from timeline.values import TimexValue

EVENT_CLASSES: Mapping[str, str] = {"announcement": "REPORTING"}
"""TimeML classes of our event types that are not OCCURRENCE: an announcement
(announced, statement, declaration) is a REPORTING event. Meetings, visits,
openings, elections and the rest are things that happen: OCCURRENCE."""

_DEFAULT_CLASS = "OCCURRENCE"
_Span = TypeVar("_Span", TimeExpression, EventMention)
_TIMEX_TYPES = frozenset({"DATE", "TIME", "DURATION", "SET"})

# Characters XML 1.0 cannot hold, not even as character references.
_NOT_XML_RE = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_REPLACEMENT = "\ufffd"
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTRIBUTE_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                                    "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"})

_HEADER = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n')


def to_timeml(result: DocumentResult, text: str) -> str:
    """One document as TimeML: DOCID, DCT (when the publication date is known),
    TEXT with inline TIMEX3 and EVENT tags, then MAKEINSTANCE and TLINK elements.

    The text is kept character for character, so the offset of every tag
    inside TEXT is its ``start``; reading the file back gives the same text
    and time expressions. TimeML tags hold text only, so where spans meet:

    - a time expression overlapping an earlier (or longer) one is left out;
    - an event mention overlapping a time expression in any way (crossing,
      nested, or the same span, as a dated clause without an event word is)
      is left out: the time expression is kept;
    - an event mention overlapping an earlier one is left out, as are empty
      spans.

    Every EVENT gets one MAKEINSTANCE (``tense`` and ``aspect``, which TimeML
    requires, are ``NONE``: the library does not analyse them), and an event
    dated by a time expression a TLINK ``IS_INCLUDED`` to it. Event types map
    to TimeML classes by `EVENT_CLASSES`, else OCCURRENCE.

    Characters XML 1.0 cannot hold (control characters other than tab, line
    feed and carriage return; lone surrogates; U+FFFE, U+FFFF) are written as
    U+FFFD, one for one so no offset moves, and a comment before TEXT says how
    many. Carriage returns are written as ``&#13;`` so no XML parser turns
    them into line feeds.

    Args:
        result: the document's time expressions and event mentions.
        text: the document's text, whose offsets ``result`` gives.

    Returns:
        The TimeML file's content.

    Raises:
        TimelineError: a time expression or mention whose offsets do not quote
            its text in ``text`` (the text is not this document's).

    Example:
        >>> import timeline
        >>> text = "Elections <were> held on 3 May 2024."
        >>> result = timeline.extract([text], language="en").documents[0]
        >>> print(to_timeml(result.model_copy(update={"published": dt.date(2024, 5, 4)}), text))
        <?xml version="1.0" encoding="UTF-8"?>
        <TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">
        <DOCID>doc1</DOCID>
        <DCT><TIMEX3 tid="t0" type="DATE" value="2024-05-04" temporalFunction="false"
          functionInDocument="CREATION_TIME">2024-05-04</TIMEX3></DCT>
        <TEXT><EVENT eid="e1" class="OCCURRENCE">Elections</EVENT> &lt;were&gt; held on
          <TIMEX3 tid="t1" type="DATE" value="2024-05-03">3 May 2024</TIMEX3>.</TEXT>
        <MAKEINSTANCE eiid="ei1" eventID="e1" tense="NONE" aspect="NONE"/>
        <TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
        </TimeML>
        <BLANKLINE>
    """
    _check_offsets(result, text)
    timexes = _without_overlaps(result.timexes)
    starts = [t.start for t in timexes]
    events = _without_overlaps(
        m for m in result.mentions if not _overlaps_any(m, timexes, starts))
    tids = {t.id: f"t{k}" for k, t in enumerate(timexes, start=1)}
    tags: list[tuple[int, int, str, str]] = []
    for t in timexes:
        attributes = {"tid": tids[t.id], "type": t.type, "value": t.value}
        if t.mod:
            attributes["mod"] = t.mod
        tags.append((t.start, t.end, _open("TIMEX3", attributes), "</TIMEX3>"))
    for k, m in enumerate(events, start=1):
        attributes = {"eid": f"e{k}", "class": EVENT_CLASSES.get(m.type, _DEFAULT_CLASS)}
        tags.append((m.start, m.end, _open("EVENT", attributes), "</EVENT>"))
    tags.sort()

    safe, replaced = _NOT_XML_RE.subn(_REPLACEMENT, text)
    body: list[str] = []
    at = 0
    for start, end, opening, closing in tags:
        body += [_escape(safe[at:start]), opening, _escape(safe[start:end]), closing]
        at = end
    body.append(_escape(safe[at:]))

    out = [_HEADER, f"<DOCID>{_escape(_NOT_XML_RE.sub(_REPLACEMENT, result.id))}</DOCID>\n"]
    if result.published is not None:
        day = result.published.isoformat()
        out.append(f'<DCT><TIMEX3 tid="t0" type="DATE" value="{day}" temporalFunction="false" '
                   f'functionInDocument="CREATION_TIME">{day}</TIMEX3></DCT>\n')
    if replaced:
        out.append(f"<!-- {replaced} character(s) XML 1.0 cannot hold are written "
                   "as U+FFFD -->\n")
    out += ["<TEXT>", *body, "</TEXT>\n"]
    links: list[str] = []
    for k, m in enumerate(events, start=1):
        out.append(f'<MAKEINSTANCE eiid="ei{k}" eventID="e{k}" tense="NONE" aspect="NONE"/>\n')
        if m.timex in tids:
            links.append(f'<TLINK lid="l{len(links) + 1}" relType="IS_INCLUDED" '
                         f'eventInstanceID="ei{k}" relatedToTime="{tids[m.timex]}"/>\n')
    out += [*links, "</TimeML>\n"]
    return "".join(out)


def render_timeml(timeline: Timeline, context: ExportContext) -> dict[str, str]:
    """The ``timeml`` format: one `to_timeml` file per document.

    File names are the document ids made safe for any file system (ASCII
    letters, digits, ``.``, ``_`` and ``-``; a ``.txt`` ending dropped) and
    unique (``-2``, ``-3``… on a clash, even one of case only), each ending in
    ``.tml``; the file's DOCID keeps the original id.

    Args:
        timeline: the documents to write.
        context: must map every document id to its text (`ExportContext.texts`).

    Returns:
        File name → TimeML text.

    Raises:
        TimelineError: a document whose text ``context`` lacks.

    Example:
        >>> import timeline
        >>> docs = [timeline.Document(id="a/b.txt", text="Op 1 mei 2024."),
        ...         timeline.Document(id="a:b", text="Nothing.")]
        >>> files = render_timeml(timeline.extract(docs, language="nl"),
        ...                       ExportContext(texts={d.id: d.text for d in docs}))
        >>> sorted(files)
        ['a_b-2.tml', 'a_b.tml']
    """
    names = safe_file_names(d.id for d in timeline.documents)
    files: dict[str, str] = {}
    for name, doc in zip(names, timeline.documents, strict=True):
        text = context.texts.get(doc.id)
        if text is None:
            raise TimelineError(f"the timeml format needs the text of document {doc.id!r}: "
                                "pass it in ExportContext(texts=...)")
        files[name] = to_timeml(doc, text)
    return files


_UNSAFE_RE = re.compile(r"[^A-Za-z0-9._-]+")
_WINDOWS_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{k}" for k in range(1, 10)),
                               *(f"lpt{k}" for k in range(1, 10))})
_MAX_STEM = 100


def safe_file_names(ids: Iterable[str], suffix: str = ".tml") -> list[str]:
    """A file name for each id, safe on any file system and unique even where
    case does not count.

    Example:
        >>> safe_file_names(["nieuws/één.txt", "NIEUWS_een", "con", ""])
        ['nieuws_een.tml', 'NIEUWS_een-2.tml', 'con_.tml', 'document.tml']
    """
    names: list[str] = []
    taken: set[str] = set()
    for ident in ids:
        stem = ident.removesuffix(".txt")
        stem = "".join(c for c in unicodedata.normalize("NFKD", stem)
                       if not unicodedata.combining(c))
        stem = _UNSAFE_RE.sub("_", stem)[:_MAX_STEM].strip("._-") or "document"
        if stem.lower() in _WINDOWS_RESERVED:
            stem += "_"
        name, k = stem, 1
        while name.lower() in taken:
            k += 1
            name = f"{stem}-{k}"
        taken.add(name.lower())
        names.append(name + suffix)
    return names


def read_timeml(source: str | os.PathLike[str], *,
                language: str | None = None) -> tuple[Document, DocumentResult]:
    """Read a TimeML file (TimeBank, TempEval-3, or `to_timeml`'s) with its gold
    annotations.

    The document's text is the text content of the TEXT element, tags removed
    and entities decoded; each TIMEX3 inside it becomes a `TimeExpression`
    (``start``/``end`` into that text; ``earliest``/``latest`` when the value
    is one the library reads) and each EVENT an `EventMention` whose type is
    its TimeML class in lower case (``occurrence`` when it has none), dated
    by the time expression a TLINK says includes it. SIGNAL and any other tags
    in TEXT keep their text and are otherwise ignored; so are SLINK and ALINK.
    The DCT (the TIMEX3 with ``functionInDocument="CREATION_TIME"``) gives
    ``published``, its date when it has a time. The id is DOCID, else the file
    name. A TIMEX3 without a value, or with a type TIMEX3 does not have, is
    left out and named in the result's ``errors``; any other value is kept as
    written, even one the library cannot read (TimeBank has ``PXX``).

    Args:
        source: the ``.tml`` file.
        language: the document's language, which TimeML does not record.

    Returns:
        The document and its gold annotations.

    Raises:
        InputError: the file cannot be read, is not well-formed XML, or is not
            TimeML (no TimeML root element or no TEXT element); the message
            names the file.

    Example:
        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "x.tml"
        >>> _ = path.write_text('<TimeML><DOCID>x</DOCID><TEXT>Sales rose <TIMEX3 tid="t1" '
        ...     'type="DATE" value="1998-Q1">last quarter</TIMEX3>.</TEXT></TimeML>')
        >>> doc, gold = read_timeml(path, language="en")
        >>> [(t.text, t.start, t.value) for t in gold.timexes]
        [('last quarter', 11, '1998-Q1')]
    """
    name = os.fspath(source)
    try:
        with open(source, "rb") as stream:
            root = ET.fromstring(stream.read())
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from exc
    except ET.ParseError as exc:
        raise InputError(f"{name}: not well-formed XML ({exc})") from exc
    if _local(root.tag) != "TimeML":
        raise InputError(f"{name}: not a TimeML file (its root element is "
                         f"<{_local(root.tag)}>, not <TimeML>)")
    text_element = next((e for e in root.iter() if _local(e.tag) == "TEXT"), None)
    if text_element is None:
        raise InputError(f"{name}: not a TimeML file (no TEXT element)")

    text, spans = _flatten(text_element)
    errors: list[str] = []
    timexes: list[TimeExpression] = []
    values: dict[str, TimeExpression] = {}
    for element, start, end in spans:
        if _local(element.tag) != "TIMEX3":
            continue
        timex = _time_expression(element, text, start, end, f"t{len(timexes) + 1}", errors)
        if timex is not None:
            timexes.append(timex)
            values.setdefault(timex.id, timex)
    dated = _event_times(root)
    mentions: list[EventMention] = []
    for element, start, end in spans:
        if _local(element.tag) != "EVENT":
            continue
        eid = element.get("eid") or f"e{len(mentions) + 1}"
        timex = next((values[t] for t in dated.get(eid, ()) if t in values), None)
        mentions.append(EventMention(
            id=eid, text=text[start:end], start=start, end=end,
            type=(element.get("class") or _DEFAULT_CLASS).lower(),
            timex=timex.id if timex else None, value=timex.value if timex else None,
            mod=timex.mod if timex else None, key=" ".join(text[start:end].split()).casefold(),
            phrase_start=start, phrase_end=end, phrase=text[start:end]))

    docid = next((e for e in root.iter() if _local(e.tag) == "DOCID"), None)
    ident = ("".join(docid.itertext()).strip() if docid is not None else "") \
        or os.path.basename(name)
    published = _creation_date(root)
    return (Document(id=ident, text=text, language=language, published=published),
            DocumentResult(id=ident, language=language, published=published,
                           timexes=timexes, mentions=mentions, errors=errors))


def _check_offsets(result: DocumentResult, text: str) -> None:
    spans: list[TimeExpression | EventMention] = [*result.timexes, *result.mentions]
    for span in spans:
        if not 0 <= span.start <= span.end <= len(text) \
                or text[span.start:span.end] != span.text:
            raise TimelineError(
                f"document {result.id!r}: {span.id} ({span.text!r} at {span.start}-{span.end}) "
                "is not in the text given; is it this document's text?")


def _without_overlaps(spans: Iterable[_Span]) -> list[_Span]:
    """Non-empty spans in text order; of overlapping ones, the earliest (then longest)."""
    kept: list[_Span] = []
    for s in sorted(spans, key=lambda s: (s.start, -s.end)):
        if s.start < s.end and (not kept or kept[-1].end <= s.start):
            kept.append(s)
    return kept


def _overlaps_any(m: EventMention, timexes: Sequence[TimeExpression],
                  starts: Sequence[int]) -> bool:
    """Whether ``m`` shares a character with one of ``timexes`` (sorted, disjoint)."""
    k = bisect.bisect_left(starts, m.end)
    return k > 0 and timexes[k - 1].end > m.start


def _open(tag: str, attributes: Mapping[str, str]) -> str:
    written = " ".join(
        f'{k}="{_NOT_XML_RE.sub(_REPLACEMENT, v).translate(_ATTRIBUTE_ESCAPES)}"'
        for k, v in attributes.items())
    return f"<{tag} {written}>"


def _escape(text: str) -> str:
    return text.translate(_TEXT_ESCAPES)


def _local(tag: object) -> str:
    """An element's name without its namespace (comments and the like have none)."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _flatten(top: ET.Element) -> tuple[str, list[tuple[ET.Element, int, int]]]:
    """The text content of ``top`` and the span of every element inside it, in
    document order (iteratively: nesting depth is the file's to choose)."""
    parts: list[str] = []
    spans: list[tuple[ET.Element, int, int]] = []
    at = 0
    stack: list[tuple[ET.Element, int]] = [(top, -1)]
    while stack:
        element, start = stack.pop()
        if start < 0:
            stack.append((element, at))
            if element.text:
                parts.append(element.text)
                at += len(element.text)
            stack.extend((child, -1) for child in reversed(element))
        elif element is not top:
            spans.append((element, start, at))
            if element.tail:
                parts.append(element.tail)
                at += len(element.tail)
    spans.sort(key=lambda s: (s[1], -s[2]))
    return "".join(parts), spans


def _time_expression(element: ET.Element, text: str, start: int, end: int, fallback: str,
                     errors: list[str]) -> TimeExpression | None:
    tid = element.get("tid") or fallback
    value = (element.get("value") or "").strip()
    kind = element.get("type", "")
    if not value or kind not in _TIMEX_TYPES:
        problem = "no value" if not value else f"type {kind!r} is not a TIMEX3 type"
        errors.append(f"TIMEX3 {tid} ({text[start:end]!r} at {start}): {problem}, left out")
        return None
    try:
        parsed: TimexValue | None = TimexValue.parse(value)
    except InvalidTimexError:
        parsed = None
    return TimeExpression(
        id=tid, text=text[start:end], start=start, end=end, type=cast(TimexType, kind),
        value=value, mod=element.get("mod") or None,
        earliest=iso_bound(parsed.earliest) if parsed else None,
        latest=iso_bound(parsed.latest) if parsed else None)


def _event_times(root: ET.Element) -> dict[str, list[str]]:
    """Event id → the ids of the times TLINKs say include one of its instances."""
    instances: dict[str, str] = {}
    times: dict[str, list[str]] = {}
    for element in _elements(root, "MAKEINSTANCE"):
        eiid, eid = element.get("eiid"), element.get("eventID")
        if eiid and eid:
            instances[eiid] = eid
    for link in _elements(root, "TLINK"):
        relation = link.get("relType")
        instance, time = link.get("eventInstanceID"), link.get("relatedToTime")
        if relation != "IS_INCLUDED":
            instance, time = link.get("relatedToEventInstance"), link.get("timeID")
            if relation != "INCLUDES":
                continue
        if instance in instances and time:
            times.setdefault(instances[instance], []).append(time)
    return times


def _elements(root: ET.Element, name: str) -> Iterator[ET.Element]:
    return (e for e in root.iter() if _local(e.tag) == name)


_DAY_RE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")


def _creation_date(root: ET.Element) -> dt.date | None:
    dct = next(_elements(root, "DCT"), None)
    candidates = list(_elements(dct, "TIMEX3")) if dct is not None else []
    candidates += [e for e in _elements(root, "TIMEX3")
                   if e.get("functionInDocument") == "CREATION_TIME"]
    for element in candidates:
        match = _DAY_RE.match(element.get("value") or "")
        if match:
            try:
                return dt.date(*map(int, match.groups()))
            except ValueError:
                continue
    return None
