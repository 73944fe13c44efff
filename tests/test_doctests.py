"""The `>>>` examples in kgtool.extract's docstrings run and print what they say."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["kgtool.extract.numbering", "kgtool.extract.clauses", "kgtool.extract.registry"]


@pytest.mark.parametrize("name", MODULES)
def test_the_docstring_examples_run(name):
    failed, attempted = doctest.testmod(importlib.import_module(name))
    assert attempted > 0 and failed == 0
