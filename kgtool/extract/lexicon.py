"""The vocabularies as the extractor's lexicon: every Chinese label of every concept.

What a word in a plan means — a section titled 保障措施 holds safeguard measures,
工业旅游示范基地 is a carrier type, 工匠精神 an industrial spirit — is read from
the SKOS labels of ontology/vocab/*.ttl, so a new wording is taught by adding a
skos:altLabel there, not by changing code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

from ..namespaces import VOCAB
from ..store.load import parse_turtle


@dataclass(frozen=True)
class Match:
    concept: URIRef
    label: str
    start: int


class Lexicon:
    """The concepts of one scheme and their Chinese labels, longest label first."""

    def __init__(self, graph: Graph, scheme: str):
        scheme_iri = URIRef(str(VOCAB) + scheme)
        self.scheme = scheme
        self.labels: list[tuple[str, URIRef]] = sorted(
            (
                (str(label), concept)
                for concept in graph.subjects(SKOS.inScheme, scheme_iri)
                for prop in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
                for label in graph.objects(concept, prop)
                if getattr(label, "language", None) == "zh"
            ),
            key=lambda pair: (-len(pair[0]), pair[0]),
        )

    def first_in(self, text: str) -> URIRef | None:
        """The concept whose longest label occurs in `text`, or None."""
        return next((concept for label, concept in self.labels if label in text), None)

    def last_in(self, text: str) -> tuple[str, URIRef] | None:
        """The label (and its concept) that ends last in `text`, the longest where two do."""
        found = [(text.rfind(label) + len(label), len(label), label, concept)
                 for label, concept in self.labels if label in text]
        return max(found)[2:] if found else None

    def find_all(self, text: str) -> list[Match]:
        """Every concept a label names in `text`, each once, at its first place; a
        label inside a longer label's match (博物馆 inside 工业博物馆) does not count."""
        taken: list[tuple[int, int]] = []
        found: dict[URIRef, Match] = {}
        for label, concept in self.labels:
            start = text.find(label)
            while start != -1:
                end = start + len(label)
                if not any(s < end and start < e for s, e in taken):
                    taken.append((start, end))
                    if concept not in found or start < found[concept].start:
                        found[concept] = Match(concept, label, start)
                start = text.find(label, end)
        return sorted(found.values(), key=lambda m: m.start)


class Lexicons:
    """The lexicons of a project's vocabularies, read once."""

    def __init__(self, vocab_dir: Path):
        self.vocab_dir = vocab_dir
        self._schemes: dict[str, Lexicon] = {}

    @cached_property
    def graph(self) -> Graph:
        graph = Graph()
        for path in sorted(self.vocab_dir.glob("*.ttl")):
            graph += parse_turtle(path)
        return graph

    def __getitem__(self, scheme: str) -> Lexicon:
        if scheme not in self._schemes:
            self._schemes[scheme] = Lexicon(self.graph, scheme)
        return self._schemes[scheme]
