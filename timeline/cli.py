"""The ``timeline`` command: argument parsing over the public API.

Exit codes: 0 all documents processed, 1 some input could not be read (the
others were still processed), 2 bad usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pathlib
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing
from typing import TYPE_CHECKING, Never, TextIO

from timeline.errors import TimelineError
from timeline.formats import FORMATS, ExportContext, Rendered, get_format
from timeline.io import InputProblem, read_inputs
from timeline.lexicon import normalize_code
from timeline.models import Document, Timeline
from timeline.parallel import tag_documents
from timeline.pipeline import parse_published, tag
from timeline.spool import ResultSpool, SpooledTimeline

if TYPE_CHECKING:
    from tqdm import tqdm


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="timeline", description=(
        "Find dates and events in news articles and build one ordered timeline."))
    sub = p.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="tag documents and print their timeline")
    ex.add_argument("paths", nargs="+", metavar="PATH",
                    help=".txt files, .jsonl files (id, text, language?, published?), - for stdin")
    ex.add_argument("--format", choices=list(FORMATS), default="json",
                    help="; ".join(f"{f.name}: {f.description}" for f in FORMATS.values()))
    ex.add_argument("--entity", help="the participant a semeval-timeline is built for")
    ex.add_argument("--language", help="ISO 639-1 code for documents that do not give one")
    ex.add_argument("--published", help="publication date YYYY-MM-DD for documents without one")
    ex.add_argument("-o", "--output", help=(
        "write here instead of standard output (a directory for timeml and semeval-timeline)"))
    ex.add_argument("--strict", action="store_true", help="stop at the first bad document")
    ex.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N", help=(
        "tag documents in N worker processes (0: one per core); the output is the same"))
    ex.add_argument("--no-progress", action="store_true",
                    help="no progress bar (it is shown on standard error only if a terminal)")
    sub.add_parser("schema", help="print the JSON Schema of the output")
    exp = sub.add_parser("explain", help="show each time expression with its rule and reasons")
    exp.add_argument("text", help="the text to tag (or - for stdin)")
    exp.add_argument("--language")
    exp.add_argument("--published")
    sh = sub.add_parser("show", help=(
        "show a saved timeline (extract --format json or jsonl) as a table or in a browser"))
    sh.add_argument("file", metavar="FILE", help="the saved .json or .jsonl timeline (- for stdin)")
    sh.add_argument("--html", action="store_true", help=(
        "the HTML view instead of the table, opened in a web browser unless -o is given"))
    sh.add_argument("-o", "--output", help="write here instead of standard output or a browser")
    sh.add_argument("--texts", nargs="+", metavar="PATH", help=(
        "the documents as given to extract, so that the HTML view quotes whole sentences"))
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "schema":
            print(json.dumps(Timeline.model_json_schema(), indent=2))
            return 0
        if args.command == "explain":
            return _explain(args)
        if args.command == "show":
            return _show(args)
        return _extract(args)
    except TimelineError as exc:
        print(f"timeline: error: {exc}", file=sys.stderr)
        return 2


def _extract(args: argparse.Namespace) -> int:
    language = normalize_code(args.language) if args.language else None
    published = parse_published(args.published)
    fmt = get_format(args.format)
    if fmt.multi_file and not args.output:
        raise TimelineError(f"--format {fmt.name} writes one file per "
                            f"{'entity' if fmt.needs_entity else 'document'}: give -o DIRECTORY")
    if fmt.needs_entity and not args.entity:
        raise TimelineError(f"--format {fmt.name} needs --entity NAME")
    if args.output and not fmt.multi_file and not pathlib.Path(args.output).parent.is_dir():
        raise TimelineError(f"cannot write {args.output}: no such directory")  # before the work
    texts: dict[str, str] = {}
    items = read_inputs(args.paths)
    if fmt.needs_texts:
        items = _keeping_texts(items, texts)
    with ResultSpool() as spool:
        failed = _tag_into(spool, items, args, language, published)
        if failed and args.strict:
            return 1
        done = spool.reconcile()
        stream = _STREAMED.get((fmt.module, fmt.function))
        try:
            if stream is None:
                _write(fmt.renderer()(done.timeline(),
                                      ExportContext(texts=texts, entity=args.entity)),
                       args.output)
            elif args.output:
                with open(args.output, "w", encoding="utf-8") as out:
                    stream(done, out)
            else:
                stream(done, sys.stdout)
        except OSError as exc:
            print(f"timeline: cannot write {args.output or 'the output'}: "
                  f"{exc.strerror or exc}", file=sys.stderr)
            return 2
    return 1 if failed else 0


def _tag_into(spool: ResultSpool, items: Iterator[Document | InputProblem],
              args: argparse.Namespace, language: str | None, published: dt.date | None) -> int:
    """Tag the documents into ``spool``, reporting each bad one; returns how many were
    bad (with ``--strict``, stops at the first)."""
    failed = chars = 0
    with _progress(args) as bar, closing(tag_documents(
            items, language=language, published=published, jobs=args.jobs)) as tagged:
        for item in tagged:
            bar.update()
            if isinstance(item, InputProblem):
                failed += 1
                _say(bar, f"timeline: {item.where}: {item.message}")
            else:
                chars += item.chars
                bar.set_postfix_str(f"{bar.format_sizeof(chars)} chars", refresh=False)
                if item.error is not None:
                    failed += 1
                    _say(bar, f"timeline: {item.id}: {item.error}")
                spool.add(item)
            if failed and args.strict:
                break
    return failed


# Formats written a document at a time, in bounded memory; the others are
# rendered from the whole timeline.
_STREAMED: dict[tuple[str, str], Callable[[SpooledTimeline, TextIO], None]] = {
    ("timeline.export", "render_json"): SpooledTimeline.write_json,
    ("timeline.export", "render_jsonl"): SpooledTimeline.write_jsonl,
}


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = -1
    if jobs < 0:
        raise argparse.ArgumentTypeError(
            f"expected a number of processes (0: one per core), not {value!r}")
    return jobs


def _keeping_texts(items: Iterator[Document | InputProblem],
                   texts: dict[str, str]) -> Iterator[Document | InputProblem]:
    for item in items:
        if isinstance(item, Document):
            texts[item.id] = item.text
        yield item


def _progress(args: argparse.Namespace) -> tqdm[Never]:
    """A bar on standard error counting documents, only when a person watches it."""
    from tqdm import tqdm

    known = all(p != "-" and pathlib.Path(p).suffix != ".jsonl" for p in args.paths)
    return tqdm(total=len(args.paths) if known else None, unit="doc", desc="tagging",
                file=sys.stderr, disable=args.no_progress or not sys.stderr.isatty())


def _say(bar: tqdm[Never], message: str) -> None:
    if bar.disable:
        print(message, file=sys.stderr)
    else:
        bar.write(message, file=sys.stderr)


def _write(out: Rendered, output: str | None) -> None:
    if isinstance(out, dict):
        assert output is not None
        folder = pathlib.Path(output)
        folder.mkdir(parents=True, exist_ok=True)
        for name, content in out.items():
            (folder / name).write_text(content, encoding="utf-8", newline="")
        print(f"timeline: wrote {len(out)} files to {folder}", file=sys.stderr)
    elif output:  # newline="": CSV and iCalendar lines end in CRLF on every platform
        pathlib.Path(output).write_text(out, encoding="utf-8", newline="")
    else:
        sys.stdout.write(out)


def _explain(args: argparse.Namespace) -> int:
    text = sys.stdin.read() if args.text == "-" else args.text
    for t in tag(text, language=args.language, published=args.published):
        print(f"{t.start}-{t.end}  {t.text!r}")
        print(f"    {t.type} {t.value}" + (f" mod={t.mod}" if t.mod else ""))
        print(f"    rule: {t.rule}; anchor: {t.anchor or 'none'}")
        if t.note:
            print(f"    why: {t.note}")
        if t.alternatives:
            print(f"    rejected: {', '.join(t.alternatives)}")
    return 0


def _show(args: argparse.Namespace) -> int:
    try:
        saved = _read_timeline(args.file)
    except (OSError, ValueError) as exc:
        print(f"timeline: {args.file}: {_unreadable(exc)}", file=sys.stderr)
        return 1
    texts: dict[str, str] = {}
    failed = 0
    for item in _keeping_texts(read_inputs(args.texts or []), texts):
        if isinstance(item, InputProblem):
            failed += 1
            print(f"timeline: {item.where}: {item.message}", file=sys.stderr)
    out = get_format("html" if args.html else "table").renderer()(
        saved, ExportContext(texts=texts))
    if args.output or not args.html:
        try:
            _write(out, args.output)
        except OSError as exc:
            print(f"timeline: {args.output}: {_unreadable(exc)}", file=sys.stderr)
            return 1
        return 1 if failed else 0
    import tempfile
    import webbrowser

    with tempfile.NamedTemporaryFile("w", encoding="utf-8", prefix="timeline-", suffix=".html",
                                     delete=False) as page:
        page.write(str(out))
    uri = pathlib.Path(page.name).as_uri()
    if not webbrowser.open(uri):
        print(f"timeline: no web browser found; open {uri}", file=sys.stderr)
    return 1 if failed else 0


def _read_timeline(path: str) -> Timeline:
    """A timeline saved by ``extract --format json`` or ``--format jsonl``."""
    raw = sys.stdin.read() if path == "-" else pathlib.Path(path).read_text(encoding="utf-8")
    if not path.endswith(".jsonl") and not raw.lstrip().startswith(('{"document"', '{"event"')):
        return Timeline.model_validate_json(raw)
    parts: dict[str, list[object]] = {"document": [], "event": []}
    for n, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError as exc:
            raise ValueError(f"line {n}: invalid JSON") from exc
        kind = next(iter(item), None) if isinstance(item, dict) and len(item) == 1 else None
        if kind not in parts:
            raise ValueError(f'line {n}: expected {{"document": …}} or {{"event": …}}')
        parts[kind].append(item[kind])
    return Timeline.model_validate({"documents": parts["document"], "events": parts["event"]})


def _unreadable(exc: OSError | ValueError) -> str:
    """Why a file could not be used, in one line."""
    from pydantic import ValidationError

    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        if first["type"] == "json_invalid":
            return f"invalid JSON ({first['msg'].removeprefix('Invalid JSON: ')})"
        where = ".".join(str(p) for p in first["loc"]) or "top level"
        return f"not a saved timeline (extract --format json): {where}: {first['msg']}"
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)
