"""Peak memory and throughput of `timeline extract` on a large JSON lines file.

Usage:
    python benchmarks/bench_memory.py [MB] [--jobs 1 2] [--format jsonl] [--tag-only]

Generates MB megabytes (default 100) of news-like documents in /tmp (the
benchmark corpus of `corpus.py`, copied with every year shifted and a
distinct id per copy, so reconciliation sees many distinct events), then runs
``timeline extract`` on it in a subprocess once per ``--jobs`` value. While
it runs, the resident memory of the command and its workers is sampled, and
so is how far it has read its input: the tagging pass is the time until the
whole input is read. Printed per run: wall time, throughput, the peak memory
of the tagging pass (the command and its workers together) and of the whole
run, and the peak of the largest process (``ru_maxrss``). ``--tag-only``
interrupts each run once its input has been read (for inputs whose
reconciliation would take long). Linux only (``/proc``).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import pathlib
import random
import re
import resource
import signal
import subprocess
import sys
import tempfile
import time

import attrs
from corpus import describe, multilingual_corpus

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_SAMPLE_SECONDS = 0.2


def generate(path: pathlib.Path, megabytes: float, seed: int = 1) -> int:
    """Write at least ``megabytes`` MB of JSON lines; returns the number of documents."""
    base = multilingual_corpus()
    print(f"base corpus: {describe(base)}")
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    written = count = 0
    with path.open("w", encoding="utf-8") as out:
        while written < target:
            shift = rng.randrange(-30, 31)
            for k, (text, language) in enumerate(base):
                shifted = _YEAR.sub(functools.partial(_shifted_year, shift), text)
                line = json.dumps({"id": f"c{count // len(base)}-{k}", "text": shifted,
                                   "language": language}, ensure_ascii=False) + "\n"
                out.write(line)
                written += len(line.encode("utf-8"))
                count += 1
    return count


def _shifted_year(by: int, match: re.Match[str]) -> str:
    return str(int(match.group()) + by)


@attrs.define
class Run:
    """What one run of the command measured (memory in MB, times in seconds)."""

    jobs: int
    wall: float = 0.0
    tagging: float = 0.0
    tagging_rss: float = 0.0
    total_rss: float = 0.0
    maxrss: float = 0.0
    cpu: float = 0.0
    returncode: int = 0


def measure(path: pathlib.Path, jobs: int, fmt: str, tag_only: bool) -> Run:
    """Run ``timeline extract`` on ``path`` and sample its memory until it ends."""
    size = path.stat().st_size
    run = Run(jobs)
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "timeline", "extract", str(path), "--format", fmt,
               "-o", str(pathlib.Path(tmp) / f"out.{fmt}"), "--jobs", str(jobs),
               "--no-progress"]
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stderr=subprocess.DEVNULL)
        read_done = None
        opened = False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            rss = _tree_rss(proc.pid)
            run.total_rss = max(run.total_rss, rss)
            if read_done is None:
                run.tagging_rss = max(run.tagging_rss, rss)
                position = _read_position(proc.pid, path)
                opened = opened or position is not None
                # Reading ends at the end of the file, or when the file is closed.
                if opened and (position is None or position >= size):
                    read_done = time.perf_counter()
                    if tag_only:  # stops as on Ctrl-C: the batches in flight end first
                        proc.send_signal(signal.SIGINT)
            time.sleep(_SAMPLE_SECONDS)
        end = time.perf_counter()
        proc.returncode = os.waitstatus_to_exitcode(status)
    run.wall = end - start
    run.tagging = (read_done or end) - start
    run.returncode = proc.returncode
    run.maxrss = usage.ru_maxrss / 1024
    run.cpu = usage.ru_utime + usage.ru_stime
    return run


def _status_kb(pid: int, field: str) -> int:
    try:
        for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    found = []
    for stat in pathlib.Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _tree_rss(pid: int) -> float:
    """The resident memory of a process and its children, in MB."""
    return sum(_status_kb(p, "VmRSS") for p in [pid, *_children(pid)]) / 1024


def _read_position(pid: int, path: pathlib.Path) -> int | None:
    """How far the process has read ``path``; None while it has not opened it."""
    target = str(path.resolve())
    try:
        for fd in pathlib.Path(f"/proc/{pid}/fd").iterdir():
            if os.readlink(fd) == target:
                info = pathlib.Path(f"/proc/{pid}/fdinfo/{fd.name}").read_text()
                return int(info.split()[1])
    except OSError:
        return None
    return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("megabytes", nargs="?", type=float, default=100.0)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--format", default="jsonl")
    ap.add_argument("--tag-only", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep the generated input")
    args = ap.parse_args()
    path = pathlib.Path(tempfile.gettempdir()) / f"timeline-bench-{args.megabytes:g}MB.jsonl"
    if not path.exists():
        count = generate(path, args.megabytes)
        print(f"generated {path}: {count} documents")
    size_mb = path.stat().st_size / 1e6
    print(f"input {size_mb:.1f} MB; {os.cpu_count()} cores")
    runs = []
    for jobs in args.jobs:
        run = measure(path, jobs, args.format, args.tag_only)
        runs.append(run)
        print(f"--jobs {jobs}: exit {run.returncode}; wall {run.wall:.0f} s; tagging pass "
              f"{run.tagging:.0f} s ({size_mb / run.tagging:.2f} MB/s); peak RSS while tagging "
              f"{run.tagging_rss:.0f} MB (command and workers), whole run {run.total_rss:.0f} MB;"
              f" largest process {run.maxrss:.0f} MB; CPU {run.cpu:.0f} s")
    if len(runs) > 1:
        print(f"tagging speed-up, --jobs {runs[-1].jobs} over --jobs {runs[0].jobs}: "
              f"{runs[0].tagging / runs[-1].tagging:.2f}x")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"ru_maxrss over all runs (RUSAGE_CHILDREN): {peak:.0f} MB")
    if not args.keep:
        path.unlink()


if __name__ == "__main__":
    main()
