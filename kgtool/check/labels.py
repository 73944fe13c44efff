"""How a resource is named for people, in Chinese or English: one order for the text
report of `kgtool validate` and for the pages of a release.

A resource is called by the first of these it has:

1. its name in the language asked: skos:prefLabel, then rdfs:label, dcterms:title and
   icp:translation (the project's English rendering of a Chinese title) — the names the
   data states, SKOS's preferred one first, the generic RDFS label before a document's
   title. Where one property gives several, the least: the same data reads the same
   whichever store lists it and in whatever order;
2. its name in the other language — only where one language is printed (the report);
   the pages show each language in its own place, so they never borrow;
3. for a quantified target, which the texts do not name, the words that state it
   (icp:quote);
4. its kind and the end of its IRI: 责任分工表述 10-p1, 重点任务 11;
5. its IRI, shortened: for the project's own, the path after its base, which says of
   what kind and document it is (task/cn-2021-plan/40, an IRI that names nothing in
   the data); for any other, its end.

Kind words — 重点任务 / key task, 责任分工表述 / responsibility clause — are the labels
the vocabularies and the ontology give: an item's task kind (skos:prefLabel), else the
node's class (rdfs:label). They run on inside a name, so in English they start in lower
case.
"""

from __future__ import annotations

import re

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from ..namespaces import BASE, ICP

NAME_PROPERTIES = (SKOS.prefLabel, RDFS.label, DCTERMS.title, ICP.translation)
OTHER_LANGUAGE = {"zh": "en", "en": "zh"}


class Labels:
    """Names the resources of `graph`: an rdflib Graph, or anything whose
    `objects(subject, predicate)` answers as a Graph's does (the pages' index)."""

    def __init__(self, graph):
        self.graph = graph

    def _least(self, node, prop, language: str) -> str | None:
        found = [str(v) for v in self.graph.objects(node, prop) if isinstance(v, Literal) and v.language == language]
        return min(found) if found else None

    def _first(self, node, prop):
        return min(self.graph.objects(node, prop), default=None, key=str)

    def stated(self, node, language: str) -> tuple[str, URIRef] | None:
        """The name the data states for `node` in `language` (step 1) and the property
        that states it, or None."""
        for prop in NAME_PROPERTIES:
            found = self._least(node, prop, language)
            if found is not None:
                return found, prop
        return None

    def name(self, node, language: str) -> str | None:
        """The name the data states for `node` in `language` (step 1), or None."""
        stated = self.stated(node, language)
        return stated[0] if stated else None

    def kind(self, node, language: str) -> str | None:
        """What kind of thing `node` is, in `language`: its task kind's label for an item,
        else its class's label (the first class, by IRI, that has one); None if neither."""
        kinds = [self._first(node, ICP.taskKind)] + sorted(self.graph.objects(node, RDF.type), key=str)
        word = next((w for k in kinds if k is not None and (w := self.name(k, language))), None)
        if word and language == "en" and not word[:2].isupper():
            word = word[0].lower() + word[1:]
        return word

    def label(self, node, language: str, *, borrow: bool = True) -> str:
        """What to call `node` in `language`, by the module's order; with `borrow`,
        its name in the other language before its kind and IRI."""
        if isinstance(node, Literal):
            return str(node)
        found = self.name(node, language)
        if found is None and borrow:
            found = self.name(node, OTHER_LANGUAGE[language])
        if found is None and ICP.Target in self.graph.objects(node, RDF.type):
            found = self._least(node, ICP.quote, "zh")
        if found is not None:
            return found
        kind = self.kind(node, language)
        return f"{kind} {local_name(node)}" if kind else short_iri(node)


def local_name(node) -> str:
    """The end of an IRI: what follows its last / or #."""
    return re.split(r"[/#]", str(node))[-1]


def short_iri(node) -> str:
    """An IRI of the project after its base, which keeps the kind and document
    (task/cn-2021-plan/40); the end of any other IRI."""
    text = str(node)
    for base in (BASE + "id/", BASE):
        if text.startswith(base):
            return text[len(base):]
    return local_name(node)
