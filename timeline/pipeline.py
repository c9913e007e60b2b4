"""The pipeline end to end: text → language → candidates → anchored values → models."""

from __future__ import annotations

import datetime as dt
import os
import pathlib
import re
from collections.abc import Iterable

from timeline.anchor import Anchored, anchor_candidates, find_dateline
from timeline.detect import detect_language
from timeline.errors import InputError
from timeline.events import Mention, find_mentions
from timeline.lexicon import (
    load_lexicon,
    normalize_code,
)
from timeline.models import (
    Document,
    DocumentResult,
    EventMention,
    TimeExpression,
    Timeline,
    time_expressions,
)
from timeline.reconcile import counted_from_events, mention_records, reconcile
from timeline.tagger import find_candidates

DocumentLike = str | os.PathLike[str] | Document
_MAX_CHARS = 50_000_000
_PHRASE_GAP = 40  # characters between trigger and date in an event's quoted phrase


def parse_published(published: dt.date | str | None) -> dt.date | None:
    """A publication date from a `date`, an ISO string, or None.

    Raises:
        InputError: the string is not a valid ISO date.

    Example:
        >>> parse_published("2025-02-21")
        datetime.date(2025, 2, 21)
    """
    if published is None or isinstance(published, dt.date):
        if isinstance(published, dt.datetime):
            return published.date()
        return published
    written = str(published).strip()
    try:
        if len(written) > 10:  # a date and time: 2025-02-21T08:00:00+01:00
            return dt.datetime.fromisoformat(written).date()
        return dt.date.fromisoformat(written)
    except ValueError as exc:
        raise InputError(f"invalid published date {published!r}: expected YYYY-MM-DD") from exc


def tag(text: str, *, language: str | None = None,
        published: dt.date | str | None = None) -> list[TimeExpression]:
    """Find the time expressions in one text and give each its TIMEX3 value.

    Args:
        text: the document text; offsets in the result index it.
        language: ISO 639-1 code; detected from the text when None.
        published: the document's publication date (the reference for
            ``yesterday``, ``next month``, a date without a year).

    Raises:
        UnsupportedLanguageError: ``language`` has no data.
        InputError: ``published`` is not a date.

    Example:
        >>> [t.value for t in tag("Gisteren en op 14 en 15 april 2025.", language="nl",
        ...                       published="2025-02-21")]
        ['2025-02-20', '2025-04-14/2025-04-15']
    """
    return time_expressions(_anchored(text, language, published)[2])


def _anchored(text: str, language: str | None,
              published: dt.date | str | None) -> tuple[str, str, list[Anchored]]:
    """The language, the text as tagged (see `valid_unicode`) and its anchored values."""
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}")
    code = normalize_code(language) if language else detect_language(text)
    if len(text) > _MAX_CHARS:
        raise InputError(f"document of {len(text)} characters exceeds {_MAX_CHARS}")
    text = valid_unicode(text)
    if not text.strip():
        return code, text, []
    lex = load_lexicon(code)
    candidates = find_candidates(text, lex)
    reference = parse_published(published)
    if reference is None:
        reference = find_dateline(text, candidates)
    return code, text, anchor_candidates(text, candidates, reference)


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def valid_unicode(text: str) -> str:
    """``text`` with lone surrogates (which no UTF-8 output can hold) replaced by U+FFFD,
    one for one, so every offset stays valid.

    Example:
        >>> valid_unicode("met " + chr(0xD800) + " on 4 March")
        'met \ufffd on 4 March'
    """
    if _SURROGATE_RE.search(text) is None:
        return text
    return _SURROGATE_RE.sub("\ufffd", text)


def read_document(item: DocumentLike, index: int = 0) -> Document:
    """Turn a string, a path or a `Document` into a `Document`.

    A `str` that names an existing file is read as that file; any other `str`
    is the text itself (its id is ``doc<index>``).

    Raises:
        InputError: a file that cannot be read as UTF-8 text.
    """
    if isinstance(item, Document):
        return item
    if isinstance(item, os.PathLike) or (isinstance(item, str) and "\n" not in item
                                         and len(item) < 4096 and _is_file(item)):
        path = pathlib.Path(item)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: cannot read as UTF-8 text ({exc})") from exc
        if "\x00" in text:
            raise InputError(f"{path}: binary file (contains NUL bytes)")
        return Document(id=path.name, text=text)
    return Document(id=f"doc{index}", text=str(item))


def _is_file(name: str) -> bool:
    try:
        return pathlib.Path(name).is_file()
    except (OSError, ValueError):
        return False


def process_document(doc: Document, *, language: str | None = None,
                     published: dt.date | str | None = None) -> DocumentResult:
    """Tag one document and find its event mentions (not yet reconciled).

    The document's own language and publication date win over the defaults.
    """
    pub = parse_published(doc.published if doc.published is not None else published)
    code, text, anchored = _anchored(doc.text, doc.language or language, pub)
    timexes = time_expressions(anchored)
    found = find_mentions(text, load_lexicon(code), anchored)
    named = {m.names_event_for: f"m{k}" for k, m in enumerate(found, start=1)
             if m.names_event_for is not None}
    timexes = [t.model_copy(update={"relative_to": named[k]}) if k in named else t
               for k, t in enumerate(timexes)]
    mentions = [
        EventMention(id=f"m{k}", text=m.text, start=m.start, end=m.end, type=m.type,
                     timex=timexes[m.timex].id if m.timex is not None else None,
                     value=m.value.iso() if m.value is not None else None, mod=m.mod,
                     participants=sorted(m.participants), key=m.key,
                     phrase_start=a, phrase_end=b, phrase=text[a:b])
        for k, m in enumerate(found, start=1)
        for a, b in [_phrase(m, anchored)]]
    return DocumentResult(id=doc.id, language=code, published=pub, timexes=timexes,
                          mentions=mentions)


def _phrase(m: Mention, anchored: list[Anchored]) -> tuple[int, int]:
    """The mention with its date, from the trigger to the timex, when they stand close."""
    if m.timex is None:
        return m.start, m.end
    t = anchored[m.timex]
    a, b = min(m.start, t.start), max(m.end, t.end)
    gap = b - a - (m.end - m.start) - (t.end - t.start)
    return (a, b) if gap <= _PHRASE_GAP else (m.start, m.end)


def extract(documents: Iterable[DocumentLike] | DocumentLike, *, language: str | None = None,
            published: dt.date | str | None = None) -> Timeline:
    """Build the timeline of a set of documents.

    Args:
        documents: texts, paths, or `Document`s (a single one is accepted too).
        language: default language for documents that do not name one.
        published: default publication date for documents that do not give one.

    Example:
        >>> t = extract(["The summit opened on 19 February 2025."], language="en")
        >>> [x.value for x in t.documents[0].timexes]
        ['2025-02-19']
    """
    if isinstance(documents, (str, os.PathLike, Document)):
        documents = [documents]
    results = [process_document(read_document(item, k), language=language, published=published)
               for k, item in enumerate(documents, start=1)]
    return build_timeline(results)


def build_timeline(results: list[DocumentResult]) -> Timeline:
    """Reconcile the documents' mentions into the ordered `Timeline` (see
    `timeline.reconcile.reconcile`): mentions linked to their events, expressions
    counted from an event re-dated."""
    done = reconcile(mention_records(results), counted_from_events(results))
    return Timeline(documents=[done.linked(d) for d in results], events=done.events)
