"""Build a timeline with Dask: the bundled seed articles, or a large JSON-lines corpus.

    python examples/dask_corpus.py                       # the seeds, local cluster
    python examples/dask_corpus.py 'corpus/*.jsonl'      # one partition per file
    python examples/dask_corpus.py 'corpus/*.jsonl' --scheduler tcp://host:8786

Without ``--scheduler`` it starts a local cluster of two worker processes on
this machine (no network beyond 127.0.0.1, no dashboard) and closes it at the
end. Each ``.jsonl`` line is ``{"id", "text", "language"?, "published"?}``; a
line that cannot be read or tagged becomes a document with ``errors`` and the
run goes on. Needs the extra: ``pip install 'timeline[dask]'``.
"""

from __future__ import annotations

import argparse
import glob
import logging
import pathlib

import dask.bag
from distributed import Client, LocalCluster

import timeline
from timeline.dask import timeline_from_bag

SEEDS = sorted(str(p) for p in (pathlib.Path(__file__).parent.parent / "seeds").glob("*.txt"))


def build(paths: list[str], client: Client) -> timeline.Timeline:
    """Tag each file on the cluster (one partition per file) and merge the timelines."""
    bag = dask.bag.from_sequence(paths, npartitions=len(paths))
    result = timeline_from_bag(bag, split_every=8).compute(scheduler=client)
    assert isinstance(result, timeline.Timeline)
    return result


def show(t: timeline.Timeline) -> None:
    """Print the timeline's named events and any documents that failed."""
    for event in t:
        if event.type == "event":
            continue  # dated statements without an event word
        languages = ",".join(sorted({m.language or "?" for m in event.mentions}))
        documents = len({m.document for m in event.mentions})
        print(f"{event.value or 'undated':24} {event.type:13} {languages:9} "
              f"{documents} doc(s)  {event.label}")
    for doc in t.documents:
        for error in doc.errors:
            print(f"error: {doc.id}: {error}")


def main() -> None:
    """Parse the arguments, connect to or start a cluster, build and print."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("patterns", nargs="*", help="file globs (.txt, .jsonl); the seeds if none")
    p.add_argument("--scheduler", help="address of a running Dask scheduler")
    args = p.parse_args()
    paths = sorted({f for pattern in args.patterns for f in glob.glob(pattern)}) or SEEDS
    if args.scheduler:
        with Client(args.scheduler) as client:
            show(build(paths, client))
        return
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster, \
            Client(cluster) as client:
        show(build(paths, client))


if __name__ == "__main__":  # worker processes import this module too
    main()
