"""The README tells the truth: two quick-start commands, CI runs the second, every command documented."""

from __future__ import annotations

import re

from kgtool.cli import main

from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, flags=re.S)
    return [line for block in blocks for line in block.strip().splitlines()]


def test_the_quick_start_has_exactly_two_commands_install_and_build_then_test():
    first, second = _quick_start_commands()
    assert "pip install -e ." in first and "kgtool build" in first and "kgtool validate" in first
    assert first.endswith("kgtool query heritage-lead-agencies")
    assert 'pip install -e ".[test]"' in second and "pytest" in second


def test_ci_runs_exactly_the_readme_test_command():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line for line in ci.splitlines() if line.strip() and not line.startswith(("#", "set ", "cd "))]
    assert commands == [_quick_start_commands()[1]]


def test_every_command_is_documented_in_the_readme():
    for command in main.commands:
        assert re.search(rf"`kgtool {command}[` ]", README), command


def test_every_saved_query_is_in_the_readme_index_with_a_full_header():
    from kgtool.queries import catalogue

    for name, query in catalogue(REPO / "queries").items():
        assert f"| `{name}` |" in README, name
        assert query.summary and query.description and query.tags and query.columns, name


def test_the_walk_through_of_adding_a_new_plan_runs_as_written(project, monkeypatch):
    """Every command of *Adding a new plan*, in order, in a copy of the project."""
    monkeypatch.chdir(project)
    import shlex
    import shutil

    from click.testing import CliRunner

    shutil.copytree(REPO / "examples", project / "examples")
    section = README.split("## Adding a new plan", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.*?)```", section, flags=re.S)[0].strip().splitlines()
    assert len(commands) == 5
    outputs = []
    for command in commands:
        words = shlex.split(command)
        assert words[0] == "kgtool"
        result = CliRunner().invoke(main, ["--root", str(project), *words[1:]])
        assert result.exit_code == 0, (command, result.output)
        outputs.append(result.output)
    # The summary the section shows, and the new plan in the saved queries' answers.
    shown = section.split("```\ncq-2024-plan:", 1)[1].split("    …", 1)[0]
    assert "cq-2024-plan:" + shown in outputs[0]
    assert "cq-2024-plan" in outputs[3] and "重庆市" in outputs[4]
