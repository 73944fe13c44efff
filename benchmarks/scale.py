"""kgtool against the plain stack on a synthetic national rollout, in one run.

For each size (10k, 100k and 1M triples by default) it generates a project with
benchmarks/generate.py, then times, each in a fresh process whose peak memory
is read from the kernel (wait4):

  * kgtool: `kgtool build`, `kgtool validate` (pyshacl-turbo), every saved query (the heritage
    register's among them, on the generator's synthetic lists) inside a warm
    process (median of --repeat runs) and as a cold `kgtool query NAME` — answered from the
    rows the build kept where it kept them, and then also evaluated on the store — and
    each evaluated on the store copied into memory (`open_build(in_memory=True)`);
  * the plain stack — what a user would combine by hand from the packages the
    project names: rdflib parses every file into one graph, owlrl computes the
    OWL 2 RL closure (build); pySHACL validates the same data graph against the
    same shapes without inference, as kgtool does (validate); rdflib answers
    each saved query from the build's asserted and inferred triples (queries).

and prints, per size, a table of seconds, peak memory, the plain stack's time
as a multiple of kgtool's, and seconds per million triples (so a step that
grows faster than the data shows). A plain-stack step that runs past
--timeout (10 minutes) is stopped and reported as such: that is a result too.

    python benchmarks/scale.py                             # 10k, 100k, 1M; about an hour
    python benchmarks/scale.py --sizes 10000 100000 --repeat 3
    python benchmarks/scale.py --sizes 1000000 --plain-up-to 100000
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

# Values for the saved queries' parameters that have no default, present in every generated project.
# heritage-site-profile: a part of a name, so it finds every synthetic site of that kind (the first
# kind in rollout_data.HERITAGE_KINDS, which every generated register has): 1 site at 10k, ~200 at 1M.
PARAMETERS = {"tasks-by-theme": {"theme": "heritage"}, "task-search": {"phrase": "工业遗产"}, "agency-profile": {"name": "省工信厅"},
              "heritage-site-profile": {"name": "机床厂"}}
# A query slower than this in the plain stack is given up on (SIGALRM), and reported as stopped.
PLAIN_QUERY_LIMIT = 60


@dataclass
class Run:
    seconds: float | None  # None: stopped at the time limit
    peak_mb: float
    output: str = ""


def measure(command: list[str], timeout: float, cwd: Path | None = None) -> Run:
    """Run a command in a fresh process; its wall time and peak resident memory."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, cwd=cwd)
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - started > timeout:
                process.kill()
                _, status, usage = os.wait4(process.pid, 0)
                return Run(None, usage.ru_maxrss / 1024)
            time.sleep(0.01)
        seconds = time.perf_counter() - started
        output.seek(0)
        text = output.read().decode("utf-8", errors="replace")
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):  # validate exits 1 when it finds a violation
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{text[-2000:]}")
    return Run(seconds, usage.ru_maxrss / 1024, text)


def kgtool(project: Path, *args: str) -> list[str]:
    return [str(Path(sys.executable).parent / "kgtool"), "--quiet", "--root", str(project), *args]


def child(mode: str, project: Path, *extra: str) -> list[str]:
    """This script, run as a child process doing one measured step."""
    return [sys.executable, str(Path(__file__).resolve()), "--child", mode, str(project), *extra]


# -- what the child processes do -------------------------------------------------------


def _saved_queries(project: Path):
    from kgtool.queries import catalogue

    return catalogue(project / "queries")


def _median(action, repeat: int) -> float:
    """Median seconds of `repeat` runs after a first one — of 3 when a run takes over a second."""
    first = _timed(action)
    return statistics.median([first] + [_timed(action) for _ in range((repeat if first < 1 else 3) - 1)])


def warm_queries(project: Path, repeat: int, in_memory: bool = False) -> dict[str, float]:
    """kgtool: median seconds of each saved query in one process, as `kgtool query` answers
    it (from the answers the build kept, where it kept one) and, under "NAME (store)",
    evaluated on the build's store. With `in_memory`, the store is copied into memory
    first (its seconds under "open") and every query is evaluated on it, under "NAME (store)"."""
    from kgtool.build import open_build
    from kgtool.queries import evaluate, run_query, with_values

    build = open_build(project, in_memory=in_memory)
    medians = {"open": _timed(lambda: build.store)}
    for name, query in _saved_queries(project).items():
        text = with_values(query.text, query.bindings(PARAMETERS.get(name)))
        if not in_memory:
            medians[name] = _median(lambda: run_query(build, query, PARAMETERS.get(name)), repeat)
        if in_memory or build.stored_answer(name, text) is not None:
            medians[f"{name} (store)"] = _median(
                lambda: evaluate(build.store, name, text, use_default_graph_as_union=True), repeat)
    return medians


def plain_build(project: Path) -> None:
    """rdflib parses every input file into one graph; owlrl adds the OWL 2 RL closure."""
    from owlrl import DeductiveClosure, OWLRL_Semantics
    from rdflib import Graph

    graph = Graph()
    # Every file kgtool builds from, the register's lists (graphs/heritage/) included.
    for path in sorted((project / "ontology").rglob("*.ttl")) + sorted((project / "graphs").rglob("*.ttl")):
        graph.parse(path, format="turtle")
    DeductiveClosure(OWLRL_Semantics).expand(graph)


def plain_validate(project: Path) -> None:
    """pySHACL on the data graph and shapes kgtool validates, without inference as kgtool."""
    import pyshacl
    from rdflib import Graph

    from kgtool.validate import prepare

    inputs = prepare(root=project, engine="pyshacl")
    data = Graph()
    data += inputs.data  # a plain rdflib graph, as a user would have
    pyshacl.validate(data, shacl_graph=inputs.shapes, inference="none")


def plain_queries(project: Path, repeat: int) -> dict[str, float | None]:
    """rdflib: median seconds of each saved query on the build's asserted and inferred
    triples in one in-memory dataset, with the parameters' VALUES block kgtool sends to
    an endpoint; None for a query stopped after PLAIN_QUERY_LIMIT seconds."""
    import signal

    from kgtool.build import open_build
    from kgtool.queries import with_values

    dataset = open_build(project).dataset()

    def give_up(*_):
        raise TimeoutError

    signal.signal(signal.SIGALRM, give_up)
    medians = {}
    for name, query in _saved_queries(project).items():
        text = with_values(query.text, query.bindings(PARAMETERS.get(name)))
        signal.alarm(PLAIN_QUERY_LIMIT)
        try:
            medians[name] = _median(lambda: list(dataset.query(text)), repeat)
        except TimeoutError:
            medians[name] = None
        signal.alarm(0)
    return medians


def _timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def run_child(mode: str, project: Path, extra: list[str]) -> None:
    if mode == "plain-build":
        plain_build(project)
    elif mode == "plain-validate":
        plain_validate(project)
    elif mode in ("warm-queries", "memory-queries"):
        print(json.dumps(warm_queries(project, int(extra[0]), in_memory=mode == "memory-queries")))
    elif mode == "plain-queries":
        print(json.dumps(plain_queries(project, int(extra[0]))))


# -- the benchmark ---------------------------------------------------------------------


def project_for(size: int, workdir: Path) -> Path:
    """A generated project of about `size` triples, generated once and kept in workdir."""
    from generate import generate

    project = workdir / f"rollout-{size}"
    if not (project / "graphs" / "heritage").is_dir():  # none yet, or one a generator without the register wrote
        shutil.rmtree(project, ignore_errors=True)
        generate(project, size)
    return project


def _last_json(run: Run) -> dict:
    return json.loads(run.output.strip().splitlines()[-1]) if run.seconds is not None else {}


def benchmark(size: int, workdir: Path, repeat: int, timeout: float, plain: bool) -> list[tuple]:
    """Rows of (operation, kgtool Run, plain Run or None) for one size."""
    project = project_for(size, workdir)
    rows = [("build", measure(kgtool(project, "build"), timeout),
             measure(child("plain-build", project), timeout) if plain else None)]
    rows.append(("validate", measure(kgtool(project, "validate"), timeout),
                 measure(child("plain-validate", project), timeout) if plain else None))
    # Two dozen queries in one process each: a longer limit than for one step.
    warm = measure(child("warm-queries", project, str(repeat)), 6 * timeout)
    memory = measure(child("memory-queries", project, str(repeat)), 6 * timeout)
    plain_warm = measure(child("plain-queries", project, str(repeat)), 6 * timeout) if plain else None
    warm_medians, memory_medians = _last_json(warm), _last_json(memory)
    plain_medians = _last_json(plain_warm) if plain_warm else {}

    def plain_run(name):
        return Run(plain_medians.get(name), plain_warm.peak_mb) if plain_warm else None

    rows.append(("open the build's store in memory", Run(memory_medians.get("open"), memory.peak_mb), None))
    for name in _saved_queries(project):
        params = [arg for key, value in PARAMETERS.get(name, {}).items() for arg in ("--param", f"{key}={value}")]
        runs = 3 if (warm_medians.get(name) or 0) < 1 else 1
        cold = [measure(kgtool(project, "query", name, *params), timeout) for _ in range(runs)]
        rows.append((f"query {name}, warm p50", Run(warm_medians.get(name), warm.peak_mb), plain_run(name)))
        if f"{name} (store)" in warm_medians:  # answered from the build: the engine's time too
            rows.append(("  the same, evaluated on the store", Run(warm_medians[f"{name} (store)"], warm.peak_mb),
                         plain_run(name)))
        rows.append(("  the same, on the store in memory", Run(memory_medians.get(f"{name} (store)"), memory.peak_mb),
                     plain_run(name)))
        # The plain stack has no cold command of its own to compare with.
        rows.append((f"query {name}, cold wall", Run(statistics.median(r.seconds for r in cold), max(r.peak_mb for r in cold)), None))
    return rows


def _triples(project: Path) -> int:
    summary = json.loads((project / "build" / "summary.json").read_text(encoding="utf-8"))
    return summary["asserted_triples"]


def _seconds(run: Run | None) -> str:
    if run is None:
        return ""
    return "stopped" if run.seconds is None else f"{run.seconds:.3f}"


def print_table(size: int, project: Path, rows: list[tuple], timeout: float) -> None:
    triples = _triples(project)
    files = len(list((project / "graphs").rglob("*.ttl")))
    print(f"\n## {size:,} requested: {triples:,} asserted triples in {files:,} graph files")
    print(f"{'operation':44}{'kgtool s':>10}{'MB':>7}{'plain s':>10}{'MB':>7}{'plain/kgtool':>14}{'kgtool s/1M':>13}")
    for name, ours, theirs in rows:
        ratio = ""
        if theirs is not None and ours.seconds:
            limit = PLAIN_QUERY_LIMIT if name.startswith("query") else timeout
            ratio = f"> {limit / ours.seconds:.0f}×" if theirs.seconds is None else f"{theirs.seconds / ours.seconds:.1f}×"
        per_million = f"{ours.seconds / (triples / 1e6):.2f}" if ours.seconds is not None else ""
        print(
            f"{name:44}{_seconds(ours):>10}{ours.peak_mb:>7.0f}{_seconds(theirs):>10}"
            f"{(theirs.peak_mb if theirs else 0):>7.0f}{ratio:>14}{per_million:>13}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--plain-up-to", type=int, default=1_000_000,
                        help="Run the plain stack only at sizes up to this many triples.")
    parser.add_argument("--repeat", type=int, default=5, help="Runs of each query in a warm process (median).")
    parser.add_argument("--timeout", type=float, default=600, help="Seconds before a step is stopped.")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "icpkg-benchmark")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        mode, project, *extra = options.child
        run_child(mode, Path(project), extra)
        return

    import pyoxigraph
    import pyshacl
    import rdflib

    print(f"# kgtool against rdflib {rdflib.__version__} + owlrl + pySHACL {pyshacl.__version__}; "
          f"pyoxigraph {pyoxigraph.__version__}")
    print(f"# {platform.machine()}, {os.cpu_count()} cores, {_memory_gb():.0f} GB, "
          f"{platform.python_implementation()} {platform.python_version()}; medians of {options.repeat} "
          f"(warm queries; 3 when a run takes over 1 s) and 3 cold runs (1 over 1 s); one run of build and validate")
    options.workdir.mkdir(parents=True, exist_ok=True)
    for size in options.sizes:
        plain = size <= options.plain_up_to
        rows = benchmark(size, options.workdir, options.repeat, options.timeout, plain)
        print_table(size, project_for(size, options.workdir), rows, options.timeout)


def _memory_gb() -> float:
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1e9


if __name__ == "__main__":
    main()
