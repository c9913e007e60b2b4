"""Tagging documents, in this process or in worker processes, in input order.

Workers are started with "spawn" and get documents in small batches; only a
few batches are in flight at a time, so memory holds the documents being
tagged, never the whole input, and results come back in input order whatever
the number of workers.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.process import BaseProcess
from typing import TypeVar

import attrs

from timeline.errors import TimelineError
from timeline.models import Document, DocumentResult
from timeline.pipeline import process_document

T = TypeVar("T")

_BATCH_CHARS = 64_000
_BATCH_DOCS = 32
_BATCHES_PER_WORKER = 2  # in flight: one being tagged, one waiting
_MAX_WAITING = 1_000  # read problems queued behind a batch before reading pauses


@attrs.frozen
class Tagged:
    """One document after tagging, serialised for the trip back from a worker.

    ``record`` is the `DocumentResult` as one line of JSON; ``reconcilable``
    the same result cut to what reconciliation reads (its event mentions and
    the expressions counted from an event), or None when it has no mention;
    ``error`` says why tagging failed (``record`` then lists it in ``errors``).

    Example:
        >>> t = tag_document(Document(id="a", text="Op 18 januari 1950."), language="nl")
        >>> (t.id, t.chars, t.error, json.loads(t.record)["timexes"][0]["value"])
        ('a', 19, None, '1950-01-18')
    """

    id: str
    chars: int
    record: str
    reconcilable: str | None
    error: str | None = None


def tag_document(doc: Document, language: str | None = None,
                 published: dt.date | None = None) -> Tagged:
    """Tag one document; a failure becomes a result that names it, never an exception.

    Args:
        doc: the document; its own language and publication date win.
        language: ISO 639-1 code for a document that does not give one.
        published: publication date for a document that does not give one.

    Example:
        >>> tag_document(Document(id="x", text="…", language="xx")).error  # doctest: +ELLIPSIS
        "unsupported language 'xx'; supported: da, de, ..."
    """
    error = None
    try:
        result = process_document(doc, language=language, published=published)
    except Exception as exc:  # one bad document must not lose the others
        error = str(exc) if isinstance(exc, TimelineError) else f"internal error: {exc!r}"
        result = DocumentResult(id=doc.id, language=doc.language, errors=[error])
    reconcilable = None
    if result.mentions:
        cut = result.model_copy(update={
            "timexes": [t for t in result.timexes if t.relative_to is not None]})
        reconcilable = json.dumps(cut.model_dump(mode="json"))
    return Tagged(id=doc.id, chars=len(doc.text), record=json.dumps(result.model_dump(mode="json")),
                  reconcilable=reconcilable, error=error)


def _tag_batch(batch: list[Document], language: str | None,
               published: dt.date | None) -> list[Tagged]:
    return [tag_document(doc, language, published) for doc in batch]


def available_cores() -> int:
    """The number of cores this process may run on.

    Example:
        >>> available_cores() >= 1
        True
    """
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def tag_documents(items: Iterable[Document | T], *, language: str | None = None,
                  published: dt.date | None = None,
                  jobs: int = 1) -> Generator[Tagged | T, None, None]:
    """Tag each `Document` of ``items``, passing anything else through, in input order.

    Args:
        items: documents, mixed with anything to pass on in place (read problems).
        language: default language for documents that do not give one.
        published: default publication date for documents that do not give one.
        jobs: worker processes; 1 tags in this process, 0 uses every core.
            Workers are spawned, so they import the calling script again: a
            script using ``jobs != 1`` keeps its work under
            ``if __name__ == "__main__":``.

    Raises:
        TimelineError: a worker process died (killed, out of memory).

    Example:
        >>> docs = [Document(id="a", text="Op 18 januari 1950."), "a read problem"]
        >>> [getattr(x, "id", x) for x in tag_documents(docs, language="nl")]
        ['a', 'a read problem']
    """
    jobs = available_cores() if jobs == 0 else jobs
    if jobs == 1:
        for item in items:
            yield tag_document(item, language, published) if isinstance(item, Document) else item
        return
    yield from _pooled(items, language, published, jobs)


def _pooled(items: Iterable[Document | T], language: str | None, published: dt.date | None,
            jobs: int) -> Iterator[Tagged | T]:
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_start_worker)
    pending: deque[Future[list[Tagged]] | T] = deque()
    submitted = 0
    try:
        for batch in _batches(items):
            if isinstance(batch, list):
                pending.append(pool.submit(_tag_batch, batch, language, published))
                submitted += 1
            else:
                pending.append(batch)
            while submitted >= jobs * _BATCHES_PER_WORKER or len(pending) > _MAX_WAITING or (
                    pending and not isinstance(pending[0], Future)):
                head = pending.popleft()
                if isinstance(head, Future):
                    submitted -= 1
                    yield from _result(head)
                else:
                    yield head
        while pending:
            head = pending.popleft()
            if isinstance(head, Future):
                yield from _result(head)
            else:
                yield head
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start_worker() -> None:
    # Ctrl-C reaches every process of the terminal's group: the parent stops the
    # pool, letting the batches in flight end, instead of each worker failing alone.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()


def _exit_with(parent: BaseProcess) -> None:
    # A parent killed outright cannot stop its pool, and the workers, which share
    # the task queue's pipe, would wait on it for ever.
    parent.join()
    os._exit(1)


def _result(future: Future[list[Tagged]]) -> list[Tagged]:
    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise TimelineError(f"a worker process stopped unexpectedly ({exc})") from exc


def _batches(items: Iterable[Document | T]) -> Iterator[list[Document] | T]:
    """Documents grouped into small batches; anything else on its own, in order."""
    batch: list[Document] = []
    chars = 0
    for item in items:
        if not isinstance(item, Document):
            if batch:
                yield batch
                batch, chars = [], 0
            yield item
            continue
        batch.append(item)
        chars += len(item.text)
        if chars >= _BATCH_CHARS or len(batch) >= _BATCH_DOCS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch
