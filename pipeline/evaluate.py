"""``vnplan eval``: score records against gold annotations, for users who annotate their own plans.

The gold format is the one of ``../shared/eval/gold`` (one ``<doc>.json`` per document) and the metrics
are those of the shared scorer, so the two agree: names match after normalisation at a similarity of
0.9 (to the name or an alias), dates are a set of values per document (an interval also counts for its
endpoints), ``optional_*`` entries are never required and never wrong, and ``overall`` is the mean of
the field scores that have anything to score.
"""
from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from extractors.lexicon import read_yaml
from extractors.text.fold import OLD_TONES
from pipeline.kinds import FIELDS, KINDS, FactKind
from schemas.errors import GoldFormatError

RESPONSIBLE = {"lead", "support", "director"}
FACT_FIELDS = FIELDS

# Old-style tone placement (the text layer's table) and the few abbreviations gold names may use
# (data/eval_words.yaml, the shared scorer's list): both sides are normalised.
_OLD_TONES = OLD_TONES
_ABBR: dict[str, str] = read_yaml("eval_words.yaml")["name_abbreviations"]


def norm(s: object) -> str:
    if s is None:
        return ""
    s = unicodedata.normalize("NFC", str(s)).lower()
    for old, new in _OLD_TONES.items():
        s = s.replace(old, new)
    s = re.sub(r"[\"“”‘’'()\[\]*_]", " ", s)
    s = re.sub(r"[-–—,.;:/]", " ", s)
    return " ".join(_ABBR.get(w, w) for w in s.split())


def ratio(a: object, b: object) -> float:
    a, b = norm(a), norm(b)
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def code_norm(s: object) -> str:
    s = unicodedata.normalize("NFC", str(s or "")).upper()
    return re.sub(r"\s+", "", re.sub(r"[‐‑‒–—−]", "-", s))


def value_norm(v: object) -> str:
    return re.sub(r"\s+", "", str(v or "")).upper().replace("T00:00:00", "")


def endpoints(v: str) -> list[str]:
    return [p for p in v.split("/") if p] if "/" in v and not v.startswith("P") else []


def time_value(x: object) -> str:
    if isinstance(x, dict):
        return value_norm(x.get("value"))
    return value_norm(x) if x else ""


def names_of(x: object) -> list[str]:
    if isinstance(x, str):
        return [x]
    if isinstance(x, dict):
        return [x.get("name") or x.get("mention") or ""]
    if isinstance(x, list):
        return [n for y in x for n in names_of(y)]
    return []


def items(rec: dict, key: str) -> list[dict]:
    return [x for x in (rec.get(key) or []) if isinstance(x, dict)]


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    @property
    def scored(self) -> bool:
        return bool(self.tp + self.fp + self.fn)


@dataclass
class Accuracy:
    ok: int = 0
    n: int = 0

    def add(self, ok: bool) -> None:
        self.n += 1
        self.ok += bool(ok)

    @property
    def v(self) -> float:
        return self.ok / self.n if self.n else 1.0


@dataclass
class Report:
    document: Accuracy = field(default_factory=Accuracy)
    citations: PRF = field(default_factory=PRF)
    citation_date: Accuracy = field(default_factory=Accuracy)
    dates: PRF = field(default_factory=PRF)
    deadlines: PRF = field(default_factory=PRF)
    events: PRF = field(default_factory=PRF)
    units: PRF = field(default_factory=PRF)
    support: PRF = field(default_factory=PRF)
    director: PRF = field(default_factory=PRF)
    conferences: PRF = field(default_factory=PRF)
    conf_time: Accuracy = field(default_factory=Accuracy)
    conf_duration: Accuracy = field(default_factory=Accuracy)
    conf_location: Accuracy = field(default_factory=Accuracy)
    awards: PRF = field(default_factory=PRF)
    award_level: Accuracy = field(default_factory=Accuracy)
    movements: PRF = field(default_factory=PRF)
    tasks: PRF = field(default_factory=PRF)
    task_roles: Accuracy = field(default_factory=Accuracy)
    grounded: Accuracy = field(default_factory=Accuracy)
    evidence_cover: Accuracy = field(default_factory=Accuracy)
    notes: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    #: the scores of kinds that have no row of their own above (a kind added to the registry later)
    other_kinds: dict[str, PRF] = field(default_factory=dict)

    def prf(self, key: str) -> PRF:
        """The score of fact kind (or role row) ``key``."""
        found = getattr(self, key, None)
        return found if isinstance(found, PRF) else self.other_kinds.setdefault(key, PRF())

    @property
    def fields(self) -> dict[str, float]:
        f1 = {"document": self.document.v} if self.document.n else {}
        f1.update({k: self.prf(k).f for k in FACT_FIELDS if self.prf(k).scored})
        return f1

    @property
    def summary(self) -> dict:
        f1 = self.fields
        return {
            "overall": round(sum(f1.values()) / len(f1), 4) if f1 else 0.0,
            "fields": {k: round(v, 4) for k, v in f1.items()},
            "detail": {
                "dates_p": self.dates.p, "dates_r": self.dates.r, "deadlines_f": self.deadlines.f,
                "events_f": self.events.f, "units_p": self.units.p, "units_r": self.units.r,
                "support_f": self.support.f, "director_f": self.director.f,
                "citation_date_acc": self.citation_date.v, "conf_time_acc": self.conf_time.v,
                "conf_duration_acc": self.conf_duration.v, "conf_location_acc": self.conf_location.v,
                "award_level_acc": self.award_level.v, "task_role_acc": self.task_roles.v,
                "evidence_coverage": self.evidence_cover.v, "grounding_acc": self.grounded.v,
                "evidence_checked": self.grounded.n,
            },
            "missing_records": list(self.missing),
        }


def _match_names(gold: list[dict], optional: list[str], pred: list[tuple[str, object]], thr: float):
    """Greedy one-to-one matching of predicted names to gold entries (name or any alias)."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, (pname, _) in enumerate(pred):
            best = max(ratio(pname, a) for a in [g["name"], *g.get("aliases", [])])
            if best >= thr:
                cands.append((best, gi, pi))
    cands.sort(reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gold[gi], pred[pi][1]))
    fps = [pname for pi, (pname, _) in enumerate(pred)
           if pi not in used_p and not any(ratio(pname, o) >= thr for o in optional)]
    missed = [g for gi, g in enumerate(gold) if gi not in used_g]
    return pairs, fps, missed


def _doc_alternate_ok(key: str, got: object, alternates: list) -> bool:
    for a in alternates:
        if key == "issued" and time_value(got) == value_norm(a):
            return True
        if key in ("title", "issuer") and ratio(got, a) >= 0.9:
            return True
        if key in ("number", "code") and code_norm(got) == code_norm(a):
            return True
        if norm(got) == norm(a):
            return True
    return False


def score_document(g: dict, rec: dict, r: Report, doc: str) -> None:
    pd = rec.get("document") or {}
    alts = g.get("document_alternates", {})
    for key, want in g["document"].items():
        got = pd.get(key)
        if key == "signer" and isinstance(got, dict):
            got = got.get("name")
        if key in alts and _doc_alternate_ok(key, got, alts[key]):
            r.document.add(True)
            continue
        if key == "issued":
            got = time_value(got)
            ok = (got == value_norm(want)) if want else not got
        elif want is None:
            ok = got in (None, "", [])
        elif key in ("title", "issuer"):
            ok = ratio(got, want) >= 0.9
        elif key in ("number", "code"):
            ok = code_norm(got) == code_norm(want)
        else:
            ok = norm(got) == norm(want)
        r.document.add(ok)
        if not ok:
            r.notes.append(f"{doc}: document.{key}: want {want!r}, got {got!r}")


def _citation_hits(gc: dict, pc: dict) -> bool:
    if gc.get("number"):
        return code_norm(pc.get("number")) == code_norm(gc["number"])
    if gc.get("title"):
        t = norm(pc.get("title") or pc.get("text") or "")
        return norm(gc["title"]) in t or ratio(pc.get("title"), gc["title"]) >= 0.85
    return False


def score_citations(g: dict, rec: dict, r: Report, doc: str) -> None:
    pred = items(rec, "citations")
    if g.get("citations_scope") == "basis":
        pred = [c for c in pred if c.get("basis")]
    used: set[int] = set()
    tp = 0
    for gc in g["citations"]:
        hit = next((i for i, pc in enumerate(pred) if i not in used and _citation_hits(gc, pc)), None)
        if hit is None:
            r.notes.append(f"{doc}: citation missed: {gc.get('number') or gc.get('title')}")
            continue
        used.add(hit)
        tp += 1
        ok_dates = {value_norm(gc.get("date"))} | {value_norm(d) for d in gc.get("date_alternates", [])}
        r.citation_date.add(time_value(pred[hit].get("date")) in ok_dates)
    extra = [pc for i, pc in enumerate(pred)
             if i not in used and not any(_citation_hits(oc, pc) for oc in g.get("optional_citations", []))]
    r.citations.add(tp, len(extra), len(g["citations"]) - tp)
    for pc in extra:
        r.notes.append(f"{doc}: citation extra: {pc.get('number') or pc.get('title')}")


def score_dates(g: dict, rec: dict, r: Report, doc: str) -> None:
    pred = items(rec, "dates")
    gold = {value_norm(v) for v in g["dates"]}
    ok_extra = gold | {value_norm(v) for v in g.get("optional_dates", [])}
    values = {value_norm(d.get("value")) for d in pred if d.get("value")}
    expanded = values | {e for v in values for e in endpoints(v)}
    found = gold & expanded
    fps = {v for v in values if v not in ok_extra and not any(e in ok_extra for e in endpoints(v))}
    r.dates.add(len(found), len(fps), len(gold - found))
    r.notes += [f"{doc}: date missed: {v}" for v in sorted(gold - found)]
    r.notes += [f"{doc}: date extra: {v}" for v in sorted(fps)]
    for role, prf, key in (("deadline", r.deadlines, "deadlines"), ("event", r.events, "events")):
        want = {value_norm(v) for v in g.get(key, [])}
        maybe = {value_norm(v) for v in g.get(f"optional_{key}", [])}
        got = {value_norm(d.get("value")) for d in pred if role == d.get("role") or role in (d.get("roles") or [])}
        prf.add(len(want & got), len(got - want - maybe), len(want - got))


def score_units(g: dict, rec: dict, r: Report, doc: str) -> None:
    pred = []
    for u in items(rec, "units"):
        roles = set(u.get("roles") or ([u["role"]] if u.get("role") else []))
        if roles & RESPONSIBLE:
            pred.append((u.get("name") or "", roles))
    pairs, fps, missed = _match_names(g["units"], g.get("optional_units", []), pred, 0.9)
    r.units.add(len(pairs), len(fps), len(missed))
    r.notes += [f"{doc}: unit missed: {m['name']}" for m in missed]
    r.notes += [f"{doc}: unit extra: {f}" for f in fps]
    for role, prf in (("support", r.support), ("director", r.director)):
        want = [gu for gu in g["units"] if role in gu["roles"]]
        tp = sum(1 for gu, roles in pairs if role in gu["roles"] and role in roles)
        got = sum(1 for gu, roles in pairs if role in roles and role not in gu.get("optional_roles", [])) + sum(
            1 for name, roles in pred if role in roles and name in fps)
        prf.add(tp, got - tp, len(want) - tp)


def score_conferences(g: dict, rec: dict, r: Report, doc: str) -> None:
    pred = items(rec, "conferences")
    used: set[int] = set()
    tp = 0

    def loc_ok(gc: dict, pc: dict) -> bool:
        if gc.get("location") is None:
            return not pc.get("location")
        return norm(gc["location"]) in norm(pc.get("location"))

    for gc in g["conferences"]:
        best, best_score = None, 0
        for i, pc in enumerate(pred):
            if i in used or pc.get("kind") != gc["kind"]:
                continue
            s = 2 + 2 * (time_value(pc.get("time")) == value_norm(gc["time"]))
            s += gc.get("location") is not None and loc_ok(gc, pc)
            if s > best_score:
                best, best_score = i, s
        if best is None:
            r.notes.append(f"{doc}: conference missed: {gc['kind']} {gc['time']}")
            continue
        used.add(best)
        tp += 1
        pc = pred[best]
        r.conf_time.add(time_value(pc.get("time")) == value_norm(gc["time"]))
        r.conf_duration.add(value_norm(pc.get("duration")) == value_norm(gc.get("duration")))
        r.conf_location.add(loc_ok(gc, pc))
    fp = 0
    for i, pc in enumerate(pred):
        if i in used:
            continue
        if any(pc.get("kind") == o["kind"] and (o.get("time") is None or time_value(pc.get("time")) == value_norm(o["time"]))
               for o in g.get("optional_conferences", [])):
            continue
        fp += 1
        r.notes.append(f"{doc}: conference extra: {pc.get('kind')} {time_value(pc.get('time'))}")
    r.conferences.add(tp, fp, len(g["conferences"]) - tp)


def score_awards(g: dict, rec: dict, r: Report, doc: str) -> None:
    seen, uniq = set(), []
    for a in items(rec, "awards"):  # several mentions of one award count once
        name = a.get("name") or ""
        if norm(name) not in seen:
            seen.add(norm(name))
            uniq.append((name, a.get("level")))
    opt = [a for o in g.get("optional_awards", []) for a in [o["name"], *o.get("aliases", [])]]
    pairs, fps, missed = _match_names(g["awards"], opt, uniq, 0.9)
    r.awards.add(len(pairs), len(fps), len(missed))
    for ga, level in pairs:
        r.award_level.add(level == ga["level"])
    r.notes += [f"{doc}: award missed: {m['name']}" for m in missed]
    r.notes += [f"{doc}: award extra: {f}" for f in fps]


def score_movements(g: dict, rec: dict, r: Report, doc: str) -> None:
    pred = [(m.get("name") or "", None) for m in items(rec, "movements")]
    gold = [m if isinstance(m, dict) else {"name": m} for m in g["movements"]]
    pairs, fps, missed = _match_names(gold, g.get("optional_movements", []), pred, 0.9)
    r.movements.add(len(pairs), len(fps), len(missed))
    r.notes += [f"{doc}: movement missed: {m['name']}" for m in missed]
    r.notes += [f"{doc}: movement extra: {f}" for f in fps]


def score_tasks(g: dict, rec: dict, r: Report, doc: str) -> None:
    gold = g.get("tasks", [])
    if not gold:
        return
    pred = items(rec, "tasks")
    used: set[int] = set()
    tp = 0
    for gt in gold:
        best, best_r = None, 0.0
        for i, pt in enumerate(pred):
            if i in used or time_value(pt.get("period")) != value_norm(gt["period"]):
                continue
            desc = norm(pt.get("description"))[: len(norm(gt["text"])) + 8]
            s = difflib.SequenceMatcher(None, norm(gt["text"]), desc, autojunk=False).ratio()
            if s > best_r:
                best, best_r = i, s
        if best is None or best_r < 0.8:
            r.notes.append(f"{doc}: task missed: {gt['period']} {gt['text'][:50]}")
            continue
        used.add(best)
        tp += 1
        for role in ("lead", "support", "director"):
            got = names_of(pred[best].get(role))
            for want in gt[role]:
                r.task_roles.add(any(ratio(want, x) >= 0.85 or norm(want) in norm(x) or norm(x) in norm(want)
                                     for x in got if x))
    r.tasks.add(tp, len(pred) - tp, len(gold) - tp)


def _walk_evidence(obj: object, text: str, r: Report) -> None:
    if isinstance(obj, dict):
        ev = obj.get("evidence")
        for e in ev if isinstance(ev, list) else [ev] if isinstance(ev, dict) else []:
            try:
                s, t = int(e["start"]), int(e["end"])
                span = text[s:t]
                ok = 0 <= s < t <= len(text) and span.strip() != ""
                if ok and e.get("text"):
                    ok = " ".join(span.split()) == " ".join(str(e["text"]).split())
            except (KeyError, TypeError, ValueError):
                ok = False
            r.grounded.add(ok)
        for v in obj.values():
            _walk_evidence(v, text, r)
    elif isinstance(obj, list):
        for v in obj:
            _walk_evidence(v, text, r)


def score_evidence(rec: dict, r: Report) -> None:
    for key in FACT_FIELDS:
        for it in items(rec, key):
            r.evidence_cover.add(bool(it.get("evidence")))
    _walk_evidence({k: rec.get(k) for k in FACT_FIELDS}, rec.get("text") or "", r)


_FACT_SCORERS = {"citations": score_citations, "dates": score_dates, "units": score_units,
                 "conferences": score_conferences, "awards": score_awards, "movements": score_movements,
                 "tasks": score_tasks}


def score_by_main_field(kind: FactKind) -> Callable[[dict, dict, Report, str], None]:
    """The scorer of a kind without one of its own: its items matched by their main field (names at a
    similarity of 0.9, like movements), against gold items that give that field (and may give aliases)."""
    def score(g: dict, rec: dict, r: Report, doc: str) -> None:
        field_ = kind.main_field
        pred = [(str(it.get(field_) or ""), None) for it in items(rec, kind.key)]
        gold = [{"name": str(x.get(field_) or ""), "aliases": x.get("aliases", [])} if isinstance(x, dict)
                else {"name": str(x)} for x in g[kind.key]]
        pairs, fps, missed = _match_names(gold, g.get(f"optional_{kind.key}", []), pred, 0.9)
        r.prf(kind.key).add(len(pairs), len(fps), len(missed))
        r.notes += [f"{doc}: {kind.key} missed: {m['name']}" for m in missed]
        r.notes += [f"{doc}: {kind.key} extra: {f}" for f in fps]
    return score


# every kind of the registry is scored: by its own scorer, else by its main field
SCORERS = (("document", score_document),
           *((k.key, _FACT_SCORERS.get(k.key) or score_by_main_field(k)) for k in KINDS))
#: the role rows reported under a kind's own row (name, Report attribute)
_SUB_ROWS = {"dates": (("  deadline role", "deadlines"), ("  event role", "events")),
             "units": (("  support role", "support"), ("  director role", "director"))}


def load_gold(path: Path) -> dict:
    try:
        g = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldFormatError(path, reason=str(exc).splitlines()[0]) from exc
    if not isinstance(g, dict) or "doc" not in g:
        raise GoldFormatError(path, reason="missing the 'doc' key")
    return g


def evaluate(gold_dir: str | Path, pred_dir: str | Path) -> Report:
    """Score every ``<doc>.json`` in ``pred_dir`` against the gold file of the same name."""
    gold_dir, pred_dir = Path(gold_dir), Path(pred_dir)
    r = Report()
    for gp in sorted(gold_dir.glob("*.json")):
        g = load_gold(gp)
        doc = g["doc"]
        pp = pred_dir / f"{doc}.json"
        rec: dict = json.loads(pp.read_text(encoding="utf-8")) if pp.exists() else {}
        if not rec:
            r.missing.append(doc)
        for key, fn in SCORERS:
            if key in g:  # a gold file may leave a field unannotated
                fn(g, rec, r, doc)
        if not rec and "document" in g:  # no credit for expected-empty header fields of a missing record
            r.document.ok -= sum(1 for v in g["document"].values() if v is None)
        score_evidence(rec, r)
    return r


def format_report(r: Report, *, verbose: bool = False) -> str:
    lines = [f"  {n}" for n in r.notes] if verbose else []
    if r.missing:
        lines.append(f"missing records: {', '.join(r.missing)}")
    lines.append(f"{'field':28} {'F1/acc':>7} {'P':>6} {'R':>6}")
    lines.append(f"{'document fields (accuracy)':28} {r.document.v:7.3f}")
    rows = [row for k in KINDS for row in ((k.report_name, k.key), *_SUB_ROWS.get(k.key, ()))]
    for name, attr in rows:
        prf = r.prf(attr)
        lines.append(f"{name:28} {prf.f:7.3f} {prf.p:6.3f} {prf.r:6.3f}")
    s = r.summary
    d = s["detail"]
    lines.append(f"slot accuracy: citation date {d['citation_date_acc']:.3f}, conference time {d['conf_time_acc']:.3f}, "
                 f"duration {d['conf_duration_acc']:.3f}, location {d['conf_location_acc']:.3f}, "
                 f"award level {d['award_level_acc']:.3f}, task roles {d['task_role_acc']:.3f}")
    lines.append(f"evidence: coverage {d['evidence_coverage']:.3f}, grounded {d['grounding_acc']:.3f} "
                 f"({d['evidence_checked']} spans)")
    lines.append(f"overall (mean of the {len(s['fields'])} field scores with anything to score): {s['overall']:.3f}")
    return "\n".join(lines)
