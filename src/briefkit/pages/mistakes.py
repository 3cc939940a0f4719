"""The common mistakes in a briefing, each with an example, its cause and its fix.

The contributor docs show this table with the exact message each example produces, computed
at build time by the real checker, and the tests assert the exact annotation each one gives on
a pull request. So the docs cannot promise a message the code does not print.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from briefkit.content.loader import Expectations, parse_briefing
from briefkit.content.problems import Problem
from briefkit.content.topics import topic_spellings
from briefkit.model import Topic

EXAMPLE_PATH = "briefings/2019/2019-05-14-huawei-no-spy.md"
EXAMPLE_TODAY = date(2026, 1, 1)
EXAMPLE_TOPICS = {
    "5g-security": Topic("5g-security", "5G security", "Who builds mobile networks.", ("5G",)),
    "us-china-trade": Topic("us-china-trade", "US–China trade", "Tariffs and talks."),
}


def example(
    *,
    title: str = "Huawei offers no-spy deals",
    day: str = "2019-05-14",
    summary: str = "Huawei said it would sign no-spy agreements with governments.",
    topics: str = "[5g-security]",
    extra: str = "",
    sources: str = "sources:\n  - publisher: Reuters\n    title: Huawei willing to sign no-spy agreements\n",
    body: str = "## What happened\n\nHuawei's chairman spoke in London.\n",
) -> str:
    """A valid briefing, with one part replaced."""
    return f"---\ntitle: {title}\ndate: {day}\nsummary: {summary}\ntopics: {topics}\n{extra}{sources}---\n\n{body}"


@dataclass(frozen=True)
class Mistake:
    name: str
    """What the contributor did, in their words."""
    fix: str
    text: str | bytes
    """The whole example file (bytes where the mistake is in the encoding)."""
    path: str = EXAMPLE_PATH

    @property
    def raw(self) -> bytes:
        return self.text if isinstance(self.text, bytes) else self.text.encode("utf-8")

    def problems(self) -> list[Problem]:
        expect = Expectations(topic_spellings(EXAMPLE_TOPICS), EXAMPLE_TODAY)
        return parse_briefing(self.raw, self.path, expect)[1]


MISTAKES: tuple[Mistake, ...] = (
    Mistake(
        "No `---` line before the fields", "Make `---` the very first line.", "title: Huawei offers no-spy deals\n"
    ),
    Mistake(
        "No `---` line after the fields",
        "Add a `---` line after the last field.",
        "---\ntitle: Huawei offers no-spy deals\n\n## What happened\n",
    ),
    Mistake("Saved as UTF-8 with a byte-order mark", 'Save as UTF-8 (not "UTF-8 with BOM").', "\ufeff" + example()),
    Mistake(
        "A value containing `: ` without quotes",
        "Put the value in double quotes.",
        example(title="Huawei: no-spy deals"),
    ),
    Mistake("A tab used to indent", "Indent with spaces.", example(sources="sources:\n\t- publisher: Reuters\n")),
    Mistake("Fields written as a list", "Write `field: value` lines.", "---\n- title\n- date\n---\n\nText\n"),
    Mistake("A field given twice", "Keep one.", example(extra="title: Again\n")),
    Mistake("A misspelt field", "Use the suggested name.", example(extra="titel: x\n")),
    Mistake(
        "A required field left out",
        "Add it.",
        example().replace("summary: Huawei said it would sign no-spy agreements with governments.\n", ""),
    ),
    Mistake("A required field left empty", "Fill it in.", example(summary="")),
    Mistake(
        "A value starting with `[` without quotes",
        "Put the whole value in double quotes.",
        example(title="[Huawei] offers deals"),
    ),
    Mistake("`yes` or `no` for draft", "Write `true` or `false`.", example(extra="draft: no\n")),
    Mistake("A date in another format", "Write it as `YYYY-MM-DD`.", example(day="14 May 2019")),
    Mistake(
        "A date that does not exist",
        "Check the day and month.",
        example(
            day="2019-02-30",
        ),
    ),
    Mistake("A date that differs from the file name", "Make them the same.", example(day="2019-05-15")),
    Mistake(
        "A date in the future",
        "Fix the date, or add `draft: true` until the day comes.",
        example(day="2999-01-01"),
        "briefings/2999/2999-01-01-huawei-no-spy.md",
    ),
    Mistake("`updated` before `date`", "Fix `updated`.", example(extra="updated: 2019-05-01\n")),
    Mistake(
        "An update dated before the briefing",
        "Date each update on the day it was made.",
        example(extra="updates:\n  - date: 2019-05-01\n    note: Added the reply.\n"),
    ),
    Mistake(
        "Updates out of date order",
        "List the updates oldest first.",
        example(
            extra="updates:\n  - date: 2019-06-03\n    note: Added the reply.\n"
            "  - date: 2019-05-20\n    note: Added the ruling.\n"
        ),
    ),
    Mistake(
        "`updated` earlier than the latest update",
        "Set `updated` to the latest update's date, or remove it.",
        example(extra="updated: 2019-05-20\nupdates:\n  - date: 2019-06-03\n    note: Added the reply.\n"),
    ),
    Mistake("A summary over 300 characters", "Shorten it to one or two sentences.", example(summary="x" * 320)),
    Mistake(
        "A topic that is not in the registry",
        "Use a listed key, or add the topic to `briefings/topics.yml`.",
        example(topics="[5g-securty]"),
    ),
    Mistake("A topic written as text, not a list", "Put it in brackets.", example(topics="5g-security")),
    Mistake(
        "More than five topics",
        "Keep the most relevant five.",
        example(topics="[5g-security, us-china-trade, a, b, c, d]"),
    ),
    Mistake("No source", "Add at least one, with `publisher` and `title`.", example(sources="sources: []\n")),
    Mistake(
        "A source address that is not a web address",
        "Give the full `https://` address, or leave `url` out.",
        example(sources="sources:\n  - publisher: Reuters\n    title: A report\n    url: www.reuters.com\n"),
    ),
    Mistake(
        "A citation of an id no source has",
        "Cite a source by its `id`, as `[@id]`; fix the spelling, or give the source that id.",
        example(
            sources="sources:\n  - id: reuters-no-spy\n    publisher: Reuters\n    title: Huawei willing to sign\n",
            body="## What happened\n\nHuawei's chairman spoke in London [@reuters-nospy].\n",
        ),
    ),
    Mistake(
        "Two sources with one id",
        "Give each source its own `id`.",
        example(
            sources="sources:\n  - id: reuters\n    publisher: Reuters\n    title: A report\n"
            "  - id: reuters\n    publisher: Reuters\n    title: Another report\n",
            body="## What happened\n\nHuawei's chairman spoke in London [@reuters].\n",
        ),
    ),
    Mistake(
        "A source `id` with capitals or spaces",
        "Use lowercase letters, digits and hyphens.",
        example(
            sources="sources:\n  - id: Reuters 1\n    publisher: Reuters\n    title: A report\n",
        ),
    ),
    Mistake("A YAML alias", "Write each value in full.", example(extra="people: &p [Liang Hua]\nplaces: *p\n")),
    Mistake("A level-1 heading in the body", "Use `##` for sections.", example(body="# Huawei\n\nText.\n")),
    Mistake("No body", "Write the account below the fields.", example(body="")),
    Mistake("Headings with no text", "Write the account under them.", example(body="## What happened\n")),
    Mistake(
        "A `<script>` (or `<iframe>`, `<style>`, `<form>`, ...) in the body",
        "Write Markdown; only "
        "`<abbr>`, `<sup>`, `<sub>`, `<kbd>`, `<mark>` and a few other inline elements are allowed.",
        example(body="## What happened\n\nHuawei spoke.<script>alert(1)</script>\n"),
    ),
    Mistake(
        "An event attribute (`onclick=`, `onerror=`, ...) or `style=`",
        "Remove it.",
        example(body='## What happened\n\n<abbr title="European Union" onclick="x()">EU</abbr>\n'),
    ),
    Mistake(
        "A link to a `javascript:`, `vbscript:` or `data:` address",
        "Link only to http or https addresses.",
        example(body="## What happened\n\nSee [the report](javascript:alert(1)).\n"),
    ),
    Mistake(
        "An image from a `data:` address",
        "Remove it; briefings carry no images.",
        example(body="## What happened\n\n![chart](data:image/png;base64,AAAA)\n"),
    ),
    Mistake(
        "An attribute list that sets attributes",
        "Remove it.",
        example(body='## What happened\n\nHuawei spoke.\n{: onmouseover="x()" }\n'),
    ),
    Mistake("A file over 1 MB", "Trim the briefing: a briefing is short.", example(body="x" * 1_000_001)),
    Mistake(
        "Bytes that are not UTF-8", "Save the file as UTF-8.", example().encode("utf-8").replace(b"spoke", b"spok\xe9")
    ),
    Mistake("A NUL byte", "Remove it (retype the line).", example(body="## What happened\n\nHuawei\x00 spoke.\n")),
    Mistake(
        "Nesting deeper than 20 levels",
        "Write plain lists, one level deep.",
        example(extra="people: " + "[" * 25 + "]" * 25 + "\n"),
    ),
    Mistake(
        "Front-matter over 64 KB",
        "Keep the fields short; the account goes in the body.",
        example(extra="people: [" + ", ".join(f"Person {i}" for i in range(7000)) + "]\n"),
    ),
    Mistake(
        "Capitals or spaces in the file name",
        "Rename the file: lowercase letters, digits and hyphens.",
        example(),
        "briefings/2019/2019-05-14-Huawei No Spy.md",
    ),
    Mistake(
        "The file in another year's folder",
        "Move it to the folder of its year.",
        example(),
        "briefings/2018/2019-05-14-huawei-no-spy.md",
    ),
)
