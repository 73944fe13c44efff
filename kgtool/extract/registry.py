"""Resolve the names the texts use for bodies to actors of the registry.

A name is looked up among the preferred and alternative labels of the actors
of one jurisdiction and the places within it (a provincial plan may name a body
of one of its cities), then of the national level (it may name a national
body). Within a province a label must identify one actor; the registry's tests
hold it to that.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from ..errors import UnknownActorError
from ..namespaces import ICP, PLACE

NATIONAL = PLACE["cn"]

# How a body's name ends: any name a clause lists (厅 局 委 部 会 办 … 部门 单位 组织 机构), and
# the narrower set an issuing body printed one a line ends with (a notice's header, its signatures).
BODY_ENDING = r"(?:厅|局|委|部|会|办|府|室|院|司|团|社|联|中心|门|位|处|组|织|构|区|馆|所|行|站|台)"
ISSUER_ENDING = r"(?:厅|局|委员会|委|部|总工会|工会|办公室|政府|联合会|中心)"
# Separators of a list of bodies in a clause: 、 ， , ； 及 ("A及B") and 会同 ("A会同B负责").
_NAME_SEPARATORS = re.compile(r"[、，,；;]|及|会同")


@dataclass(frozen=True)
class Actor:
    iri: URIRef
    name: str
    jurisdiction: URIRef
    generic: bool


class Registry:
    """The actors of a graph, indexed by jurisdiction and every zh label."""

    def __init__(self, graph: Graph):
        self.actors: dict[URIRef, Actor] = {}
        self._by_label: dict[tuple[URIRef, str], set[URIRef]] = defaultdict(set)
        self._inside: dict[URIRef, set[URIRef]] = defaultdict(set)
        for place, container in graph.subject_objects(ICP.withinJurisdiction):
            self._inside[container].add(place)
        for cls, generic in ((ICP.Agency, False), (ICP.GenericActor, True)):
            for iri in graph.subjects(RDF.type, cls, unique=True):
                self._index(graph, iri, generic)

    def _index(self, graph: Graph, iri: URIRef, generic: bool) -> None:
        jurisdiction = graph.value(iri, ICP.jurisdiction)
        labels = [
            str(label)
            for prop in (SKOS.prefLabel, SKOS.altLabel)
            for label in graph.objects(iri, prop)
            if getattr(label, "language", None) == "zh"
        ]
        name = next((str(l) for l in graph.objects(iri, SKOS.prefLabel) if l.language == "zh"), str(iri))
        self.actors[iri] = Actor(iri, name, jurisdiction, generic)
        for label in labels:
            self._by_label[(jurisdiction, label)].add(iri)

    def places_within(self, jurisdiction: URIRef) -> set[URIRef]:
        """The jurisdiction and every place inside it, at any depth."""
        found, todo = set(), [jurisdiction]
        while todo:
            place = todo.pop()
            if place not in found:
                found.add(place)
                todo.extend(self._inside.get(place, ()))
        return found

    def labelled(self, name: str, places: set[URIRef]) -> set[URIRef]:
        return {actor for place in places for actor in self._by_label.get((place, name), ())}

    def candidates(self, name: str, jurisdiction: URIRef) -> set[URIRef]:
        """Every actor a name can mean: in `jurisdiction` or a place within it if any,
        else at national level."""
        name = name.strip()
        if jurisdiction == NATIONAL:
            return self.labelled(name, {NATIONAL})
        return self.labelled(name, self.places_within(jurisdiction)) or self.labelled(name, {NATIONAL})

    def resolve(self, name: str, jurisdiction: URIRef) -> Actor:
        """The one actor `name` denotes in `jurisdiction`, or UnknownActorError."""
        found = self.candidates(name, jurisdiction)
        if len(found) != 1:
            problem = "no actor" if not found else f"{len(found)} actors ({', '.join(sorted(found))})"
            raise UnknownActorError(
                f"“{name}” matches {problem} of {jurisdiction} in the registry; "
                "add the form as a skos:altLabel of the right actor in graphs/agencies.ttl"
            )
        return self.actors[found.pop()]


def split_names(names: str) -> list[str]:
    """The names of a list such as “省发展改革委、教育厅、工业和信息化厅”, in order;
    a separator inside brackets is part of a name (各县（市、区）政府).

    >>> split_names("市工信局、各县（市、区）政府及市文广旅局")
    ['市工信局', '各县（市、区）政府', '市文广旅局']
    """
    parts, depth, start = [], 0, 0
    for match in re.finditer(r"[（(]|[）)]|" + _NAME_SEPARATORS.pattern, names):
        token = match.group()
        if token in "（(":
            depth += 1
        elif token in "）)":
            depth = max(0, depth - 1)
        elif depth == 0:
            parts.append(names[start:match.start()])
            start = match.end()
    parts.append(names[start:])
    return [part.strip() for part in parts if part.strip()]
