"""Evaluate a query in a child process, so that a time limit can stop it.

Oxigraph cannot cancel a query it has started (oxigraph issue #1336): a cross
product keeps a core busy until it ends. A thread cannot be stopped either. A
child process can: it opens the build's store read-only (several processes may
read it), evaluates, and writes the answer as SPARQL JSON results; if the time
runs out it is killed, and nothing of it is left.

The child runs `python -P -c WORKER` and imports pyoxigraph only (about 0.05 s
to start, against 0.2 s for kgtool itself); `-P` keeps the working folder off
its path, so a file there cannot stand in for a module.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..errors import QueryError, QueryTimeoutError

# Reads {"store", "query", "union", "graphs"} as JSON on stdin; writes "S" and the
# results as SPARQL TSV (SELECT), "R" and SPARQL JSON (ASK), or "T" and N-Triples
# (CONSTRUCT, DESCRIBE), on stdout — or one line "ErrorType: message" on stderr and exits 1.
WORKER = """
import json, sys
from pyoxigraph import NamedNode, QueryResultsFormat, QuerySolutions, QueryTriples, RdfFormat, Store
job = json.load(sys.stdin)
try:
    store = Store.read_only(job["store"])
    graphs = ({"use_default_graph_as_union": True} if job["union"]
              else {"default_graph": [NamedNode(iri) for iri in job["graphs"]]})
    answer = store.query(job["query"], **graphs)
    triples = isinstance(answer, QueryTriples)
    solutions = isinstance(answer, QuerySolutions)
    sys.stdout.buffer.write(b"T" if triples else b"S" if solutions else b"R")
    answer.serialize(sys.stdout.buffer, RdfFormat.N_TRIPLES if triples
                     else QueryResultsFormat.TSV if solutions else QueryResultsFormat.JSON)
except (SyntaxError, OSError, TypeError, ValueError) as error:
    print(f"{type(error).__name__}: {error}", file=sys.stderr)
    sys.exit(1)
"""


def query_in_child(store_folder: Path, text: str, timeout: float, graphs: list | None = None):
    """The answer of `text` on the store in `store_folder` — pyoxigraph QuerySolutions
    or QueryBoolean, or a list of Triples for CONSTRUCT and DESCRIBE — evaluated in a
    child process that is killed after `timeout` seconds. The default graph is the
    union of the named graphs, or `graphs`."""
    import subprocess  # here: a query answered from the rows a build kept starts no process

    from pyoxigraph import QueryResultsFormat, RdfFormat, parse, parse_query_results

    job = {
        "store": str(store_folder),
        "query": text,
        "union": graphs is None,
        "graphs": [graph.value for graph in graphs or ()],
    }
    child = subprocess.Popen(
        [sys.executable, "-P", "-c", WORKER],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    try:
        answer, errors = child.communicate(json.dumps(job).encode("utf-8"), timeout=timeout)
    except subprocess.TimeoutExpired:
        raise QueryTimeoutError(timeout) from None
    finally:
        if child.poll() is None:  # timed out, or interrupted (Ctrl-C): stop its work
            child.kill()
            child.wait()
    if child.returncode != 0:
        reason = errors.decode("utf-8", "replace").strip().splitlines()
        raise QueryError(reason[-1] if reason else f"the query process ended with exit code {child.returncode}")
    kind, answer = answer[:1], answer[1:]
    if kind == b"T":
        return [quad.triple for quad in parse(answer, format=RdfFormat.N_TRIPLES)]
    # Solutions come as TSV, which keeps every term as N-Triples writes it in two thirds
    # of the bytes of JSON and half its reading time (110,000 rows: 56 MB, 0.4 s);
    # a boolean has no TSV form.
    return parse_query_results(answer, format=QueryResultsFormat.TSV if kind == b"S" else QueryResultsFormat.JSON)
