"""Extraction over a Dask bag of documents, for corpora larger than one machine.

Each partition's documents are tagged where the partition lives and reconciled
into a partition `Timeline`; the partition timelines are tree-reduced with
`Timeline.merge`. Merging depends only on the set of documents, so the result
equals `timeline.extract` over all of them whatever the partitioning, except
that documents are listed in id order, as `Timeline.merge` lists them.

A bag item is a `Document`, a mapping ``{"id", "text", "language"?,
"published"?}`` (a JSON line, say), or the path of a ``.txt`` or ``.jsonl``
file (a ``.jsonl`` file gives one document a line). An item that cannot be
read or tagged becomes a `DocumentResult` whose ``errors`` say why, named by
its document id or by ``file:line``; it never stops the job.

Dask is an optional extra (``pip install 'timeline[dask]'``) imported only
when a function here is called.

Example:
    >>> from timeline.dask import extract
    >>> t = extract([{"id": "a", "text": "Talks were held on 20 February 2025."},
    ...              {"id": "b", "text": "The talks of 20 February 2025 ended."}],
    ...             language="en", npartitions=2, scheduler="sync")
    >>> [(e.type, e.value, len(e.mentions)) for e in t.events]
    [('meeting', '2025-02-20', 2)]
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, cast

from pydantic import ValidationError

from timeline.errors import TimelineError
from timeline.lexicon import normalize_code
from timeline.models import Document, DocumentResult, Timeline
from timeline.pipeline import build_timeline, parse_published, process_document

if TYPE_CHECKING:
    from dask.bag import Bag, Item

DocumentItem = Document | Mapping[str, Any] | str | os.PathLike[str]
"""What a bag may hold: a `Document`, a JSON-line mapping, or a file path."""

_FIELDS = ("id", "text", "language", "published")


def extract_bag(bag: Bag, *, language: str | None = None,
                published: dt.date | str | None = None) -> Bag:
    """Tag every document of a bag: a bag of unreconciled `DocumentResult`s.

    Args:
        bag: a `dask.bag.Bag` of `DocumentItem`s.
        language: ISO 639-1 code for documents that do not give one.
        published: publication date for documents that do not give one.

    Returns:
        A bag with one `DocumentResult` per document (a ``.jsonl`` path gives
        one per line); documents that failed carry ``errors``.

    Raises:
        UnsupportedLanguageError: ``language`` has no data.
        InputError: ``published`` is not a date.

    Example:
        >>> import dask.bag
        >>> bag = dask.bag.from_sequence([{"id": "a", "text": "Op 18 januari 1950."},
        ...                               {"id": "b", "text": "x", "language": "xx"}])
        >>> [(r.id, [t.value for t in r.timexes], r.errors)  # doctest: +ELLIPSIS
        ...  for r in extract_bag(bag, language="nl").compute(scheduler="sync")]
        [('a', ['1950-01-18'], []), ('b', [], ["unsupported language 'xx'; supported: ..."])]
    """
    code = normalize_code(language) if language else None
    return cast("Bag", bag.map_partitions(  # type: ignore[no-untyped-call]
        _process_partition, language=code, published=parse_published(published)))


def timeline_from_bag(bag: Bag, *, language: str | None = None,
                      published: dt.date | str | None = None, split_every: int = 8) -> Item:
    """The timeline of a bag of documents, as a lazy Dask `Item`.

    Each partition becomes a `Timeline`; the partition timelines are merged
    ``split_every`` at a time, in a tree, with `Timeline.merge`.

    Args:
        bag: a `dask.bag.Bag` of `DocumentItem`s.
        language: ISO 639-1 code for documents that do not give one.
        published: publication date for documents that do not give one.
        split_every: how many timelines one merge task combines.

    Returns:
        A `dask.bag.Item`; ``.compute()`` gives the `Timeline`.

    Raises:
        UnsupportedLanguageError: ``language`` has no data.
        InputError: ``published`` is not a date.

    Example:
        >>> import dask.bag
        >>> texts = ["The summit opened on 19 February 2025.", "The 2025 summit drew crowds."]
        >>> bag = dask.bag.from_sequence(
        ...     [{"id": str(k), "text": t} for k, t in enumerate(texts)], npartitions=2)
        >>> t = timeline_from_bag(bag, language="en").compute(scheduler="sync")
        >>> [(e.type, e.value, [m.document for m in e.mentions]) for e in t.events]
        [('meeting', '2025-02-19', ['0', '1']), ('opening', '2025-02-19', ['0'])]
    """
    if split_every < 2:
        raise ValueError(f"split_every must be at least 2, not {split_every}")
    results = extract_bag(bag, language=language, published=published)
    return cast("Item", results.reduction(  # type: ignore[no-untyped-call]
        _partition_timeline, merge_timelines, split_every=split_every))


def extract(documents: Iterable[DocumentItem], *, language: str | None = None,
            published: dt.date | str | None = None, npartitions: int | None = None,
            client: Any = None, scheduler: str | None = None,
            split_every: int = 8) -> Timeline:
    """Build the timeline of a collection of documents with Dask.

    Args:
        documents: `DocumentItem`s: `Document`s, mappings, or file paths.
        language: ISO 639-1 code for documents that do not give one.
        published: publication date for documents that do not give one.
        npartitions: how many partitions to cut the documents into (Dask's
            default when None).
        client: a `distributed.Client` to run on; when None, ``scheduler``.
        scheduler: a Dask scheduler name (``"sync"``, ``"threads"``,
            ``"processes"``); Dask's default when None.
        split_every: how many timelines one merge task combines.

    Raises:
        UnsupportedLanguageError: ``language`` has no data.
        InputError: ``published`` is not a date.

    Example:
        >>> t = extract([{"id": "a", "text": "Op 18 januari 1950 werd het gesticht."}],
        ...             language="nl", scheduler="sync")
        >>> [(e.type, e.value) for e in t.events]
        [('establishment', '1950-01-18')]
    """
    import dask.bag

    items = list(documents)
    bag = dask.bag.from_sequence(  # type: ignore[no-untyped-call]
        items, npartitions=npartitions if items else None)
    lazy = timeline_from_bag(bag, language=language, published=published,
                             split_every=split_every)
    result = lazy.compute(  # type: ignore[no-untyped-call]
        scheduler=client if client is not None else scheduler)
    assert isinstance(result, Timeline)
    return result


def merge_timelines(timelines: Iterable[Timeline]) -> Timeline:
    """Merge any number of timelines into one, as `Timeline.merge` merges two.

    Example:
        >>> import timeline
        >>> a = timeline.extract(["The summit opened on 19 February 2025."], language="en")
        >>> merge_timelines([a, a, Timeline()]) == a
        True
    """
    # One merge of all the documents instead of a chain of pairwise merges: a
    # timeline that holds every document and no events merges exactly like them.
    return Timeline(documents=[d for t in timelines for d in t.documents]).merge(Timeline())


def process_item(item: DocumentItem, *, language: str | None = None,
                 published: dt.date | None = None) -> Iterator[DocumentResult]:
    """Tag the documents of one bag item; failures become results with ``errors``.

    A path gives one result per document in the file; anything else gives one.
    A mapping without an ``id`` is named ``sha1:`` and the start of its text's
    SHA-1 digest.

    Example:
        >>> [(r.id, r.errors) for r in process_item({"id": "a", "text": 5})]
        [('a', ['"text" must be a string, not int'])]
        >>> [r.id for r in process_item({"text": "Nothing happened."}, language="en")]
        ['sha1:4501ec068e34']
    """
    if isinstance(item, (str, os.PathLike)):
        yield from _process_path(os.fspath(item), language, published)
        return
    doc = item if isinstance(item, Document) else _document(item)
    if isinstance(doc, DocumentResult):
        yield doc
        return
    try:
        yield process_document(doc, language=language, published=published)
    except Exception as exc:  # one bad document must not stop the job
        why = str(exc) if isinstance(exc, TimelineError) else f"internal error: {exc!r}"
        yield DocumentResult(id=doc.id, language=doc.language, errors=[why])


def _process_partition(items: Iterable[DocumentItem], language: str | None,
                       published: dt.date | None) -> list[DocumentResult]:
    return [r for item in items for r in process_item(item, language=language,
                                                        published=published)]


def _partition_timeline(results: Iterable[DocumentResult]) -> Timeline:
    return build_timeline(list(results))


def _process_path(path: str, language: str | None,
                  published: dt.date | None) -> Iterator[DocumentResult]:
    from timeline.io import InputProblem, read_inputs

    for got in read_inputs([path]):
        if isinstance(got, InputProblem):
            yield DocumentResult(id=got.where, language=None, errors=[got.message])
        else:
            yield from process_item(got, language=language, published=published)


def _document(record: Mapping[str, Any]) -> Document | DocumentResult:
    text = record.get("text")
    ident = record.get("id")
    if ident is None:
        digest = hashlib.sha1(str(text).encode("utf-8", "surrogatepass")).hexdigest()
        ident = "sha1:" + digest[:12]
    if not isinstance(text, str):
        why = f'"text" must be a string, not {type(text).__name__}'
        return DocumentResult(id=str(ident), language=None, errors=[why])
    try:
        return Document.model_validate({**{k: record.get(k) for k in _FIELDS},
                                        "id": str(ident)})
    except ValidationError as exc:
        first = exc.errors()[0]
        why = f"{'.'.join(map(str, first['loc']))}: {first['msg']}"
        return DocumentResult(id=str(ident), language=None, errors=[why])
