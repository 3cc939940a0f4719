"""The `briefkit` command: check briefings, generate pages, scaffold a new briefing."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from briefkit.content import Layout, load_content
from briefkit.output import write_pages
from briefkit.problems import Severity, count_errors, plural
from briefkit.site import build_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="briefkit", description=__doc__)
    parser.add_argument(
        "--root",
        type=Path,
        default=Path.cwd(),
        help="the project folder, holding mkdocs.yml and briefings/ (default: here)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="validate briefings and the topic registry without building")
    check.add_argument("paths", nargs="*", type=Path, help="only report on these files (default: all)")
    check.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="github prints workflow annotations shown on a pull request's diff",
    )

    generate = commands.add_parser("generate", help="write the generated pages as Markdown files")
    generate.add_argument("--out", type=Path, required=True, help="the folder to write to")
    generate.add_argument("--drafts", action="store_true", help="include drafts")

    args = parser.parse_args(argv)
    root: Path = args.root.resolve()
    if args.command == "check":
        return run_check(root, args.paths, args.format)
    if args.command == "generate":
        return run_generate(root, args.out, args.drafts)
    return 2  # pragma: no cover - argparse rejects unknown commands


def run_check(root: Path, paths: list[Path], output_format: str) -> int:
    layout = Layout(root)
    content = load_content(layout, today=date.today(), only=[p.resolve() for p in paths] or None)
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


def run_generate(root: Path, out: Path, drafts: bool) -> int:
    site = build_site(root, include_drafts=drafts)
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
