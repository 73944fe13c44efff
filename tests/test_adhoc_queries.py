"""A researcher's own question: `kgtool query -e`, stdin, a .rq file without a header,
and `kgtool.sparql` / `kgtool.query` from Python — on the same default graph as the
saved queries (the union of the named graphs), with strict parameters and typed answers."""

from __future__ import annotations

import csv
import io
import shutil
import json

import pytest
from click.testing import CliRunner
from pyoxigraph import NamedNode
from rdflib import RDF, SKOS, Graph, Namespace

import kgtool
from kgtool.cli import main
from kgtool.errors import KgtoolError

from helpers import REPO

ICP = Namespace("https://w3id.org/icpkg/ontology#")
# The five seed documents: the national guidance (2016) and plan (2021), and the plans of
# Guangdong (2023), Jiangsu (its task table) and Fujian (2026) — counted by hand in sources/.
POLICY_DOCUMENTS = 5
COUNT_DOCUMENTS = "PREFIX icp: <https://w3id.org/icpkg/ontology#> SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a icp:PolicyDocument }"


def _kgtool(build, *args: str, stdin: str | None = None):
    root = build.path.parent
    return CliRunner().invoke(main, ["--root", str(root), *args], input=stdin)


def test_a_query_given_with_e_is_asked_of_the_union_of_the_graphs(repository_build):
    result = _kgtool(repository_build, "query", "-e", COUNT_DOCUMENTS, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [{"n": POLICY_DOCUMENTS}]


def test_a_query_on_stdin_and_a_file_without_a_header_answer_the_same(repository_build, tmp_path):
    piped = _kgtool(repository_build, "query", "-", "--format", "json", stdin=COUNT_DOCUMENTS)
    question = tmp_path / "my-question.rq"
    question.write_text(COUNT_DOCUMENTS + "\n", encoding="utf-8")
    from_file = _kgtool(repository_build, "query", str(question), "--format", "json")
    assert piped.exit_code == from_file.exit_code == 0, piped.output + from_file.output
    assert json.loads(piped.output) == json.loads(from_file.output) == [{"n": POLICY_DOCUMENTS}]


def test_an_update_is_refused_and_the_build_is_unchanged(repository_build):
    update = "PREFIX icp: <https://w3id.org/icpkg/ontology#> INSERT DATA { <urn:x> a icp:PolicyDocument }"
    result = _kgtool(repository_build, "query", "-e", update)
    assert result.exit_code == 2
    assert result.output == (
        "Error: the query given with -e: this is a SPARQL update, which would change data; "
        "kgtool only asks questions (SELECT, ASK, CONSTRUCT, DESCRIBE)\n"
    )
    assert kgtool.sparql(COUNT_DOCUMENTS, build=repository_build).records() == [{"n": POLICY_DOCUMENTS}]


def test_ask_and_construct_answer_as_tables(repository_build):
    asked = kgtool.sparql("ASK { ?d a <https://w3id.org/icpkg/ontology#PolicyDocument> }", build=repository_build)
    assert (asked.columns, asked.records()) == (["ask"], [{"ask": True}])
    built = kgtool.sparql(
        "CONSTRUCT { ?d a ?t } WHERE { ?d a ?t FILTER (?t = <https://w3id.org/icpkg/ontology#PolicyDocument>) }",
        build=repository_build,
    )
    assert built.columns == ["subject", "predicate", "object"] and len(built.rows) == POLICY_DOCUMENTS


def test_a_question_from_python_binds_its_underscore_variables_from_keywords(repository_build):
    question = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a ?_type }"
    typed = kgtool.sparql(question, build=repository_build, type=NamedNode(str(ICP.PolicyDocument)))
    as_text = kgtool.sparql(question, build=repository_build, type=str(ICP.PolicyDocument))
    assert typed.records() == as_text.records() == [{"n": POLICY_DOCUMENTS}]


def test_saved_query_parameters_may_be_keywords(repository_build):
    by_keyword = kgtool.query("tasks-by-theme", root=REPO, build=repository_build, theme="museums")
    by_dict = kgtool.query("tasks-by-theme", {"theme": "museums"}, root=REPO, build=repository_build)
    heritage = kgtool.query("tasks-by-theme", root=REPO, build=repository_build, theme="heritage")
    assert by_keyword.rows == by_dict.rows and by_keyword.rows and by_keyword.rows != heritage.rows
    assert by_keyword.parameters == {"theme": "museums"}


def test_a_misspelt_theme_is_an_error_with_the_close_match_not_zero_rows(repository_build):
    result = _kgtool(repository_build, "query", "tasks-by-theme", "--param", "theme=musuems")
    assert result.exit_code == 2
    assert result.output == "Error: no theme 'musuems' in the build; did you mean museums?\n"


def test_a_text_parameter_that_matches_nothing_still_runs(repository_build):
    result = _kgtool(repository_build, "query", "agency-profile", "--param", "name=无此机构", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == []


def test_queries_name_lists_the_values_a_parameter_takes(repository_build):
    themes = Graph().parse(REPO / "ontology" / "vocab" / "theme.ttl")
    slugs = sorted(str(c).rsplit("/", 1)[1] for c in themes.subjects(RDF.type, SKOS.Concept))
    result = _kgtool(repository_build, "queries", "tasks-by-theme")
    assert result.exit_code == 0, result.output
    assert f"  values on the build: {', '.join(slugs)}\n" in result.output


def test_csv_for_excel_begins_with_a_byte_order_mark(repository_build):
    result = _kgtool(repository_build, "query", "documents", "--format", "csv", "--bom")
    assert result.output.startswith("\ufeffdocument,title,")
    rows = list(csv.DictReader(io.StringIO(result.output.removeprefix("\ufeff"))))
    assert len(rows) == len(kgtool.query("documents", root=REPO, build=repository_build).rows)


def test_an_answer_shows_as_an_html_table_in_a_notebook(repository_build):
    answer = kgtool.query("documents", root=REPO, build=repository_build)
    page = answer._repr_html_()
    assert page.startswith("<table><caption>documents: ") and page.count("<tr>") == len(answer.rows) + 1


def test_neither_a_name_nor_e_is_a_usage_error():
    result = CliRunner().invoke(main, ["--root", str(REPO), "query"])
    assert result.exit_code == 2 and "give one query" in result.output


def test_a_broken_query_from_python_is_a_kgtool_error(repository_build):
    with pytest.raises(KgtoolError, match="not valid SPARQL"):
        kgtool.sparql("SELECT ?s WHERE { ?s ?p }", build=repository_build)


POLICY_DOCUMENT = "https://w3id.org/icpkg/ontology#PolicyDocument"


@pytest.mark.parametrize("form", [
    "ASK { ?d a ?_type }",                                   # no WHERE keyword
    "SELECT (COUNT(*) AS ?n) { ?d a ?_type }",               # SELECT without WHERE
    "CONSTRUCT WHERE { ?d a ?_type }",                       # the short form: its group is its template
])
def test_a_parameter_binds_in_every_query_form(repository_build, form):
    nothing = kgtool.sparql(form, build=repository_build, type="https://example.org/Nothing")
    plans = kgtool.sparql(form, build=repository_build, type=POLICY_DOCUMENT)
    assert nothing.records() != plans.records()
    assert nothing.records() in ([{"ask": False}], [{"n": 0}], [])


def test_a_saved_query_whose_header_and_body_disagree_on_a_parameter_is_an_error(tmp_path):
    from kgtool.ask.queries import load_query

    header = "#+ summary: s\n\n#+ description: d\n\n#+ columns: [s]\n\n#+ params:\n\n#+   - name: teme\n\n" \
             "#+     kind: text\n\n#+     description: a typo for theme\n\n"
    typo = tmp_path / "typo.rq"
    typo.write_text(header + "SELECT ?s WHERE { ?s ?p ?_theme }\n", encoding="utf-8")
    with pytest.raises(KgtoolError, match="declares the parameter 'teme' but the query has no"):
        load_query(typo)


def test_a_saved_query_file_without_a_header_is_an_error_but_a_file_given_by_path_is_a_question(repository_build, tmp_path):
    queries = tmp_path / "queries"
    shutil.copytree(REPO / "queries", queries)
    (queries / "bare.rq").write_text(COUNT_DOCUMENTS + "\n", encoding="utf-8")
    from kgtool.ask.queries import find_query

    with pytest.raises(KgtoolError, match="the header lacks summary"):
        find_query(queries, "bare")
    assert find_query(queries, str(queries / "bare.rq")).name == "bare"
