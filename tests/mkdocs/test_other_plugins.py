"""With another plugin or hook in mkdocs.yml, every speed mechanism that it could notice is off:
it sees every page as MkDocs alone builds it, and the site is the one-process build's, byte for byte."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import frontmatter
from markdown.extensions.toc import TocExtension

from briefkit.mkdocs.ahead import unknown_extension

from built_pages import files_of
from conftest import REPO, copy_repo

if TYPE_CHECKING:
    from pathlib import Path

    from conftest import Project

RECORDER = REPO / "tests" / "tools" / "record_pages.py"
# Forced to share: without another plugin, this project would build in two processes.
TWO = {"BRIEFKIT_WORKERS": "2"}
ONE = {"BRIEFKIT_WORKERS": "1"}
PLAIN = {**ONE, "BRIEFKIT_PLAIN": "1"}
"""MkDocs' own way: one process, and no speed mechanism at all."""


def with_owners_plugins(project: Project) -> Project:
    """Material's search and tags plugins, and a hook of the owner's own, added to the site's mkdocs.yml.

    Every briefing also gets a link that MkDocs remarks on while it converts the page (an absolute
    link, which this owner lets pass with a remark), so that what a conversion logs is compared too.
    """
    for briefing in (project.root / "briefings").rglob("*.md"):
        with briefing.open("a", encoding="utf-8") as body:
            body.write("\nSee also [the about page](/about/).\n")
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "plugins: []\n" in text and "  - hooks/briefings.py\n" in text
    assert "  absolute_links: warn\n" in text
    text = text.replace("  absolute_links: warn\n", "  absolute_links: info\n")
    text = text.replace("plugins: []\n", "plugins:\n  - search\n  - tags\n")
    text = text.replace("  - hooks/briefings.py\n", f"  - hooks/briefings.py\n  - {RECORDER}\n")
    config.write_text(text, encoding="utf-8")
    return project


def test_other_plugins_and_hooks_see_every_page_and_the_site_is_a_single_builds(tmp_path: Path) -> None:
    shared = with_owners_plugins(copy_repo(tmp_path / "shared"))
    single = with_owners_plugins(copy_repo(tmp_path / "single"))
    record = tmp_path / "pages.tsv"
    stats = tmp_path / "stats.json"
    two = shared.build(env={**TWO, "RECORD_PAGES": str(record), "BRIEFKIT_BUILD_STATS": str(stats)})
    assert two.returncode == 0, two.log
    assert (
        f"one process: the material/search plugin, the material/tags plugin and the hook {RECORDER} are configured, "
        "and must see every page as MkDocs alone builds it" in two.log
    )
    assert "in two processes" not in two.log
    # Half of the briefings' pages converted ahead by a second process: it was shared, not built
    # the slow way (the owner's hook changes a third of the briefings, which are converted here).
    sent = re.search(r"converting (\d+) pages' Markdown ahead in a second process", two.log)
    assert sent is not None, two.log
    # Used, except for the pages whose Markdown the owner's hook changed: those are converted here.
    used = json.loads(stats.read_text(encoding="utf-8"))["pages"]["converted ahead"]
    assert 0 < used < int(sent[1])

    # Every briefing the project holds (read from its files, not from briefkit) is in the search plugin's index.
    briefings = {f"briefings/{path.stem}/" for path in (shared.root / "briefings").rglob("*.md")}
    assert len(briefings) >= 18
    index = json.loads((two.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexed = {doc["location"] for doc in index["docs"] if "#" not in doc["location"]}
    assert briefings - indexed == set()
    # Lists of links are out of the plugin's index, as out of Pagefind's: a topic's page is found for
    # what it says, not for the summaries of the briefings its timeline lists (each in its own entry).
    summaries = {str(frontmatter.load(path)["summary"]) for path in (shared.root / "briefings").rglob("*.md")}
    topics = [doc for doc in index["docs"] if doc["location"].startswith("topics/")]
    assert len(topics) > 5
    assert [doc["location"] for doc in topics if any(summary in doc["text"] for summary in summaries)] == []
    own = " ".join(doc["text"] for doc in index["docs"] if doc["location"] in briefings)
    assert [summary for summary in summaries if summary not in own] == []

    # The owner's hook saw every page MkDocs wrote, once in each event, and each with its text.
    seen: dict[str, dict[str, int]] = {"context": {}, "post": {}}
    for line in record.read_text(encoding="utf-8").splitlines():
        event, path, characters = line.split("\t")
        assert path not in seen[event], f"{path} shown twice to {event}"
        seen[event][path] = int(characters)
    written = {path for path in files_of(two.site) if path.endswith("index.html")}
    assert set(seen["post"]) == set(seen["context"]) == written
    assert [path for path, characters in seen["context"].items() if characters == 0] == []
    assert {f"{url}index.html" for url in briefings} <= written

    # And the site is the one MkDocs' own way of building the same project writes (the search index too).
    one = single.build(env={**PLAIN, "RECORD_PAGES": str(tmp_path / "single.tsv")})
    assert one.returncode == 0, one.log
    assert "ahead in a second process" not in one.log
    # What MkDocs said of each page as it converted it, in the same order.
    remarks = [line for line in one.log.splitlines() if "contains an absolute link '/about/'" in line]
    assert len(remarks) == len(briefings)
    assert [line for line in two.log.splitlines() if "contains an absolute link '/about/'" in line] == remarks
    one_files, two_files = files_of(one.site), files_of(two.site)
    assert sorted(one_files) == sorted(two_files)
    assert [name for name in one_files if one_files[name] != two_files[name]] == []


def test_alone_the_hook_says_nothing_of_one_process(repo_copy: Project) -> None:
    build = repo_copy.build(env=TWO)
    assert build.returncode == 0, build.log
    assert "one process:" not in build.log
    assert "in two processes" in build.log


def test_a_markdown_extension_that_keeps_what_it_sees_sees_every_page(repo_copy: Project, tmp_path: Path) -> None:
    """An extension a plugin adds may keep what it converts for its plugin (as mkdocs-autorefs does):
    no page is converted ahead in another process, whose notes would be lost."""
    config = repo_copy.root / "mkdocs.yml"
    hook = REPO / "tests" / "tools" / "keeping_extension.py"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - hooks/briefings.py\n", f"  - hooks/briefings.py\n  - {hook}\n"), "utf-8")
    kept = tmp_path / "kept.txt"
    build = repo_copy.build(env={**TWO, "KEPT_PAGES": str(kept)})
    assert build.returncode == 0, build.log
    assert (
        "every page converted in one process: the Markdown extension "
        f"KeepingExtension of {hook} may keep what it sees" in build.log
    )
    assert "ahead in a second process" not in build.log
    # One note a page MkDocs wrote (every documentation page is converted once; the 404 page is the theme's).
    pages = [path for path in files_of(build.site) if path.endswith("index.html")]
    assert len(pages) > 100
    assert int(kept.read_text(encoding="utf-8")) == len(pages)


def test_the_markdown_extensions_known_to_keep_nothing() -> None:
    known = ["toc", "markdown.extensions.tables", "pymdownx.superfences", "material.extensions.emoji:to_svg"]
    assert unknown_extension(known) == ""
    assert unknown_extension([*known, "mdx_truly_sane_lists", "footnotes"]) == "mdx_truly_sane_lists"
    assert unknown_extension(["markdownx.tables"]) == "markdownx.tables"
    assert unknown_extension([TocExtension()]) == ""


def test_markdown_settings_changed_during_the_build_are_used_as_mkdocs_uses_them(tmp_path: Path) -> None:
    """One converter for many pages, and pages converted ahead, are used only with the settings in force."""
    hook = REPO / "tests" / "tools" / "settings_per_page.py"
    builds = []
    for name, env in (("plain", PLAIN), ("default", TWO)):
        project = copy_repo(tmp_path / name)
        config = project.root / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        config.write_text(text.replace("  - hooks/briefings.py\n", f"  - hooks/briefings.py\n  - {hook}\n"), "utf-8")
        builds.append(project.build(env=env))
        assert builds[-1].returncode == 0, builds[-1].log
    plain, default = builds
    assert "ahead in a second process" in default.log
    # Pages converted before the change have the old sign, and after it the new one.
    signs = [
        re.findall(r'class="headerlink" href="#[^"]*" title="[^"]*">(&para;|.)</a>', page.read_text(encoding="utf-8"))
        for page in default.site.rglob("index.html")
    ]
    assert {"&para;", "\u00a7"} <= {sign for found in signs for sign in found}
    plain_files, default_files = files_of(plain.site), files_of(default.site)
    assert sorted(plain_files) == sorted(default_files)
    assert [name for name in plain_files if plain_files[name] != default_files[name]] == []
