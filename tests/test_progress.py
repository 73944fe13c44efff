"""Progress on long steps: counts a person at a terminal can follow, and silence anywhere else."""

from __future__ import annotations

import io

import pytest
from click.testing import CliRunner

from kgtool.store.build import build
from kgtool.cli import main
from kgtool.store.load import parse_turtle
from kgtool.progress import TerminalProgress
from kgtool.project import find_project
from kgtool.check.validate import validate

from helpers import FIXTURES, REPO


class Recorder:
    """A progress callable, as a notebook would pass one: it keeps every report."""

    def __init__(self):
        self.calls: list[tuple[str, int | None, int | None]] = []

    def __call__(self, message, done=None, total=None):
        self.calls.append((message, done, total))

    def counted(self) -> list[tuple[str, int, int]]:
        return [call for call in self.calls if call[2]]


def test_a_counted_step_is_one_bar_redrawn_in_place_and_closed_when_done():
    stream = io.StringIO()
    progress = TerminalProgress(True, stream)
    progress("graphs read · 100 triples", 1, 4)
    progress("graphs read · 400 triples", 4, 4)
    progress("reasoning")
    assert stream.getvalue() == (
        "\r[#######.......................] 1/4 graphs read · 100 triples\x1b[K"
        "\r[##############################] 4/4 graphs read · 400 triples\x1b[K\n"
        "… reasoning\n"
    )


def test_a_step_that_follows_an_unfinished_bar_starts_on_a_new_line():
    stream = io.StringIO()
    progress = TerminalProgress(True, stream)
    progress("files read", 1, 3)
    progress("validating")
    assert stream.getvalue().endswith("\x1b[K\n… validating\n")


def test_progress_is_silent_when_disabled():
    stream = io.StringIO()
    progress = TerminalProgress(False, stream)
    progress("graphs read", 1, 2)
    progress("reasoning")
    assert stream.getvalue() == ""


def test_the_build_reports_every_graph_file_read_with_the_triples_so_far(project):
    progress = Recorder()
    result = build(project, progress=progress)
    counted = progress.counted()
    # graphs/ holds documents, registries and graphs/derived/text-reuse.ttl, one level down.
    files = len(list((project / "ontology").rglob("*.ttl"))) + len(list((project / "graphs").rglob("*.ttl")))
    assert [done for _, done, _ in counted] == list(range(1, files + 1))
    assert {total for _, _, total in counted} == {files}
    assert counted[-1][0] == f"graphs read · {result.summary['asserted_triples']:,} triples"


def test_validation_reports_the_files_it_reads_and_the_triples_it_validates():
    plan = FIXTURES / "plan-without-basis.ttl"
    project = find_project(REPO)
    # The plan is read with the ontology, the registry and the national plans (the
    # framework, cn-2021-plan, and the 2016 guidance, which a plan may name as its basis).
    national = [REPO / "graphs" / "cn-2021-plan.ttl", REPO / "graphs" / "cn-2016-guidance.ttl"]
    files = sorted((REPO / "ontology").rglob("*.ttl")) + project.registry_files() + national + [plan]
    progress = Recorder()
    result = validate([plan], root=REPO, progress=progress)
    counted = progress.counted()
    assert [done for _, done, _ in counted] == list(range(1, len(files) + 1))
    assert counted[-1][0] == f"files read · {sum(len(parse_turtle(f)) for f in files):,} triples"
    # what is validated is the union: a triple written in two files counts once
    assert progress.calls[-1] == (f"validating {len(result.data):,} triples with turbo", None, None)


def test_no_bar_reaches_output_that_is_not_a_terminal(project):
    # CliRunner's streams are not terminals, as a pipe or a file would not be.
    result = CliRunner().invoke(main, ["--root", str(project), "build"])
    assert result.exit_code == 0
    assert "\r" not in result.output and "…" not in result.output


@pytest.mark.parametrize("arguments, quiet", [
    (["validate", "PLAN"], False),
    (["-q", "validate", "PLAN"], True),
    (["validate", "PLAN", "-q"], True),
    (["validate", "--quiet", "PLAN"], True),
])
def test_quiet_is_taken_before_or_after_the_command(monkeypatch, arguments, quiet):
    # `kgtool build -q` is what a user types as often as `kgtool -q build`.
    asked = []

    def for_terminal(cls, quiet=False):
        asked.append(quiet)
        return cls(False)

    monkeypatch.setattr(TerminalProgress, "for_terminal", classmethod(for_terminal))
    plan = str(FIXTURES / "plan-without-basis.ttl")
    result = CliRunner().invoke(main, ["--root", str(REPO), *[plan if a == "PLAN" else a for a in arguments]])
    assert result.exit_code == 1, result.output  # the plan states no national plan: a Violation
    assert asked == [quiet]
