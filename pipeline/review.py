"""The review page: one self-contained HTML file to check an extraction at a glance.

The document's text with every evidence span highlighted, coloured by fact kind, and a side panel of the
facts; clicking a fact scrolls to its span and flashes it. No external assets (inline CSS and JS), and every
piece of document text is escaped. Overlapping spans are split into segments at every span boundary; a
segment is coloured by its innermost (shortest) span and lists all its spans in ``data-s``.
"""
from __future__ import annotations

import html
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pipeline.kinds import KINDS as FACT_KINDS
from schemas.errors import InputNotFoundError
from schemas.record import Evidence, Record

#: fact kind -> (legend label, colour): the header, then every kind of the registry
KINDS: dict[str, tuple[str, str]] = {"document": ("Header", "#d9d9d9"),
                                     **{k.key: (k.label, k.colour) for k in FACT_KINDS}}


@dataclass(frozen=True)
class Span:
    id: str
    kind: str
    start: int
    end: int


@dataclass
class Fact:
    kind: str
    label: str
    spans: list[Span]


def collect_facts(record: Record) -> tuple[list[Fact], int]:
    """Every fact with its evidence spans (only spans inside the text), and the number of spans dropped."""
    n = len(record.text)
    facts: list[Fact] = []
    dropped = 0

    def spans_of(kind: str, i: int, evidence: list[Evidence]) -> list[Span]:
        nonlocal dropped
        out = []
        for j, ev in enumerate(evidence):
            if 0 <= ev.start < ev.end <= n:
                out.append(Span(f"s-{kind}-{i}-{j}", kind, ev.start, ev.end))
            else:
                dropped += 1
        return out

    header = record.document
    for i, (field, evidence) in enumerate(sorted(header.evidence.items())):
        value = getattr(header, field, None)
        value = getattr(value, "value", None) or getattr(value, "name", None) or value
        facts.append(Fact("document", f"{field}: {value if value is not None else '—'}",
                          spans_of("document", i, evidence)))
    for kind in FACT_KINDS:
        for i, item in enumerate(getattr(record, kind.key)):
            facts.append(Fact(kind.key, kind.describe(item), spans_of(kind.key, i, item.evidence)))
    return facts, dropped


def render_text(text: str, spans: list[Span]) -> str:
    """The escaped text with ``<mark>`` segments; a span's first segment carries its id."""
    bounds = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    starts: dict[int, list[Span]] = {}
    for s in spans:
        starts.setdefault(s.start, []).append(s)
    active: list[Span] = []
    anchored: set[str] = set()
    out: list[str] = []
    for a, b in zip(bounds, bounds[1:]):
        active = [s for s in active if s.end > a] + starts.get(a, [])
        piece = html.escape(text[a:b])
        if not active:
            out.append(piece)
            continue
        inner = min(active, key=lambda s: (s.end - s.start, s.id))
        ids = " ".join(s.id for s in active)
        first = [s.id for s in active if s.id not in anchored]
        anchored.update(first)
        anchor = f' id="{first[0]}"' if first else ""
        extra = "".join(f'<a class="anchor" id="{x}"></a>' for x in first[1:])
        multi = " multi" if len(active) > 1 else ""
        out.append(f'{extra}<mark{anchor} class="k-{inner.kind}{multi}" data-s="{ids}" '
                   f'title="{html.escape(inner.kind)}">{piece}</mark>')
    return "".join(out)


_CSS = """
*{box-sizing:border-box}body{margin:0;font:15px/1.55 system-ui,"Segoe UI",Arial,sans-serif;color:#222}
header.top{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid #ccc;padding:.5em 1em}
header.top h1{font-size:1.1em;margin:0 0 .3em}.legend span{display:inline-block;margin:0 .6em .2em 0;
padding:0 .4em;border-radius:3px;font-size:.85em}
main{display:flex;align-items:flex-start}
#text{flex:1 1 62%;white-space:pre-wrap;padding:1em 1.5em;font-family:Georgia,"Times New Roman",serif}
aside{flex:0 0 38%;position:sticky;top:4.5em;max-height:calc(100vh - 5em);overflow:auto;
border-left:1px solid #ccc;padding:.5em 1em;font-size:.9em}
aside h2{font-size:1em;margin:.8em 0 .3em}aside ol{margin:0;padding-left:1.6em}
aside li{margin:.15em 0}aside a{color:#123;text-decoration:none;cursor:pointer}
aside a:hover{text-decoration:underline}aside .nospan{color:#999}
mark{border-radius:2px;padding:0 1px;color:inherit}mark.multi{box-shadow:inset 0 -2px 0 #555}
mark.flash{outline:3px solid #e63946;animation:flash 1.2s ease-out 2}
@keyframes flash{0%{background:#e63946;color:#fff}100%{}}
.warn{color:#a00}
"""

_JS = """
document.addEventListener('click', function (e) {
  var a = e.target.closest('a[data-target]');
  if (!a) return;
  e.preventDefault();
  var id = a.getAttribute('data-target');
  var el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView({block: 'center'});
  document.querySelectorAll('mark.flash').forEach(function (m) { m.classList.remove('flash'); });
  document.querySelectorAll('mark[data-s~="' + id + '"]').forEach(function (m) {
    void m.offsetWidth; m.classList.add('flash');
  });
  setTimeout(function () {
    document.querySelectorAll('mark.flash').forEach(function (m) { m.classList.remove('flash'); });
  }, 2500);
});
"""


def render_review(record: Record) -> str:
    """The review page of one record, as one HTML string."""
    facts, dropped = collect_facts(record)
    spans = [s for f in facts for s in f.spans]
    css = _CSS + "".join(f"mark.k-{k},.legend .k-{k},.swatch.k-{k}{{background:{c}}}\n"
                         for k, (_, c) in KINDS.items())
    legend = "".join(f'<span class="k-{k}">{html.escape(label)} ({sum(f.kind == k for f in facts)})</span>'
                     for k, (label, _) in KINDS.items())
    panel = []
    for kind, (label, _) in KINDS.items():
        items = [f for f in facts if f.kind == kind]
        if not items:
            continue
        lis = []
        for f in items:
            text = html.escape(f.label)
            if f.spans:
                lis.append(f'<li><a href="#{f.spans[0].id}" data-target="{f.spans[0].id}" '
                           f'data-kind="{kind}">{text}</a></li>')
            else:
                lis.append(f'<li class="nospan">{text} (no evidence)</li>')
        panel.append(f'<h2><span class="swatch k-{kind}">&nbsp;&nbsp;</span> {html.escape(label)} '
                     f'({len(items)})</h2><ol>{"".join(lis)}</ol>')
    title = record.document.title or record.source.name
    warnings = [*record.warnings] + ([f"{dropped} evidence span(s) outside the text were not shown"]
                                     if dropped else [])
    warn = "".join(f'<div class="warn">⚠ {html.escape(w)}</div>' for w in warnings)
    return (
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">"
        f"<title>Review · {html.escape(record.doc_id)}</title><style>{css}</style></head><body>"
        f'<header class="top"><h1>{html.escape(record.doc_id)} · {html.escape(title)}</h1>'
        f'<div class="legend">{legend}</div>{warn}</header>'
        f'<main><div id="text">{render_text(record.text, spans)}</div>'
        f'<aside id="facts">{"".join(panel) or "<p>No facts extracted.</p>"}</aside></main>'
        f"<script>{_JS}</script></body></html>\n")


def load_for_review(source: str | Path) -> Record:
    """A record JSON as it is, or any input document extracted now."""
    source = Path(source)
    if not source.is_file():
        raise InputNotFoundError(source)
    if source.suffix.lower() == ".json":
        from pipeline.archive import load_record
        return load_record(source)
    from pipeline.extract import extract_file
    return extract_file(source)


def write_review(source: str | Path, out: str | Path) -> Path:
    """Write the review page of ``source`` (document or record JSON) to ``out``, atomically."""
    page = render_review(load_for_review(source))
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=".tmp-", suffix=".html")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(page)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; the page is an ordinary file
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out


__all__ = ["render_review", "write_review", "collect_facts", "render_text", "load_for_review", "KINDS"]
