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


@lru_cache(maxsize=None)
def read_yaml(name: str) -> dict:
    with (DATA / name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}
