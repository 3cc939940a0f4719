"""The frozen site: ten real briefings, kept as they were, built with today's code.

Its output is recorded file by file (path and SHA-256) in `tests/fixtures/frozen-site.sha256`.
A change that is meant to change nothing, such as moving code between packages or a faster way to
build, must leave every one of those files byte for byte as it was; tests/mkdocs/test_frozen_site.py
checks that. When a change is meant to change pages (a new feature, a theme update), the listing
is made again with `make frozen-site` and committed with the change, so that its diff shows which
files the change touched.

The fixture is a copy, not the live `briefings/`, so that a contributor's new briefing never
changes it; only code, templates, the theme and the locked dependencies can.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from environment import build_environment

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "frozen-site"
LISTING = REPO / "tests" / "fixtures" / "frozen-site.sha256"


def build(target: Path) -> Path:
    """Copy the fixture to `target`, add today's hook and theme overrides, build it, return site/."""
    shutil.copytree(FIXTURE, target)
    shutil.copytree(REPO / "hooks", target / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "docs" / "overrides", target / "docs" / "overrides")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=target,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=build_environment(),
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"the frozen site did not build:\n{result.stdout}")
    return target / "site"


def listing(site: Path) -> dict[str, str]:
    """Every file under `site`, by its path relative to it, with the SHA-256 of its bytes."""
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def as_text(files: dict[str, str]) -> str:
    """The listing in `sha256sum`'s format, so that `sha256sum -c` can check a built site too."""
    return "".join(f"{digest}  {path}\n" for path, digest in sorted(files.items()))


def read(text: str) -> dict[str, str]:
    return {path: digest for digest, path in (line.split("  ", 1) for line in text.splitlines())}


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        files = listing(build(Path(folder) / "frozen-site"))
    LISTING.write_text(as_text(files), encoding="utf-8")
    print(f"{LISTING.relative_to(REPO)}: {len(files)} files")


if __name__ == "__main__":
    main()
