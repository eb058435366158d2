"""Count Vietnamese words in the string literals of the product code (issue 9: language knowledge belongs in
extractors/data, not in Python).

A literal counts when it holds a Vietnamese letter outside ASCII (ă, ơ, đ, a tone mark, ...); then every word
in it counts (a regex "(?:tỉnh|thành phố)" is three words). Docstrings are documentation and are left out.

    python scripts/count_vi_literals.py [--list] [DIR ...]      (default: extractors pipeline)
"""
from __future__ import annotations

import argparse
import ast
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_WORD = re.compile(r"[^\W\d_]+")


def _vietnamese(s: str) -> bool:
    """A letter outside ASCII that Vietnamese writes: a Latin letter with a diacritic, or đ/Đ."""
    return any(not c.isascii() and c.isalpha() and unicodedata.name(c, "").startswith("LATIN") for c in s)


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                out.add(id(first.value))
    return out


def count_file(path: Path) -> list[tuple[int, int, str]]:
    """(line, words, literal) of every Vietnamese literal in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip \
                and _vietnamese(node.value):
            out.append((node.lineno, len(_WORD.findall(node.value)), node.value))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="*", default=["extractors", "pipeline"])
    ap.add_argument("--list", action="store_true", help="print every counted literal")
    a = ap.parse_args(argv)
    literals = words = 0
    per_file = []
    for d in a.dirs:
        for path in sorted((ROOT / d).rglob("*.py")):
            found = count_file(path)
            if found:
                n = sum(w for _, w, _ in found)
                per_file.append((n, len(found), path.relative_to(ROOT)))
                literals += len(found)
                words += n
                if a.list:
                    for line, w, s in found:
                        print(f"{path.relative_to(ROOT)}:{line}: {w:3d} {s[:100]!r}")
    for n, k, p in sorted(per_file, reverse=True):
        print(f"{n:6d} words {k:5d} literals  {p}")
    print(f"{words:6d} words {literals:5d} literals  total")
    return 0


if __name__ == "__main__":
    sys.exit(main())
