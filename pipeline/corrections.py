"""A reviewer's corrections, kept next to the record and applied over the machine's output.

``OUT/<stem>.corrections.json`` next to the record ``OUT/<stem>.json`` (saved from the review page; keyed by
the record file's name, since the ``doc_id`` is a content hash that a re-saved file changes)::

    {"doc_id": "...", "corrections": [
      {"op": "delete", "kind": "units", "match": {"name": "Quang Bình Giờ"}},
      {"op": "fix", "kind": "units", "match": {"name": "Sở Nôi vụ"}, "set": {"name": "Sở Nội vụ"}},
      {"op": "fix", "kind": "document", "set": {"number": "2352"}},
      {"op": "add", "kind": "units", "item": {"name": "Sở Tài chính", "roles": ["support"]},
       "evidence_text": "Sở Tài chính"}]}

``match`` selects the items whose fields have those values; ``set`` changes fields (a date's granularity
follows its new value); ``add`` appends an item, grounded on the first occurrence of ``evidence_text``.
Every correction applied, or not applicable, is listed in the record's ``corrections``, so a record says
that a person changed it. Corrections are applied to fresh machine output only (``vnplan extract``) or
to a record that has none applied yet (``vnplan index``), never twice.
"""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from pydantic import BaseModel, ValidationError

from extractors.evidence import evidence
from schemas.errors import CorrectionsFormatError
from pipeline.kinds import KINDS
from schemas.record import VALUE_GRAMMAR, Record

SUFFIX = ".corrections.json"
ITEM_MODELS: dict[str, type[BaseModel]] = {k.key: k.model for k in KINDS}
OPS = ("fix", "delete", "add")


def corrections_path(record_path: str | Path) -> Path:
    """Where the corrections of ``OUT/<stem>.json`` live: ``OUT/<stem>.corrections.json``."""
    record_path = Path(record_path)
    return record_path.with_name(record_path.name[: -len(".json")] + SUFFIX)


def is_corrections_file(path: Path) -> bool:
    return path.name.endswith(SUFFIX)


def load_corrections(path: str | Path) -> list[dict]:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CorrectionsFormatError(path, reason=" ".join(str(exc).split())[:160]) from None
    items = data.get("corrections") if isinstance(data, dict) else data
    if not isinstance(items, list) or not all(isinstance(c, dict) and c.get("op") in OPS for c in items):
        raise CorrectionsFormatError(path, reason=f"expected a list of corrections with op in {', '.join(OPS)}")
    return items


def _same(a: object, b: object) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return unicodedata.normalize("NFC", a).strip() == unicodedata.normalize("NFC", b).strip()
    return a == b


def _matches(item: BaseModel, match: dict) -> bool:
    return bool(match) and all(_same(getattr(item, k, None), v) for k, v in match.items())


def _granularity(value: str) -> str | None:
    return next((g for g, pattern in VALUE_GRAMMAR.items() if pattern.fullmatch(value)), None)


def _complete(kind: str, data: dict, record: Record, evidence_text: str | None) -> dict:
    """An added item with what the model needs: evidence on the words the reviewer selected, and defaults."""
    data = dict(data)
    if "evidence" not in data:
        at = record.text.find(evidence_text) if evidence_text else -1
        data["evidence"] = [evidence(record.text, at, at + len(evidence_text)).model_dump()] if at >= 0 else []
    if kind == "dates":
        data.setdefault("text", evidence_text or data.get("value", ""))
        data.setdefault("granularity", _granularity(data.get("value", "")))
    if kind == "awards":
        data.setdefault("mention", evidence_text or data.get("name", ""))
    if kind == "conferences":
        data.setdefault("kind", "other")
    return data


def apply_corrections(record: Record, corrections: list[dict], *, source: str = "corrections") -> Record:
    """``record`` with ``corrections`` applied (a new Record), each listed in its ``corrections``."""
    data = record.model_copy(deep=True)
    notes: list[str] = []
    for n, c in enumerate(corrections, 1):
        op, kind = c.get("op"), c.get("kind")
        what = f"{op} {kind} {json.dumps(c.get('match') or c.get('item') or c.get('set'), ensure_ascii=False)}"
        try:
            if kind == "document" and op == "fix":
                header = data.document.model_dump()
                header.update(c.get("set") or {})
                data.document = type(data.document).model_validate(header)
                notes.append(f"{source}: {what}")
                continue
            model = ITEM_MODELS.get(kind or "")
            if model is None:
                notes.append(f"{source}: not applied (unknown kind {kind!r}): {what}")
                continue
            items = getattr(data, kind)
            if op == "add":
                items.append(model.model_validate(_complete(kind, c.get("item") or {}, data, c.get("evidence_text"))))
                notes.append(f"{source}: {what}")
                continue
            hits = [i for i, item in enumerate(items) if _matches(item, c.get("match") or {})]
            if not hits:
                notes.append(f"{source}: not applied (no such fact): {what}")
                continue
            if op == "delete":
                setattr(data, kind, [item for i, item in enumerate(items) if i not in hits])
            else:
                for i in hits:
                    fixed = items[i].model_dump()
                    fixed.update(c.get("set") or {})
                    if kind == "dates" and "value" in (c.get("set") or {}) and "granularity" not in c["set"]:
                        fixed["granularity"] = _granularity(fixed["value"]) or fixed["granularity"]
                    items[i] = model.model_validate(fixed)
            notes.append(f"{source}: {what} ({len(hits)} fact{'s' if len(hits) > 1 else ''})")
        except ValidationError as exc:
            notes.append(f"{source}: not applied ({exc.errors()[0]['msg']}): {what}")
    data.corrections = [*data.corrections, *notes]
    return data


def apply_saved_corrections(record: Record, record_path: str | Path) -> Record:
    """``record`` with the corrections saved next to ``record_path`` applied, if there are any and the record
    carries none yet (corrections apply to machine output, never twice)."""
    path = corrections_path(record_path)
    if record.corrections or not path.is_file():
        return record
    return apply_corrections(record, load_corrections(path), source=path.name)


__all__ = ["apply_corrections", "apply_saved_corrections", "load_corrections", "corrections_path",
           "is_corrections_file", "SUFFIX"]
