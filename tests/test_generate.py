"""benchmarks/generate.py: a synthetic rollout kgtool accepts, of the size asked, the same bytes every time."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from kgtool.cli import main

from helpers import REPO, load_benchmark

# The smallest useful project: the repository (ontology, vocabularies, five documents,
# registry: 7,204 triples; not its heritage register) and one synthetic provincial plan with
# its registry entries, and a synthetic register of two lists (one reviewed) and a few sites.
SIZE = 8_000
HERITAGE_QUERIES = ("heritage-sites-by-province", "heritage-targets-vs-register", "heritage-site-profile")


def kgtool(root, *args: str):
    return CliRunner().invoke(main, ["--root", str(root), *args])


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("rollout") / "project"
    figures = load_benchmark("generate").generate(out, SIZE, seed=1)
    return out, figures


@pytest.fixture(scope="module")
def built(generated):
    out, _ = generated
    result = kgtool(out, "build")
    assert result.exit_code == 0, result.output
    return json.loads(kgtool(out, "stats", "--format", "json").output)


def test_the_project_holds_synthetic_documents_beside_the_repository(generated):
    out, figures = generated
    synthetic = sorted(p.stem for p in (out / "graphs").glob("*-syn.ttl"))
    assert figures["synthetic_documents"] == len(synthetic) >= 1
    assert (out / "graphs" / "cn-2021-plan.ttl").read_bytes() == (REPO / "graphs" / "cn-2021-plan.ttl").read_bytes()
    assert all((out / "sources" / f"{code}.txt").is_file() for code in synthetic)


def test_kgtool_builds_it_at_the_size_asked_within_ten_percent(generated, built):
    _, figures = generated
    assert built["asserted_triples"] == figures["triples"]
    assert abs(built["asserted_triples"] - SIZE) <= SIZE * 0.1


def test_kgtool_validates_it_with_no_violation_and_no_warning(generated, built):
    out, _ = generated
    result = kgtool(out, "validate", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert result.output.rstrip().splitlines()[-1].startswith("0 violations, 0 warnings,"), result.output


def test_the_same_seed_and_size_give_byte_identical_files(generated, tmp_path):
    # The second run is a process of its own with another hash seed: set order must not leak into files.
    first, _ = generated
    second = tmp_path / "again"
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "generate.py"), str(second), "--triples", str(SIZE)],
                   check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": "12345"})

    def files(root):
        return sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file() and p.relative_to(root).parts[0] != "build")

    assert files(first) == files(second)
    assert [f for f in files(first) if (first / f).read_bytes() != (second / f).read_bytes()] == []


def test_the_project_holds_a_synthetic_register_after_the_repositorys(generated):
    out, figures = generated
    generator = load_benchmark("generate")
    lists = sorted((out / "graphs" / "heritage").glob("*.ttl"))
    assert figures["heritage_lists"] == len(lists) >= 2
    assert figures["designations"] >= figures["heritage_sites"] >= 2
    own = generator.read_register_years(REPO)
    text = "\n".join(path.read_text(encoding="utf-8") for path in lists)
    for path in lists:
        year = int(path.stem.split("-")[1])
        assert year > max(own.values()) and not (REPO / "graphs" / "heritage" / path.name).exists()
    assert "dstatus:designated" in text and "dstatus:reviewed-outcome-unrecorded" in text
    assert "icp:applicant" in text and "icp:coreItems" in text
    sources = sorted((out / "sources" / "heritage").glob("synthetic_*.txt"))
    assert len(sources) == len(lists)
    assert not (out / "graphs" / "heritage" / "cn-2017-heritage-list.ttl").exists()  # the repository's is not copied


def test_kgtool_validates_the_register_lists_with_no_violation_and_no_warning(generated, built):
    out, _ = generated
    lists = [str(path) for path in sorted((out / "graphs" / "heritage").glob("*.ttl"))]
    result = kgtool(out, "validate", "--lang", "en", *lists)
    assert result.exit_code == 0, result.output
    assert result.output.rstrip().splitlines()[-1].startswith("0 violations, 0 warnings,"), result.output


def test_the_heritage_queries_answer_with_what_scale_py_passes(generated, built):
    out, _ = generated
    parameters = load_benchmark("scale").PARAMETERS
    for name in HERITAGE_QUERIES:
        args = [arg for key, value in parameters.get(name, {}).items() for arg in ("--param", f"{key}={value}")]
        result = kgtool(out, "query", name, "--format", "json", *args)
        assert result.exit_code == 0, result.output
        rows = json.loads(result.output)
        assert rows, name
    profile = json.loads(kgtool(out, "query", "heritage-site-profile", "--format", "json",
                                "--param", f"name={parameters['heritage-site-profile']['name']}").output)
    assert all(row["site"].endswith("-syn") and row["applicant"] for row in profile)
    # The synthetic plans' provinces hold the synthetic sites, so the comparison counts some.
    compared = json.loads(kgtool(out, "query", "heritage-targets-vs-register", "--format", "json").output)
    assert any(row["document"].endswith("-syn") and int(row["sites_before"]) + int(row["sites_after"]) > 0
               for row in compared)


def test_the_questions_scale_py_times_as_nobody_saved_them_answer_on_a_rollout_and_are_never_kept(generated, built):
    out, _ = generated
    answers = {}
    for question in load_benchmark("scale")._questions().values():
        result = kgtool(out, "query", str(question.path), "--format", "json")
        assert result.exit_code == 0, result.output
        answers[question.path.stem] = json.loads(result.output)
    assert set(answers) == {"busiest-leads", "counterpart-leads", "large-targets", "museum-items"}
    # The benchmark times real answers (busiest-leads, more than 20 items a lead, has rows
    # only at a larger scale: 8 at most here).
    assert all(answers[name] for name in ("counterpart-leads", "large-targets", "museum-items"))
    # scale.py reports their cold runs as the engine's: no answer may be kept for them.
    assert not any((out / "build" / "answers" / f"{name}.json").exists() for name in answers)
