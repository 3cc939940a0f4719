"""The pages as Pagefind reads them (briefkit.search.excerpts): the indexed element, whole where there is none."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefkit.search.excerpts import Excerpts, excerpt

if TYPE_CHECKING:
    from pathlib import Path

PAGE = (
    '<!doctype html>\n<html lang="en" class="no-js">\n<head><title>T</title></head>\n<body dir="ltr">'
    '<nav>every topic</nav><div data-pagefind-body><h1 id="t">T</h1><p>Text</p></div><footer>f</footer>'
    "</body>\n</html>\n"
)


def test_an_excerpt_keeps_the_html_tag_and_everything_from_the_indexed_element_on() -> None:
    assert excerpt(PAGE) == (
        '<html lang="en" class="no-js"><body><div data-pagefind-body><h1 id="t">T</h1><p>Text</p></div>'
        "<footer>f</footer></body>\n</html>\n"
    )


def test_a_page_without_an_indexed_element_is_read_whole() -> None:
    page = PAGE.replace(" data-pagefind-body", "")
    assert excerpt(page) == page
    assert excerpt("<div data-pagefind-body>no html tag</div>") == "<div data-pagefind-body>no html tag</div>"


def test_the_folder_holds_the_sites_pages_and_nothing_else(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text(PAGE, encoding="utf-8")
    (site / "404.html").write_text("<html><body>Not found</body></html>", encoding="utf-8")
    excerpts = Excerpts()
    try:
        excerpts.write("a/index.html", PAGE)
        excerpts.write("gone/index.html", PAGE)  # written, then not in the site: not indexed
        folder = excerpts.complete(site, ["404.html", "a/index.html"])
        held = sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file())
        assert held == ["404.html", "a/index.html"]
        assert (folder / "404.html").read_text(encoding="utf-8") == "<html><body>Not found</body></html>"
        assert (folder / "a" / "index.html").read_text(encoding="utf-8") == excerpt(PAGE)
        assert excerpts.whole == 1
    finally:
        excerpts.remove()
    assert not folder.exists()
