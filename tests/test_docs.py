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
