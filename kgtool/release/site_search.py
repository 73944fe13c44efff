"""`site_search`: what the search box on the release's index page finds.

At publish time every document, numbered item, agency and generic actor, programme,
named carrier, heritage site and list, and vocabulary concept that has a page becomes
one record: its path, its kind, its names in Chinese and English, other names (the forms
the texts print, a 文号, a site's address) and its text (an item's or programme's words,
the words that name a carrier). The page's script (kgtool/static/search.js) indexes the
records in the browser with MiniSearch, vendored as kgtool/static/minisearch.js.

The records are JSON written as one assignment in `search-index.js`, read by a <script>
element: browsers refuse fetch() of a file beside a page opened from file://, and the
release must work from disk as well as from a web server.
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import TYPE_CHECKING

from rdflib import URIRef
from rdflib.namespace import RDF, SKOS

from ..namespaces import ELI, ICP

if TYPE_CHECKING:  # kgtool.release.site imports this module; the names are only for the types
    from .site import Site

SEARCH_INDEX = "search-index.js"
# The index page's scripts, in the order it loads them; all but the index are copied
# from kgtool/static.
SEARCH_SCRIPTS = ("minisearch.js", SEARCH_INDEX, "search.js")

# What a result says it is, in the order the kinds are tried on a resource's types.
KINDS = {
    "document": ("文件", "document"),
    "heritage-list": ("国家工业遗产名单", "heritage list"),
    "item": ("条目", "item"),
    "agency": ("机构", "agency"),
    "actor": ("泛指主体", "generic actor"),
    "programme": ("专栏 / 工程", "programme"),
    "heritage-site": ("国家工业遗产", "heritage site"),
    "carrier": ("具名载体", "named carrier"),
    "concept": ("词表概念", "vocabulary concept"),
}
CLASS_KINDS = (
    (ICP.PolicyDocument, "document"),
    (ICP.HeritageList, "heritage-list"),
    (ICP.Task, "item"),
    (ICP.Agency, "agency"),
    (ICP.GenericActor, "actor"),
    (ICP.Programme, "programme"),
    (ICP.Carrier, "carrier"),
    (SKOS.Concept, "concept"),
)
# Where a result stands, shown after its name: a site's province, an item's document,
# a body's jurisdiction, a concept's scheme.
CONTEXT_PROPERTIES = (ICP.province, ICP.inDocument, ICP.namedIn, ICP.jurisdiction, SKOS.inScheme)
OTHER_NAMES = (SKOS.altLabel, ELI.id_local, ICP.address)
TEXTS = (ICP.text, ICP.quote)


def search_kind(site: Site, node) -> str | None:
    """The kind a resource is listed under in the search, or None if it is not searched."""
    types = site.facts.objects(node, RDF.type)
    kind = next((kind for cls, kind in CLASS_KINDS if cls in types), None)
    if kind == "carrier" and site.facts.subjects(ICP.designatedSite, node):
        return "heritage-site"
    return kind


def search_records(site: Site) -> list[dict]:
    """One record per searched resource with a page, sorted by path."""
    records = []
    for node, path in sorted(site.paths.items(), key=lambda pair: pair[1]):
        kind = search_kind(site, node)
        if kind is not None:
            records.append(_record(site, node, path, kind))
    return [{"id": number, **record} for number, record in enumerate(records)]


def _record(site: Site, node: URIRef, path: str, kind: str) -> dict:
    facts = site.facts
    context = next((value for prop in CONTEXT_PROPERTIES if (value := facts.value(node, prop)) is not None), None)
    return {
        "path": path,
        "kind": kind,
        "zh": site.heading(node),
        "en": site.en(node),
        "context": site.zh(context) if context is not None else "",
        "names": " ".join(str(value) for prop in OTHER_NAMES for value in facts.objects(node, prop)),
        "text": " ".join(str(value) for prop in TEXTS for value in facts.objects(node, prop)),
    }


def search_index_script(records: list[dict]) -> str:
    """search-index.js: the kinds' names and the records, as JSON in one assignment."""
    data = {"kinds": KINDS, "records": records}
    return "window.icpkgSearch = " + json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + ";\n"


def search_files(site: Site) -> dict[str, bytes]:
    """Every file the search needs, by its path in the release: the index and the scripts."""
    written = {SEARCH_INDEX: search_index_script(search_records(site)).encode("utf-8")}
    for name in SEARCH_SCRIPTS:
        if name != SEARCH_INDEX:
            written[name] = (files("kgtool") / "static" / name).read_bytes()
    return written
