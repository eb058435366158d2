"""The review workbench in headless Chromium on a real scan (real-dev): the page images carry every fact's
boxes, and clicking a fact highlights its box on the page and its span in the text. The screenshot it takes
is kept in tests/artifacts/ (linked from the README)."""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pypdfium2
import pytest

from pipeline.review import write_review
from tests.pipeline.test_review_chromium import _chromium

SCAN = (Path(__file__).resolve().parents[1] / "data" / "real-dev" / "files"
        / "16_quangbinh-ubnd-qd4638-2021-cong-nhan-dat-chuan-an-toan-antt.pdf")
SCREENSHOT = Path(__file__).resolve().parents[1] / "artifacts" / "review_scan.png"

# runs on load, after the page's own script: click the first unit that has boxes on page 1, record the state
PROBE = """<script>
(function () {
  var link = Array.prototype.find.call(document.querySelectorAll('aside a[data-targets][data-kind="units"]'),
    function (a) { return a.getAttribute('data-targets').split(' ').some(function (id) {
      return document.querySelector('#page-1 .box[data-s="' + id + '"]'); }); });
  var before = {boxes: document.querySelectorAll('.page .box').length,
                pages: document.querySelectorAll('.page img').length,
                active: document.querySelectorAll('.active').length};
  link.click();
  var ids = link.getAttribute('data-targets').split(' ');
  var box = document.querySelector('.box.active');
  var mark = document.querySelector('mark.active');
  var out = document.createElement('pre');
  out.id = 'probe';
  out.textContent = JSON.stringify({before: before, label: link.textContent, ids: ids,
    activeBoxes: Array.prototype.map.call(document.querySelectorAll('.box.active'), function (b) {
      return b.getAttribute('data-s'); }),
    activeMarks: Array.prototype.map.call(document.querySelectorAll('mark.active'), function (m) {
      return m.getAttribute('data-s'); }),
    markText: mark ? mark.textContent : null,
    boxOutline: box ? getComputedStyle(box).outlineStyle : null,
    boxWidth: box ? box.getBoundingClientRect().width : 0,
    markInView: mark ? mark.getBoundingClientRect().top >= 0 && mark.getBoundingClientRect().bottom <= innerHeight : false,
    selected: document.querySelectorAll('aside li.selected').length});
  out.style.display = 'none';
  document.body.appendChild(out);
})();
</script>"""


def _run(chromium: str, page: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'ud'}",
         "--window-size=1400,900", *args, page.as_uri()],
        capture_output=True, text=True, timeout=180)


@pytest.mark.slow
def test_review_workbench_click_highlights_the_fact_on_the_scan_and_in_the_text(tmp_path):
    chromium = _chromium()
    page = write_review(SCAN, tmp_path / "page.html")
    html = page.read_text(encoding="utf-8")
    pages = len(pypdfium2.PdfDocument(str(SCAN)))
    assert html.count('<div class="page"') == pages and "data:image/jpeg;base64," in html  # self-contained
    probe = tmp_path / "probe.html"
    probe.write_text(html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    result = _run(chromium, probe, tmp_path, "--dump-dom")
    found = re.search(r'<pre id="probe"[^>]*>(.*?)</pre>', result.stdout)
    assert found, result.stderr[-2000:]
    state = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    assert state["before"]["pages"] == pages and state["before"]["boxes"] > 50 and state["before"]["active"] == 0
    # the clicked fact: its boxes on the page and its spans in the text are highlighted, nothing else
    assert state["activeBoxes"] and set(state["activeBoxes"]) <= set(state["ids"])
    assert state["activeMarks"] and all(set(m.split()) & set(state["ids"]) for m in state["activeMarks"])
    assert state["boxOutline"] == "solid" and state["boxWidth"] > 5
    assert state["markInView"] and state["selected"] == 1
    name = state["label"].split(" · ")[0]
    assert state["markText"] and state["markText"].split()[0].lower() in name.lower()

    shot = _run(chromium, probe, tmp_path, f"--screenshot={SCREENSHOT}")
    assert shot.returncode == 0 and SCREENSHOT.stat().st_size > 50_000
