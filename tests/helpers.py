"""Plain helpers the test files share: where the repository and the fixtures are, a copy
of the project to build in, values for the saved queries' required parameters, servers on
free loopback ports, a browser, and how to compare answers and graphs. The pytest
fixtures built on them are in conftest.py."""

from __future__ import annotations

import importlib.util
import re
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff

from kgtool.release.serve import start_oxigraph

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Values for the saved queries' parameters that have no default: a theme, a phrase
# and a name the texts use.
REQUIRED_PARAMETERS = {
    "tasks-by-theme": {"theme": "tourism"},
    "task-search": {"phrase": "研学"},
    "agency-profile": {"name": "省工信厅"},
    "heritage-site-profile": {"name": "汉阳铁厂"},
}

# Distinct (item, body, role) each document assigns, counted clause by clause:
# national （四）7 （五）5 （六）5 （七）6 （八）8 （九）6 （十）6 （十一）5 （十二）7 （十三）6 （十四）1 （十五）8 （十六）2;
# Guangdong key tasks 52, safeguards 2+5+9+7+5+10 = 38, annex rows 2+1+5+6+3+2+4+2+1+4 = 30;
# Fujian key tasks 3+3+1+5+5+5+4 = 26, safeguards 4+5+6+6+7 = 28, and the blanket clause's
# two bodies on each of its 12 items = 24; Jiangsu 6+5+6+5+4+4+4+3+5+3+7 = 52.
ASSIGNMENTS = {"cn-2016-guidance": 0, "cn-2021-plan": 72, "gd-2023-plan": 120, "fj-2026-plan": 78, "js-task-table": 52}


def copy_project(destination: Path) -> Path:
    """A copy of the repository's inputs (not its build) to build in, with the
    CITATION.cff that `kgtool publish` copies into a release."""
    for folder in ("ontology", "graphs", "sources", "queries", "shapes"):
        shutil.copytree(REPO / folder, destination / folder)
    shutil.copyfile(REPO / "CITATION.cff", destination / "CITATION.cff")
    return destination


def load_benchmark(script: str):
    """benchmarks/<script>.py as a module (benchmarks/ is scripts, not a package)."""
    name = f"benchmarks_{script}"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / f"{script}.py")
        sys.modules[name] = importlib.util.module_from_spec(spec)  # dataclasses look their module up there
        spec.loader.exec_module(sys.modules[name])
    return sys.modules[name]


def unordered_lists(row: dict) -> tuple:
    """A row with each cell's list of values sorted: GROUP_CONCAT joins a group's values in
    whatever order the engine meets them, which differs between the store in memory (where
    the build answers), on disk and other engines."""
    return tuple(tuple(sorted(re.split("[ 、]", cell))) for cell in row.values())


def graph_difference(found: Graph, expected: Graph, shown: int = 5) -> str:
    """For a failure message: a few triples each graph has and the other lacks, with the
    blank nodes of both given canonical labels (rdflib.compare.graph_diff)."""
    _, only_found, only_expected = graph_diff(found, expected)
    lines = [f"+ {' '.join(t.n3() for t in triple)}" for triple in sorted(only_found)[:shown]]
    lines += [f"- {' '.join(t.n3() for t in triple)}" for triple in sorted(only_expected)[:shown]]
    counts = f"{len(only_found)} triples found and not expected, {len(only_expected)} expected and not found"
    return "\n".join([counts, *lines])


def free_port() -> int:
    """A loopback port nothing listens on (the OS picks it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def oxigraph_server(folder: Path):
    """A writable Oxigraph server (the binary from the oxigraph package) with an empty
    store, on a free loopback port; stopped and removed afterwards."""
    folder.mkdir(parents=True)
    with start_oxigraph(folder, port=free_port(), writable=True) as server:
        yield server


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = .
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {folder}
ServerThreads = 4
[SPARQL]
ResultSetMaxRows = 100000
"""


@contextmanager
def virtuoso_server(folder: Path):
    """A throwaway Virtuoso on loopback with a new database in `folder`; its administrator
    is dba with the password dba, as Virtuoso creates a database. Yields its base URL."""
    binary = shutil.which("virtuoso-t")
    if not binary:
        pytest.fail("Virtuoso is not installed; the push tests need it: apt-get install -y virtuoso-opensource-7-bin")
    http_port = free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(folder=folder, sql_port=free_port(), http_port=http_port), encoding="utf-8")
    log = folder / "console.log"
    with log.open("wb") as output:
        process = subprocess.Popen([binary, "+foreground", "+configfile", str(ini)], cwd=folder,
                                   stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while "Server online at" not in log.read_text(errors="replace"):
            assert process.poll() is None and time.monotonic() < deadline, f"Virtuoso did not start:\n{log.read_text()}"
            time.sleep(0.2)
        yield f"http://127.0.0.1:{http_port}"
    finally:
        process.terminate()
        process.wait(timeout=30)


CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


@contextmanager
def chromium(tmp_path: Path):
    """A headless chromium for one test. Checked inside the test, not in a fixture, so
    a machine without it reports a failure saying what to install, never an error or a skip."""
    from selenium import webdriver  # here: only the browser tests need selenium loaded
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.is_file()]
    if missing:
        pytest.fail(
            f"{' and '.join(missing)} not found: the browser test needs Debian's chromium and its driver; "
            "install them with `apt-get install chromium chromium-driver`"
        )
    options = Options()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1280,1600", f"--user-data-dir={tmp_path / 'profile'}",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()
