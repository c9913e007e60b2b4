"""Doctests of modules for optional extras run only where the extra is installed."""

from __future__ import annotations

import importlib.util

collect_ignore = [f"timeline/{module}.py" for module, package in
                  (("spacy", "spacy"), ("dask", "dask"))
                  if importlib.util.find_spec(package) is None]
