"""How long a cold `kgtool query` takes, against a bare `python -c "import rdflib"`, in one run.

On a built copy of the repository (seed scale), `kgtool query heritage-lead-agencies`
is answered from the rows kept for it: its cost is Python's start-up, kgtool's
imports, reading the query's header and one JSON file, and printing. The yardstick is
the import of rdflib alone, which a `kgtool query` that loads nothing it does not use
should not exceed (issue 22).

Each command runs in a fresh process, output to /dev/null, the commands alternating
(--repeat times each) so that a busy machine slows them alike; it prints the median
seconds of each and its ratio to the import of rdflib. A first round, untimed, has
the answer kept and the bytecode written: bytecode is cached as an installed
package's is (under a temporary PYTHONPYCACHEPREFIX), so no command pays for
compiling sources on every run, as it would where PYTHONDONTWRITEBYTECODE is set.

With --baseline DIR, `kgtool query` with DIR first on PYTHONPATH (a folder holding
another version's `kgtool` package) alternates with them too, on a copy built by
that version: a change measured before and after in the same run.

    python benchmarks/cold_start.py
    python benchmarks/cold_start.py --repeat 30
    mkdir /tmp/before && git archive HEAD kgtool | tar -x -C /tmp/before
    python benchmarks/cold_start.py --baseline /tmp/before
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
QUERY = "heritage-lead-agencies"


def built_copy(destination: Path, env: dict[str, str]) -> Path:
    """A copy of the repository's inputs, built by the kgtool that `env` runs."""
    for folder in ("ontology", "graphs", "queries"):
        shutil.copytree(REPO / folder, destination / folder)
    subprocess.run([*kgtool_command(), "--root", str(destination), "--quiet", "build"],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    return destination


def kgtool_command() -> list[str]:
    """The installed `kgtool` script of this Python, as a user runs it."""
    script = Path(sys.executable).with_name("kgtool")
    if not script.is_file():
        sys.exit(f"no kgtool script beside {sys.executable}; install the package (pip install -e .)")
    return [str(script)]


def seconds(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def query_command(root: Path) -> list[str]:
    return [*kgtool_command(), "--root", str(root), "query", QUERY]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="Runs of each command (default 15).")
    parser.add_argument("--baseline", type=Path, metavar="DIR",
                        help="Also time `kgtool query` with DIR first on PYTHONPATH (another version of the package).")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        env = {**os.environ, "PYTHONPYCACHEPREFIX": str(scratch / "bytecode")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        commands = {
            "import rdflib": ([sys.executable, "-c", "import rdflib"], env),
            f"kgtool query {QUERY}": (query_command(built_copy(scratch / "project", env)), env),
        }
        if args.baseline:
            paths = [str(args.baseline.resolve()), *filter(None, [env.get("PYTHONPATH")])]
            baseline_env = {**env, "PYTHONPATH": os.pathsep.join(paths)}
            commands[f"kgtool query {QUERY} (baseline)"] = (
                query_command(built_copy(scratch / "baseline", baseline_env)), baseline_env)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for run in range(args.repeat + 1):
            for name, (command, command_env) in commands.items():
                elapsed = seconds(command, command_env)
                if run:  # the first round keeps the answer and writes the bytecode
                    times[name].append(elapsed)

    medians = {name: statistics.median(values) for name, values in times.items()}
    yardstick = medians["import rdflib"]
    print(f"Python {sys.version.split()[0]}; median of {args.repeat} fresh processes each, alternating")
    width = max(map(len, medians))
    for name, median in medians.items():
        print(f"  {name:<{width}}  {median:6.3f} s  {median / yardstick:5.2f}× import rdflib")


if __name__ == "__main__":
    main()
