"""kgtool against the bare engines and the plain stack on a synthetic national rollout, in one run.

For each size (10k, 100k and 1M triples by default) it generates a project with
benchmarks/generate.py, then times, each in a fresh process whose peak memory
is read from the kernel (wait4):

  * the build: `kgtool build --full` beside the bare engines doing the same work in
    a child process (pyoxigraph loading each file, kgtool's rules as SPARQL updates
    in the store, the store written to disk); an update after one plan is added, and
    after it is removed again (`kgtool build`), beside the build from scratch;
  * `kgtool validate` (pyshacl-turbo);
  * opening the build in memory (`open_build(in_memory=True)`, from the build's
    N-Quads), beside copying the store on disk into memory quad by quad;
  * every saved query (the heritage register's among them, on the generator's
    synthetic lists): in a warm process (median of --repeat runs) as `kgtool.query`
    answers it — from the answer kept when it was first asked — and "fresh", evaluated
    on the store on disk and on the store in memory; cold, as `kgtool query NAME`,
    with the kept answer and fresh (the kept answer removed first);
  * the questions nobody saved, benchmarks/questions/*.rq (a two-hop join, a text
    filter with a join, a grouped count with HAVING, a numeric filter, written as a
    researcher would): evaluated on the store on disk and in memory, and cold as
    `kgtool query FILE.rq`, whose answer is never kept;
  * up to --plain-up-to triples, the plain stack a user would combine by hand from the
    packages the project names: rdflib parses every file into one graph and owlrl
    computes the OWL 2 RL closure (build); pySHACL validates without inference, as
    kgtool does (validate); rdflib answers each saved query and question (queries).

and prints, per size, a table of seconds, peak memory, the baseline's time as a
multiple of kgtool's, and seconds per million triples (so a step that grows faster
than the data shows). A baseline step that runs past --timeout (10 minutes) is
stopped and reported as such: that is a result too.

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
# Questions nobody saved, as a researcher writes them: kgtool has no kept answer for them.
QUESTIONS = HERE / "questions"
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
    from kgtool.ask.queries import catalogue

    return catalogue(project / "queries")


def _questions() -> dict:
    """The ad hoc questions, by the name the table gives them."""
    from kgtool.ask.queries import load_query

    return {f"{path.stem} (ad hoc)": load_query(path, saved=False) for path in sorted(QUESTIONS.glob("*.rq"))}


def _all_queries(project: Path) -> dict:
    return {**_saved_queries(project), **_questions()}


def _median(action, repeat: int) -> float:
    """Median seconds of `repeat` runs after a first one — of 3 when a run takes over a second."""
    first = _timed(action)
    return statistics.median([first] + [_timed(action) for _ in range((repeat if first < 1 else 3) - 1)])


def warm_queries(project: Path, repeat: int, in_memory: bool = False) -> dict[str, float]:
    """Median seconds of each saved query and question in one process: as `kgtool.query`
    answers a saved query (from the answer kept when it was first asked), under NAME,
    and evaluated on the store ("fresh"), under "NAME (fresh)". With `in_memory`, the
    build is opened in memory first (its seconds under "open") and only fresh times are
    taken."""
    from kgtool import open_build
    from kgtool.ask.queries import evaluate, run_query, with_values

    build = open_build(project, in_memory=in_memory)
    medians = {"open": _timed(lambda: build.store)}
    for name, query in _all_queries(project).items():
        text = with_values(query.text, query.bindings(PARAMETERS.get(name)))
        if not in_memory and not query.adhoc:
            medians[name] = _median(lambda: run_query(build, query, PARAMETERS.get(name)), repeat)
        medians[f"{name} (fresh)"] = _median(
            lambda: evaluate(build.store, name, text, use_default_graph_as_union=True), repeat)
    return medians


def bare_build(project: Path, out: Path) -> None:
    """The engines doing a build's work without kgtool around them: pyoxigraph loads each
    input file into its named graph of a store in memory, kgtool's rules run there as
    SPARQL updates, and the store is written to disk by the bulk loader."""
    from pyoxigraph import NamedNode, RdfFormat, Store

    from kgtool.namespaces import INFERRED_GRAPH
    from kgtool.project import Project
    from kgtool.store.reason import materialise

    inputs = Project(project)
    store = Store()
    for path in inputs.input_files():
        store.load(path=str(path), format=RdfFormat.TURTLE, to_graph=NamedNode(str(inputs.graph_name(path))))
    materialise(store, str(INFERRED_GRAPH))
    shutil.rmtree(out, ignore_errors=True)
    Store(str(out)).bulk_extend(store)


def copy_from_disk(project: Path) -> None:
    """How a build was opened in memory before it kept its N-Quads: the store on disk
    copied into memory quad by quad."""
    from pyoxigraph import Store

    Store().bulk_extend(Store.read_only(str(project / "build" / "store")))


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

    from kgtool.check.validate import prepare

    inputs = prepare(root=project, engine="pyshacl")
    data = Graph()
    data += inputs.data  # a plain rdflib graph, as a user would have
    pyshacl.validate(data, shacl_graph=inputs.shapes, inference="none")


def plain_queries(project: Path, repeat: int) -> dict[str, float | None]:
    """rdflib: median seconds of each saved query and question on the build's asserted
    and inferred triples in one in-memory dataset, with the parameters' VALUES block
    kgtool sends to an endpoint; None for a query stopped after PLAIN_QUERY_LIMIT seconds."""
    import signal

    from kgtool import open_build
    from kgtool.ask.queries import with_values

    dataset = open_build(project).dataset()

    def give_up(*_):
        raise TimeoutError

    signal.signal(signal.SIGALRM, give_up)
    medians = {}
    for name, query in _all_queries(project).items():
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
    elif mode == "bare-build":
        bare_build(project, Path(extra[0]))
    elif mode == "copy-from-disk":
        copy_from_disk(project)
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


@dataclass
class Row:
    """One line of the table: kgtool's figure, kgtool's fresh figure where a kept answer
    stands in for an evaluation, and the baseline's, named in the operation."""

    operation: str
    ours: Run
    fresh: Run | None = None
    baseline: Run | None = None


def build_rows(project: Path, timeout: float, workdir: Path) -> list[Row]:
    """A build from scratch beside the bare engines; an update after a plan is added, and
    after it is removed again, beside the build from scratch."""
    full = measure(kgtool(project, "build", "--full"), timeout)
    bare = measure(child("bare-build", project, str(workdir / "bare-store")), timeout)
    shutil.rmtree(workdir / "bare-store", ignore_errors=True)
    plan = sorted((project / "graphs").glob("*-syn.ttl"))[0]
    added = plan.with_name(plan.name.replace("-syn", "-added-syn"))
    added.write_text(plan.read_text(encoding="utf-8").replace(plan.stem, added.stem), encoding="utf-8")
    try:
        update = measure(kgtool(project, "build"), timeout)
    finally:
        added.unlink()
    removal = measure(kgtool(project, "build"), timeout)
    return [Row("build from scratch (baseline: bare engines)", full, None, bare),
            Row("update: one plan added (baseline: from scratch)", update, None, full),
            Row("update: that plan removed (baseline: from scratch)", removal, None, full)]


def query_rows(project: Path, repeat: int, timeout: float, plain: bool) -> list[Row]:
    """Each saved query warm (kept answer; fresh on disk; fresh in memory) and cold."""
    warm = measure(child("warm-queries", project, str(repeat)), 6 * timeout)
    memory = measure(child("memory-queries", project, str(repeat)), 6 * timeout)
    plain_warm = measure(child("plain-queries", project, str(repeat)), 6 * timeout) if plain else None
    warm_medians, memory_medians = _last_json(warm), _last_json(memory)
    plain_medians = _last_json(plain_warm) if plain_warm else {}
    rows = [Row("open the build in memory (baseline: copy from disk)", Run(memory_medians.get("open"), memory.peak_mb),
                None, measure(child("copy-from-disk", project), timeout))]
    for name in _saved_queries(project):
        params = [arg for key, value in PARAMETERS.get(name, {}).items() for arg in ("--param", f"{key}={value}")]
        plain_run = Run(plain_medians.get(name), plain_warm.peak_mb) if plain_warm else None
        rows.append(Row(f"query {name}, warm p50", Run(warm_medians.get(name), warm.peak_mb),
                        Run(warm_medians.get(f"{name} (fresh)"), warm.peak_mb), plain_run))
        rows.append(Row("  the same, in memory", Run(memory_medians.get(f"{name} (fresh)"), memory.peak_mb)))
        rows.append(Row(f"query {name}, cold", *_cold(project, name, params, timeout)))
    for name, query in _questions().items():  # never kept: "kgtool s" is the engine's own time
        plain_run = Run(plain_medians.get(name), plain_warm.peak_mb) if plain_warm else None
        rows.append(Row(f"question {name}, warm p50", Run(warm_medians.get(f"{name} (fresh)"), warm.peak_mb),
                        None, plain_run))
        rows.append(Row("  the same, in memory", Run(memory_medians.get(f"{name} (fresh)"), memory.peak_mb)))
        rows.append(Row(f"question {name}, cold", _cold_runs(project, [str(query.path)], timeout)))
    return rows


def _cold(project: Path, name: str, params: list[str], timeout: float) -> tuple[Run, Run]:
    """`kgtool query NAME` in a fresh process: as answered (the kept answer, made by the
    first run), and fresh (the kept answer removed before each run); medians of 3, or
    of 1 for a run over a second."""
    kept_answer = project / "build" / "answers" / f"{name}.json"
    fresh = _cold_runs(project, [name, *params], timeout, before_each=lambda: kept_answer.unlink(missing_ok=True))
    measure(kgtool(project, "query", name, *params), timeout)  # asked once: now kept, unless given a value
    return _cold_runs(project, [name, *params], timeout), fresh


def _cold_runs(project: Path, query_args: list[str], timeout: float, before_each=lambda: None) -> Run:
    """`kgtool query QUERY_ARGS` in fresh processes: the median of 3, or of 1 over a second."""
    runs = []
    for _ in range(3):
        before_each()
        runs.append(measure(kgtool(project, "query", *query_args), timeout))
        if runs[-1].seconds is None or runs[-1].seconds > 1:
            break
    finished = [run.seconds for run in runs if run.seconds is not None]
    return Run(statistics.median(finished) if finished else None, max(run.peak_mb for run in runs))


def benchmark(size: int, workdir: Path, repeat: int, timeout: float, plain: bool) -> list[Row]:
    """The rows of the table for one size."""
    project = project_for(size, workdir)
    rows = build_rows(project, timeout, workdir)
    if plain:
        rows.append(Row("build (baseline: rdflib + owlrl)", rows[0].ours, None,
                        measure(child("plain-build", project), timeout)))
    rows.append(Row("validate" + (" (baseline: pySHACL)" if plain else ""), measure(kgtool(project, "validate"), timeout),
                    None, measure(child("plain-validate", project), timeout) if plain else None))
    return rows + query_rows(project, repeat, timeout, plain)


def _triples(project: Path) -> int:
    summary = json.loads((project / "build" / "summary.json").read_text(encoding="utf-8"))
    return summary["asserted_triples"]


def _seconds(run: Run | None) -> str:
    if run is None:
        return ""
    return "stopped" if run.seconds is None else f"{run.seconds:.3f}"


def print_table(size: int, project: Path, rows: list[Row], timeout: float) -> None:
    triples = _triples(project)
    files = len(list((project / "graphs").rglob("*.ttl")))
    print(f"\n## {size:,} requested: {triples:,} asserted triples in {files:,} graph files")
    print(f"{'operation':52}{'kgtool s':>10}{'fresh s':>9}{'MB':>7}{'baseline s':>11}{'MB':>7}"
          f"{'baseline/kgtool':>16}{'kgtool s/1M':>12}")
    for row in rows:
        measured = row.fresh if row.fresh is not None and row.fresh.seconds is not None else row.ours
        ratio = ""
        if row.baseline is not None and measured.seconds:
            limit = PLAIN_QUERY_LIMIT if row.operation.startswith(("query", "question")) else timeout
            ratio = (f"> {limit / measured.seconds:.0f}×" if row.baseline.seconds is None
                     else f"{row.baseline.seconds / measured.seconds:.1f}×")
        per_million = f"{measured.seconds / (triples / 1e6):.2f}" if measured.seconds is not None else ""
        print(
            f"{row.operation:52}{_seconds(row.ours):>10}{_seconds(row.fresh):>9}{row.ours.peak_mb:>7.0f}"
            f"{_seconds(row.baseline):>11}{(f'{row.baseline.peak_mb:.0f}' if row.baseline else ''):>7}"
            f"{ratio:>16}{per_million:>12}"
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

    print(f"# kgtool against the bare engines (pyoxigraph {pyoxigraph.__version__}) and the plain stack "
          f"(rdflib {rdflib.__version__} + owlrl + pySHACL {pyshacl.__version__})")
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
