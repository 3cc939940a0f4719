"""The `briefkit` command: check briefings, generate pages, scaffold a new briefing."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from briefkit.commands import parser
from briefkit.content.load import Layout, load_content
from briefkit.content.problems import Severity, count_errors, plural
from briefkit.content.scaffold import NewBriefing, ScaffoldError, resolve_topics, write_new_briefing
from briefkit.content.topics import load_topics
from briefkit.engines import EngineMissing, build
from briefkit.model import Masthead
from briefkit.outputs.write import write_pages

if TYPE_CHECKING:
    from briefkit.model import Topic
from briefkit.outputs.schema_json import json_schema_text
from briefkit.site import build_site, masthead_from_config
from briefkit.workers import SecondProcessEnded


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    root: Path = (args.root or Path.cwd()).resolve()
    try:
        if args.command == "check":
            return run_check(root, args.paths, args.format)
        if args.command == "generate":
            return run_generate(root, args.out, args.drafts, masthead_from_config(root, args.site_name, args.site_url))
    except SecondProcessEnded as ended:  # such as killed by the kernel for want of memory
        print(f"briefkit {args.command}: {ended}", file=sys.stderr)
        return 1
    if args.command == "schema":
        return run_schema(root)
    if args.command == "build":
        return run_build(root, args.engine, args.site_dir, args.strict)
    if args.command == "new":
        return run_new(root, args.title, args.topic, args.date)
    return 2  # pragma: no cover - argparse rejects unknown commands


def run_new(root: Path, title: str | None, topics: list[str], day: date | None) -> int:
    layout = Layout.of(root)
    registry, problems = load_topics(layout.topics_file, layout.shown(layout.topics_file))
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1
    if title is None:
        if not sys.stdin.isatty():
            print(
                'briefkit new: give a title, e.g. briefkit new "Huawei offers no-spy deals" --topic 5g-security',
                file=sys.stderr,
            )
            return 2
        title, day, topics = _ask(registry, day)
    try:
        keys = resolve_topics(topics, registry)
        path = write_new_briefing(layout, NewBriefing(title.strip(), day or date.today(), keys))
    except ScaffoldError as error:
        print(f"briefkit new: {error}", file=sys.stderr)
        return 1
    print(layout.shown(path))
    return 0


def _ask(registry: dict[str, Topic], day: date | None) -> tuple[str, date, list[str]]:
    title = ""
    while not title.strip():
        title = input("Title: ")
    while day is None:
        answer = input(f"Date of the development (YYYY-MM-DD) [{date.today().isoformat()}]: ").strip()
        try:
            day = date.fromisoformat(answer) if answer else date.today()
        except ValueError:
            print("  write the date as YYYY-MM-DD, e.g. 2019-05-14")
    print("Topics: " + ", ".join(registry))
    topics: list[str] = []
    while not topics:
        topics = input("Topics (keys, separated by commas): ").replace(",", " ").split()
    return title, day, topics


def run_build(root: Path, engine: str, site_dir: Path | None, strict: bool) -> int:
    try:
        outcome = build(root, engine, site_dir, strict)
    except EngineMissing as missing:
        print(f"briefkit build: {missing}", file=sys.stderr)
        return 2
    if outcome.account:
        print(outcome.account, file=sys.stdout if outcome.code == 0 else sys.stderr)
    return outcome.code


def run_schema(root: Path) -> int:
    layout = Layout.of(root)
    registry, problems = load_topics(layout.topics_file, layout.shown(layout.topics_file))
    for problem in problems:
        print(problem, file=sys.stderr)
    sys.stdout.write(json_schema_text(registry))
    return 1 if problems else 0


def run_check(root: Path, paths: list[Path], output_format: str) -> int:
    layout = Layout.of(root)
    content = load_content(layout, today=date.today(), only=[p.resolve() for p in paths] or None, shared=True)
    for problem in content.problems:
        print(problem.github_annotation() if output_format == "github" else str(problem))
    errors = count_errors(content.problems)
    warnings = sum(1 for p in content.problems if p.severity is Severity.WARNING)
    print(
        f"briefkit check: {plural(len(content.briefings), 'briefing')} read, {plural(errors, 'error')}, "
        f"{plural(warnings, 'warning')}",
        file=sys.stderr,
    )
    return 1 if errors else 0


def run_generate(root: Path, out: Path, drafts: bool, info: Masthead) -> int:
    site = build_site(root, include_drafts=drafts, masthead=info, shared=True)
    for problem in site.content.problems:
        if problem.severity is Severity.ERROR:
            print(problem, file=sys.stderr)
    if not site.ok:
        print(
            f"briefkit generate: {plural(site.content.errors, 'problem')} in briefings; nothing written",
            file=sys.stderr,
        )
        return 1
    try:
        written = write_pages(site.pages, out)
    except FileExistsError as error:
        print(f"briefkit generate: {error}", file=sys.stderr)
        return 1
    print(f"briefkit generate: wrote {written} pages to {out}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
