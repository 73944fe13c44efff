"""Commands that replace a folder (`build`, `publish`) replace only a folder kgtool made,
or an empty or absent one: a mistyped path never costs anyone their checkout, their
graphs, their build or their notes."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgtool.atomic import MARKER
from kgtool.cli import main


def run(*args: str):
    return CliRunner().invoke(main, [str(arg) for arg in args])


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def built(project):
    """A project copy with a build, a git folder and a person's notes beside it."""
    (project / ".git").mkdir()
    (project / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (project / "notes").mkdir()
    (project / "notes" / "notes.txt").write_text("我的笔记\n", encoding="utf-8")
    assert run("--root", project, "build").exit_code == 0
    return project


@pytest.mark.parametrize(
    "out, named",
    [
        (".", "it holds"),                 # the checkout itself, .git and all
        ("graphs", "graphs or inside it"),  # the curated graphs
        ("graphs/new", "graphs or inside it"),  # empty, but the build would read it
        ("ontology", "ontology or inside it"),
        ("queries", "queries or inside it"),
        ("build", "build or inside it"),    # the build the release is made from
        ("notes", "files kgtool did not make (notes.txt)"),
        ("..", "it holds"),                 # the folder above the checkout
    ],
)
def test_publish_refuses_a_folder_it_did_not_make_and_touches_nothing(built, monkeypatch, out, named):
    before = _snapshot(built)
    monkeypatch.chdir(built)

    result = run("--root", built, "publish", "--out", out)

    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: refusing to "), result.output
    assert named in lines[0]
    assert _snapshot(built) == before
    assert not [p for p in built.parent.iterdir() if p.name.startswith(".")]  # no staging left


def test_build_refuses_a_release_and_a_foreign_folder_as_its_build_folder(built, tmp_path):
    release = tmp_path / "release"
    assert run("--root", built, "publish", "--out", release).exit_code == 0
    before = _snapshot(release)

    into_release = run("--root", built, "--build-dir", release, "build")
    into_notes = run("--root", built, "--build-dir", built / "notes", "build")

    assert into_release.exit_code == 2 and "it holds a kgtool release, not a build" in into_release.output
    assert into_notes.exit_code == 2 and "notes.txt" in into_notes.output
    assert _snapshot(release) == before
    assert (built / "notes" / "notes.txt").read_text(encoding="utf-8") == "我的笔记\n"


def test_publish_writes_into_an_empty_folder_and_replaces_its_own_release(built, tmp_path):
    out = tmp_path / "empty"
    out.mkdir()

    first = run("--root", built, "publish", "--out", out)
    (out / "index.html").write_text("edited by hand")  # the tool owns its release
    second = run("--root", built, "publish", "--out", out)

    assert first.exit_code == 0 and second.exit_code == 0, second.output
    assert json.loads((out / MARKER).read_text())["kind"] == "release"
    assert "edited by hand" not in (out / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_build_folder_from_before_the_marker_is_still_rebuilt(built):
    (built / "build" / MARKER).unlink()  # as kgtool 0.1.0 wrote it: store, answers, summary.json

    result = run("--root", built, "build")

    assert result.exit_code == 0, result.output
    assert (built / "build" / MARKER).is_file()


def test_the_staging_folder_of_a_killed_run_is_removed_by_the_next_one(built):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    abandoned = built / f".build-new-{dead.stdout.strip()}-x1y2"
    abandoned.mkdir()
    (abandoned / "summary.json").write_text("{}")
    running = built / f".build-new-{os.getpid()}-x3y4"  # this process is alive: not touched
    running.mkdir()

    assert run("--root", built, "build").exit_code == 0

    assert not abandoned.exists() and running.is_dir()


def test_a_folder_the_system_will_not_let_us_write_is_one_sentence(built, tmp_path, monkeypatch):
    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(tmp_path))

    monkeypatch.setattr(tempfile, "mkdtemp", read_only)
    result = run("--root", built, "publish", "--out", tmp_path / "release")

    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"Error: cannot write {tmp_path / 'release'}: read-only file system ({tmp_path})"
    ]


@pytest.mark.parametrize("levels", [33, 1_000, 100_000])
def test_blank_nodes_nested_deeper_than_any_plan_are_refused_at_once_with_the_line(built, levels):
    before = _snapshot(built / "build")
    # 100,000 levels crashed the process inside the canonicalisation; 1,000 took minutes.
    nested = "[ ex:p " * levels + "ex:z" + " ]" * levels
    (built / "graphs" / "nested.ttl").write_text(f"@prefix ex: <http://example.org/> .\n\nex:a ex:p {nested} .\n")

    for command in (["build"], ["validate", str(built / "graphs" / "nested.ttl")]):
        result = run("--root", built, *command)
        assert result.exit_code == 2, result.output
        assert result.output.strip().splitlines()[-1] == (
            f"Error: {built / 'graphs' / 'nested.ttl'}:3: blank nodes or lists nested more than 32 deep; "
            "no plan needs that many levels"
        )
    assert _snapshot(built / "build") == before
    assert not [p for p in built.iterdir() if p.name.startswith(".build-")]
