"""`briefkit build` on each engine, as a site owner runs it: MkDocs, ProperDocs and Zensical build the
real content into a complete site. Expectations are read from the briefings' own files."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from briefkit.search.files import fragments

from conftest import briefing, copy_repo
from linkcheck import broken_links, parse

BRIEFKIT = Path(sys.executable).parent / "briefkit"


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BRIEFKIT), "--root", str(root), "build", *args],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"},
    )


def front_matter(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text.split("---\n")[1])
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs", "zensical"])
def test_each_engine_builds_the_whole_site(tmp_path: Path, engine: str) -> None:
    project = copy_repo(tmp_path / "repo")
    out = tmp_path / "out"
    result = run(project.root, "--engine", engine, "-d", str(out), *(["--strict"] if engine != "zensical" else []))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    files = sorted((project.root / "briefings").rglob("*.md"))
    assert len(files) >= 30
    # The account, printed by the hook on MkDocs and ProperDocs, by briefkit after Zensical.
    assert re.search(rf"{len(files)} briefings, 4 topics, \d+ pages", result.stdout + result.stderr)

    for file in files:
        assert (out / "briefings" / file.stem / "index.html").is_file(), file.stem
    # The 5G security topic lists exactly the briefings filed under it.
    expected = {
        file.stem
        for file in files
        if "5g-security" in front_matter(file)["topics"]  # type: ignore[operator]
    }
    page = out / "topics" / "5g-security" / "index.html"
    base = "https://example.org/topics/5g-security/"
    linked = {
        match[1]
        for link in parse(page).links
        if (match := re.fullmatch(r"/briefings/([^/]+)/", urlsplit(urljoin(base, link)).path))
    }
    assert linked == expected
    assert (out / "feed.xml").is_file()
    indexed = {record["url"] for record in fragments(out)}
    assert {f"/briefings/{file.stem}/" for file in files} <= indexed
    assert broken_links(out) == []


def test_a_bad_briefing_stops_the_zensical_build_with_one_line(tmp_path: Path) -> None:
    project = copy_repo(tmp_path / "repo")
    project.add("2021/2021-01-01-broken.md", briefing(date="2021-01-01", topics="[]"))
    result = run(project.root, "--engine", "zensical", "-d", str(tmp_path / "out"))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "briefings/2021/2021-01-01-broken.md:5: topics: is empty; give at least one",
        "briefkit build: 1 problem in briefings; nothing built",
    ]
    assert not (tmp_path / "out").exists()
