"""The CLI's JSON on the bundled seeds follows the output contract, checked by the shared tool."""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
CHECKER = ROOT.parent / "shared" / "tools" / "check_contract.py"


@pytest.fixture(scope="module")
def seeds_output(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    out = tmp_path_factory.mktemp("contract") / "out.json"
    run = subprocess.run([sys.executable, "-m", "timeline", "extract", *map(str, SEEDS),
                          "--format", "json", "-o", str(out)],
                         capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stderr
    return out


def test_every_span_indexes_its_document(seeds_output: pathlib.Path) -> None:
    data = json.loads(seeds_output.read_text(encoding="utf-8"))
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS}
    assert [d["id"] for d in data["documents"]] == [p.name for p in SEEDS]
    for d in data["documents"]:
        text = texts[d["id"]]
        for t in d["timexes"] + d["mentions"]:
            assert text[t["start"]:t["end"]] == t["text"]
    for e in data["events"]:
        for m in e["mentions"]:
            assert texts[m["document"]][m["start"]:m["end"]] == m["text"]


def test_events_are_in_timeline_order(seeds_output: pathlib.Path) -> None:
    events = json.loads(seeds_output.read_text(encoding="utf-8"))["events"]
    dated = [e["earliest"] for e in events if e["value"] is not None]
    assert dated == sorted(dated)
    undated = [k for k, e in enumerate(events) if e["value"] is None]
    assert undated == list(range(len(events) - len(undated), len(events)))


@pytest.mark.skipif(not CHECKER.exists(),
                    reason="shared/tools/check_contract.py is not beside the repo")
def test_shared_contract_checker_accepts_the_output(seeds_output: pathlib.Path) -> None:
    run = subprocess.run([sys.executable, str(CHECKER), str(seeds_output), *map(str, SEEDS)],
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
