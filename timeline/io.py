"""Reading input documents from files, JSON lines and standard input.

Bad input never stops the run: each problem becomes an `InputProblem` naming
the file (and line), and every readable document is still returned.
`read_timeml` (from `timeline.formats.timeml`) reads a TimeML ``.tml`` file
into a document and its gold time expressions and events.
"""

from __future__ import annotations

import itertools
import json
import pathlib
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import IO

import attrs
from pydantic import ValidationError

from timeline.formats.timeml import read_timeml as read_timeml
from timeline.models import Document


@attrs.frozen
class InputProblem:
    """A document that could not be read, and why.

    Example:
        >>> InputProblem("a.jsonl:3", "invalid JSON").where
        'a.jsonl:3'
    """

    where: str
    message: str


MAX_DOCUMENT_BYTES = 50_000_000
"""A larger document is reported and skipped unread: tagging needs about fifty
times a document's size in memory (a 10 MB article takes some 600 MB)."""

_CHUNK = 1 << 20


def read_inputs(paths: Sequence[str],
                stdin: IO[bytes] | None = None) -> Iterator[Document | InputProblem]:
    """Documents from ``.txt`` files, ``.jsonl`` files, or ``-`` (standard input).

    A ``.jsonl`` line is ``{"id", "text", "language"?, "published"?}``; any
    other file is one document whose id is its file name. JSON lines and
    standard input are read a line at a time, so memory holds one document,
    never the whole input; a line that is not UTF-8 is reported on its own.
    Standard input whose first line is a JSON object is read as JSON lines,
    else as one document.

    Example:
        >>> import io
        >>> lines = io.BytesIO(b'{"id": "a", "text": "Op 18 januari."}\\n\\xff\\n')
        >>> [getattr(x, "id", None) or x.message for x in read_inputs(["-"], lines)]
        ['a', 'not UTF-8 text (byte 0), skipped']
    """
    for name in paths:
        if name == "-":
            yield from _read_stream("stdin", stdin or sys.stdin.buffer)
            continue
        path = pathlib.Path(name)
        if path.suffix != ".jsonl":
            yield _read_text_file(name, path)
            continue
        try:
            stream = path.open("rb")
        except OSError as exc:
            yield InputProblem(name, f"cannot read: {exc.strerror or exc}")
            continue
        with stream:
            lines = _lines(stream)
            first = next(lines, b"")
            if first is not None and b"\x00" in first:
                yield InputProblem(name, "binary file (contains NUL bytes), skipped")
                continue
            yield from _read_jsonl(name, itertools.chain([first], lines))


def _read_text_file(name: str, path: pathlib.Path) -> Document | InputProblem:
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as exc:
        return InputProblem(name, f"cannot read: {exc.strerror or exc}")
    if len(data) > MAX_DOCUMENT_BYTES:
        return InputProblem(name, _TOO_LARGE)
    return _document(name, path.name, data)


_TOO_LARGE = f"larger than {MAX_DOCUMENT_BYTES // 1_000_000} MB, skipped"


def _document(where: str, ident: str, data: bytes) -> Document | InputProblem:
    if b"\x00" in data:
        return InputProblem(where, "binary file (contains NUL bytes), skipped")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return InputProblem(where, f"not UTF-8 text (byte {exc.start}), skipped")
    return Document(id=ident, text=text)


def _lines(stream: IO[bytes]) -> Iterator[bytes | None]:
    """The stream's lines; None stands for a line too long to be a document."""
    while line := stream.readline(MAX_DOCUMENT_BYTES + 1):
        if len(line) <= MAX_DOCUMENT_BYTES or line.endswith(b"\n"):
            yield line
            continue
        while (rest := stream.readline(_CHUNK)) and not rest.endswith(b"\n"):
            pass
        yield None


def _read_stream(name: str, stream: IO[bytes]) -> Iterator[Document | InputProblem]:
    lines = _lines(stream)
    head: list[bytes | None] = []
    for line in lines:
        head.append(line)
        if line is None or line.strip():
            break
    first = head[-1] if head else None
    if first is not None and first.lstrip().startswith((b"{", b"\xef\xbb\xbf{")):
        yield from _read_jsonl(name, itertools.chain(head, lines))
        return
    if first is None and head:
        yield InputProblem(name, _TOO_LARGE)
        return
    data = b"".join(x for x in head if x is not None)
    data += stream.read(MAX_DOCUMENT_BYTES + 1 - len(data))
    if len(data) > MAX_DOCUMENT_BYTES:
        yield InputProblem(name, _TOO_LARGE)
        return
    yield _document(name, name, data)


def _read_jsonl(name: str, lines: Iterable[bytes | None]) -> Iterator[Document | InputProblem]:
    for number, raw in enumerate(lines, start=1):
        where = f"{name}:{number}"
        if raw is None:
            yield InputProblem(where, f"line {_TOO_LARGE}")
            continue
        if b"\x00" in raw:
            yield InputProblem(where, "binary line (contains NUL bytes), skipped")
            continue
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield InputProblem(where, f"not UTF-8 text (byte {exc.start}), skipped")
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputProblem(where, f"invalid JSON ({exc.msg})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield InputProblem(where, 'each line must be an object with a "text" string')
            continue
        record.setdefault("id", f"{pathlib.Path(name).name}:{number}")
        record["id"] = str(record["id"])
        try:
            yield Document.model_validate(
                {k: record.get(k) for k in ("id", "text", "language", "published")})
        except ValidationError as exc:
            first = exc.errors()[0]
            yield InputProblem(where, f"{'.'.join(map(str, first['loc']))}: {first['msg']}")
