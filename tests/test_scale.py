"""Large inputs: streaming reading, the spooled timeline, `--jobs`, the progress bar."""

from __future__ import annotations

import datetime as dt
import fcntl
import io
import itertools
import json
import os
import pathlib
import pty
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline import io as timeline_io
from timeline.formats import render
from timeline.io import InputProblem, read_inputs
from timeline.models import Document
from timeline.parallel import _BATCH_DOCS, _BATCHES_PER_WORKER, Tagged, tag_documents
from timeline.pipeline import build_timeline, process_document
from timeline.spool import ResultSpool

ROOT = pathlib.Path(__file__).parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

TEXTS = [
    ("en", "The Lisbon summit took place on 12 March 2024. Ministers from Oslo attended."),
    ("en", "Three weeks after the summit in Lisbon, the trade ministers met again. "
           "The day before the summit, farmers protested."),
    ("en", "The harbour authority announced a new ferry link in 2024."),
    ("nl", "De voorjaarsbijeenkomst in Utrecht begint op 4 april 2024; vorig jaar ook."),
    ("de", "Die Ausstellung in Kassel wurde am 9. Mai 2023 eröffnet."),
    ("sv", "Vårmötet hölls i Umeå den 14 mars 2024."),
    ("en", "No dates in this one at all."),
    ("en", ""),
]


def documents(picks: list[int]) -> list[Document]:
    return [Document(id=f"d{k % 5}", text=TEXTS[p][1], language=TEXTS[p][0],
                     published=dt.date(2024, 5, 1) if k % 3 else None)
            for k, p in enumerate(picks)]


def spooled(docs: list[Document]) -> tuple[str, str, timeline.Timeline]:
    with ResultSpool() as spool:
        for tagged in tag_documents(docs):
            assert isinstance(tagged, Tagged)
            spool.add(tagged)
        done = spool.reconcile()
        as_json, as_jsonl = io.StringIO(), io.StringIO()
        done.write_json(as_json)
        done.write_jsonl(as_jsonl)
        return as_json.getvalue(), as_jsonl.getvalue(), done.timeline()


@settings(max_examples=25, deadline=None)
@given(picks=st.lists(st.integers(0, len(TEXTS) - 1), max_size=10))
def test_spooled_output_is_the_in_memory_output(picks: list[int]) -> None:
    docs = documents(picks)
    expected = build_timeline([process_document(d) for d in docs])
    as_json, as_jsonl, whole = spooled(docs)
    assert whole == expected
    assert as_json == render("json", expected)
    assert as_jsonl == render("jsonl", expected)


def test_event_relative_expressions_are_resolved_in_the_spooled_output() -> None:
    as_json, _, _ = spooled(documents([0, 1, 6]))
    [_, second, _] = json.loads(as_json)["documents"]
    day_before = next(t for t in second["timexes"] if t["text"] == "The day before")
    assert (day_before["value"], day_before["anchor"]) == ("2024-03-11", "event")
    assert all(m["event"] for m in second["mentions"])


def test_lone_surrogates_survive_the_spool() -> None:
    doc = Document(id="odd\ud800", text="On 3 March 2024 \udfff it snowed.", language="en")
    _, _, whole = spooled([doc])
    assert whole == build_timeline([process_document(doc)])


def test_jsonl_is_read_a_line_at_a_time() -> None:
    line = json.dumps({"text": "On 3 March 2024 it snowed."}).encode() + b"\n"
    stream = io.BytesIO(line * 20_000)
    first = next(read_inputs(["-"], stream))
    assert isinstance(first, Document) and first.id == "stdin:1"
    assert stream.tell() < 100 * len(line)


def test_a_bad_line_is_reported_alone(tmp_path: pathlib.Path) -> None:
    good = json.dumps({"id": "ok", "text": "Heute."}).encode()
    src = tmp_path / "mixed.jsonl"
    src.write_bytes(b"\xef\xbb\xbf" + good + b"\r\n" + b'{"id": "x", "text": "caf\xe9"}\n'
                    + b'{"id": "y", "text": "a\x00b"}\n' + b"\n" + good.replace(b"ok", b"ok2")
                    + b"\n" + b'{"id": 7, "text": "Morgen."}')
    got = [(x.where, x.message) if isinstance(x, InputProblem) else x.id
           for x in read_inputs([str(src)])]
    assert got == ["ok", (f"{src}:2", "not UTF-8 text (byte 24), skipped"),
                   (f"{src}:3", "binary line (contains NUL bytes), skipped"), "ok2", "7"]


def test_a_binary_jsonl_file_is_one_problem(tmp_path: pathlib.Path) -> None:
    src = tmp_path / "packed.jsonl"
    src.write_bytes(b"\x1f\x8b\x08\x00\x00\n\x00\x01\n\x02\x00\n")
    [problem] = read_inputs([str(src)])
    assert problem == InputProblem(str(src), "binary file (contains NUL bytes), skipped")


def test_documents_over_the_limit_are_skipped_unread(
        tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(timeline_io, "MAX_DOCUMENT_BYTES", 100)
    monkeypatch.setattr(timeline_io, "_CHUNK", 7)
    big = tmp_path / "big.txt"
    big.write_text("x" * 101, encoding="utf-8")
    fits = tmp_path / "fits.txt"
    fits.write_text("y" * 100, encoding="utf-8")
    lines = tmp_path / "lines.jsonl"
    lines.write_text(json.dumps({"text": "z" * 200}) + "\n" + json.dumps({"text": "w"}) + "\n",
                     encoding="utf-8")
    got = [x.message if isinstance(x, InputProblem) else x.text
           for x in read_inputs([str(big), str(fits), str(lines)])]
    assert got[1:] == ["y" * 100, got[2], "w"]
    assert "larger than" in got[0] and got[2].startswith("line larger than")


@pytest.mark.parametrize(("data", "expected"), [
    (b"", [("stdin", "")]),
    (b"  \n", [("stdin", "  \n")]),
    (b"A story.\n{not a line}\n", [("stdin", "A story.\n{not a line}\n")]),
    (b'\n{"id": "a", "text": "One."}\n{"text": "Two."}\n', [("a", "One."), ("stdin:3", "Two.")]),
])
def test_stdin_is_json_lines_when_its_first_line_is_an_object(
        data: bytes, expected: list[tuple[str, str]]) -> None:
    got = [(x.id, x.text) for x in read_inputs(["-"], io.BytesIO(data))
           if isinstance(x, Document)]
    assert got == expected


def test_tagging_keeps_only_a_few_batches_in_flight() -> None:
    pulled = 0

    def endless() -> Iterator[Document | str]:
        nonlocal pulled
        for k in itertools.count():
            pulled += 1
            yield Document(id=str(k), text="On 3 March 2024.", language="en")

    results = tag_documents(endless(), jobs=2)
    first = next(results)
    results.close()
    assert isinstance(first, Tagged) and first.id == "0"
    assert pulled <= (2 * _BATCHES_PER_WORKER + 1) * _BATCH_DOCS


def test_pooled_tagging_keeps_input_order_and_passes_problems_through() -> None:
    docs: list[Document | str] = [Document(id=str(k), text=f"Am {k % 28 + 1}. Mai 2024.",
                                           language="de") for k in range(70)]
    docs.insert(40, "a problem")
    docs.insert(0, "the first problem")
    one = list(tag_documents(docs, jobs=1))
    two = list(tag_documents(docs, jobs=2))
    assert one == two
    assert [getattr(x, "id", x) for x in two] == [getattr(x, "id", x) for x in docs]


def run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "timeline", *args], capture_output=True,
                          text=True, timeout=120, check=False, **kwargs)  # type: ignore[call-overload]


def test_jobs_give_the_same_output_on_the_seeds() -> None:
    paths = [str(p) for p in SEEDS]
    one = run(["extract", *paths, "--jobs", "1"])
    two = run(["extract", *paths, "--jobs", "2"])
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout == render("json", timeline.extract(SEEDS))
    assert one.stderr == two.stderr == ""


@pytest.fixture
def fifty(tmp_path: pathlib.Path) -> pathlib.Path:
    src = tmp_path / "fifty.jsonl"
    lines = [json.dumps({"id": f"n{k}", "text": TEXTS[k % len(TEXTS)][1],
                         "language": TEXTS[k % len(TEXTS)][0]}) for k in range(50)]
    lines[17] = '{"id": "broken", "text": '
    lines[31] = json.dumps({"id": "nowhere", "text": "Somewhere.", "language": "xx"})
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return src


@pytest.mark.parametrize("fmt", ["json", "jsonl", "table"])
def test_jobs_give_the_same_output_and_errors_on_json_lines(
        fifty: pathlib.Path, fmt: str) -> None:
    one = run(["extract", str(fifty), "--format", fmt, "--published", "2024-05-01"])
    two = run(["extract", str(fifty), "--format", fmt, "--published", "2024-05-01", "-j", "2"])
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout and one.stderr == two.stderr
    assert one.stderr.splitlines() == [f"timeline: {fifty}:18: invalid JSON (Expecting value)",
                                       "timeline: nowhere: unsupported language 'xx'; "
                                       "supported: da, de, en, es, fr, id, it, nl, no, pt, sv, vi"]


def test_strict_stops_at_the_first_bad_document_with_jobs(fifty: pathlib.Path) -> None:
    out = run(["extract", str(fifty), "--strict", "--jobs", "2"])
    assert out.returncode == 1 and out.stdout == ""
    assert out.stderr == f"timeline: {fifty}:18: invalid JSON (Expecting value)\n"


def test_jobs_must_be_a_count() -> None:
    out = run(["extract", "-", "--jobs", "-1"], input="text")
    assert out.returncode == 2 and "--jobs" in out.stderr


def test_no_progress_bar_unless_stderr_is_a_terminal() -> None:
    out = run(["extract", str(SEEDS[0])])
    assert out.returncode == 0 and out.stderr == ""


def run_with_terminal(args: list[str]) -> tuple[str, str]:
    """Run with standard error on a pseudo-terminal; returns (stdout, what the terminal got)."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    try:
        proc = subprocess.Popen([sys.executable, "-m", "timeline", *args],
                                stdout=subprocess.PIPE, stderr=follower, text=True)
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal's other end is closed
                break
            if not chunk:
                break
            shown += chunk
        stdout = proc.communicate(timeout=120)[0]
    finally:
        os.close(leader)
    return stdout, shown.decode("utf-8", "replace")


def test_progress_bar_goes_to_a_terminal_and_never_to_stdout() -> None:
    paths = [str(p) for p in SEEDS[:2]]
    stdout, shown = run_with_terminal(["extract", *paths, "--format", "table"])
    assert "tagging" in shown and "2/2" in shown
    assert stdout == render("table", timeline.extract(SEEDS[:2]))
    stdout, shown = run_with_terminal(["extract", *paths, "--format", "table", "--no-progress"])
    assert shown == ""


@pytest.mark.skipif(not pathlib.Path("/proc/self/stat").exists(), reason="needs /proc")
def test_workers_end_when_the_command_is_killed(tmp_path: pathlib.Path) -> None:
    src = tmp_path / "long.jsonl"
    src.write_text("".join(json.dumps({"text": text * 20, "language": code}) + "\n"
                           for code, text in TEXTS * 400), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "timeline", "extract", str(src), "-j", "2",
                             "-o", str(tmp_path / "out.json")], stderr=subprocess.DEVNULL)
    workers: list[pathlib.Path] = []
    for _ in range(100):
        workers = [stat.parent for stat in pathlib.Path("/proc").glob("[0-9]*/stat")
                   if _parent_of(stat) == proc.pid]
        if len(workers) >= 2:
            break
        time.sleep(0.1)
    assert len(workers) >= 2
    proc.kill()
    proc.wait()
    for _ in range(100):
        if not any(_alive(w) for w in workers):
            break
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers)


def _parent_of(stat: pathlib.Path) -> int | None:
    try:
        return int(stat.read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


def _alive(proc: pathlib.Path) -> bool:
    try:
        return (proc / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
