"""The csv format and Timeline.to_pandas: one column set, exact round trips, typed columns."""

from __future__ import annotations

import csv
import io
import pathlib
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline.formats import ExportContext, render
from timeline.formats.tabular import COLUMNS, rows, to_csv
from timeline.models import DocumentResult, Event, Source, Timeline

SEEDS = sorted((pathlib.Path(__file__).parent.parent / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def seeds() -> Timeline:
    return timeline.extract([str(p) for p in SEEDS])


def read(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def one_event(label: str, quote: str, *, value: str | None = "2025-03-04",
              earliest: str | None = "2025-03-04", latest: str | None = "2025-03-04") -> Timeline:
    source = Source(document="a.txt", start=0, end=len(quote), text=quote, language="en")
    event = Event(id="ev-1", type="meeting", label=label, value=value, earliest=earliest,
                  latest=latest, mentions=[source])
    return Timeline(documents=[DocumentResult(id="a.txt", language="en")], events=[event])


def test_seeds_give_one_row_per_event_and_per_timex(seeds: Timeline) -> None:
    out = render("csv", seeds, ExportContext())
    assert isinstance(out, str)
    table = read(out)
    assert tuple(table[0]) == COLUMNS
    events = [r for r in table if r["kind"] == "event"]
    timexes = [r for r in table if r["kind"] == "timex"]
    assert len(events) == len(seeds.events) > 0
    assert len(timexes) == sum(len(d.timexes) for d in seeds.documents) > 0
    assert len(table) == len(events) + len(timexes)
    for row, event in zip(events, seeds.events, strict=True):
        assert (row["id"], row["type"], row["value"]) == (event.id, event.type, event.value or "")
        assert int(row["mentions"]) == len(event.mentions)
        assert row["document"] == row["text"] == ""
    langs = {lang for r in events for lang in r["languages"].split(";")}
    assert langs == {"nl", "de", "sv"}


def test_timex_rows_quote_their_document(seeds: Timeline) -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS}
    for row in read(to_csv(seeds)):
        if row["kind"] == "timex":
            start, end = int(row["start"]), int(row["end"])
            assert texts[row["document"]][start:end] == row["text"]
            assert row["label"] == row["languages"] == row["mentions"] == ""


def test_sentence_column_quotes_the_first_mention_sentence() -> None:
    text = 'Rain. The envoys met, "at last", on 4 March 2025.\nThen they left.'
    t = timeline.extract([timeline.Document(id="a.txt", text=text, language="en")])
    [row] = read(to_csv(t, timexes=False, texts={"a.txt": text}))
    assert row["sentence"] == 'The envoys met, "at last", on 4 March 2025.'
    [bare] = read(to_csv(t, timexes=False))
    assert bare["sentence"] == t.events[0].mentions[0].text


def test_quotes_commas_and_line_breaks_survive_dictreader() -> None:
    label = 'the "grand", final\nmeeting; really\r\nover'
    out = to_csv(one_event(label, 'he said "no", twice,\nthen\tleft'))
    [row] = read(out)
    assert row["label"] == label
    assert row["sentence"] == 'he said "no", twice,\nthen\tleft'


@settings(max_examples=50, deadline=None)
@given(label=st.text(min_size=1), quote=st.text(min_size=1))
def test_any_text_round_trips(label: str, quote: str) -> None:
    [row] = read(to_csv(one_event(label, quote)))
    expected = next(rows(one_event(label, quote)))
    assert row == {k: "" if v is None else str(v) for k, v in expected.items()}


@settings(max_examples=15, deadline=None)
@given(st.lists(st.sampled_from([
    "The summit in Oslo took place on 3 May 2024.", "The election was held in June 2025.",
    "An exhibition opened in Lima in 2023.", 'The "agreement", signed, took effect in 2022.']),
    min_size=1, max_size=4))
def test_generated_timelines_round_trip(texts: list[str]) -> None:
    t = timeline.extract([timeline.Document(id=f"d{k}.txt", text=x, language="en")
                          for k, x in enumerate(texts)])
    table = read(to_csv(t))
    assert [r["id"] for r in table if r["kind"] == "event"] == [e.id for e in t.events]
    assert len(table) == len(t.events) + sum(len(d.timexes) for d in t.documents)


def test_to_pandas_has_typed_columns(seeds: Timeline) -> None:
    pytest.importorskip("pandas")
    df = seeds.to_pandas(timexes=True)
    assert tuple(df.columns) == COLUMNS
    for name in ("start", "end", "documents", "mentions"):
        assert str(df[name].dtype) == "Int64", name
    for name in ("earliest", "latest"):
        assert str(df[name].dtype) == "datetime64[s]", name
    for name in ("kind", "id", "type", "value", "label", "text", "sentence"):
        assert str(df[name].dtype) == "string", name
    events = df[df["kind"] == "event"]
    assert len(events) == len(seeds.events)
    assert len(df) - len(events) == sum(len(d.timexes) for d in seeds.documents)
    assert events["start"].isna().all() and df[df["kind"] == "timex"]["start"].notna().all()
    dated = [e for e in seeds.events if e.earliest]
    assert events["earliest"].notna().sum() == len(dated)
    assert seeds.to_pandas().shape == (len(seeds.events), len(COLUMNS))


def test_to_pandas_reads_times_and_leaves_unknown_bounds_empty() -> None:
    pd = pytest.importorskip("pandas")
    timed = one_event("talks", "talks", value="2025-02-20TAF", earliest="2025-02-20T12:00",
                      latest="2025-02-20T17:59:59")
    df = timed.to_pandas()
    assert df.loc[0, "earliest"] == pd.Timestamp("2025-02-20 12:00")
    assert df.loc[0, "latest"] == pd.Timestamp("2025-02-20 17:59:59")
    undated = one_event("talks", "talks", value=None, earliest=None, latest=None).to_pandas()
    assert undated["earliest"].isna().all() and undated["value"].isna().all()
    old = one_event("founding", "founded", value="1066", earliest="1066-01-01",
                    latest="1066-12-31").to_pandas()
    assert old.loc[0, "latest"].year == 1066


def test_cli_writes_csv(tmp_path: pathlib.Path) -> None:
    target = tmp_path / "out.csv"
    done = subprocess.run([sys.executable, "-m", "timeline", "extract", *map(str, SEEDS),
                           "--format", "csv", "-o", str(target)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    with target.open(encoding="utf-8", newline="") as f:
        table = list(csv.DictReader(f))
    assert {r["kind"] for r in table} == {"event", "timex"}
    assert {r["document"] for r in table if r["kind"] == "timex"} == {p.name for p in SEEDS}
