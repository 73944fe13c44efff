"""How long validating one provincial plan takes: kgtool against plain pySHACL with inference.

Times, in one run and on the same files and shapes:
  * `kgtool validate PLAN` as a fresh process (what a plan analyst waits for);
  * kgtool's validation inside a warm Python process, with its default engine
    (pyshacl-turbo) and with the reference (`--engine pyshacl`);
  * plain pySHACL with RDFS inference and with OWL RL inference — what a user would
    combine by hand from the packages the project names, on the same data graph
    (ontology, vocabularies, registry, national plan, the plan) and shapes graph.
and prints medians and each one's ratio to kgtool's warm time.

    python benchmarks/validate.py                       # Guangdong's plan, 3 runs each
    python benchmarks/validate.py --plan graphs/js-task-table.ttl --repeat 5
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

from rdflib import Graph

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kgtool.check.validate import prepare, validate  # noqa: E402


def median_seconds(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def cold_cli(plan: Path) -> None:
    kgtool = Path(sys.executable).parent / "kgtool"
    subprocess.run([str(kgtool), "--root", str(REPO), "validate", str(plan)], capture_output=True, check=False)


def plain_pyshacl(plan: Path, inference: str):
    import pyshacl

    inputs = prepare([plan], root=REPO, engine="pyshacl")
    data = Graph()
    data += inputs.data  # a plain rdflib graph, as a user would have
    return lambda: pyshacl.validate(data, shacl_graph=inputs.shapes, inference=inference)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plan", type=Path, default=REPO / "graphs" / "gd-2023-plan.ttl")
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()

    for engine in ("turbo", "pyshacl"):
        validate([options.plan], root=REPO, engine=engine)  # warm imports and caches once
    rows = [
        ("kgtool validate, warm process", median_seconds(lambda: validate([options.plan], root=REPO), options.repeat)),
        ("kgtool validate, cold process", median_seconds(lambda: cold_cli(options.plan), options.repeat)),
        ("kgtool --engine pyshacl, warm", median_seconds(lambda: validate([options.plan], root=REPO, engine="pyshacl"),
                                                         options.repeat)),
        ("pySHACL, inference rdfs", median_seconds(plain_pyshacl(options.plan, "rdfs"), options.repeat)),
        ("pySHACL, inference owlrl", median_seconds(plain_pyshacl(options.plan, "owlrl"), options.repeat)),
    ]
    baseline = rows[0][1]
    print(f"validating {options.plan.relative_to(REPO)}: {len(prepare([options.plan], root=REPO).data):,} triples; "
          f"median of {options.repeat}; {platform.processor() or platform.machine()}, "
          f"{platform.python_implementation()} {platform.python_version()}")
    print(f"{'':32}{'seconds':>9}{'× kgtool warm':>15}")
    for name, seconds in rows:
        print(f"{name:32}{seconds:>9.2f}{seconds / baseline:>15.1f}")


if __name__ == "__main__":
    main()
