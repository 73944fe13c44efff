"""`kgtool publish` writes a release others can download, verify and load: dumps that
two independent parsers read alike, a description computed from the data, checksums,
and the same bytes every time."""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import to_isomorphic
from rdflib.namespace import RDF, VOID

from kgtool.cli import main
from kgtool.namespaces import GRAPH, ICP
from kgtool.release.publish import DATASET, publish

from helpers import graph_difference

SPDX = "http://spdx.org/rdf/terms#"
# A plain namespace: rdflib's closed DCAT warns when pytest inspects the module.
DCAT = Namespace("http://www.w3.org/ns/dcat#")
# rapper's name for each dump's format; raptor2 has no JSON-LD parser, so that dump is read by rdflib alone.
RAPPER_FORMATS = {".ttl": "turtle", ".trig": "trig", ".nt": "ntriples", ".nq": "nquads"}
RDFLIB_FORMATS = {".ttl": "turtle", ".trig": "trig", ".nt": "nt", ".nq": "nquads", ".jsonld": "json-ld"}


@pytest.fixture(scope="module")
def release(repository_release):
    return repository_release


def _data(path: Path) -> bytes:
    return gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()


def _format(path: Path) -> str:
    return Path(path.name.removesuffix(".gz")).suffix


def _rdflib_count(path: Path) -> int:
    dataset = Dataset()
    dataset.parse(data=_data(path), format=RDFLIB_FORMATS[_format(path)], publicID="https://w3id.org/icpkg/")
    return sum(1 for _ in dataset.quads((None, None, None, None)))


def _rapper_count(path: Path, tmp_path: Path) -> int:
    rapper = shutil.which("rapper")
    assert rapper, "rapper is missing: install Debian's raptor2-utils (see the README's test command)"
    plain = tmp_path / path.name.removesuffix(".gz")
    plain.write_bytes(_data(path))
    done = subprocess.run([rapper, "-c", "-i", RAPPER_FORMATS[_format(path)], str(plain)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return int(done.stderr.rsplit("returned", 1)[1].split()[0])


def test_every_dump_reads_the_same_in_rdflib_and_in_rapper(release, tmp_path):
    counts = {}
    for dump in release.dumps:
        path = release.path / dump.path
        counts[dump.path] = _rdflib_count(path)
        if _format(path) in RAPPER_FORMATS:
            assert _rapper_count(path, tmp_path) == counts[dump.path], dump.path
    asserted = release.graphs
    total = sum(n for name, n in asserted.items() if name != str(GRAPH["inferred"]))
    # The one-graph dumps merge the named graphs, so a triple two graphs state is written once:
    # the register's 北京卫星制造厂 is described by the lists of batches 2 and 4 (7 triples).
    quads = Dataset()
    quads.parse(data=_data(release.path / "dumps" / "icpkg.nq.gz"), format="nquads")
    merged = len({(s, p, o) for s, p, o, _ in quads.quads((None, None, None, None))})
    assert merged == total - 7
    assert counts == {
        "dumps/icpkg.ttl": merged, "dumps/icpkg.nt.gz": merged, "dumps/icpkg.nq.gz": total,
        "dumps/icpkg.trig": total, "dumps/icpkg.jsonld": merged,
        "dumps/icpkg-inferred.nq.gz": asserted[str(GRAPH["inferred"])],
    }
    assert {dump.path: dump.triples for dump in release.dumps} == counts


def test_the_release_holds_exactly_the_build(release, repository_build):
    dumped = Graph().parse(data=_data(release.path / "dumps/icpkg.nt.gz"), format="nt")
    built = Graph()
    for s, p, o, _ in repository_build.dataset(inferred=False).quads((None, None, None, None)):
        built.add((s, p, o))
    # Blank nodes (the ontology's OWL lists) are relabelled: the same graph up to their labels.
    dumped, built = to_isomorphic(dumped), to_isomorphic(built)
    assert dumped == built, graph_difference(dumped, built)


def test_each_document_graph_holds_what_the_text_states_and_its_interpretation_apart(release):
    dataset = Dataset(default_union=True)
    dataset.parse(data=_data(release.path / "dumps/icpkg.nq.gz"), format="nquads")
    stated = dataset.graph(GRAPH["gd-2023-plan"])
    reading = dataset.graph(GRAPH["gd-2023-plan/interpretation"])
    item = URIRef("https://w3id.org/icpkg/id/task/gd-2023-plan/1")
    assert str(stated.value(item, ICP.text)).startswith("深入挖掘工业文化内涵")
    assert (item, ICP.theme, None) not in stated and (item, ICP.theme, None) in reading
    assert (item, ICP.translation, None) in reading
    assert {p for _, p, _ in reading} <= {p for p in dataset.subjects(ICP.basis, URIRef("https://w3id.org/icpkg/vocab/statement-basis/interpreted"))}
    documents = {"cn-2016-guidance", "cn-2021-plan", "gd-2023-plan", "fj-2026-plan", "js-task-table"}
    names = {str(g.identifier)[len(GRAPH):] for g in dataset.graphs() if len(g)}
    assert documents | {f"{code}/interpretation" for code in documents} | {"agencies", "places", "ontology"} <= names


def test_the_description_is_computed_from_the_data(release, repository_build):
    description = Graph().parse(release.path / "void.ttl")
    union = Graph().parse(data=_data(release.path / "dumps/icpkg.nt.gz"), format="nt")
    assert description.value(DATASET, VOID.triples) == Literal(len(union))
    partitions = {description.value(p, VOID["class"]): p for p in description.objects(DATASET, VOID.classPartition)}
    # 96 numbered items, counted by hand per document in test_graphs.ITEMS.
    assert description.value(partitions[ICP.Task], VOID.entities) == Literal(96)
    properties = {description.value(p, VOID.property): p for p in description.objects(DATASET, VOID.propertyPartition)}
    assert description.value(properties[ICP.lead], VOID.triples) == Literal(len(list(union.triples((None, ICP.lead, None)))))
    # rdflib.void alone would give rdf:first or rdf:rest 0 typed subjects, by the order it meets them.
    assert description.value(properties[RDF.first], VOID.entities) == description.value(properties[RDF.rest], VOID.entities)
    assert description.value(DATASET, DCAT.version) == Literal("1.0.0")
    assert (DATASET, URIRef("http://purl.org/dc/terms/issued"), None) not in description
    # Derived from the five documents and the seven heritage lists (batches 1–7: 2017, 2018,
    # 2019, 2020, 2021, 2024, 2025), the texts in sources/. Not dcterms:source, which
    # DCAT-AP keeps for datasets a dataset is made from.
    heritage_lists = [f"cn-{year}-heritage-list" for year in (2017, 2018, 2019, 2020, 2021, 2024, 2025)]
    assert set(description.objects(DATASET, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"))) == {
        URIRef(f"https://w3id.org/icpkg/id/doc/{code}")
        for code in ("cn-2016-guidance", "cn-2021-plan", "gd-2023-plan", "fj-2026-plan", "js-task-table", *heritage_lists)
    }
    assert (DATASET, URIRef("http://purl.org/dc/terms/source"), None) not in description


def test_each_distribution_states_its_size_and_checksum(release):
    description = Graph().parse(release.path / "void.ttl")
    distributions = list(description.objects(DATASET, DCAT.distribution))
    assert len(distributions) == len(release.dumps) == 6
    for distribution in distributions:
        url = str(description.value(distribution, DCAT.downloadURL))
        assert url.startswith("https://w3id.org/icpkg/dumps/")
        data = (release.path / url.removeprefix("https://w3id.org/icpkg/")).read_bytes()
        assert description.value(distribution, DCAT.byteSize).toPython() == len(data)
        checksum = description.value(distribution, URIRef(SPDX + "checksum"))
        assert str(description.value(checksum, URIRef(SPDX + "checksumValue"))) == hashlib.sha256(data).hexdigest()


def test_the_checksums_cover_every_file_and_sha256sum_accepts_them(release):
    listed = (release.path / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    files = sorted(p.relative_to(release.path).as_posix() for p in release.path.rglob("*") if p.is_file())
    assert [line.split("  ", 1)[1] for line in listed] == [f for f in files if f != "SHA256SUMS"]
    checked = subprocess.run(["sha256sum", "--check", "--quiet", "SHA256SUMS"], cwd=release.path,
                             capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def _publish_in_a_fresh_process(root: Path, out: Path, seed: str) -> None:
    environment = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run([sys.executable, "-m", "kgtool", "--root", str(root), "publish", "--out", str(out)],
                   env=environment, check=True, capture_output=True)


def test_the_same_build_gives_a_byte_identical_release(repository_build, tmp_path):
    # Different hash seeds change the order rdflib walks its sets in; the bytes must not change.
    root = repository_build.path.parent
    _publish_in_a_fresh_process(root, tmp_path / "one", "1")
    _publish_in_a_fresh_process(root, tmp_path / "two", "2")
    one = {p.relative_to(tmp_path / "one"): p.read_bytes() for p in (tmp_path / "one").rglob("*") if p.is_file()}
    two = {p.relative_to(tmp_path / "two"): p.read_bytes() for p in (tmp_path / "two").rglob("*") if p.is_file()}
    assert sorted(one) == sorted(two)
    assert [path for path in one if one[path] != two[path]] == []


def test_publish_prints_what_it_wrote(repository_build, tmp_path):
    root = repository_build.path.parent
    result = CliRunner().invoke(main, ["--root", str(root), "publish", "--out", str(tmp_path / "dist"),
                                       "--issued", "2026-12-01", "--base-url", "https://example.org/icpkg"])
    assert result.exit_code == 0, result.output
    assert f"Published {tmp_path / 'dist'} (version 0.1.0)" in result.output
    assert "dumps/icpkg.nq.gz" in result.output
    description = Graph().parse(tmp_path / "dist" / "void.ttl")
    assert description.value(DATASET, URIRef("http://purl.org/dc/terms/issued")).toPython().isoformat() == "2026-12-01"
    assert all(str(url).startswith("https://example.org/icpkg/dumps/") for url in description.objects(DATASET, VOID.dataDump))


@pytest.mark.parametrize("option, complaint", [
    (["--issued", "1 Dec 2026"], "--issued must be a date that exists, written YYYY-MM-DD, not '1 Dec 2026'"),
    # Digits in the right places, but no such month or day: refused, not written into void.ttl.
    (["--issued", "2026-13-45"], "--issued must be a date that exists, written YYYY-MM-DD, not '2026-13-45'"),
    (["--base-url", "example.org/icpkg"], "--base-url must be an http(s) URL such as https://example.org/icpkg/, not 'example.org/icpkg'"),
])
def test_a_bad_option_is_named_and_nothing_is_written(repository_build, tmp_path, option, complaint):
    root = repository_build.path.parent
    result = CliRunner().invoke(main, ["--root", str(root), "publish", "--out", str(tmp_path / "dist"), *option])
    assert result.exit_code == 2
    assert result.output == f"Error: {complaint}\n"
    assert list(tmp_path.iterdir()) == []


def test_a_stale_build_is_not_published(project, tmp_path):
    CliRunner().invoke(main, ["--root", str(project), "build"])
    with (project / "graphs" / "js-task-table.ttl").open("a", encoding="utf-8") as f:
        f.write("\n# edited after the build\n")
    result = CliRunner().invoke(main, ["--root", str(project), "publish", "--out", str(tmp_path / "dist")])
    assert result.exit_code == 2
    assert "the build is older than graphs/js-task-table.ttl; run `kgtool build` before publishing" in result.output
    assert not (tmp_path / "dist").exists()


def test_a_failed_publish_leaves_the_previous_release_as_it_was(repository_build, tmp_path, monkeypatch):
    root = repository_build.path.parent
    out = tmp_path / "dist"
    publish(root, out)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("kgtool.release.publish.describe", broken)
    with pytest.raises(OSError):
        publish(root, out, version="2.0.0")
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]
