"""Loading the language data files shipped in ``extractors/data`` (loaded once per process)."""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

DATA = Path(str(resources.files("extractors") / "data"))


@lru_cache(maxsize=None)
def read_csv(name: str) -> tuple[dict[str, str], ...]:
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        return tuple(dict(row) for row in csv.DictReader(fh))


# libyaml's parser when PyYAML was built with it: the same objects as ``yaml.safe_load``, ten times faster (the
# data files took a quarter of a second to load in pure Python, on every process's first document)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=None)
def read_yaml(name: str) -> dict:
    with (DATA / name).open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_LOADER) or {}  # noqa: S506 (a safe loader)
