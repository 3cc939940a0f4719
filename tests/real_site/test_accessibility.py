"""Every page of the built site, checked in Chromium: axe-core finds nothing serious, and the outline holds."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from browsing import pages_of
from conftest import REPO

if TYPE_CHECKING:
    from pathlib import Path

    from browsing import Reader

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
OUTLINE = """() => {
  const article = document.querySelector("article");
  const headings = Array.from(article.querySelectorAll("h1, h2, h3, h4, h5, h6"));
  const links = Array.from(document.querySelectorAll("a[href]"))
    .filter((a) => a.offsetParent !== null || a.getClientRects().length)
    .filter((a) => !(a.innerText || "").trim() && !(a.getAttribute("aria-label") || a.getAttribute("title") || "").trim()
                   && !a.querySelector("img[alt]:not([alt=''])"));
  return {
    h1: document.querySelectorAll("h1").length,
    levels: headings.map((h) => Number(h.tagName[1])),
    unnamed: links.map((a) => a.outerHTML.slice(0, 120)),
  };
}"""


def test_every_page_is_accessible(reader: Reader, site_url: str, site_dir: Path) -> None:
    assert AXE.is_file(), "run `npm ci` (make test does) to install axe-core"
    page = reader.page
    found: list[str] = []
    pages = pages_of(site_dir)
    for path in pages:
        page.goto(site_url + path, wait_until="load")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        for violation in result["violations"]:
            if violation["impact"] in ("serious", "critical"):
                targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
                found.append(f"/{path}: {violation['id']} ({violation['impact']}): {targets}")
        outline = page.evaluate(OUTLINE)
        if outline["h1"] != 1:
            found.append(f"/{path}: {outline['h1']} h1 elements, not one")
        levels = outline["levels"]
        for before, after in itertools.pairwise(levels):
            if after > before + 1:
                found.append(f"/{path}: heading h{before} is followed by h{after}, skipping a level")
        found.extend(f"/{path}: a link without text: {link}" for link in outline["unnamed"])
    assert len(pages) >= 30
    assert found == [], "\n".join(found)
    assert reader.problems == []
