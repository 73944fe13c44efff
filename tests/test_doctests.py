"""The `>>>` examples in kgtool's docstrings run and print what they say.

Every module of the package whose source holds `>>>` is found by walking the package, so
an example added anywhere runs without being listed here. Each runs in a fresh copy of the
repository's inputs, as a user runs them in a clone of icpkg: `kgtool`'s own example builds
it there and asks the build."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

import kgtool
from kgtool.project import ROOT_ENV

from helpers import copy_project

PACKAGE = Path(kgtool.__file__).parent


def _modules_with_examples() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if ">>>" in path.read_text(encoding="utf-8"):
            parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
            names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


MODULES = _modules_with_examples()


def test_the_examples_are_found():
    assert "kgtool" in MODULES and "kgtool.extract.numbering" in MODULES


@pytest.mark.parametrize("name", MODULES)
def test_the_docstring_examples_run(name, tmp_path, monkeypatch):
    monkeypatch.delenv(ROOT_ENV, raising=False)
    monkeypatch.chdir(copy_project(tmp_path / "icpkg"))
    failed, attempted = doctest.testmod(importlib.import_module(name))
    assert attempted > 0 and failed == 0
