"""A renamed or removed briefing's old address leads to today's page (briefings/redirects.yml)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefkit.cli import main

from conftest import briefing
from linkcheck import broken_links
from serve import serve

if TYPE_CHECKING:
    import pytest
    from playwright.sync_api import Browser

    from conftest import Project

REDIRECTS = """\
# Renamed on 1 June 2019: the old address keeps working.
briefings/2019-05-14-huawei-no-spy/: briefings/2019-05-14-no-spy/
/about-us: /
"""


def test_an_old_address_leads_to_the_new_page(project: Project, browser: Browser) -> None:
    project.add("2019/2019-05-14-no-spy.md", briefing())
    project.add("redirects.yml", REDIRECTS)
    build = project.build()
    assert build.returncode == 0, build.log
    old = (build.site / "briefings" / "2019-05-14-huawei-no-spy" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://example.org/briefings/2019-05-14-no-spy/">' in old
    assert '<meta http-equiv="refresh" content="0; url=../../briefings/2019-05-14-no-spy/">' in old
    assert '<meta http-equiv="refresh" content="0; url=../">' in (build.site / "about-us" / "index.html").read_text(
        encoding="utf-8"
    )
    assert broken_links(build.site) == []
    # Neither in the sitemap nor in search: the old address is not a page of its own.
    assert "huawei-no-spy" not in (build.site / "sitemap.xml").read_text(encoding="utf-8")

    with serve(build.site) as base:
        page = browser.new_page()
        page.goto(base + "briefings/2019-05-14-huawei-no-spy/")
        page.wait_for_url(base + "briefings/2019-05-14-no-spy/")
        assert page.locator("h1").first.inner_text().rstrip("¶") == "Huawei offers no-spy deals"
        page.close()


def test_a_redirect_that_hides_a_page_or_leads_nowhere_fails_the_build(project: Project) -> None:
    project.add("2019/2019-05-14-no-spy.md", briefing())
    project.add(
        "redirects.yml",
        "briefings/2019-05-14-no-spy/: topics/5g-security/\nbriefings/2019-05-14-gone/: briefings/2019-05-14-typo/\n",
    )
    build = project.build()
    assert build.returncode == 1
    errors = [line.split("briefings: ", 1)[1] for line in build.log.splitlines() if line.startswith("ERROR   -  brief")]
    assert errors == [
        "briefings/redirects.yml:1: briefings/2019-05-14-no-spy/: is the address of a page of the site; remove "
        "this line, or rename the page",
        "briefings/redirects.yml:2: briefings/2019-05-14-gone/: leads to briefings/2019-05-14-typo/, which is no "
        "page of the site; give the page's address as it is now, such as "
        "'briefings/2019-05-14-huawei-offers-no-spy-agreements/'",
    ]
    assert "Traceback" not in build.log


def test_check_reports_a_malformed_redirect(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    project.add("2019/2019-05-14-no-spy.md", briefing())
    project.add(
        "redirects.yml", "briefings/old/: https://example.org/elsewhere/\nbriefings/../../etc/: /\nold/: [a, b]\n"
    )
    assert main(["--root", str(project.root), "check"]) == 1
    out = capsys.readouterr().out
    example = "write it like 'briefings/2019-05-14-old-name/: briefings/2019-05-14-new-name/'"
    for line in (
        f"briefings/redirects.yml:1: briefings/old/: leads to no address of this site; {example}",
        f"briefings/redirects.yml:2: briefings/../../etc/: is not an address of this site; {example}",
        f"briefings/redirects.yml:3: old/: leads to no address of this site; {example}",
    ):
        assert line in out.splitlines()
