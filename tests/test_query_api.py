"""Every saved query as a web API under `kgtool serve`: a list, a page with a form and
the answer, the same answer as CSV, TSV and JSON, and an OpenAPI description — checked
over HTTP and, for the form, in a real browser."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import urllib.error
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from kgtool import open_build
from kgtool.ask.formats import render
from kgtool.ask.queries import catalogue, find_query, run_query
from kgtool.release.serve import serve

from helpers import REPO, chromium, free_port

QUERIES = REPO / "queries"


@pytest.fixture(scope="module")
def server(repository_build, tmp_path_factory):
    build = open_build(build_dir=shutil.copytree(repository_build.path, tmp_path_factory.mktemp("api") / "build"))
    with serve(build, QUERIES, port=free_port()) as running:
        yield running


def _get(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read().decode("utf-8")


def _local(build, name: str, **params) -> str:
    return run_query(build, find_query(QUERIES, name), params)


def test_the_list_links_every_saved_query(server):
    status, kind, page = _get(server.url + "/queries/")
    assert status == 200 and kind.startswith("text/html")
    for name in catalogue(QUERIES, check_syntax=False):
        assert f'<a href="/queries/{name}">{name}</a>' in page


@pytest.mark.parametrize("extension", ["csv", "tsv", "json"])
def test_an_answer_as_a_file_is_what_kgtool_query_writes(server, repository_build, extension):
    status, _, body = _get(f"{server.url}/queries/tasks-by-theme.{extension}?theme=museums")
    assert status == 200
    assert body == render(_local(repository_build, "tasks-by-theme", theme="museums"), extension)


def test_a_misspelt_value_is_400_with_the_close_match(server):
    status, _, body = _get(f"{server.url}/queries/tasks-by-theme.json?theme=musuems")
    assert (status, body) == (400, "no theme 'musuems' in the build; did you mean museums?\n")


def test_an_unknown_query_is_404(server):
    status, _, body = _get(f"{server.url}/queries/no-such-query.csv")
    assert status == 404 and "/queries/ lists them" in body


def test_the_openapi_description_has_every_query_with_its_allowed_values(server):
    status, kind, body = _get(server.url + "/openapi.json")
    description = json.loads(body)
    assert status == 200 and description["openapi"].startswith("3.1")
    names = catalogue(QUERIES, check_syntax=False)
    assert {path for path in description["paths"]} == {
        f"/queries/{name}.{extension}" for name in names for extension in ("csv", "tsv", "json")
    }
    (theme,) = description["paths"]["/queries/tasks-by-theme.json"]["get"]["parameters"]
    assert theme["required"] is True and "museums" in theme["schema"]["enum"]


def test_a_page_with_a_form_gives_the_rows_and_the_csv_link_gives_the_same(server, repository_build, tmp_path):
    expected = _local(repository_build, "tasks-by-theme", theme="museums")
    with chromium(tmp_path) as browser:
        browser.get(server.url + "/queries/tasks-by-theme")
        # A required parameter without a value: the form, and no answer yet.
        assert browser.find_elements(By.ID, "missing") and not browser.find_elements(By.ID, "answer")
        Select(browser.find_element(By.NAME, "theme")).select_by_value("museums")
        browser.find_element(By.CSS_SELECTOR, "#parameters button").click()
        WebDriverWait(browser, 30).until(lambda b: b.find_elements(By.ID, "answer"))
        cells = [
            [cell.text for cell in row.find_elements(By.TAG_NAME, "td")]
            for row in browser.find_elements(By.CSS_SELECTOR, "#answer tbody tr")
        ]
        assert [row[1] for row in cells] == [row["task"] for row in expected.rows]
        link = browser.find_element(By.LINK_TEXT, "CSV").get_attribute("href")
    assert link == f"{server.url}/queries/tasks-by-theme.csv?theme=museums"
    _, _, body = _get(link)
    assert list(csv.DictReader(io.StringIO(body))) == expected.rows


def test_a_query_whose_header_names_a_chart_is_drawn_as_bars_in_the_answers_order(server, repository_build):
    rows = _local(repository_build, "agency-workload").rows
    _, _, page = _get(server.url + "/queries/agency-workload")
    labels = re.findall(r'<text x="250" y="\d+" text-anchor="end">([^<]+)</text>', page)
    assert labels == [row["agency"] for row in rows[:40]]
    assert page.count("<rect") == min(len(rows), 40)


def test_a_value_that_fits_no_name_on_the_page_is_400_with_the_sentence_not_a_crash(server):
    status, _, page = _get(f"{server.url}/queries/tasks-by-theme?theme=bad%20value")
    assert status == 400
    assert "parameter &#39;theme&#39; takes a name under https://w3id.org/icpkg/vocab/theme/" in page


def test_a_writable_server_checks_values_and_bounds_time_like_a_read_only_one(repository_build, tmp_path):
    build = open_build(build_dir=shutil.copytree(repository_build.path, tmp_path / "build"))
    with serve(build, QUERIES, port=free_port(), writable=True, timeout=30) as running:
        status, _, body = _get(f"{running.url}/queries/tasks-by-theme.json?theme=musuems")
        assert (status, body) == (400, "no theme 'musuems' in the build; did you mean museums?\n")
        status, _, body = _get(f"{running.url}/queries/tasks-by-theme.csv?theme=museums")
        assert status == 200 and body == render(_local(repository_build, "tasks-by-theme", theme="museums"), "csv")
