"""The pages at old addresses (briefings/redirects.yml) that send readers on to today's pages.

A static site cannot answer with an HTTP redirect, so each old address gets a small HTML file
with a refresh to the new page and the new page as its canonical address; search engines treat
that as a permanent move. The files are not Markdown: every engine copies them as they are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from briefkit.model import GeneratedPage
from briefkit.pages.render import TEMPLATES

if TYPE_CHECKING:
    from briefkit.content.redirects import Redirect
    from briefkit.model import Masthead


def redirect_pages(redirects: list[Redirect], site: Masthead) -> list[GeneratedPage]:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, autoescape=True, keep_trailing_newline=True
    )
    template = environment.get_template("redirect.html.j2")
    pages = []
    for redirect in redirects:
        up = "../" * redirect.old.count("/")  # from the old address's folder back to the site's root
        html = template.render(
            site_name=site.name, absolute=site.absolute(redirect.new), relative=(up + redirect.new) or "./"
        )
        pages.append(GeneratedPage(redirect.old + "index.html", html))
    return pages
