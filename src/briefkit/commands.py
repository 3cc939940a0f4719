"""The `briefkit` command line's commands and options, declared once.

`briefkit.cli` parses with `parser()`; the site's command reference (`owners/commands.md`) is
generated from the same parser and `EXAMPLES`, so the two cannot disagree.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ENGINES = ("mkdocs", "properdocs", "zensical")

EXAMPLES = {
    "check": ["briefkit check", "briefkit check briefings/2019/2019-05-14-huawei-offers-no-spy-agreements.md"],
    "new": ['briefkit new "Huawei offers governments no-spy agreements" --topic 5g-security --date 2019-05-14'],
    "build": ["briefkit build", "briefkit build --engine zensical -d site"],
    "generate": ["briefkit generate --out generated"],
    "schema": ["briefkit schema > briefing.schema.json"],
}
"""Each command as a site owner would type it, in the project's folder."""


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; write it as YYYY-MM-DD, like 2019-05-14") from None


def parser() -> argparse.ArgumentParser:
    """The parser of `briefkit`, with every command and option."""
    main = argparse.ArgumentParser(prog="briefkit", description="Check, scaffold, build and generate briefings.")
    main.add_argument(
        "--root",
        type=Path,
        default=None,
        help="the project folder, holding mkdocs.yml and briefings/ (default: the current folder)",
    )
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="validate briefings and the topic registry without building")
    check.add_argument("paths", nargs="*", type=Path, help="only report on these files (default: all)")
    check.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="github prints workflow annotations shown on a pull request's diff",
    )

    new = commands.add_parser("new", help="write a new briefing with every field, ready to fill in")
    new.add_argument("title", nargs="?", help="the briefing's title (asked for when left out, in a terminal)")
    new.add_argument("--topic", action="append", default=[], help="a topic key; repeat for more")
    new.add_argument("--date", type=iso_date, help="the day of the development, YYYY-MM-DD (default: today)")

    build = commands.add_parser("build", help="build the whole site with MkDocs, ProperDocs or Zensical")
    build.add_argument("--engine", choices=ENGINES, default="mkdocs", help="the engine to build with (default: mkdocs)")
    build.add_argument("-d", "--site-dir", type=Path, help="where to write the site (default: the configuration's)")
    build.add_argument("--strict", action="store_true", help="stop on any warning (MkDocs and ProperDocs)")

    generate = commands.add_parser("generate", help="write the generated pages as Markdown files")
    generate.add_argument("--out", type=Path, required=True, help="the folder to write to")
    generate.add_argument("--drafts", action="store_true", help="include drafts")
    generate.add_argument(
        "--site-url",
        help="the published address, for feeds and open data (default: $SITE_URL, else mkdocs.yml's site_url)",
    )
    generate.add_argument("--site-name", help="the site's name, for feeds (default: mkdocs.yml's site_name)")

    commands.add_parser("schema", help="print the JSON Schema of a briefing's front-matter")
    return main


@dataclass(frozen=True)
class Option:
    names: str
    """As typed: `--engine {mkdocs,properdocs,zensical}`, or a positional argument's name."""
    help: str


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    usage: str
    options: list[Option]
    examples: list[str]


def reference() -> tuple[list[Option], list[Command]]:
    """The options every command takes, and each command, read from `parser()` for the command reference."""
    main = parser()
    subparsers = next(a for a in main._actions if isinstance(a, argparse._SubParsersAction))
    helps = {choice.dest: choice.help or "" for choice in subparsers._choices_actions}
    commands = [
        Command(
            name,
            helps[name],
            " ".join(command.format_usage().split()).removeprefix("usage: "),
            _options(command),
            EXAMPLES.get(name, []),
        )
        for name, command in subparsers.choices.items()
    ]
    return _options(main, skip=subparsers), commands


def _options(command: argparse.ArgumentParser, skip: argparse.Action | None = None) -> list[Option]:
    options = []
    for action in command._actions:
        if isinstance(action, argparse._HelpAction) or action is skip:
            continue
        if action.option_strings:
            metavar = (
                "" if action.nargs == 0 else " " + command._get_formatter()._format_args(action, action.dest.upper())
            )
            names = ", ".join(f"{flag}{metavar}" for flag in action.option_strings)
        else:
            names = action.dest.upper()
        options.append(Option(names, action.help or ""))
    return options
