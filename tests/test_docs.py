"""The README tells the truth: two quick-start commands, CI runs the second, every command
documented, and every shell example and Python block runs as written and prints what the
README shows (tests/readme_examples.py says how the README marks an example, its output,
and what is not run)."""

from __future__ import annotations

import re

import pytest

from kgtool.cli import main
from kgtool.ask.queries import catalogue

from helpers import REPO
from readme_examples import Readme, blocks, check, examples, matches, values_shown

README = (REPO / "README.md").read_text(encoding="utf-8")
SAVED_QUERIES = catalogue(REPO / "queries")


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


@pytest.mark.parametrize("command", sorted(main.commands))
def test_each_command_is_documented_in_the_readme(command):
    assert re.search(rf"`kgtool {command}[` ]", README), f"`kgtool {command}` is not in the README"


@pytest.mark.parametrize("name", sorted(SAVED_QUERIES))
def test_each_saved_query_is_in_the_readme_index_with_a_full_header(name):
    query = SAVED_QUERIES[name]
    assert f"| `{name}` |" in README, f"{name} is not in the README's index of saved queries"
    assert query.summary and query.description and query.tags and query.columns


def test_the_quick_start_says_how_to_activate_the_virtualenv_the_examples_need():
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert "`. .venv/bin/activate`" in section and "the examples below run" in section


@pytest.fixture(scope="module")
def readme(tmp_path_factory):
    examples = Readme(README, tmp_path_factory.mktemp("readme"))
    yield examples
    examples.close()


EXAMPLES = examples(README)


@pytest.mark.parametrize("index", range(len(EXAMPLES)), ids=[e.id for e in EXAMPLES])
def test_every_example_of_the_readme_runs_as_written_and_prints_what_it_shows(readme, index):
    check(EXAMPLES[index], readme.ran(index))


def test_every_block_that_is_not_run_says_why():
    for block in blocks(README):
        if block.not_run is not None:
            assert block.not_run.strip() and block.info != "table", block.line
        elif block.info not in ("sh", "", "python", "table"):
            raise AssertionError(f"README line {block.line}: a ```{block.info} block neither run nor marked "
                                 "<!-- not run: REASON -->")
    # Each block that is run gives examples, and each example comes from a block that is run.
    run = [b for b in blocks(README) if b.not_run is None and (
        b.info in ("sh", "python") or b.output_of or (b.info == "" and b.lines and b.lines[0].startswith("$ ")))]
    spans = [range(b.line, b.line + len(b.lines) + 1) for b in run]
    assert all(any(e.line in span for e in EXAMPLES) for span in spans)
    assert all(any(e.line in span for span in spans) for e in EXAMPLES)


def test_what_is_shown_is_matched_line_by_line_with_elisions_and_times_only():
    shown = ("$ ignored", "Pushed 46 graphs, 16,244 triples, in 1.8 s", "  …", "(17 rows)")
    assert matches(shown[1:], "Pushed 46 graphs, 16,244 triples, in 12.3 s\n(17 rows)\n")
    assert matches(shown[1:], "Pushed 46 graphs, 16,244 triples, in 0.1 s\na\nb\n(17 rows)\n")
    assert not matches(shown[1:], "Pushed 45 graphs, 16,244 triples, in 1.8 s\n(17 rows)\n")
    assert not matches(shown[1:], "Pushed 46 graphs, 16,244 triples, in 1.8 s\n(18 rows)\n")
    assert matches(("a … z",), "a anything z\n") and not matches(("a … z",), "a anything\n")


def test_a_python_comment_shows_a_value_only_after_an_expression_and_written_as_one():
    code = "\n".join((
        'x = open_build()   # 2–7× faster',  # an assignment: nothing to show
        "x.name   # '广东省工业和信息化厅'",
        'x.summary   # the figures the CLI prints',  # words about the value
        "x.conforms, x.counts   # (True, Counter({'Info': 2}))",
        "x.pages   # {'index': 1, …}",
    ))
    assert values_shown(code) == {2: "'广东省工业和信息化厅'", 4: "(True, Counter({'Info': 2}))", 5: "{'index': 1, …}"}
    assert matches(("{'index': 1, …}",), "{'index': 1, 'item': 96}\n") and not matches(("{'index': 1, …}",), "{'item': 96}\n")


def _example(command: str, copy: str = "README") -> int:
    return next(i for i, e in enumerate(EXAMPLES) if e.command.startswith(command) and e.copy == copy and not e.stop)


def test_the_release_is_as_large_as_the_readme_says(readme):
    index = _example("kgtool publish --out release")
    printed = readme.ran(index).output
    release = readme.copy(EXAMPLES[index].copy).clone / "release"
    stated = re.search(r"writes ([\d,]+) files, (\d+) MB", README)
    assert stated, "the README no longer says how large the release is"
    files = int(re.search(r"^Published .*, (\d+) files$", printed, flags=re.M).group(1))
    megabytes = sum(f.stat().st_size for f in release.rglob("*") if f.is_file()) / 1e6
    said = f"the README says {stated.group(1)} files, {stated.group(2)} MB; kgtool publish wrote {files:,}, {megabytes:.2f} MB"
    # The count exactly; the size is a rounded figure, within a megabyte of the bytes written.
    assert int(stated.group(1).replace(",", "")) == files and abs(int(stated.group(2)) - megabytes) < 1, said


def test_the_new_plan_is_in_the_saved_queries_after_the_walk_through(readme):
    documents = readme.ran(_example("kgtool query documents", "Adding a new plan")).output
    coverage = readme.ran(_example("kgtool query coverage --format csv", "Adding a new plan")).output
    assert "cq-2024-plan" in documents and "重庆市" in coverage
