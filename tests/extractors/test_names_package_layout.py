"""extractors.names is a package of small modules that share only public names."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import extractors.names as names

PACKAGE = Path(names.__file__).parent
MODULES = sorted(PACKAGE.glob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_names_package_modules_are_small(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 450


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_names_package_imports_no_private_name_of_another_module(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    private = [(node.module, a.name) for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
               for a in node.names if a.name.startswith("_") and a.name != "__future__"]
    assert not private


def test_names_package_exports_what_other_modules_import():
    for name in ("FIXED_CASE", "OCR_SAME_LENGTH", "UPPER_CLASS", "canonical_province", "canonical_unit",
                 "dash_continues_name", "expand_abbreviations", "expand_word", "find_places", "find_unit_mentions",
                 "head_of", "heads_data", "name_goes_on", "name_key", "new_tones", "proper_case", "province_names",
                 "repair_ocr_name"):
        assert hasattr(names, name), name
