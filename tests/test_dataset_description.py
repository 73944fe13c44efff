"""The release's description (void.ttl) is a DCAT-AP 3 description a European data
portal accepts: checked with pySHACL against a pinned copy of the DCAT-AP 3.0.0 SHACL
shapes (tests/fixtures/dcat-ap/, README there), with every recommended property the
data can honestly fill filled, computed from the data where the data says it, and
the rest read from kgtool/data/dataset.ttl."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

import pytest
from click.testing import CliRunner
from pyshacl import validate
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, SH, VOID

from kgtool.cli import main
from kgtool.release.metadata import DATASET, dataset_metadata
from kgtool.namespaces import GRAPH
from kgtool.release.publish import INFERRED_DUMP, Dump, Release, describe

from helpers import FIXTURES

SHAPES = FIXTURES / "dcat-ap"
# The profile's shapes: its constraints (ranges included) and its recommendations.
PROFILE = ("dcat-ap-SHACL.ttl", "shapes_recommended.ttl", "deprecateduris.ttl")
CONTROLLED_VOCABULARIES = ("mdr-vocabularies.shape.ttl",)

DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCATAP = Namespace("http://data.europa.eu/r5r/")
SPDX = Namespace("http://spdx.org/rdf/terms#")
# A plain namespace: rdflib's closed XSD warns when pytest inspects the module.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
PLACE = Namespace("https://w3id.org/icpkg/id/place/")
CHINA = URIRef("http://publications.europa.eu/resource/authority/country/CHN")
KGTOOL = URIRef("https://w3id.org/icpkg/kgtool")
OWLRL = URIRef("https://github.com/RDFLib/OWL-RL")


@dataclass(frozen=True)
class Result:
    severity: URIRef
    path: URIRef | None
    focus: URIRef
    value: URIRef | Literal | None


def _results(description: Graph, shape_files: tuple[str, ...], inference: str = "rdfs") -> list[Result]:
    """The top-level results of validating `description` against the named shape files."""
    shapes = Graph()
    for name in shape_files:
        shapes.parse(SHAPES / name)
    _, report, _ = validate(description, shacl_graph=shapes, inference=inference, allow_warnings=True)
    return [
        Result(report.value(r, SH.resultSeverity), report.value(r, SH.resultPath),
               report.value(r, SH.focusNode), report.value(r, SH.value))
        for r in report.objects(None, SH.result)
    ]


def _of(results: list[Result], severity: URIRef) -> list[Result]:
    return [result for result in results if result.severity == severity]


@pytest.fixture(scope="module")
def description(dated_release) -> Graph:
    return Graph().parse(dated_release.path / "void.ttl")


def test_the_description_has_no_violation_of_dcat_ap_3(description):
    # With RDFS entailment, under which every IRI is an rdfs:Resource: the 3.0.0 shapes ask
    # dcat:accessURL and dcat:downloadURL values to have that class (SEMICeu/DCAT-AP#412,
    # fixed in 3.0.1 by asking for an IRI instead).
    results = _results(description, PROFILE)
    assert _of(results, SH.Violation) == []
    # What stays a recommendation not followed, because the data cannot honestly say it:
    # whether each file will stay available (a publisher's promise), the kind of body the
    # contributors are (no ADMS publisher type fits a group of contributors), and bounding
    # boxes and centroids of the country and provinces.
    warnings = Counter(result.path for result in _of(results, SH.Warning))
    assert warnings == {DCATAP.availability: 6, DCTERMS.type: 1, DCAT.bbox: 5, DCAT.centroid: 5}


def test_without_entailment_only_the_url_class_of_dcat_ap_3_0_0_is_not_met(description):
    violations = _of(_results(description, PROFILE, inference="none"), SH.Violation)
    assert {result.path for result in violations} == {DCAT.accessURL, DCAT.downloadURL}
    assert len(violations) == 12  # six distributions, two URLs each


def test_controlled_values_come_from_the_eu_vocabularies(description):
    results = _results(description, CONTROLLED_VOCABULARIES)
    # File types and themes are the EU authority's, media types IANA's. The one violation
    # is the shapes': they want the checksum algorithm to start with https://spdx.org/rdf/terms,
    # but SPDX's term is http://spdx.org/rdf/terms#checksumAlgorithm_sha256 (3.0.1 too).
    violations = _of(results, SH.Violation)
    assert {(result.path, result.value) for result in violations} == {
        (SPDX.algorithm, SPDX.checksumAlgorithm_sha256)}
    assert len(violations) == 6
    # The publisher is not an EU body, and the provinces are the project's places, not the
    # EU's; China is there as the EU's country too.
    warnings = {(result.path, result.value) for result in _of(results, SH.Warning)}
    assert warnings == {
        (DCTERMS.publisher, URIRef("https://w3id.org/icpkg/dataset/publisher")),
        *((DCTERMS.spatial, PLACE[code]) for code in ("cn", "gd", "fj", "js")),
    }


def test_the_coverage_is_the_plans_places_and_periods(description):
    # graphs/*.ttl: the national documents are for place:cn, the plans for 广东 (gd), 福建 (fj)
    # and 江苏 (js); the periods printed are 2021–2025 (national plan) and 2026—2028 (福建).
    assert set(description.objects(DATASET, DCTERMS.spatial)) == {CHINA, PLACE.cn, PLACE.gd, PLACE.fj, PLACE.js}
    period = description.value(DATASET, DCTERMS.temporal)
    assert description.value(period, DCAT.startDate) == Literal("2021", datatype=XSD.gYear)
    assert description.value(period, DCAT.endDate) == Literal("2028", datatype=XSD.gYear)


def test_each_distribution_has_format_licence_and_a_typed_checksum(description):
    distributions = list(description.objects(DATASET, DCAT.distribution))
    assert len(distributions) == 6
    formats = {}
    for distribution in distributions:
        url = description.value(distribution, DCAT.downloadURL)
        assert description.value(distribution, DCAT.accessURL) == url
        assert description.value(distribution, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
        checksum = description.value(distribution, SPDX.checksum)
        assert (checksum, RDF.type, SPDX.Checksum) in description
        assert description.value(checksum, SPDX.algorithm) == SPDX.checksumAlgorithm_sha256
        formats[str(url).rsplit("/", 1)[1]] = (
            str(description.value(distribution, DCTERMS["format"])).rsplit("/", 1)[1],
            str(description.value(distribution, DCAT.mediaType)).removeprefix("https://www.iana.org/assignments/media-types/"),
        )
    assert formats == {
        "icpkg.ttl": ("RDF_TURTLE", "text/turtle"),
        "icpkg.nt.gz": ("RDF_N_TRIPLES", "application/n-triples"),
        "icpkg.nq.gz": ("RDF_N_QUADS", "application/n-quads"),
        "icpkg.trig": ("RDF_TRIG", "application/trig"),
        "icpkg.jsonld": ("JSON_LD", "application/ld+json"),
        "icpkg-inferred.nq.gz": ("RDF_N_QUADS", "application/n-quads"),
    }


def test_what_dataset_ttl_states_is_in_the_description(description):
    # The titles, abstract, licence, publisher, contact point, keywords and themes are data
    # (kgtool/data/dataset.ttl), not code: all of it reaches void.ttl as written.
    metadata = dataset_metadata()
    assert len(metadata) > 40
    assert set(metadata) - set(description) == set()
    assert {k.language for k in description.objects(DATASET, DCAT.keyword)} == {"zh", "en"}


def test_the_inferred_dump_names_the_reasoner_the_build_ran(description, repository_build):
    assert repository_build.summary["reasoner"] == {"name": "rules", "version": "0.1.0"}
    inferred = URIRef(f"{DATASET}/distribution/icpkg-inferred.nq.gz")
    reasoning = description.value(inferred, PROV.wasGeneratedBy)
    assert (reasoning, RDF.type, PROV.Activity) in description
    assert description.value(reasoning, PROV.wasAssociatedWith) == KGTOOL
    assert description.value(URIRef(f"{DATASET}/graph/inferred"), PROV.wasGeneratedBy) == reasoning
    # The release as a whole was made by kgtool publish, an activity as DCAT-AP asks.
    publication = description.value(DATASET, PROV.wasGeneratedBy)
    assert (publication, RDF.type, PROV.Activity) in description


def test_an_owlrl_build_is_described_as_made_by_owlrl(tmp_path):
    inferred = Graph()
    inferred.add((URIRef("https://w3id.org/icpkg/id/x"), RDF.type, URIRef("https://w3id.org/icpkg/ontology#Task")))
    release = Release(tmp_path, "1.0.0", "https://w3id.org/icpkg/",
                      dumps=[Dump(INFERRED_DUMP, "application/n-quads", "closure", 1, 10, "00" * 32)])
    described = describe({GRAPH["inferred"]: inferred}, release, reasoner={"name": "owlrl", "version": "7.1.4"})
    reasoning = described.value(URIRef(f"{DATASET}/distribution/icpkg-inferred.nq.gz"), PROV.wasGeneratedBy)
    assert described.value(reasoning, PROV.wasAssociatedWith) == OWLRL
    assert (OWLRL, RDF.type, PROV.SoftwareAgent) in described
    assert str(described.value(OWLRL, URIRef("http://www.w3.org/2002/07/owl#versionInfo"))) == "7.1.4"


def test_a_build_that_does_not_record_its_reasoner_is_not_published(project, tmp_path):
    CliRunner().invoke(main, ["--root", str(project), "build"])
    summary = project / "build" / "summary.json"
    recorded = json.loads(summary.read_text(encoding="utf-8"))
    del recorded["reasoner"]  # as a build of an earlier kgtool
    summary.write_text(json.dumps(recorded), encoding="utf-8")
    result = CliRunner().invoke(main, ["--root", str(project), "publish", "--out", str(tmp_path / "dist")])
    assert result.exit_code == 2
    assert result.output == (
        f"Error: the build in {project / 'build'} does not record which reasoner made it; run `kgtool build` again\n")
    assert not (tmp_path / "dist").exists()


def test_a_source_file_missing_from_sources_is_named_and_nothing_is_written(project, tmp_path):
    CliRunner().invoke(main, ["--root", str(project), "build"])
    (project / "sources" / "js-task-table.txt").unlink()
    result = CliRunner().invoke(main, ["--root", str(project), "publish", "--out", str(tmp_path / "dist")])
    assert result.exit_code == 2
    assert result.output == (
        "Error: https://w3id.org/icpkg/id/doc/js-task-table names its source file 'sources/js-task-table.txt', "
        f"which is not a file in {project / 'sources'}; fix its icp:sourceFile or add the file\n")
    assert not (tmp_path / "dist").exists()


def test_each_dump_is_described_in_the_words_of_dataset_ttl(dated_release, description):
    metadata = dataset_metadata()
    for dump in dated_release.dumps:
        distribution = URIRef(f"{DATASET}/distribution/{dump.path.rsplit('/', 1)[-1]}")
        stated = metadata.value(distribution, DCTERMS.description)
        assert stated is not None, dump.path
        # …and void.ttl, what a harvester reads, says it of that file
        assert (distribution, DCTERMS.description, stated) in description
        assert set(description.objects(distribution, DCTERMS.description)) == {stated}


def test_only_the_example_resources_the_data_holds_are_listed(tmp_path):
    # dataset.ttl names three; a graph holding one of them lists that one alone.
    examples = set(dataset_metadata().objects(DATASET, VOID.exampleResource))
    assert len(examples) == 3
    kept = min(examples)
    graph = Graph()
    graph.add((kept, RDF.type, URIRef("https://w3id.org/icpkg/ontology#PolicyDocument")))
    described = describe({GRAPH["cn-2021-plan"]: graph}, Release(tmp_path, "1.0.0", "https://w3id.org/icpkg/"))
    assert set(described.objects(DATASET, VOID.exampleResource)) == {kept}
