"""What the dataset says of itself, and how a release is cited.

The descriptive metadata — titles, abstract, licence, publisher, contact point,
keywords, themes, example resources, what each dump holds — is data, in
kgtool/data/dataset.ttl; `kgtool publish` adds the figures it computes. A release
is cited in the same words everywhere: on every page, as the dataset's
dcterms:bibliographicCitation in void.ttl, and in the release's copy of the
repository's CITATION.cff, whose version and date are the release's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, FOAF

from ..namespaces import BASE

DATASET = URIRef(BASE + "dataset")
METADATA_FILE = "dataset.ttl"
CITATION_FILE = "CITATION.cff"


def metadata_file():
    """kgtool/data/dataset.ttl, where the dataset's description is written."""
    return files("kgtool") / "data" / METADATA_FILE


def dataset_metadata() -> Graph:
    """The dataset's description as kgtool/data/dataset.ttl states it."""
    return Graph().parse(data=metadata_file().read_text(encoding="utf-8"), format="turtle")


@dataclass(frozen=True)
class Citation:
    """How to cite one release: who made it, its title, version, IRI and release date."""

    authors: str
    title: str
    version: str
    iri: str
    issued: str | None = None

    @property
    def text(self) -> str:
        """The reference in one line, as a bibliography lists a data set."""
        year = f" ({self.issued[:4]})" if self.issued else ""
        released = f", released {self.issued}" if self.issued else ""
        return f"{self.authors}{year}. {self.title} (version {self.version}{released}) [Data set]. {self.iri}"


def citation(metadata: Graph, version: str, issued: str | None = None) -> Citation:
    """The citation of a release of the dataset `metadata` describes: its creator's
    name, its Chinese and English titles, the IRI of the dataset."""
    creator = metadata.value(DATASET, DCTERMS.creator)
    titles = {title.language: str(title) for title in metadata.objects(DATASET, DCTERMS.title)}
    return Citation(
        authors=str(metadata.value(creator, FOAF.name)),
        title=f"{titles['zh']} {titles['en']}",
        version=version,
        iri=str(DATASET),
        issued=issued,
    )


def released_citation_file(text: str, version: str, issued: str | None = None) -> str:
    """The repository's CITATION.cff as a release carries it: its top-level `version`
    (and `date-released`, when the release states a date) set to the release's,
    every other line as written."""
    text = _set_key(text, "version", version)
    return _set_key(text, "date-released", issued) if issued else text


def _set_key(text: str, key: str, value: str) -> str:
    # A top-level key of the YAML file starts its line; quoted, the value stays a string.
    line = f'{key}: "{value}"'
    pattern = re.compile(rf"^{re.escape(key)}:.*$", re.MULTILINE)
    if pattern.search(text):
        return pattern.sub(line, text, count=1)
    return text.rstrip("\n") + "\n" + line + "\n"
