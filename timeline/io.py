"""Reading input documents from files, JSON lines and standard input.

Bad input never stops the run: each problem becomes an `InputProblem` naming
the file (and line), and every readable document is still returned.
"""

from __future__ import annotations

import json
import pathlib
import sys
from collections.abc import Iterator
from typing import TextIO

import attrs
from pydantic import ValidationError

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


def read_inputs(paths: list[str], stdin: TextIO | None = None) -> Iterator[Document | InputProblem]:
    """Documents from ``.txt`` files, ``.jsonl`` files, or ``-`` (standard input).

    A ``.jsonl`` line is ``{"id", "text", "language"?, "published"?}``; any
    other file is one document whose id is its file name.
    """
    for name in paths:
        if name == "-":
            yield from _read_stream("stdin", stdin or sys.stdin)
            continue
        path = pathlib.Path(name)
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield InputProblem(name, f"cannot read: {exc.strerror or exc}")
            continue
        if b"\x00" in data:
            yield InputProblem(name, "binary file (contains NUL bytes), skipped")
            continue
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            yield InputProblem(name, f"not UTF-8 text (byte {exc.start}), skipped")
            continue
        if path.suffix == ".jsonl":
            yield from _read_jsonl(name, text.splitlines())
        else:
            yield Document(id=path.name, text=text)


def _read_stream(name: str, stream: TextIO) -> Iterator[Document | InputProblem]:
    text = stream.read()
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if lines and all(ln.lstrip().startswith("{") for ln in lines):
        yield from _read_jsonl(name, text.splitlines())
    else:
        yield Document(id=name, text=text)


def _read_jsonl(name: str, lines: list[str]) -> Iterator[Document | InputProblem]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
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
