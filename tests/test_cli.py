"""The command line as a user meets it: help, build, stats and errors."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import RdfFormat

from kgtool import open_build
from kgtool.cli import main

from helpers import FIXTURES


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_installed_kgtool_help_runs_as_a_real_process():
    # The kgtool installed with the interpreter running the tests, not one found elsewhere on PATH.
    executable = Path(sys.executable).parent / "kgtool"
    assert executable.is_file(), "kgtool is not installed in this environment: pip install -e ."
    completed = subprocess.run([str(executable), "--help"], capture_output=True, text=True, timeout=60)
    assert completed.returncode == 0, completed.stderr
    assert "Usage: kgtool" in completed.stdout
    for command in ("build", "stats"):
        assert command in completed.stdout


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_help_says_what_it_does_with_an_example(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.output
    assert f"kgtool {command}" in result.output


def test_build_reports_documents_items_agencies_triples_and_time(project):
    result = run("--root", str(project), "build")
    assert result.exit_code == 0, result.output
    assert f"Built {project / 'build'}" in result.output
    for label in ("documents", "items", "agencies", "generic actors", "asserted triples", "inferred triples"):
        assert label in result.output
    assert (project / "build" / "summary.json").is_file()


def _sorted_quads(build_dir: Path) -> list[bytes]:
    return sorted(open_build(build_dir=build_dir).store.dump(format=RdfFormat.N_QUADS).splitlines())


def test_building_twice_gives_the_same_quads_blank_node_labels_and_all(project, tmp_path):
    # The ontology's OWL lists are blank nodes: they must not get fresh labels on every
    # build, or a release of the same input would differ.
    run("--root", str(project), "build")
    run("--root", str(project), "--build-dir", str(tmp_path / "again"), "build")
    first = _sorted_quads(project / "build")
    assert any(b"_:" in line for line in first)
    assert _sorted_quads(tmp_path / "again") == first


def test_stats_shows_the_last_build_without_rebuilding(project):
    run("--root", str(project), "build")
    (project / "graphs" / "agencies.ttl").unlink()  # a rebuild would now differ
    result = run("--root", str(project), "stats")
    assert result.exit_code == 0, result.output
    assert "agencies" in result.output.splitlines()[-1]
    assert " 0 agencies" not in result.output


def test_stats_warns_when_a_graph_changed_since_the_build(project):
    run("--root", str(project), "build")
    assert "out of date" not in run("--root", str(project), "stats").output
    with (project / "graphs" / "places.ttl").open("a", encoding="utf-8") as places:
        places.write("\n# edited\n")
    result = run("--root", str(project), "stats")
    assert result.exit_code == 0
    assert "Warning: the build is out of date (graphs/places.ttl changed since)" in result.output


def test_stats_before_any_build_says_to_build_first(project):
    result = run("--root", str(project), "stats")
    assert result.exit_code == 2
    assert "no build found" in result.output and "kgtool build" in result.output
    assert "Traceback" not in result.output


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    "fixture, expected",
    [
        # A statement missing its "." on line 4; the parser notices on line 5.
        ("malformed.ttl", ["broken.ttl:5: bad Turtle syntax", "A dot is expected"]),
        # 工业和信息化部 typed as a generic actor too: the classes are disjoint.
        ("agency-typed-generic.ttl", ["inconsistent", "cn-miit"]),
    ],
)
def test_a_failed_build_says_why_in_one_line_and_keeps_the_previous_build(project, fixture, expected):
    assert run("--root", str(project), "build").exit_code == 0
    before = _snapshot(project / "build")
    shutil.copy(FIXTURES / fixture, project / "graphs" / "broken.ttl")

    result = run("--root", str(project), "build")

    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output
    assert all(part in lines[0] for part in expected)
    assert _snapshot(project / "build") == before
    # Nothing half-written beside the build: the project holds what it held.
    assert sorted(p.name for p in project.iterdir()) == [
        "CITATION.cff", "build", "graphs", "ontology", "queries", "shapes", "sources",
    ]


def test_an_iri_with_a_space_is_rejected_with_its_line(project):
    shutil.copy(FIXTURES / "invalid-iri.ttl", project / "graphs" / "bad-iri.ttl")
    result = run("--root", str(project), "build")
    assert result.exit_code == 2
    assert "bad-iri.ttl:3: invalid IRI <https://w3id.org/icpkg/id/agency/bad name>" in result.output
    assert not (project / "build").exists()


def test_a_file_that_is_not_utf8_is_rejected_with_its_line(project):
    (project / "graphs" / "latin1.ttl").write_bytes("# tea\n# caf\xe9\n".encode("latin-1"))
    result = run("--root", str(project), "build")
    assert result.exit_code == 2
    assert "latin1.ttl:2: is not UTF-8 text: byte 0xe9 at column 6 is not UTF-8" in result.output


def test_a_root_that_is_not_a_project_is_named(tmp_path):
    result = run("--root", str(tmp_path / "nowhere"), "build")
    assert result.exit_code == 2
    assert "is not an icpkg project" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("args", [["query", "task-search", "--param"], ["query", "-e"], ["validate"]])
def test_an_argument_from_a_terminal_that_is_not_utf8_is_one_sentence(project, args):
    # 研学 typed in a GBK terminal reaches Python as bytes it cannot decode (lone surrogates).
    gbk = os.fsdecode("研学".encode("gbk"))
    value = {"--param": f"phrase={gbk}", "-e": f"ASK {{}} # {gbk}"}.get(args[-1], gbk + ".ttl")

    result = run("--root", str(project), *args, value)

    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1] == (
        "Error: the argument '" + value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        + "' is not UTF-8 text (byte 0xd1); set the terminal to UTF-8, or put the text in a UTF-8 file"
    )
