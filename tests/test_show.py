"""`timeline show`: a saved extraction as the table or the HTML view."""

from __future__ import annotations

import io
import json
import pathlib
import re
import subprocess
import sys
import webbrowser
from collections.abc import Callable
from typing import Any

import pytest

import timeline
from timeline.cli import main
from timeline.export import to_json, to_jsonl, to_table

TEXTS = {
    "a.txt": "Regen. Die Minister trafen sich am 19. Februar 2025 in der Hauptstadt.",
    "b.txt": "De ministers ondertekenden op 20 februari 2025 een verdrag. Daarna regende het.",
}


@pytest.fixture
def saved(tmp_path: pathlib.Path) -> tuple[timeline.Timeline, pathlib.Path]:
    docs = []
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        docs.append(str(tmp_path / name))
    t = timeline.extract(docs)
    path = tmp_path / "saved.json"
    path.write_text(to_json(t), encoding="utf-8")
    return t, path


def embedded(page: str) -> dict[str, Any]:
    m = re.search(r'<script id="timeline-data" type="application/json">(.*?)</script>', page, re.S)
    assert m is not None
    data: dict[str, Any] = json.loads(m.group(1))
    return data


def recorder(opened: list[str]) -> Callable[..., bool]:
    """A stand-in for `webbrowser.open` that notes the address instead of opening it."""
    def record(uri: str, *args: object, **kwargs: object) -> bool:
        opened.append(uri)
        return True
    return record


def test_show_prints_the_table(saved: tuple[timeline.Timeline, pathlib.Path],
                               capsys: pytest.CaptureFixture[str]) -> None:
    t, path = saved
    assert main(["show", str(path)]) == 0
    out = capsys.readouterr().out
    assert out == to_table(t) + "\n"
    assert "verdrag" in out and "trafen" in out


def test_show_reads_jsonl_output_too(saved: tuple[timeline.Timeline, pathlib.Path],
                                     tmp_path: pathlib.Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    t, _ = saved
    path = tmp_path / "saved.jsonl"
    path.write_text("\n".join(to_jsonl(t)) + "\n", encoding="utf-8")
    assert main(["show", str(path)]) == 0
    assert capsys.readouterr().out == to_table(t) + "\n"


def test_show_html_writes_the_view(saved: tuple[timeline.Timeline, pathlib.Path],
                                   tmp_path: pathlib.Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    t, path = saved
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", recorder(opened))
    out = tmp_path / "view.html"
    assert main(["show", str(path), "--html", "-o", str(out)]) == 0
    assert opened == []
    data = embedded(out.read_text(encoding="utf-8"))
    assert [e["id"] for e in data["events"]] == [e.id for e in t.events]
    # Without the documents, a source quotes only the mention's own words.
    quotes = {s["text"] for e in data["events"] for s in e["sources"]}
    assert quotes == {m.text for e in t.events for m in e.mentions}


def test_show_html_quotes_sentences_given_the_texts(
        saved: tuple[timeline.Timeline, pathlib.Path], tmp_path: pathlib.Path) -> None:
    _, path = saved
    out = tmp_path / "view.html"
    texts = [str(tmp_path / name) for name in TEXTS]
    assert main(["show", str(path), "--html", "-o", str(out), "--texts", *texts]) == 0
    data = embedded(out.read_text(encoding="utf-8"))
    quotes = {s["text"] for e in data["events"] for s in e["sources"]}
    assert "Die Minister trafen sich am 19. Februar 2025 in der Hauptstadt." in quotes
    assert "De ministers ondertekenden op 20 februari 2025 een verdrag." in quotes


def test_show_html_opens_a_browser_without_o(saved: tuple[timeline.Timeline, pathlib.Path],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    _, path = saved
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", recorder(opened))
    assert main(["show", str(path), "--html"]) == 0
    [uri] = opened
    page = pathlib.Path(uri.removeprefix("file://"))
    try:
        assert uri.startswith("file://") and page.suffix == ".html"
        assert "timeline-data" in page.read_text(encoding="utf-8")
    finally:
        page.unlink()


@pytest.mark.parametrize(("content", "message"), [
    (None, "No such file"),
    ("not json at all", "invalid JSON"),
    ("[1, 2]", "not a saved timeline"),
    ('{"documents": [{"id": 3}]}', "documents.0.id"),
    ('{"document": {"id": "a", "language": "en"}}\n{"nothing": 1}\n', "line 2"),
    ('{"document": {"id": "a", "language": "en"}}\n{oops\n', "line 2: invalid JSON"),
])
def test_a_bad_file_is_a_clear_error(tmp_path: pathlib.Path, content: str | None,
                                     message: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "saved.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert main(["show", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"timeline: {path}: ") and message in err
    assert len(err.splitlines()) == 1


def test_a_bad_file_exits_without_a_traceback(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "saved.json"
    path.write_bytes(b"\xff\xfe not text")
    run = subprocess.run([sys.executable, "-m", "timeline", "show", str(path), "--html"],
                         capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 1
    assert run.stderr.startswith(f"timeline: {path}: ") and "Traceback" not in run.stderr


def test_show_reads_standard_input(saved: tuple[timeline.Timeline, pathlib.Path],
                                   monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    t, path = saved
    monkeypatch.setattr(sys, "stdin", io.StringIO(path.read_text(encoding="utf-8")))
    assert main(["show", "-"]) == 0
    assert capsys.readouterr().out == to_table(t) + "\n"


def test_an_unwritable_output_is_a_clear_error(saved: tuple[timeline.Timeline, pathlib.Path],
                                               tmp_path: pathlib.Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    _, path = saved
    out = tmp_path / "missing" / "view.html"
    assert main(["show", str(path), "--html", "-o", str(out)]) == 1
    assert capsys.readouterr().err.startswith(f"timeline: {out}: ")


def test_a_missing_text_is_reported_and_the_rest_shown(
        saved: tuple[timeline.Timeline, pathlib.Path], tmp_path: pathlib.Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    _, path = saved
    out = tmp_path / "view.html"
    assert main(["show", str(path), "--html", "-o", str(out),
                 "--texts", str(tmp_path / "a.txt"), str(tmp_path / "gone.txt")]) == 1
    assert "gone.txt" in capsys.readouterr().err
    assert out.exists()
