"""Compiled templates are kept between builds (briefkit.pages.template_cache), and never stand in for a changed one."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

import jinja2
from jinja2 import pass_context
from jinja2.bccache import bc_magic

from briefkit.pages.template_cache import FOLDER, _settings_hash

from conftest import REPO, Project, briefing

if TYPE_CHECKING:
    from pathlib import Path


def cache_files(project: Project) -> dict[str, int]:
    folder = project.root.joinpath(*FOLDER)
    return {
        path.relative_to(folder).as_posix(): path.stat().st_mtime_ns for path in folder.rglob("*") if path.is_file()
    }


def own_overrides(project: Project) -> Path:
    """The project's own copy of the theme's overrides, to change between builds."""
    overrides = project.root / "overrides"
    shutil.copytree(REPO / "docs" / "overrides", overrides)
    config = project.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(str(REPO / "docs" / "overrides"), str(overrides)), encoding="utf-8"
    )
    return overrides


def test_a_second_build_compiles_no_template_and_a_changed_one_is_compiled_again(project: Project) -> None:
    project.add("2019/2019-05-14-huawei.md", briefing())
    copyright_file = own_overrides(project) / "partials" / "copyright.html"
    copyright_file.write_text("<p>Words of the first build</p>\n", encoding="utf-8")
    first = project.build()
    assert first.returncode == 0, first.log
    kept = cache_files(project)
    # One folder for MkDocs' environment, one for briefkit's: their settings differ.
    assert len({name.split("/")[0] for name in kept}) == 2
    assert len(kept) > 20
    assert "Words of the first build" in project.page("briefings/2019-05-14-huawei")

    again = project.build()
    assert again.returncode == 0, again.log
    assert cache_files(project) == kept  # nothing compiled, nothing written

    copyright_file.write_text("<p>Words of the second build</p>\n", encoding="utf-8")
    changed = project.build()
    assert changed.returncode == 0, changed.log
    page = project.page("briefings/2019-05-14-huawei")
    assert "Words of the second build" in page
    assert "Words of the first build" not in page
    assert len(cache_files(project)) == len(kept)  # the changed template's code is replaced


def test_a_damaged_cache_file_costs_only_the_compiling(project: Project) -> None:
    project.add("2019/2019-05-14-huawei.md", briefing())
    first = project.build()
    assert first.returncode == 0, first.log
    folder = project.root.joinpath(*FOLDER)
    for file in folder.rglob("*.cache"):  # Jinja's mark, then what does not unpickle
        file.write_bytes(bc_magic + b"\x80\x05damaged")
    again = project.build()
    assert again.returncode == 0, again.log
    assert "Huawei offers no-spy deals" in project.page("briefings/2019-05-14-huawei")


def test_a_cache_folder_that_cannot_be_made_costs_only_the_compiling(project: Project) -> None:
    project.add("2019/2019-05-14-huawei.md", briefing())
    (project.root / ".cache").write_text("not a folder\n", encoding="utf-8")
    result = project.build()
    assert result.returncode == 0, result.log
    assert "Huawei offers no-spy deals" in project.page("briefings/2019-05-14-huawei")


def environment(**settings: object) -> jinja2.Environment:
    return jinja2.Environment(**settings)  # type: ignore[arg-type]


def test_code_compiled_in_one_environment_is_kept_apart_from_another_s() -> None:
    assert _settings_hash(environment()) == _settings_hash(environment())
    assert _settings_hash(environment()) != _settings_hash(environment(trim_blocks=True))
    assert _settings_hash(environment(autoescape=jinja2.select_autoescape(["html"]))) != _settings_hash(
        environment(autoescape=jinja2.select_autoescape(["xml"]))
    )
    plain, with_context = environment(), environment()
    plain.filters["shout"] = str.upper
    with_context.filters["shout"] = pass_context(lambda context, value: value.upper())
    # Jinja compiles a call to a filter that takes the context differently.
    assert _settings_hash(plain) != _settings_hash(with_context)


def test_a_setting_that_calls_itself_is_named_all_the_same() -> None:
    def autoescape_for(suffix: str) -> object:
        def autoescape(name: str | None) -> bool:  # closes over itself
            return name is not None and name != "" and (name.endswith(suffix) or autoescape(name[:-1]))

        return autoescape

    html, xml = autoescape_for(".html"), autoescape_for(".xml")
    assert _settings_hash(environment(autoescape=html)) == _settings_hash(
        environment(autoescape=autoescape_for(".html"))
    )
    assert _settings_hash(environment(autoescape=html)) != _settings_hash(environment(autoescape=xml))
