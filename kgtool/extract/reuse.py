"""Text reuse as a fact of the graph: the passages an item repeats word for word
from an item of a national document (kgtool.extract.alignment.find_reuse).

A plan's reuse is recorded with the plan: `kgtool extract` adds it to the draft
graph. The reuse among the curated documents is graphs/derived/text-reuse.ttl,
made by `curated_reuse` and held to it by a test, so it cannot go stale.
"""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF

from ..namespaces import ELI, ICP, ID, PLACE
from ..project import Project, find_project
from ..store.load import parse_turtle
from .alignment import Reuse, find_reuse
from .turtle import Block, write_turtle

REUSE_FILE = Path("graphs") / "derived" / "text-reuse.ttl"


def reuse_node(code: str, item_slug: str, number: int) -> URIRef:
    return ID[f"reuse/{code}/{item_slug}-{number}"]


def add_reuse(graph: Graph, code: str, found: list[Reuse], slugs: dict[str, str]) -> list[URIRef]:
    """Add one icp:TextReuse per passage of `found` (item keys are IRIs; `slugs` gives
    each reusing item's slug); the nodes, in order."""
    nodes, counts = [], {}
    for reuse in found:
        counts[reuse.item] = counts.get(reuse.item, 0) + 1
        node = reuse_node(code, slugs[reuse.item], counts[reuse.item])
        graph.add((node, RDF.type, ICP.TextReuse))
        graph.add((node, ICP.reusingItem, URIRef(reuse.item)))
        graph.add((node, ICP.reusedItem, URIRef(reuse.reused)))
        graph.add((node, ICP.quote, Literal(reuse.passage, lang="zh")))
        graph.add((node, ICP.passageLength, Literal(reuse.length)))
        nodes.append(node)
    return nodes


def national_items_before(graph: Graph, document: URIRef) -> dict[str, str]:
    """The texts of the items of every national document other than `document` and,
    when both print a year, older than it: what a plan can have repeated."""
    year = _year(graph, document)
    found = {}
    for other in graph.subjects(ELI.jurisdiction, PLACE["cn"]):
        if other == document or (year and _year(graph, other) and _year(graph, other) >= year):
            continue
        for item in graph.subjects(ICP.inDocument, other):
            if (item, RDF.type, ICP.Task) in graph:
                found[str(item)] = str(graph.value(item, ICP.text))
    return found


def _year(graph: Graph, document: URIRef) -> str:
    """The first year a document prints: its period's start, its date, its 文号's year."""
    for value in (graph.value(document, ICP.periodStart), graph.value(document, ELI.date_document),
                  graph.value(document, ELI.id_local)):
        match = re.search(r"(\d{4})", str(value or ""))
        if match:
            return match.group(1)
    return ""


def curated_reuse(project: Project) -> Graph:
    """The text reuse of every document graph of the project (but extracted drafts,
    which carry their own) against the national documents before it."""
    documents = Graph()
    for path in project.document_files():
        documents += parse_turtle(path)
    graph = Graph()
    for document in sorted(documents.subjects(RDF.type, ICP.PolicyDocument)):
        if (document, ICP.sourceFile, None) not in documents or _extracted(documents, document):
            continue
        code = str(document).rsplit("/", 1)[-1]
        items = {str(t): str(documents.value(t, ICP.text)) for t in documents.subjects(ICP.inDocument, document)
                 if (t, RDF.type, ICP.Task) in documents}
        slugs = {iri: iri.rsplit("/", 1)[-1] for iri in items}
        add_reuse(graph, code, find_reuse(items, national_items_before(documents, document)), slugs)
    return graph


def _extracted(graph: Graph, document: URIRef) -> bool:
    return graph.value(document, PROV.wasGeneratedBy) is not None




def curated_reuse_turtle(project: Project) -> str:
    """graphs/derived/text-reuse.ttl as it should read for the project's documents now."""
    graph = curated_reuse(project)
    codes = sorted({str(s).split("/")[-2] for s in graph.subjects(RDF.type, ICP.TextReuse)} |
                   {str(o).split("/")[-2] for o in graph.objects(None, ICP.reusedItem)})
    prefixes = {"icp": str(ICP), "rdf": str(RDF)}
    prefixes |= {code: f"{ID}task/{code}/" for code in codes}
    prefixes |= {f"{code}-reuse": f"{ID}reuse/{code}/" for code in codes}
    blocks = [Block(sorted(s for s in graph.subjects(RDF.type, ICP.TextReuse) if f"/reuse/{code}/" in s),
                    f"{code} repeats") for code in codes]
    header = "\n".join([
        "# " + "=" * 77,
        "# icpkg — text reuse among the curated documents (graphs/derived/text-reuse.ttl)",
        "#",
        "# Every passage of 12 or more characters that an item of a curated document repeats",
        "# word for word from an item of a national document before it: a fact about the two",
        "# texts, found by kgtool.extract.alignment.find_reuse (responsibility clauses and two",
        "# formulae every plan prints are not compared). Derived, not curated: regenerate it with",
        "#   python -c \"from kgtool.extract.reuse import write_curated_reuse; write_curated_reuse()\"",
        "# tests/test_extract_reuse.py fails when it differs from what the graphs give now.",
        "# Plans drafted by kgtool extract carry their own reuse in their graphs.",
        "# " + "=" * 77,
    ])
    return write_turtle(graph, prefixes, [b for b in blocks if b.subjects], header,
                        [ICP.reusingItem, ICP.reusedItem, ICP.passageLength, ICP.quote])


def write_curated_reuse(root: Project | Path | str | None = None) -> Path:
    """Write graphs/derived/text-reuse.ttl for the project at `root` (default: the one kgtool finds)."""
    project = find_project(root)
    path = project.root / REUSE_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(curated_reuse_turtle(project), encoding="utf-8")
    return path


__all__ = ["REUSE_FILE", "add_reuse", "curated_reuse", "curated_reuse_turtle", "national_items_before",
           "reuse_node", "write_curated_reuse"]
