"""Every bad input and fault of the corpus in tests/bad_inputs/cases.toml gets one clear
sentence, the exit code it should, no traceback, and changes nothing: no file is written,
and the previous build and release are as they were.

Each case runs on its own copy of a project holding a build and a release, made once per
session. The copy is made of hard links (a thousand-odd files in a moment), which is safe
because kgtool never writes a file in place: it writes beside it and renames. So "as it
was" is checked by every entry's type, size, modification time and inode: a file written
in place has a new modification time, a replaced one a new inode — in the copy and, since
they share inodes, in the session's original too. The setup of a case that damages a file
breaks its link first.
"""

from __future__ import annotations

import builtins
import errno
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import tomllib
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgtool import build
from kgtool.cli import main
from kgtool.release.publish import publish

from helpers import copy_project, free_port, oxigraph_server
from stand_ins import answering, failing_proxy, url

CORPUS = Path(__file__).parent / "bad_inputs"
CASES = tomllib.loads((CORPUS / "cases.toml").read_text(encoding="utf-8"))["case"]
STAGING = (".*-new-*", ".*-old-*")  # kgtool.atomic's hidden folders and files


@pytest.fixture(scope="session")
def pristine(tmp_path_factory) -> Path:
    """A project with a build (build/) and a release (dist/), made once for every case."""
    root = copy_project(tmp_path_factory.mktemp("bad-inputs") / "project")
    build(root)
    publish(root)
    return root


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_a_bad_input_is_one_sentence_and_changes_nothing(case, pristine, tmp_path, monkeypatch):
    root = _linked_copy(pristine, tmp_path / "case" / "project")
    places = {"root": root, "build": root / "build", "release": root / "dist", "out": tmp_path / "case" / "out",
              "files": CORPUS / "files"}
    places["out"].mkdir()
    with _stand_in(case.get("server", {}), tmp_path) as service:
        places.update(service)
        _prepare(case, places)
        before = _fingerprint(tmp_path / "case")
        if "signal" in case:
            code, stdout, stderr = _interrupted(case, places)
        else:
            code, stdout, stderr = _invoked(case, places, monkeypatch)

    assert code == case.get("exit", 2), stdout + stderr
    assert "Traceback" not in stdout + stderr
    if "message" in case:
        lines = stderr.strip().splitlines()
        assert _expand(case["message"], places) in lines[-1], stderr
        assert [line for line in lines if line.startswith("Error: ")] == ([lines[-1]] if code == 2 else []), stderr
    if "then" in case:  # a killed run leaves its staging folder; the next run removes it
        assert _fingerprint(tmp_path / "case", skip=STAGING) == before
        again = _run_process(places, case["then"])
        assert again.returncode == 0, again.stderr
        assert not [p for pattern in STAGING for p in (tmp_path / "case").rglob(pattern)]
    else:
        assert _fingerprint(tmp_path / "case") == before


def test_the_corpus_covers_every_command_and_its_readme_every_group():
    commands = {next(arg for arg in case["args"] if arg in main.commands) for case in CASES}
    assert commands == set(main.commands)
    assert len({case["id"] for case in CASES}) == len(CASES)
    listed = re.findall(r"^\| ([a-z ]+) \| (\d+) \|", (CORPUS / "README.md").read_text(encoding="utf-8"), re.MULTILINE)
    assert {group: int(count) for group, count in listed} == Counter(case["group"] for case in CASES)


# --- the case's copy and its setup ------------------------------------------------------------


def _linked_copy(source: Path, destination: Path) -> Path:
    shutil.copytree(source, destination, copy_function=os.link, symlinks=True)
    return destination


def _expand(text: str, places: dict) -> str:
    for name, value in places.items():
        text = text.replace("{" + name + "}", str(value))
    return text


def _place(name: str, places: dict) -> Path:
    path = Path(_expand(name, places))
    return path if path.is_absolute() else places["root"] / path


def _own(path: Path) -> None:
    """Break a file's hard link to the session's original before changing it."""
    data = path.read_bytes()
    path.unlink()
    path.write_bytes(data)


def _prepare(case: dict, places: dict) -> None:
    """Make the case's bad input in its copy, as its manifest entry says."""
    matches = lambda pattern: sorted(places["root"].glob(_expand(pattern, places)))  # noqa: E731
    for name in case.get("folders", []):
        _place(name, places).mkdir(parents=True)
    for name, source in case.get("files", {}).items():
        shutil.copyfile(places["files"] / source, _place(name, places))
    for name, text in case.get("text", {}).items():
        target = _place(name, places)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        target.write_text(text, encoding="utf-8")
    for name, points_to in case.get("links", {}).items():
        _place(name, places).symlink_to(points_to)
    for name in case.get("fifos", []):
        os.mkfifo(_place(name, places))
    for pattern in case.get("remove", []):
        for path in matches(pattern):
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    for pattern, size in case.get("truncate", {}).items():
        for path in matches(pattern):
            _own(path)
            os.truncate(path, size)
    for pattern in case.get("garble", []):
        for path in matches(pattern):
            _own(path)
            with path.open("r+b") as stream:  # the middle third, overwritten
                stream.seek(path.stat().st_size // 3)
                stream.write(b"\xa5" * (path.stat().st_size // 3))


def _fingerprint(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, tuple]:
    """Every entry under `folder` with its type; a file's size, modification time and inode
    too. Folders' times are left out: a file made and removed again changes them."""
    entries = {}
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if any(part.match(pattern) for part in map(Path, relative.parts) for pattern in skip):
            continue
        info = path.lstat()
        kind = info.st_mode & 0o170000
        entries[relative.as_posix()] = (kind,) if path.is_dir() and not path.is_symlink() else (
            kind, info.st_size, info.st_mtime_ns, info.st_ino)
    return entries


# --- stand-in services ------------------------------------------------------------------------


@contextmanager
def _stand_in(spec: dict, folder: Path):
    """The case's SPARQL service: none, a port nothing listens on, a server that answers
    every request alike, or a real store behind a proxy that fails on one graph."""
    if not spec:
        yield {}
    elif spec.get("refuse"):
        yield {"endpoint": f"http://127.0.0.1:{free_port()}/sparql"}
    elif "fail_graph" in spec:
        with oxigraph_server(folder / "oxigraph") as store:
            proxy = failing_proxy(store.url, spec["fail_graph"], spec["stage"])
            try:
                yield {"endpoint": url(proxy), "graph_store": url(proxy, "/store")}
            finally:
                proxy.shutdown()
    else:
        server = answering(spec["status"], spec["type"], spec["body"].encode("utf-8"),
                           delay=spec.get("delay", 0.0), announced=spec.get("announced"))
        try:
            yield {"endpoint": url(server), "graph_store": url(server, "/store")}
        finally:
            server.shutdown()


# --- running kgtool ---------------------------------------------------------------------------


def _invoked(case: dict, places: dict, monkeypatch) -> tuple[int, str, str]:
    args = ["--root", str(places["root"]), *(_expand(arg, places) for arg in case["args"])]
    with monkeypatch.context() as patch:
        patch.chdir(places["out"])  # a relative path lands in the case's folder
        patch.delenv("KGTOOL_ROOT", raising=False)
        if "fault" in case:
            _fault(patch, case["fault"]["kind"], _place(case["fault"]["path"], places))
        stdin = (CORPUS / "files" / case["stdin"]).read_bytes() if "stdin" in case else None
        result = CliRunner().invoke(main, args, input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


# What each fault refuses, under its path: (error number, refuse folders and renames too, refuse reading).
FAULTS = {"read-only": (errno.EROFS, True, False), "no-space": (errno.ENOSPC, False, False),
          "unreadable": (errno.EACCES, False, True)}


def _fault(patch, kind: str, where: Path) -> None:
    """Make the system refuse what a read-only folder, a full disk or an unreadable file refuses."""
    number, folders, reading = FAULTS[kind]

    def hit(*paths) -> bool:
        return any(isinstance(path, (str, os.PathLike)) and os.path.abspath(os.fsdecode(path)).startswith(str(where))
                   for path in paths)

    def guard(real, applies, paths=1):
        def guarded(*args, **kwargs):
            if hit(*args[:paths]) and applies(*args[paths:], **kwargs):
                raise OSError(number, os.strerror(number), os.fsdecode(args[0]))
            return real(*args, **kwargs)
        return guarded

    writes = lambda mode="r", *args, **kwargs: reading or any(c in mode for c in "wax+")  # noqa: E731
    opened = guard(io.open, writes)
    patch.setattr(io, "open", opened)
    patch.setattr(builtins, "open", opened)
    write_flags = os.O_WRONLY | os.O_RDWR | os.O_CREAT
    patch.setattr(os, "open", guard(os.open, lambda flags, *args, **kwargs: reading or flags & write_flags))
    if reading:
        access = os.access
        patch.setattr(os, "access", lambda path, *args, **kwargs: not hit(path) and access(path, *args, **kwargs))
    if folders:
        patch.setattr(os, "mkdir", guard(os.mkdir, lambda *args, **kwargs: True))
        for name in ("rename", "replace"):
            patch.setattr(os, name, guard(getattr(os, name), lambda *args, **kwargs: True, paths=2))


def _run_process(places: dict, args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kgtool", "--root", str(places["root"]), *args],
                          cwd=places["out"], capture_output=True, text=True, timeout=600)


def _interrupted(case: dict, places: dict) -> tuple[int, str, str]:
    """Run the command as a process and send it the case's signal once it has begun to
    write (its staging folder exists)."""
    process = subprocess.Popen([sys.executable, "-m", "kgtool", "--root", str(places["root"]), *case["args"]],
                               cwd=places["out"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    while not list(places["root"].glob(".*-new-*")):
        assert process.poll() is None and time.monotonic() < deadline, "the command ended before it began to write"
        time.sleep(0.02)
    process.send_signal(getattr(signal, case["signal"]))
    stdout, stderr = process.communicate(timeout=600)
    return process.returncode, stdout, stderr
