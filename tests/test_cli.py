"""The command line: formats, inputs, schema, explain, and bad input."""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys

import pytest

from timeline.cli import main

SEEDS = sorted((pathlib.Path(__file__).parent.parent / "seeds").glob("*.txt"))


def run(args: list[str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "timeline", *args], input=stdin,
                          capture_output=True, text=True, timeout=120, check=False)


def test_extract_json_follows_the_contract(tmp_path: pathlib.Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("The ministers met on 19 February 2025.", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("", encoding="utf-8")
    out = run(["extract", str(a), str(b), "--language", "en", "--format", "json"])
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert [d["id"] for d in data["documents"]] == ["a.txt", "b.txt"]
    t = data["documents"][0]["timexes"][0]
    assert set(t) >= {"id", "text", "start", "end", "type", "value", "mod", "earliest",
                      "latest", "anchor"}
    assert (t["value"], t["earliest"], t["latest"]) == ("2025-02-19", "2025-02-19", "2025-02-19")
    assert data["documents"][1]["timexes"] == []
    [event] = data["events"]
    assert (event["type"], event["value"]) == ("meeting", "2025-02-19")
    assert event["mentions"] == [{"document": "a.txt", "start": 14, "end": 37,
                                  "text": "met on 19 February 2025", "language": "en"}]


def test_jsonl_input_and_output(tmp_path: pathlib.Path) -> None:
    src = tmp_path / "docs.jsonl"
    src.write_text(
        json.dumps({"id": "x", "text": "Gisteren regende het.", "language": "nl",
                    "published": "2025-02-21"}) + "\n"
        + "not json\n"
        + json.dumps({"id": "y", "text": "Heute ist Freitag.", "language": "de"}) + "\n",
        encoding="utf-8")
    out = run(["extract", str(src), "--format", "jsonl"])
    assert out.returncode == 1
    assert "docs.jsonl:2" in out.stderr and "invalid JSON" in out.stderr
    lines = [json.loads(x) for x in out.stdout.splitlines()]
    docs = [x["document"] for x in lines if "document" in x]
    assert [d["id"] for d in docs] == ["x", "y"]
    assert docs[0]["timexes"][0]["value"] == "2025-02-20"
    assert docs[0]["timexes"][0]["anchor"] == "published"


def test_stdin_and_table() -> None:
    out = run(["extract", "-", "--language", "en", "--format", "table"],
              stdin="Relations began on 18 January 1950.")
    assert out.returncode == 0, out.stderr
    header, row = out.stdout.splitlines()
    assert header.split() == ["date", "event", "languages", "sources"]
    assert row.split()[0] == "1950-01-18" and row.split()[-2:] == ["en", "1"]


def test_binary_and_missing_files_are_reported_not_fatal(tmp_path: pathlib.Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("On 3 March 2024 it snowed.", encoding="utf-8")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02\xff")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("caf\xe9".encode("latin-1"))
    out = run(["extract", str(binary), str(latin), str(tmp_path / "missing.txt"), str(good),
               "--language", "en"])
    assert out.returncode == 1
    for name in ("bin.txt", "latin.txt", "missing.txt"):
        assert name in out.stderr
    assert "Traceback" not in out.stderr
    assert [d["id"] for d in json.loads(out.stdout)["documents"]] == ["good.txt"]


def test_unknown_language_is_a_clear_error(tmp_path: pathlib.Path) -> None:
    out = run(["extract", "-", "--language", "xx"], stdin="text")
    assert out.returncode == 2
    assert "unsupported language 'xx'" in out.stderr and "en" in out.stderr


def test_invalid_published_is_a_clear_error() -> None:
    out = run(["extract", "-", "--published", "2025-02-31"], stdin="text")
    assert out.returncode == 2 and "invalid published date" in out.stderr


def test_schema_is_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Timeline"
    assert {"documents", "events"} <= set(schema["properties"])


def test_explain_prints_rule_and_reason(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "Signed 03/04/2025.", "--language", "en"]) == 0
    out = capsys.readouterr().out
    assert "2025-03-04" in out and "rule: numeric_date" in out and "MDY" in out
    assert "rejected: 2025-04-03" in out


def test_output_file(tmp_path: pathlib.Path) -> None:
    target = tmp_path / "out.json"
    assert main(["extract", str(SEEDS[0]), "-o", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["documents"][0]["id"] == SEEDS[0].name


def test_an_unwritable_output_is_a_clear_error_before_any_work(
        tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "a.txt"
    src.write_text("The summit opened on 19 February 2025.", encoding="utf-8")
    target = tmp_path / "missing" / "out.json"
    assert main(["extract", str(src), "-o", str(target)]) == 2
    assert "cannot write" in capsys.readouterr().err and not target.exists()


def test_crlf_formats_keep_their_line_ends(tmp_path: pathlib.Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("The summit opened on 19 February 2025.", encoding="utf-8")
    target = tmp_path / "out.ics"
    assert main(["extract", str(src), "--language", "en", "--format", "ics",
                 "-o", str(target)]) == 0
    data = target.read_bytes()
    assert b"\r\n" in data and b"\r\r\n" not in data
