"""The semeval-timeline format: SemEval-2015 Task 4 TimeLine files for one entity."""

from __future__ import annotations

import collections
import pathlib
import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline.errors import TimelineError
from timeline.formats import ExportContext, render
from timeline.formats.semeval import entity_file_name, render_semeval, to_semeval_timeline
from timeline.models import DocumentResult, Event, Source, Timeline

SEEDS = sorted((pathlib.Path(__file__).parent.parent / "seeds").glob("*.txt"))
LINE_RE = re.compile(r"(\d+)\t((?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX))((?:\t[^\t\s-]+-\d+-\S+)+)")

A = ("The Nordic Council met in Oslo on 2 May 2024. The weather was fine. "
     "The Nordic Council signed an agreement in June 2024.")
B = ("Reykjavik, 5 May 2024.\nThe Nordic Council met on 2 May 2024 in Oslo. Later, the council "
     "held an election.\nThe nordic council announced a summit.")
TEXTS = {"a.txt": A, "b-2.txt": B}


def parse(out: str) -> tuple[str, list[tuple[int, str, list[str]]]]:
    """The entity line and each line's order, date and mentions; fails on a malformed line."""
    assert out.endswith("\n")
    first, *rest = out[:-1].split("\n")
    lines = []
    for line in rest:
        m = LINE_RE.fullmatch(line)
        assert m, line
        lines.append((int(m[1]), m[2], m[3].split("\t")[1:]))
    return first, lines


def assert_ordered(lines: list[tuple[int, str, list[str]]]) -> None:
    orders = [n for n, _, _ in lines]
    assert orders == sorted(orders)
    assert sorted(set(orders) - {0}) == list(range(1, len({*orders} - {0}) + 1))
    by_date = collections.defaultdict(set)
    for n, date, _ in lines:
        if n == 0:
            assert date == "XXXX-XX-XX"
        elif date != "XXXX-XX-XX":
            by_date[date].add(n)
    assert all(len(ns) == 1 for ns in by_date.values()), by_date


@pytest.fixture(scope="module")
def small() -> Timeline:
    return timeline.extract([timeline.Document(id=k, text=v, language="en")
                             for k, v in TEXTS.items()])


def test_events_of_the_entity_in_order_across_documents(small: Timeline) -> None:
    out = to_semeval_timeline(small, TEXTS, "Nordic Council")
    assert out == ("Nordic Council\n"
                   "0\tXXXX-XX-XX\tb_2-3-announced\n"
                   "0\tXXXX-XX-XX\tb_2-3-summit\n"
                   "1\t2024-05-02\ta-0-met\tb_2-1-met\n"
                   "2\t2024-06-XX\ta-2-signed_an_agreement\n")


def test_only_events_naming_the_entity_as_whole_words(small: Timeline) -> None:
    _, lines = parse(to_semeval_timeline(small, TEXTS, "council"))
    mentions = {m for _, _, ms in lines for m in ms}
    assert "b_2-2-election" in mentions  # "the council held an election"
    assert "b_2-0-5_May_2024" not in mentions
    assert parse(to_semeval_timeline(small, TEXTS, "Nordic Counc"))[1] == []
    assert parse(to_semeval_timeline(small, TEXTS, "Nórdic   COUNCIL"))[1] == parse(
        to_semeval_timeline(small, TEXTS, "Nordic Council"))[1]


def test_participants_count_as_involvement() -> None:
    text = "Delegations from Oslo and Lima met on 2 May 2024."
    t = timeline.extract([timeline.Document(id="c.txt", text=text, language="en")])
    _, lines = parse(to_semeval_timeline(t, {"c.txt": text}, "Lima Oslo"))
    assert [(n, d) for n, d, _ in lines] == [(1, "2024-05-02")]


def hand_made(values: list[tuple[str | None, str | None]]) -> tuple[Timeline, dict[str, str]]:
    text = " ".join(f"Acme met {k} times." for k in range(len(values)))
    events = []
    for k, (value, mod) in enumerate(values):
        start = text.index(f"Acme met {k} times.") + 5
        events.append(Event(id=f"ev-{k}", type="meeting", label="met", value=value, mod=mod,
                            mentions=[Source(document="d.txt", start=start, end=start + 3,
                                             text="met", language="en")]))
    return Timeline(documents=[DocumentResult(id="d.txt", language="en")], events=events), {
        "d.txt": text}


def test_dates_say_what_is_certain_and_open_times_sit_beside_their_bound() -> None:
    t, texts = hand_made([
        ("2024", "AFTER"), ("2024-03-05", None), ("2024", None), ("2024", "BEFORE"),
        ("2025-02", None), (None, None), ("1950/2025", None), ("2024-03-05T10:30", None),
        ("2025-02-19/2025-02-21", None), ("2025-SP", "START"), ("PAST_REF", None)])
    _, lines = parse(to_semeval_timeline(t, texts, "Acme"))
    got = [(n, d, ms[0].split("-")[1]) for n, d, ms in lines]
    assert got == [
        (0, "XXXX-XX-XX", "5"), (0, "XXXX-XX-XX", "10"),
        (1, "XXXX-XX-XX", "6"),             # 1950/2025: spans years, starts first
        (2, "XXXX-XX-XX", "3"),             # before 2024
        (3, "2024-XX-XX", "2"),             # 2024: coarser first
        (4, "2024-03-05", "1"), (4, "2024-03-05", "7"),  # same day: simultaneous
        (5, "XXXX-XX-XX", "0"),             # after 2024
        (6, "2025-XX-XX", "9"),             # a season is known to its year: placed as 2025
        (7, "2025-02-XX", "4"), (7, "2025-02-XX", "8"),  # month, and days within it
    ]
    assert_ordered(lines)


def test_missing_text_and_blank_entity_are_errors(small: Timeline) -> None:
    with pytest.raises(TimelineError, match=r"b-2\.txt"):
        to_semeval_timeline(small, {"a.txt": A}, "Nordic Council")
    with pytest.raises(TimelineError):
        to_semeval_timeline(small, TEXTS, "  ")
    with pytest.raises(TimelineError, match="entity"):
        render_semeval(small, ExportContext(texts=TEXTS))


def test_render_names_the_file_after_the_entity(small: Timeline) -> None:
    out = render("semeval-timeline", small, ExportContext(texts=TEXTS, entity="Nordic Council"))
    assert isinstance(out, dict) and list(out) == ["nordic_council.txt"]
    assert entity_file_name("Steve Jobs") == "steve_jobs.txt"
    assert entity_file_name("S&P 500") == "s&p_500.txt"
    for nasty in ("../../etc/passwd", "a/b\\c", "...", "\0x", "  "):
        name = entity_file_name(nasty)
        assert "/" not in name and "\\" not in name and not name.startswith(".")
        assert name.endswith(".txt") and len(name) > 4


@settings(max_examples=20, deadline=None)
@given(st.lists(st.sampled_from([
    "The Nordic Council met in Oslo on 3 May 2024.", "The Nordic Council election was in 2025.",
    "An exhibition of the Nordic Council opened in Lima in May 2023.",
    "Talks of the Nordic Council began at 10:30 on 2 March 2025.",
    "The Nordic Council conference ran from 4 to 6 April 2025.",
    "The Nordic Council held a meeting before 2024.", "The Nordic Council signed an agreement."]),
    min_size=1, max_size=5))
def test_generated_timelines_give_well_formed_ordered_files(texts: list[str]) -> None:
    docs = {f"d{k}.txt": x for k, x in enumerate(texts)}
    t = timeline.extract([timeline.Document(id=k, text=v, language="en")
                          for k, v in docs.items()])
    entity, lines = parse(to_semeval_timeline(t, docs, "Nordic Council"))
    assert entity == "Nordic Council"
    assert lines
    assert_ordered(lines)
    for _, _, mentions in lines:
        for m in mentions:
            doc, sentence, word = m.split("-", 2)
            assert word in docs[f"{doc}.txt"].replace(" ", "_")
            assert sentence == "0"


def test_cli_writes_an_entity_file_for_the_seeds(tmp_path: pathlib.Path) -> None:
    t = timeline.extract([str(p) for p in SEEDS])
    names = collections.Counter(p for d in t.documents for m in d.mentions
                                for p in m.participants if p.isalpha())
    entity = names.most_common(1)[0][0]
    out = tmp_path / "timelines"
    done = subprocess.run([sys.executable, "-m", "timeline", "extract", *map(str, SEEDS),
                           "--format", "semeval-timeline", "--entity", entity.title(),
                           "-o", str(out)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    [written] = out.iterdir()
    assert written.name == f"{entity}.txt"
    first, lines = parse(written.read_text(encoding="utf-8"))
    assert first == entity.title() and len(lines) > 5
    assert_ordered(lines)
    seeds_text = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS}
    for _, _, mentions in lines:
        for m in mentions:
            doc, _, word = m.split("-", 2)
            assert word.replace("_", " ") in " ".join(seeds_text[doc].split())


def test_cli_needs_an_entity_and_a_directory() -> None:
    base = [sys.executable, "-m", "timeline", "extract", str(SEEDS[0]),
            "--format", "semeval-timeline"]
    for extra in (["-o", "x"], ["--entity", "Anyone"]):
        done = subprocess.run([*base, *extra], capture_output=True, text=True, timeout=120,
                              check=False)
        assert done.returncode == 2
