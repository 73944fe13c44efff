"""The framework a provincial plan is measured against: the national plan in force, as
the data states it. `kgtool validate` and the release's coverage matrix take it where
no other is named."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef

from ..errors import ProjectError
from ..files import read_bytes
from ..namespaces import DOC, ELI, ICP, PLACE, VOCAB
from ..project import Project
from ..store.load import rdflib_term, read_quads


def national_plan_in_force(graph) -> URIRef | None:
    """The national plan in force as `graph` states it: of the final documents for the
    whole country (eli:jurisdiction place:cn, icp:status final) that have a plan period,
    the one whose period starts last, since a later plan supersedes an earlier one.
    `graph` is an rdflib Graph, or anything that answers `subjects(p, o)` and
    `value(s, p)` as one does. The period is not compared with today's date, so the same
    data names the same plan on any day."""
    plans = [
        (str(start), str(document))
        for document in graph.subjects(ELI.jurisdiction, PLACE["cn"])
        if graph.value(document, ICP.status) == VOCAB["document-status/final"]
        and (start := graph.value(document, ICP.periodStart)) is not None
    ]
    return URIRef(max(plans)[1]) if plans else None


# What national_plan_in_force reads of each document.
_IN_FORCE_PROPERTIES = {str(p) for p in (ELI.jurisdiction, ICP.status, ICP.periodStart)}
# How a Turtle file writes the country's IRI, …/id/place/cn: in full (`/cn>`) or as a
# prefixed name (`place:cn` before a space or a statement's punctuation). A document file
# without it states no national plan, and is not parsed: at a million triples, parsing
# every provincial plan to find the national one took 5 s of a validation.
_NAMES_THE_COUNTRY = re.compile(rb"[:/]cn[\s;,.>]")


@dataclass(frozen=True)
class NationalPlans:
    """The project's document files that state a national document, and the code of the
    national plan in force among them (None if none is)."""

    files: list[Path]
    in_force: str | None


def national_plans(project: Project) -> NationalPlans:
    """The national documents among the project's document graphs, read with Oxigraph's
    parser keeping only what the choice needs: checking one plan should not wait for
    rdflib to parse every other."""
    facts, files = Graph(), []
    for path in project.document_files():
        if not _NAMES_THE_COUNTRY.search(read_bytes(path)):
            continue
        triples = [
            (rdflib_term(quad.subject), rdflib_term(quad.predicate), rdflib_term(quad.object))
            for quad in read_quads(path, path.as_uri(), default_graph=True)
            if quad.predicate.value in _IN_FORCE_PROPERTIES
        ]
        if any(p == ELI.jurisdiction and o == PLACE["cn"] for _, p, o in triples):
            files.append(path)
        facts += triples
    plan = national_plan_in_force(facts)
    return NationalPlans(files, str(plan).removeprefix(str(DOC)) if plan is not None else None)


def framework_in_force(project: Project, plans: NationalPlans | None = None) -> str:
    """The code of the national plan in force among the project's document graphs: the
    framework plans are measured against unless another is named. Raises ProjectError
    when there is none."""
    plans = plans or national_plans(project)
    if plans.in_force is None:
        raise ProjectError(
            f"no document graph in {project.root / 'graphs'} is a final national plan with a plan period "
            "(eli:jurisdiction place:cn, icp:status final, icp:periodStart); name the framework with --framework CODE"
        )
    return plans.in_force
