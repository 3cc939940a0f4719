"""The environment of every build a test runs: the machine's, less whatever could change a build.

A maintainer's shell may hold `BRIEFKIT_WORKERS=1`, `SITE_URL` or a `SOURCE_DATE_EPOCH` of its own;
a test's build sees none of them, only what the test itself sets, so that it builds alike
everywhere.
"""

from __future__ import annotations

import os

FIXED = {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1764000000"}
"""Set for every build: no MkDocs 2 notice in the logs, and sitemap dates that do not follow the clock."""


def build_environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    inherited = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("BRIEFKIT_") and key not in {"SITE_URL", "SOURCE_DATE_EPOCH"}
    }
    return {**inherited, **FIXED, **(extra or {})}
