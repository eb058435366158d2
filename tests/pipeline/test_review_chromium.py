"""The review page in headless Chromium: highlights are there, clicking a fact scrolls to its span."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.review import write_review

SEED = Path(__file__).resolve().parents[1] / "data" / "seeds" / "txt" / "000_0a0c4b2e8b83855c.txt"

# runs on load, after the page's own script: click the last fact of the panel, record where its span is
PROBE = """<script>
(function () {
  var links = document.querySelectorAll('aside a[data-target]');
  var link = links[links.length - 1];
  var pane = document.getElementById('text');
  var before = pane.scrollTop;
  link.click();
  var span = document.getElementById(link.getAttribute('data-target'));
  var box = span.getBoundingClientRect();
  var out = document.createElement('pre');
  out.id = 'probe';
  out.textContent = JSON.stringify({before: before, after: pane.scrollTop, top: box.top, bottom: box.bottom,
    height: window.innerHeight, marks: document.querySelectorAll('#text mark').length,
    flashing: document.querySelectorAll('mark.active').length,
    colour: getComputedStyle(span).backgroundColor});
  document.body.appendChild(out);
})();
</script>"""


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.geteuid() == 0:  # as root the test command installs it, as the Makefile does
        subprocess.run(["apt-get", "install", "-y", "-q", "chromium"], check=False, capture_output=True,
                       timeout=900)
        found = shutil.which("chromium")
        if found:
            return found
    pytest.skip("chromium is not installed and this is not root (apt-get install chromium)")


@pytest.mark.slow
def test_review_click_on_a_fact_scrolls_to_its_highlighted_span(tmp_path):
    page = write_review(SEED, tmp_path / "page.html")
    html = page.read_text(encoding="utf-8")
    probe = tmp_path / "probe.html"
    probe.write_text(html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    result = subprocess.run(
        [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'ud'}",
         "--window-size=1200,800", "--dump-dom", probe.as_uri()],
        capture_output=True, text=True, timeout=120)
    found = re.search(r'<pre id="probe">(.*?)</pre>', result.stdout)
    assert found, result.stderr[-2000:]
    state = json.loads(found.group(1).replace("&quot;", '"'))
    assert state["marks"] >= 1 and state["flashing"] >= 1
    assert state["colour"] not in ("rgba(0, 0, 0, 0)", "transparent")  # highlighted by kind
    assert state["before"] == 0 and state["after"] > 0      # the last fact is far down: the text pane scrolled
    assert 0 <= state["top"] and state["bottom"] <= state["height"]  # and its span is in view
