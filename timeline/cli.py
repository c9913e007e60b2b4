"""The ``timeline`` command: argument parsing over the public API.

Exit codes: 0 all documents processed, 1 some input could not be read (the
others were still processed), 2 bad usage.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
from collections.abc import Sequence

from timeline.errors import TimelineError
from timeline.formats import FORMATS, ExportContext, Rendered, get_format
from timeline.io import InputProblem, read_inputs
from timeline.lexicon import normalize_code
from timeline.models import DocumentResult, Timeline
from timeline.pipeline import build_timeline, parse_published, process_document, tag


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
    sub.add_parser("schema", help="print the JSON Schema of the output")
    exp = sub.add_parser("explain", help="show each time expression with its rule and reasons")
    exp.add_argument("text", help="the text to tag (or - for stdin)")
    exp.add_argument("--language")
    exp.add_argument("--published")
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
    texts: dict[str, str] = {}
    results: list[DocumentResult] = []
    failed = 0
    for item in read_inputs(args.paths):
        if isinstance(item, InputProblem):
            failed += 1
            print(f"timeline: {item.where}: {item.message}", file=sys.stderr)
            if args.strict:
                return 1
            continue
        if fmt.needs_texts:
            texts[item.id] = item.text
        try:
            results.append(process_document(item, language=language, published=published))
        except Exception as exc:  # one bad document must not lose the others
            failed += 1
            why = str(exc) if isinstance(exc, TimelineError) else f"internal error: {exc!r}"
            print(f"timeline: {item.id}: {why}", file=sys.stderr)
            if args.strict:
                return 1
            results.append(DocumentResult(id=item.id, language=item.language, errors=[why]))
    timeline = build_timeline(results)
    _write(fmt.renderer()(timeline, ExportContext(texts=texts, entity=args.entity)), args.output)
    return 1 if failed else 0


def _write(out: Rendered, output: str | None) -> None:
    if isinstance(out, dict):
        assert output is not None
        folder = pathlib.Path(output)
        folder.mkdir(parents=True, exist_ok=True)
        for name, content in out.items():
            (folder / name).write_text(content, encoding="utf-8")
        print(f"timeline: wrote {len(out)} files to {folder}", file=sys.stderr)
    elif output:
        pathlib.Path(output).write_text(out, encoding="utf-8")
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
