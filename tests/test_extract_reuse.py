"""Text reuse: the passages an item repeats word for word from a national document.

graphs/derived/text-reuse.ttl holds the reuse among the curated documents; it is derived,
so it must be exactly what the graphs give now. Jiangsu's row 1 copies the 2016 guidance's
统筹利用各类工业文化资源 item: “工业文化资源调查，梳理和挖掘工业遗产、工业旅游、工艺美术、工业精神及专业人才等资源，建立”
is printed once in each source (sources/js-task-table.txt row 1; sources/cn-2016-guidance.txt
三、（二）), 44 characters.
"""

from __future__ import annotations

from kgtool.extract.reuse import REUSE_FILE, curated_reuse_turtle
from kgtool.project import find_project
from kgtool.ask.queries import find_query, run_query

from helpers import REPO

JIANGSU_ROW_1 = "工业文化资源调查，梳理和挖掘工业遗产、工业旅游、工艺美术、工业精神及专业人才等资源，建立"


def test_the_derived_reuse_file_is_what_the_graphs_give_now():
    assert (REPO / REUSE_FILE).read_text(encoding="utf-8") == curated_reuse_turtle(find_project(REPO)), (
        "regenerate it: python -c \"from kgtool.extract.reuse import write_curated_reuse; write_curated_reuse()\"")


def test_the_passage_jiangsu_copies_from_the_2016_guidance_is_in_both_sources():
    for code in ("js-task-table", "cn-2016-guidance"):
        assert (REPO / "sources" / f"{code}.txt").read_text(encoding="utf-8").count(JIANGSU_ROW_1) == 1


def test_the_text_reuse_query_lists_jiangsus_rows_that_copy_the_2016_guidance(repository_build):
    rows = run_query(repository_build, find_query(REPO / "queries", "text-reuse"), {"document": "js-task-table"}).rows
    assert {r["document"] for r in rows} == {"js-task-table"}
    row_1 = [r for r in rows if r["number"] == "1" and r["reused_document"] == "cn-2016-guidance"]
    assert [(r["reused_item"].rsplit("/", 1)[-1], r["length"], r["passage"]) for r in row_1] == [
        ("2-resources", "44", JIANGSU_ROW_1)]
    row_9 = {r["reused_item"].rsplit("/", 1)[-1] for r in rows if r["number"] == "9"}
    # Row 9 (培育工业文化新业态新模式) repeats the 2016 items on new formats, design and crafts.
    assert {"3-new-formats", "3-design", "3-crafts"} <= row_9
