"""`briefkit generate` writes the very pages the hook hands to MkDocs, as Markdown files."""

from __future__ import annotations

import shutil
import subprocess
import sys
from typing import TYPE_CHECKING

from briefkit.cli import main
from briefkit.model import Masthead
from briefkit.search.indexing import index_site
from briefkit.site import build_site

from conftest import MKDOCS_YML, REPO, briefing
from linkcheck import broken_links

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

    from conftest import Project


def add_two(project: Project) -> None:
    project.add("2019/2019-05-14-no-spy.md", briefing(topics="[5g-security, us-china-trade]"))
    project.add(
        "2019/2019-05-10-tariffs.md", briefing(title="Tariffs rise", date="2019-05-10", topics="[us-china-trade]")
    )


def test_generate_writes_the_pages_the_hook_uses(project: Project, tmp_path: Path) -> None:
    add_two(project)
    out = tmp_path / "generated"
    assert main(["--root", str(project.root), "generate", "--out", str(out)]) == 0
    # The hook's pages name the site as mkdocs.yml does, and so do generate's.
    masthead = Masthead("Test briefings", "https://example.org/")
    pages = {page.path: page.content for page in build_site(project.root, masthead=masthead).pages}
    written = {
        path.relative_to(out).as_posix(): path.read_text(encoding="utf-8")
        for path in out.rglob("*")
        if path.is_file() and path.name != ".briefkit-generated"
    }
    assert written == pages
    assert "briefings/2019-05-14-no-spy.md" in written
    # Running again replaces the folder it wrote, without complaint.
    assert main(["--root", str(project.root), "generate", "--out", str(out)]) == 0


def test_generate_refuses_a_folder_it_did_not_write(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_two(project)
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.md").write_text("keep me", encoding="utf-8")
    assert main(["--root", str(project.root), "generate", "--out", str(out)]) == 1
    assert (out / "notes.md").read_text(encoding="utf-8") == "keep me"
    assert f"{out} exists and was not written by briefkit generate" in capsys.readouterr().err


def test_generate_writes_nothing_when_a_briefing_is_bad(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_two(project)
    project.add("2019/2019-05-15-bad.md", briefing(date="2019-05-15", topics="[]"))
    out = tmp_path / "generated"
    assert main(["--root", str(project.root), "generate", "--out", str(out)]) == 1
    assert not out.exists()
    assert capsys.readouterr().err.splitlines() == [
        "briefings/2019/2019-05-15-bad.md:5: topics: is empty; give at least one",
        "briefkit generate: 1 problem in briefings; nothing written",
    ]


def test_generated_files_build_without_the_hook(project: Project, tmp_path: Path) -> None:
    """The outlet for engines without hooks: the written pages alone make a complete site."""
    add_two(project)
    docs = tmp_path / "plain" / "docs"
    shutil.copytree(project.root / "docs", docs)
    assert main(["--root", str(project.root), "generate", "--out", str(tmp_path / "generated")]) == 0
    shutil.copytree(tmp_path / "generated", docs, dirs_exist_ok=True)
    config = MKDOCS_YML.replace(f"hooks:\n  - {REPO / 'hooks' / 'briefings.py'}\n", "")
    config += "not_in_nav: |\n  /briefings/\n  /topics/*.md\n  /archive/*.md\n  /corrections/\n  /search/\n  /contributing/\n  /owners/\n  .briefkit-generated\n"
    (tmp_path / "plain" / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=tmp_path / "plain",
        capture_output=True,
        text=True,
        check=False,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    # Without the hook, search is indexed as a step of its own, as the README says.
    index_site(tmp_path / "plain" / "site")
    assert "hooks" not in (tmp_path / "plain" / "mkdocs.yml").read_text(encoding="utf-8")
    assert (tmp_path / "plain" / "site" / "topics" / "us-china-trade" / "index.html").is_file()
    assert broken_links(tmp_path / "plain" / "site") == []


def test_generate_names_the_site_as_mkdocs_yml_does(project: Project, tmp_path: Path) -> None:
    add_two(project)
    out = tmp_path / "generated"
    assert main(["--root", str(project.root), "generate", "--out", str(out)]) == 0
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    # From the test project's mkdocs.yml: its site_name and site_url.
    assert "<title>Test briefings</title>" in feed
    assert '<link href="https://example.org/feed.xml" rel="self"' in feed
    # Without site_author, the site answers for its feeds under its own name.
    assert "<author>\n    <name>Test briefings</name>\n    <uri>https://example.org/</uri>\n  </author>" in feed
    assert (out / "robots.txt").read_text(encoding="utf-8") == (
        "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n"
    )
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "site_author: The Desk\n", encoding="utf-8")
    assert main(["--root", str(project.root), "generate", "--out", str(out), "--site-name", "Other"]) == 0
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    assert "<title>Other</title>" in feed
    assert "<name>The Desk</name>" in feed
