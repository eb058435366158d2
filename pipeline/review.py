"""The review page: one self-contained HTML file to check an extraction at a glance.

The document's text with every evidence span highlighted, coloured by fact kind, and a side panel of the
facts; clicking a fact scrolls to its span and flashes it. No external assets (inline CSS and JS), and every
piece of document text is escaped. Overlapping spans are split into segments at every span boundary; a
segment is coloured by its innermost (shortest) span and lists all its spans in ``data-s``.
"""
from __future__ import annotations

import html
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.kinds import BY_KEY, KINDS as FACT_KINDS, time_label
from schemas.errors import InputNotFoundError
from schemas.record import Evidence, Record

#: fact kind -> (legend label, colour): the header, then every kind of the registry
KINDS: dict[str, tuple[str, str]] = {"document": ("Header", "#d9d9d9"),
                                     **{k.key: (k.label, k.colour) for k in FACT_KINDS}}


#: header fields a plan should carry (Decree 30/2020/NĐ-CP, Article 8): listed on the page when not found
HEADER_FIELDS = ("type", "number", "code", "issuer", "place", "issued", "title", "signer", "recipients")
#: warnings that report a repair already made, not a doubt about the record: shown as notes, not alarms
NOTICES = (re.compile(r"^skipped \d+ junk bytes"), re.compile(r"OCR is switched off"),
           re.compile(r"^corrections applied"))


@dataclass(frozen=True)
class Span:
    id: str
    kind: str
    start: int
    end: int
    label: str = ""  # hover text: field and role, e.g. "Units · lead: Sở Nội vụ"


@dataclass
class Fact:
    kind: str
    label: str
    spans: list[Span]
    match: dict = field(default_factory=dict)  # identifies the item in a corrections file


def _signer(s) -> str:
    return " ".join(x for x in (s.authority, s.on_behalf_of, s.position, s.name) if x)


def header_value(field_name: str, value) -> str:
    """A header field as a reader writes it, never a Python repr."""
    if value is None or value == []:
        return "—"
    if field_name == "issued":
        return f"{value.text} = {time_label(value)}"
    if field_name in ("signer",):
        return _signer(value)
    if field_name == "signers":
        return "; ".join(_signer(s) for s in value)
    if field_name == "recipients":
        return "; ".join(r.name + (f" ({r.purpose})" if r.purpose else "") for r in value)
    return str(value)


def collect_facts(record: Record) -> tuple[list[Fact], int]:
    """Every fact with its evidence spans (only spans inside the text), and the number of spans dropped."""
    n = len(record.text)
    facts: list[Fact] = []
    dropped = 0

    def spans_of(kind: str, i: int, evidence: list[Evidence], label: str) -> list[Span]:
        nonlocal dropped
        out = []
        for j, ev in enumerate(evidence):
            if 0 <= ev.start < ev.end <= n:
                out.append(Span(f"s-{kind}-{i}-{j}", kind, ev.start, ev.end, label))
            else:
                dropped += 1
        return out

    header = record.document
    for i, (name, evidence) in enumerate(sorted(header.evidence.items())):
        label = f"{name}: {header_value(name, getattr(header, name, None))}"
        facts.append(Fact("document", label, spans_of("document", i, evidence, f"Header · {label}"),
                          {"field": name}))
    for kind in FACT_KINDS:
        for i, item in enumerate(getattr(record, kind.key)):
            label = kind.describe(item)
            role = kind.role(item)
            hover = f"{kind.label} · {role + ': ' if role else ''}{label}"
            facts.append(Fact(kind.key, label, spans_of(kind.key, i, item.evidence, hover),
                              {kind.main_field: getattr(item, kind.main_field)}))
    return facts, dropped


@dataclass
class FactGroup:
    """Facts of one kind with the same value: one line in the panel, with their mention count."""

    kind: str
    label: str
    facts: list[Fact]

    @property
    def spans(self) -> list[Span]:
        return [s for f in self.facts for s in f.spans]


def group_facts(facts: list[Fact]) -> list[FactGroup]:
    groups: dict[tuple[str, str], FactGroup] = {}
    for f in facts:
        groups.setdefault((f.kind, f.label), FactGroup(f.kind, f.label, [])).facts.append(f)
    return list(groups.values())


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
                   f'title="{html.escape(inner.label or inner.kind)}">{piece}</mark>')
    return "".join(out)


# -- the page images -----------------------------------------------------------------------------

#: pixels per PDF point of the page images: 1.5 is 108 dpi, legible, about 150 kB a scanned page
PAGE_SCALE = 1.5


def page_images(record: Record, source: Path | None) -> dict[int, str]:
    """Page number -> JPEG data URI of each page of the PDF or scan the record was read from ({} otherwise)."""
    if source is None or record.source.format not in ("pdf", "scan") or not source.is_file():
        return {}
    import base64
    import io

    def uri(image) -> str:
        buf = io.BytesIO()
        image.convert("L").save(buf, format="JPEG", quality=70, optimize=True)  # a scan's grain: PNG is 4x
        return "data:image/jpeg;base64," + base64.b64encode(buf.getvalue()).decode("ascii")

    out: dict[int, str] = {}
    if source.suffix.lower() != ".pdf":  # an image (JPG, PNG, TIFF pages), drawn at the size of its page
        from PIL import Image, ImageOps

        sizes = {p.number: p.width for p in record.pages}
        with Image.open(source) as image:
            for index in range(getattr(image, "n_frames", 1)):
                image.seek(index)
                page = ImageOps.exif_transpose(image)
                width = round((sizes.get(index + 1) or page.width * 72 / 300) * PAGE_SCALE)
                out[index + 1] = uri(page.resize((width, max(1, round(page.height * width / page.width)))))
        return out
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(source))
    try:
        for index in range(len(pdf)):
            out[index + 1] = uri(pdf[index].render(scale=PAGE_SCALE, grayscale=True).to_pil())
    finally:
        pdf.close()
    return out


def _page_boxes(record: Record, facts: list[Fact]) -> dict[int, list[tuple[str, str, str, object]]]:
    """Page -> (span id, kind, hover label, box) for every evidence box."""
    by_id = {s.id: s for f in facts for s in f.spans}
    out: dict[int, list] = {}
    header = record.document
    sources: list[tuple[str, int, list[Evidence]]] = [
        ("document", i, ev) for i, (_, ev) in enumerate(sorted(header.evidence.items()))]
    for kind in list(KINDS)[1:]:
        sources += [(kind, i, item.evidence) for i, item in enumerate(getattr(record, kind))]
    for kind, i, evidence in sources:
        for j, ev in enumerate(evidence):
            span = by_id.get(f"s-{kind}-{i}-{j}")
            if span is None:
                continue
            for box in ev.boxes:
                out.setdefault(box.page, []).append((span.id, kind, span.label, box))
    return out


def render_pages(record: Record, images: dict[int, str], facts: list[Fact]) -> str:
    if not images:
        return ""
    boxes = _page_boxes(record, facts)
    size = {p.number: (p.width, p.height) for p in record.pages}
    out = []
    for number, uri in images.items():
        width, height = size.get(number, (None, None))
        marks = []
        if width and height:
            for span_id, kind, label, b in boxes.get(number, []):
                marks.append(
                    f'<div class="box k-{kind}" data-s="{span_id}" title="{html.escape(label)}" style="'
                    f'left:{100 * b.x0 / width:.3f}%;top:{100 * b.top / height:.3f}%;'
                    f'width:{100 * (b.x1 - b.x0) / width:.3f}%;height:{100 * (b.bottom - b.top) / height:.3f}%"></div>')
        out.append(f'<div class="page" id="page-{number}" data-page="{number}"><img alt="page {number}" '
                   f'src="{uri}">{"".join(marks)}<span class="pno">{number}</span></div>')
    return f'<section id="pages">{"".join(out)}</section>'


_CSS = """
*{box-sizing:border-box}body{margin:0;font:15px/1.55 system-ui,"Segoe UI",Arial,sans-serif;color:#222;
height:100vh;display:flex;flex-direction:column;overflow:hidden}
header.top{flex:none;z-index:3;background:#fff;border-bottom:1px solid #ccc;padding:.5em 1em}
header.top h1{font-size:1.1em;margin:0 0 .3em}.legend label{display:inline-block;margin:0 .6em .2em 0;
padding:0 .4em;border-radius:3px;font-size:.85em;cursor:pointer}
main{flex:1;min-height:0;display:flex}main>*{height:100%;overflow:auto}
#pages{flex:0 0 34%;position:relative;padding:.5em;background:#eee}
.page{position:relative;margin:0 0 .6em;box-shadow:0 1px 3px #999;background:#fff}
.page img{display:block;width:100%}.page .pno{position:absolute;right:.3em;bottom:.1em;font-size:.75em;color:#777}
.box{position:absolute;opacity:.45;border-radius:2px}.box.active{opacity:.9;outline:3px solid #e63946;z-index:2}
#text{flex:1 1 40%;position:relative;white-space:pre-wrap;padding:1em 1.5em;font-family:Georgia,"Times New Roman",serif}
aside{flex:0 0 28%;border-left:1px solid #ccc;padding:.5em 1em;font-size:.9em}
aside h2{font-size:1em;margin:.8em 0 .3em}aside ol{margin:0;padding-left:1.6em}
aside li{margin:.15em 0}aside a{color:#123;text-decoration:none;cursor:pointer}
aside a:hover{text-decoration:underline}aside .nospan{color:#999}aside .count{color:#666;font-size:.85em}
aside li.selected>a{font-weight:bold}aside li.deleted>a{text-decoration:line-through;color:#999}
aside button{font-size:.75em;padding:0 .3em;margin-left:.3em;cursor:pointer}
mark{border-radius:2px;padding:0 1px;color:inherit}mark.multi{box-shadow:inset 0 -2px 0 #555}
mark.active{outline:3px solid #e63946}
.warn{color:#a00}.notice{color:#555}.missing{color:#8a5a00}
#corrections{margin-top:1em;border-top:1px solid #ccc;padding-top:.5em}
#corrections pre{white-space:pre-wrap;font-size:.8em;background:#f6f6f6;padding:.3em}
"""

_JS = r"""
(function () {
  var doc = document.body.getAttribute('data-doc');
  var stem = document.body.getAttribute('data-stem') || doc;
  var edits = [];
  function clearActive() {
    document.querySelectorAll('.active').forEach(function (m) { m.classList.remove('active'); });
    document.querySelectorAll('aside li.selected').forEach(function (m) { m.classList.remove('selected'); });
  }
  function show(ids, li) {
    clearActive();
    if (li) li.classList.add('selected');
    var firstMark = null, firstBox = null;
    ids.forEach(function (id) {
      document.querySelectorAll('mark[data-s~="' + id + '"]').forEach(function (m) {
        m.classList.add('active'); firstMark = firstMark || m; });
      document.querySelectorAll('.box[data-s="' + id + '"]').forEach(function (b) {
        b.classList.add('active'); firstBox = firstBox || b; });
    });
    if (firstMark) firstMark.scrollIntoView({block: 'center'});
    if (firstBox) {
      var pane = document.getElementById('pages');
      pane.scrollTop = firstBox.parentNode.offsetTop + firstBox.offsetTop - pane.clientHeight / 2;
    }
  }
  function render() {
    var out = document.querySelector('#corrections pre');
    out.textContent = JSON.stringify({doc_id: doc, corrections: edits}, null, 1);
  }
  document.addEventListener('click', function (e) {
    var btn = e.target.closest('button[data-op]');
    if (btn) {
      var li = btn.closest('li'), op = btn.getAttribute('data-op'), kind = btn.getAttribute('data-kind');
      var match = li ? JSON.parse(li.getAttribute('data-match')) : null;
      if (op === 'delete') { edits.push({op: 'delete', kind: kind, match: match}); li.classList.add('deleted'); }
      if (op === 'fix') {
        var field = Object.keys(match)[0];
        var value = window.prompt('New ' + field, match[field] || '');
        if (value !== null) edits.push({op: 'fix', kind: kind, match: match, set: {[field]: value}});
      }
      if (op === 'add') {
        var field2 = btn.getAttribute('data-field');
        var sel = String(window.getSelection() || '').trim();
        var v = window.prompt('Missed ' + kind + ': ' + field2, sel);
        if (v) edits.push({op: 'add', kind: kind, item: {[field2]: v}, evidence_text: sel || null});
      }
      if (op === 'save') {
        var blob = new Blob([JSON.stringify({doc_id: doc, corrections: edits}, null, 1)], {type: 'application/json'});
        var a = document.createElement('a');
        a.href = URL.createObjectURL(blob); a.download = stem + '.corrections.json'; a.click();
      }
      render();
      return;
    }
    var link = e.target.closest('a[data-targets]');
    if (link) {
      e.preventDefault();
      show(link.getAttribute('data-targets').split(' '), link.closest('li'));
      return;
    }
    var hit = e.target.closest('mark[data-s], .box[data-s]');
    if (hit) {
      var ids = hit.getAttribute('data-s').split(' ');
      var li2 = document.querySelector('aside li[data-spans~="' + ids[ids.length - 1] + '"]');
      show(li2 ? li2.getAttribute('data-spans').split(' ') : ids, li2);
      if (li2) li2.scrollIntoView({block: 'nearest'});
    }
  });
  document.querySelectorAll('.legend input[data-kind]').forEach(function (box) {
    box.addEventListener('change', function () {
      document.body.classList.toggle('hide-' + box.getAttribute('data-kind'), !box.checked);
    });
  });
})();
"""


def _warnings(record: Record, dropped: int) -> str:
    lines = [*record.warnings] + ([f"{dropped} evidence span(s) outside the text were not shown"] if dropped else [])
    out = []
    for w in lines:
        notice = any(p.search(w) for p in NOTICES)
        out.append(f'<div class="{"notice" if notice else "warn"}">{"ℹ" if notice else "⚠"} {html.escape(w)}</div>')
    return "".join(out)


def missing_header_fields(record: Record) -> list[str]:
    doc = record.document
    return [f for f in HEADER_FIELDS if getattr(doc, f) in (None, "", [])]


def render_review(record: Record, *, images: dict[int, str] | None = None, stem: str | None = None) -> str:
    """The review page of one record, as one HTML string; ``images`` (page -> data URI) adds the pages.

    ``stem`` names the corrections file, ``<stem>.corrections.json``: the record file's name without
    ``.json`` (batch and index look for the corrections next to the record by that name; the ``doc_id`` is
    a content hash that changes with the file). Default: the source file's stem."""
    stem = stem or Path(record.source.name or record.doc_id).stem
    facts, dropped = collect_facts(record)
    groups = group_facts(facts)
    spans = [s for f in facts for s in f.spans]
    css = _CSS + "".join(f"mark.k-{k},.legend .k-{k},.swatch.k-{k},.box.k-{k}{{background:{c}}}\n"
                         f"body.hide-{k} mark.k-{k}{{background:none}}body.hide-{k} .box.k-{k}{{display:none}}\n"
                         for k, (_, c) in KINDS.items())
    legend = "".join(f'<label class="k-{k}"><input type="checkbox" checked data-kind="{k}"> '
                     f'{html.escape(label)} ({sum(f.kind == k for f in facts)})</label>'
                     for k, (label, _) in KINDS.items())
    panel = []
    for kind, (label, _) in KINDS.items():
        items = [g for g in groups if g.kind == kind]
        add = (f'<button data-op="add" data-kind="{kind}" data-field="{BY_KEY[kind].main_field}" '
               f'title="add a fact this kind missed (select its words in the text first)">+ add</button>'
               if kind in BY_KEY else "")
        if not items and not add:
            continue
        lis = []
        for g in items:
            text = html.escape(g.label)
            count = f' <span class="count">×{len(g.facts)}</span>' if len(g.facts) > 1 else ""
            match = html.escape(json.dumps(g.facts[0].match, ensure_ascii=False, default=str))
            tools = (f'<button data-op="fix" data-kind="{kind}" title="correct the value">✎</button>'
                     f'<button data-op="delete" data-kind="{kind}" title="a wrong fact: delete it">✕</button>'
                     if kind in BY_KEY else "")
            ids = " ".join(s.id for s in g.spans)
            if g.spans:
                lis.append(f'<li data-spans="{ids}" data-match="{match}"><a href="#{g.spans[0].id}" '
                           f'data-target="{g.spans[0].id}" data-targets="{ids}" data-kind="{kind}">{text}</a>'
                           f'{count}{tools}</li>')
            else:
                lis.append(f'<li class="nospan" data-match="{match}">{text} (no evidence){count}{tools}</li>')
        panel.append(f'<h2><span class="swatch k-{kind}">&nbsp;&nbsp;</span> {html.escape(label)} '
                     f'({sum(len(g.facts) for g in items)}){add}</h2><ol>{"".join(lis)}</ol>')
    missing = missing_header_fields(record)
    if missing:
        panel.insert(0, f'<div class="missing">Header fields not found: {html.escape(", ".join(missing))}</div>')
    panel.append('<div id="corrections"><button data-op="save">Save corrections</button> '
                 f'<span class="count">as {html.escape(stem)}.corrections.json next to the record; '
                 '`vnplan extract` and `vnplan index` apply it</span><pre></pre></div>')
    title = record.document.title or record.source.name
    return (
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">"
        f"<title>Review · {html.escape(record.doc_id)}</title><style>{css}</style></head>"
        f'<body data-doc="{html.escape(record.doc_id)}" data-stem="{html.escape(stem)}">'
        f'<header class="top"><h1>{html.escape(record.doc_id)} · {html.escape(title)}</h1>'
        f'<div class="legend">{legend}</div>{_warnings(record, dropped)}</header>'
        f'<main>{render_pages(record, images or {}, facts)}<div id="text">{render_text(record.text, spans)}</div>'
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


def find_original(source: Path, record: Record, document: Path | None = None) -> Path | None:
    """The document a record was read from: the source itself, the one given, or a file with the record's
    content hash at its source path or beside the record (a batch keeps only the file name)."""
    if source.suffix.lower() != ".json":
        return source
    import hashlib

    for path in (document, Path(record.source.path), source.parent / record.source.name):
        if path is not None and path.is_file() and (
                path == document or hashlib.sha256(path.read_bytes()).hexdigest() == record.source.sha256):
            return path
    return None


def write_review(source: str | Path, out: str | Path, *, document: str | Path | None = None) -> Path:
    """Write the review page of ``source`` (document or record JSON) to ``out``, atomically; for a PDF or scan
    the page images with every fact's boxes stand beside the text (``document``: where the original is, when
    a record JSON is reviewed away from it)."""
    source = Path(source)
    record = load_for_review(source)
    original = find_original(source, record, Path(document) if document else None)
    page = render_review(record, images=page_images(record, original), stem=source.stem)
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


__all__ = ["render_review", "write_review", "collect_facts", "group_facts", "render_text", "render_pages",
           "page_images", "header_value", "missing_header_fields", "load_for_review", "KINDS"]
