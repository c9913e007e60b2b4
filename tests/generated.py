"""Hypothesis strategies shared by the output-format tests."""

from __future__ import annotations

from hypothesis import strategies as st

import timeline

NEWS_SENTENCES = [
    "The summit in Oslo took place on 3 May 2024.", "The election was held in June 2025.",
    "An exhibition opened in Lima in 2023.", "The talks began at 10:30 on 2 March 2025.",
    "The conference ran from 4 to 6 April 2025.", "A meeting; before 2024, maybe."]


def _extracted(texts: list[str]) -> timeline.Timeline:
    return timeline.extract([timeline.Document(id=f"d{k}.txt", text=x, language="en")
                             for k, x in enumerate(texts)])


small_timelines = st.lists(st.sampled_from(NEWS_SENTENCES), min_size=1, max_size=4).map(
    _extracted)
"""Timelines of one to four short English documents with dates of every precision."""
