"""Write a draft graph as Turtle a person can review: the house layout of graphs/.

Subjects come in the order given, under comment banners, each with its
properties in a fixed order and its values written as the curated files write
them (prefixed names, `\"\"\"…\"\"\"` for a text with line breaks, numbers with
their lexical form kept). rdflib's serializer would sort subjects by IRI and
rewrite decimals, so the writer is our own; what it writes is parsed back and
compared with the graph before it is reported (see `kgtool.extract.write`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

_LOCAL_NAME = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")
_PLAIN_TYPES = {XSD.integer: re.compile(r"^[+-]?\d+$"), XSD.boolean: re.compile(r"^(true|false)$")}


@dataclass
class Block:
    """A run of subjects written together, under an optional banner and comment."""

    subjects: list[URIRef]
    banner: str | None = None
    comments: dict[URIRef, str] = field(default_factory=dict)   # a comment line before a subject


def write_turtle(graph: Graph, prefixes: dict[str, str], blocks: list[Block], header: str,
                 predicate_order: list[URIRef]) -> str:
    """The Turtle text of `graph`: the `header` comment, the prefixes, then the
    `blocks`. Every subject of the graph must be in some block."""
    placed = {s for block in blocks for s in block.subjects}
    missing = {s for s in graph.subjects() if s not in placed}
    if missing:
        raise ValueError(f"subjects not placed in any block: {sorted(missing)[:3]}")
    names = sorted(prefixes.items(), key=lambda item: -len(item[1]))
    rank = {p: i for i, p in enumerate(predicate_order)}
    body = []
    for block in blocks:
        if block.banner:
            body.append("")
            body.append(f"# {block.banner} " + "-" * max(3, 76 - len(block.banner)))
        for subject in block.subjects:
            body.append("")
            if subject in block.comments:
                body += [f"# {line}" for line in block.comments[subject].split("\n")]
            body.append(_subject(graph, subject, names, rank))
    text = "\n".join(body)
    used = [p for p in prefixes if re.search(rf"(?<![\w-]){re.escape(p)}:", text)]  # only the prefixes written
    width = max((len(p) for p in used), default=0) + 2
    head = [header.rstrip("\n") + "\n"] + [f"@prefix {(p + ':').ljust(width)} <{prefixes[p]}> ." for p in used]
    return "\n".join(head) + "\n" + text + "\n"


def _subject(graph: Graph, subject: URIRef, names, rank) -> str:
    predicates = sorted(set(graph.predicates(subject)), key=lambda p: (p != RDF.type, rank.get(p, len(rank)), str(p)))
    lines = []
    for predicate in predicates:
        values = sorted(graph.objects(subject, predicate), key=_sort_key)
        written = " , ".join(_term(v, names) for v in values)
        verb = "a" if predicate == RDF.type else _term(predicate, names)
        lines.append(f"{verb} {written}")
    return _term(subject, names) + " " + " ;\n    ".join(lines) + " ."


def _sort_key(term) -> tuple:
    # Numbers in their order, everything else as text, for output that is the same every run.
    if isinstance(term, Literal) and term.datatype in (XSD.integer, XSD.decimal):
        return (0, float(term), str(term))
    return (1, 0.0, str(term))


def _term(term, names) -> str:
    if isinstance(term, BNode):
        raise ValueError("a draft graph names every resource; no blank nodes")
    if isinstance(term, URIRef):
        for prefix, namespace in names:
            if term.startswith(namespace) and _LOCAL_NAME.match(term[len(namespace):]):
                return f"{prefix}:{term[len(namespace):]}"
        return f"<{term}>"
    return _literal(term, names)


def _literal(literal: Literal, names) -> str:
    text = str(literal)
    if literal.datatype in _PLAIN_TYPES and _PLAIN_TYPES[literal.datatype].match(text):
        return text
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "\\r").replace("\t", "\\t")
    quoted = f'"""{escaped.replace(chr(10), chr(92) + "n")}"""' if "\n" in text else f'"{escaped}"'
    if literal.language:
        return f"{quoted}@{literal.language}"
    if literal.datatype and literal.datatype != XSD.string:
        return f"{quoted}^^{_term(literal.datatype, names)}"
    return quoted
