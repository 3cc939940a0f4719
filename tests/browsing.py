"""A browser tab as a reader uses it, recording every problem a reader would notice."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page

SCREENSHOTS = Path(__file__).resolve().parents[1] / "test-output" / "screenshots"
# Debian's Chromium by default; GitHub's runners have Google Chrome instead (see .github/workflows/check.yml).
CHROMIUM = Path(os.environ.get("BRIEFKIT_CHROMIUM", "/usr/bin/chromium"))
# Without the background-networking flags, Chromium calls home at start, and this network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@dataclass
class Reader:
    """A browser tab that records what a reader would never want to see go wrong."""

    page: Page
    host: str
    problems: list[str] = field(default_factory=list)
    step: int = 0

    def shot(self, name: str) -> Path:
        """Save a screenshot of what the reader sees now, under test-output/screenshots/."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.step += 1
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=False)
        return path


def pages_of(site: Path) -> list[str]:
    """The path of every HTML page of a built site, but the 404 page."""
    return sorted(
        page.relative_to(site).as_posix().removesuffix("index.html")
        for page in site.rglob("index.html")
        if "pagefind" not in page.parts
    )
