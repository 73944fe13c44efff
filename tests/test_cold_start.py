"""`kgtool query` loads only what answering needs: not rdflib (reading and reasoning
over Turtle), the validator, the reasoner, the web stack, the SPARQL client or pandas.

Each command runs as a user runs it, the installed script in a fresh process (the test
process has long imported everything), and Python's import log (PYTHONPROFILEIMPORTTIME)
tells what it imported. How long that takes is measured by benchmarks/cold_start.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import copy_project
from kgtool import build

KGTOOL = Path(sys.executable).parent / "kgtool"
# Packages only other commands need (build, validate, serve, publish, --endpoint, to_dataframe).
NOT_FOR_QUERY = {"rdflib", "owlrl", "pyshacl", "pyshacl_turbo", "SPARQLWrapper", "jinja2", "starlette", "uvicorn",
                 "httpx", "pandas"}
COLUMNS = ["jurisdiction", "agency", "role", "tasks", "documents"]  # heritage-lead-agencies'


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A built copy of the repository, for this module alone: whether an answer was
    kept depends on what was asked before."""
    root = copy_project(tmp_path_factory.mktemp("cold-start") / "project")
    build(root)
    return root


def run_logging_imports(root: Path, *args: str) -> tuple[set[str], str]:
    """The top-level packages `kgtool --root ROOT ARGS…` imported, and its output."""
    completed = subprocess.run(
        [str(KGTOOL), "--root", str(root), *args], capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPROFILEIMPORTTIME": "1"},
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    # Lines "import time:   self |   cumulative |   package.module", nested by indentation.
    imported = {line.rsplit("|", 1)[1].strip().split(".")[0]
                for line in completed.stderr.splitlines() if line.startswith("import time:")}
    assert {"kgtool", "pyoxigraph", "click"} <= imported, "the import log was not read"
    return imported, completed.stdout


def test_a_saved_query_asked_once_and_again_loads_no_package_it_does_not_use(built):
    # The first answer may be evaluated on the store (in a child process); the second is
    # read from the rows kept: neither path may load rdflib and the rest.
    for _ in range(2):
        imported, output = run_logging_imports(built, "query", "heritage-lead-agencies")
        assert output.split()[:len(COLUMNS)] == COLUMNS
        assert imported & NOT_FOR_QUERY == set()


@pytest.mark.parametrize(
    "args",
    [
        ("query", "tasks-by-theme", "--param", "theme=tourism"),
        ("query", "heritage-lead-agencies", "--format", "json"),
        ("query", "heritage-lead-agencies", "--asserted", "--format", "csv"),
        ("query", "-e", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
    ],
    ids=["parameter", "json", "asserted", "adhoc"],
)
def test_every_form_of_query_loads_no_package_it_does_not_use(built, args):
    imported, output = run_logging_imports(built, *args)
    assert output.strip()
    assert imported & NOT_FOR_QUERY == set()


def test_every_public_name_imports_though_some_load_late():
    # In a fresh interpreter, where the names kgtool imports on first use are not loaded yet.
    code = (
        "import kgtool, kgtool.store.build\n"
        "from kgtool import *\n"
        "missing = [name for name in kgtool.__all__ if name not in dir(kgtool)]\n"
        "assert not missing, missing\n"
        "from kgtool import Closure, load_dataset, owl_rl_closure, parse_turtle\n"
        "print(load_dataset.__module__, Closure.__module__, build.__module__)\n"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.split() == ["kgtool.store.load", "kgtool.store.reason", "kgtool.store.build"]
