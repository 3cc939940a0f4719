"""Each briefing's JSON-LD uses schema.org's vocabulary as it is: types, properties and the values they take.

The vocabulary comes from outside the code: Google's `schema-dts` (npm) states every schema.org type
and property as TypeScript types, and the TypeScript compiler checks the real pages' JSON-LD against
them, refusing any unknown property or type name, or a value of the wrong kind.
"""

from __future__ import annotations

import json
import re
import subprocess
from typing import TYPE_CHECKING, Any

from conftest import REPO

if TYPE_CHECKING:
    from pathlib import Path

NODE_MODULES = REPO / "node_modules"
TSC = NODE_MODULES / ".bin" / "tsc"


def vocabulary_errors(articles: list[Any], folder: Path) -> str:
    """What the TypeScript compiler says of `articles` typed as schema.org NewsArticles (empty when all hold)."""
    source = (
        'import type { NewsArticle, WithContext } from "schema-dts";\n\n'
        f"export const articles: WithContext<NewsArticle>[] = {json.dumps(articles, indent=1, ensure_ascii=False)};\n"
    )
    (folder / "articles.ts").write_text(source, encoding="utf-8")
    config = {
        "compilerOptions": {
            "strict": True,
            "noEmit": True,
            "target": "es2022",
            "module": "nodenext",
            "moduleResolution": "nodenext",
            "types": [],
            "paths": {"schema-dts": [str(NODE_MODULES / "schema-dts")]},
        },
        "files": ["articles.ts"],
    }
    (folder / "tsconfig.json").write_text(json.dumps(config), encoding="utf-8")
    result = subprocess.run(
        [str(TSC), "--project", str(folder)], capture_output=True, text=True, check=False, timeout=120
    )
    return result.stdout + result.stderr


def test_every_briefing_s_json_ld_is_a_schema_org_news_article(site_dir: Path, tmp_path: Path) -> None:
    articles = []
    for page in sorted((site_dir / "briefings").glob("*/index.html")):
        [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page.read_text(encoding="utf-8"))
        articles.append(json.loads(block))
    assert len(articles) == len(list((REPO / "briefings").glob("*/*.md")))
    assert vocabulary_errors(articles, tmp_path) == ""
    for article in articles:
        assert article["author"]["@type"] == article["publisher"]["@type"] == "Organization"
        assert article["author"]["url"].startswith("http")
        assert all(source["publisher"]["@type"] == "Organization" for source in article["citation"])


def test_the_vocabulary_check_refuses_what_schema_org_lacks(tmp_path: Path) -> None:
    wrong = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "A",
        "author": {"@type": "Organization", "nme": "misspelt property"},
        "citation": [{"@type": "CreativeWork", "publisher": {"@type": "Organisation", "name": "misspelt type"}}],
    }
    errors = vocabulary_errors([wrong], tmp_path)
    assert errors.count("error TS") == 2, errors
    assert "'\"nme\"' does not exist in type" in errors
    assert "Type '\"Organisation\"' is not assignable" in errors
