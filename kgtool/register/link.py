"""Which named carriers of the plans are sites of the register: the same name in the same province.

A plan names a carrier in its own words (广东工业博物馆, 汉阳铁厂); the register
names a site by its approved and its applied-for name. A carrier is taken to be a
site when, set aside spaces and punctuation, one name equals the other or holds it
whole (four characters at least), and the carrier lies in the site's province: its
dcterms:spatial place or, where it has none, its document's jurisdiction, a national
plan's carriers lying anywhere. The match is a reading, not a statement of either
text, so it is written as icp:registerSite (basis interpreted) to
graphs/derived/heritage-matches.ttl, with the names that matched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from ..namespaces import ICP
from .graph import DCTERMS, ELI, PLACE

_SET_ASIDE = re.compile(r"[\s\-‐‑–—－、，,。·“”\"'《》〈〉（）()【】]")
SHORTEST_HELD_NAME = 4


@dataclass(frozen=True)
class Match:
    carrier: URIRef
    site: URIRef
    carrier_name: str
    site_name: str


def _key(name: str) -> str:
    return _SET_ASIDE.sub("", name)


def _names(graph: Graph, subject: URIRef) -> list[str]:
    return [str(label) for p in (SKOS.prefLabel, SKOS.altLabel) for label in graph.objects(subject, p)
            if getattr(label, "language", None) == "zh"]


def _province(graph: Graph, place: URIRef | None) -> URIRef | None:
    """The province a place lies in (itself for a province); None for the country or unknown."""
    seen = set()
    while place is not None and place not in seen and place != PLACE.cn:
        seen.add(place)
        above = graph.value(place, ICP.withinJurisdiction)
        if above == PLACE.cn:
            return place
        place = above
    return None


def _same_name(a: str, b: str) -> bool:
    a, b = _key(a), _key(b)
    shorter, longer = sorted((a, b), key=len)
    return a == b or (len(shorter) >= SHORTEST_HELD_NAME and shorter in longer)


def match_carriers(graph: Graph) -> list[Match]:
    """Every (plan carrier, register site) pair of `graph` — the plans, the register and the
    places together — that shares a name and a province, in IRI order."""
    sites = sorted(set(graph.objects(None, ICP.designatedSite)))
    carriers = sorted(set(graph.subjects(RDF.type, ICP.Carrier)) - set(sites))
    matches = []
    for carrier in carriers:
        place = graph.value(carrier, DCTERMS.spatial) or _jurisdiction(graph, carrier)
        province = _province(graph, place)
        for site in sites:
            if province is not None and graph.value(site, ICP.province) != province:
                continue
            pair = next(((c, s) for c in _names(graph, carrier) for s in _names(graph, site) if _same_name(c, s)), None)
            if pair:
                matches.append(Match(carrier, site, *pair))
    return matches


def _jurisdiction(graph: Graph, carrier: URIRef) -> URIRef | None:
    document = graph.value(carrier, ICP.namedIn)
    return graph.value(document, ELI.jurisdiction) if document is not None else None


def matches_graph(matches: list[Match]) -> Graph:
    graph = Graph()
    for match in matches:
        graph.add((match.carrier, ICP.registerSite, match.site))
    return graph


def describe(match: Match) -> str:
    """The comment the derived file writes above a match: the names that matched."""
    return f"「{match.carrier_name}」 = 「{match.site_name}」"

