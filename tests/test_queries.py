"""The contract queries give the right answers, checked by hand against sources/."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from collections import Counter

import pytest
from click.testing import CliRunner

from kgtool.cli import main
from kgtool.errors import InputError
from kgtool.ask.queries import adhoc_query, catalogue, evaluate, find_query, load_query, run_query, with_values
from kgtool import open_build

from helpers import ASSIGNMENTS, FIXTURES, REPO, REQUIRED_PARAMETERS, copy_project, unordered_lists

CONTRACT_COLUMNS = {
    "documents": ["document", "title", "number", "jurisdiction", "issued", "start", "end", "status", "implements"],
    "responsibilities": ["document", "task", "number", "title", "agency", "role", "text"],
    "targets": ["document", "task", "subject", "quantity", "unit", "qualifier", "year"],
}
QUERIES = REPO / "queries"
CONTRACT_COLUMNS_HERITAGE = ["jurisdiction", "agency", "role", "tasks", "documents"]


def answer(build, name, **options):
    return run_query(build, find_query(QUERIES, name), **options)


@pytest.mark.parametrize("name", sorted(CONTRACT_COLUMNS))
def test_contract_queries_have_exactly_the_contract_columns_first(repository_build, name):
    result = answer(repository_build, name)
    assert result.columns[: len(CONTRACT_COLUMNS[name])] == CONTRACT_COLUMNS[name]
    assert list(catalogue(QUERIES)[name].columns[: len(CONTRACT_COLUMNS[name])]) == CONTRACT_COLUMNS[name]


def test_documents_gives_every_field_as_the_texts_print_it(repository_build):
    rows = [list(row.values()) for row in answer(repository_build, "documents").rows]
    assert rows == [
        # 文号 printed under the title; no date, no period ("通过5-10年时间" is not one).
        ["cn-2016-guidance", "关于推进工业文化发展的指导意见", "工信部联产业〔2016〕446号", "全国", "", "", "", "final", ""],
        # The period is in the title; the 文号 only in the Guangdong notice and preamble.
        ["cn-2021-plan", "推进工业文化发展实施方案（2021-2025年）", "工信部联政法〔2021〕54号", "全国", "", "2021", "2025", "final", ""],
        # 第二次征求意见稿: a draft; period 2026—2028 in the title; no 文号 or date printed.
        ["fj-2026-plan", "福建省推进工业文化发展行动计划（2026—2028年）", "", "福建省", "", "2026", "2028", "draft", ""],
        # Notice header: 文号 and date 2023年6月15日; it carries out the national plan.
        ["gd-2023-plan", "广东省推动工业文化发展实施方案", "粤工信生产合作函〔2023〕22号", "广东省", "2023-06-15", "", "", "final", "cn-2021-plan"],
        # The title names the national plan it carries out; the annex prints nothing else.
        ["js-task-table", "江苏省贯彻《推进工业文化发展实施方案（2021-2025年）》行动计划任务分工表", "", "江苏省", "", "", "", "final", "cn-2021-plan"],
    ]


def test_responsibilities_has_one_row_per_item_body_and_role(repository_build):
    rows = answer(repository_build, "responsibilities").rows
    assert Counter(row["document"] for row in rows) == Counter({k: v for k, v in ASSIGNMENTS.items() if v})
    assert len({(r["task"], r["agency"], r["role"]) for r in rows}) == len(rows)


# Where an item stands, as the annotation names it: a safeguard or an annex row is prefixed,
# since Fujian numbers its key tasks and its safeguards alike （一）…
ITEM_PREFIX = {"safeguard": "保障措施", "annex": "附件"}


def test_responsibilities_agree_with_an_annotation_made_from_the_texts_alone(repository_build):
    # tests/fixtures/responsibilities-annotated.csv was written from sources/ without seeing
    # the graphs: every (item, body, role) each clause and table cell assigns (fixtures/README.md).
    with (FIXTURES / "responsibilities-annotated.csv").open(encoding="utf-8") as f:
        annotated = {(r["document"], r["item"], r["body"], r["role"]) for r in csv.DictReader(f)}
    found = {
        (r["document"], ITEM_PREFIX.get(r["task"].rsplit("/", 1)[1].split("-")[0], "") + r["number"],
         r["agency"], r["role"])
        for r in answer(repository_build, "responsibilities").rows
    }
    assert len(annotated) == 322
    assert found == annotated


def test_a_lead_is_not_listed_again_as_responsible_after_reasoning(repository_build):
    inferred = answer(repository_build, "responsibilities").rows
    asserted = answer(repository_build, "responsibilities", inferred=False).rows
    assert inferred == asserted


@pytest.mark.parametrize(
    "task, agency, roles",
    [
        # National （七）: 教育部 leads the second passage and takes part in the other two.
        ("cn-2021-plan/7", "教育部", {"lead", "participant"}),
        # National （十六）: 各地工业和信息化主管部门牵头、相关部门参与.
        ("cn-2021-plan/16", "各地工业和信息化主管部门", {"lead"}),
        # Guangdong safeguard （三）: 省工业和信息化厅牵头, the others 按职责分工负责 → participants.
        ("gd-2023-plan/safeguard-3", "广东省工业和信息化厅", {"lead"}),
        ("gd-2023-plan/safeguard-3", "广东省总工会", {"participant"}),
        # Guangdong annex row 1: 省工信厅、省总工会 — the key task 2 names seven bodies, the row two.
        ("gd-2023-plan/annex-1", "广东省总工会", {"responsible"}),
        # Fujian: the blanket clause makes the city governments responsible for every item.
        ("fj-2026-plan/safeguard-5", "各设区市人民政府", {"responsible"}),
        # Jiangsu row 10: 省工信厅、人社厅牵头 — 人社厅 shares the leading 省.
        ("js-task-table/10", "江苏省人力资源和社会保障厅", {"lead"}),
        # Jiangsu row 11: 共同负责 names no lead.
        ("js-task-table/11", "江苏省财政厅", {"responsible"}),
    ],
)
def test_responsibilities_rows_say_what_the_clause_says(repository_build, task, agency, roles):
    rows = answer(repository_build, "responsibilities").rows
    found = {r["role"] for r in rows if r["task"].endswith("/task/" + task) and r["agency"] == agency}
    assert found == roles


def test_guangdong_annex_row_keeps_its_own_bodies(repository_build):
    rows = answer(repository_build, "responsibilities").rows
    bodies = {r["agency"] for r in rows if r["task"].endswith("/task/gd-2023-plan/annex-1")}
    assert bodies == {"广东省工业和信息化厅", "广东省总工会"}


def test_targets_gives_every_number_with_its_unit_qualifier_and_year(repository_build):
    rows = answer(repository_build, "targets").rows
    found = Counter((r["document"], r["quantity"], r["unit"], r["qualifier"], r["year"]) for r in rows)
    assert found == Counter(
        [
            # 专栏1: 100 家以上省级工业设计中心, 10 家以上国家级工业设计中心, 3 家左右省级工业设计研究院,
            # 2 家左右国家级工业设计研究院; 专栏2: 200 家左右入库资源, 80 条左右精品线路;
            # 专栏4: 80 家左右工业类博物（展览）馆; 专栏5: 到 2025 年 60 个工业遗产.
            ("gd-2023-plan", "100", "家", "at-least", ""),
            ("gd-2023-plan", "10", "家", "at-least", ""),
            ("gd-2023-plan", "3", "家", "about", ""),
            ("gd-2023-plan", "2", "家", "about", ""),
            ("gd-2023-plan", "200", "家", "about", ""),
            ("gd-2023-plan", "80", "条", "about", ""),
            ("gd-2023-plan", "80", "家", "about", ""),
            ("gd-2023-plan", "60", "个", "exactly", "2025"),
            # 保障措施（四）: 分别给予不超过50万元资金奖励.
            ("fj-2026-plan", "50", "万元", "at-most", ""),
            # Rows 2 (20个研学基地), 4 (50家博物馆), 5 (30个旅游区), 6 (50个重点项目),
            # 8 (每次 50个优秀企业 and 50名先进个人), 9 (20个特色区域).
            ("js-task-table", "20", "个", "exactly", ""),
            ("js-task-table", "50", "家", "exactly", ""),
            ("js-task-table", "30", "个", "exactly", ""),
            ("js-task-table", "50", "个", "exactly", ""),
            ("js-task-table", "50", "个", "exactly", ""),
            ("js-task-table", "50", "名", "exactly", ""),
            ("js-task-table", "20", "个", "exactly", ""),
        ]
    )


def test_a_funding_cap_and_a_per_round_quota_are_not_outputs(repository_build):
    rows = answer(repository_build, "targets").rows
    kinds = Counter((r["document"], r["kind"]) for r in rows)
    assert kinds[("fj-2026-plan", "funding-cap")] == 1
    assert kinds[("js-task-table", "recurring-quota")] == 2
    assert {r["per"] for r in rows if r["kind"] == "recurring-quota"} == {"每次"}
    # 专栏1 “新增培育 100 家以上省级工业设计中心和 10 家以上国家级工业设计中心” counts what is
    # added; 专栏5 “全省工业遗产数量达到 60 个” counts the total to reach.
    gd = {(r["subject"], r["kind"]) for r in rows if r["document"] == "gd-2023-plan"}
    assert {("省级工业设计中心", "new-additions"), ("国家级工业设计中心", "new-additions"), ("工业遗产", "cumulative-total")} <= gd


def test_target_subjects_are_in_the_words_of_the_text(repository_build):
    from source_text import normalise, source

    for row in answer(repository_build, "targets").rows:
        assert row["subject"] and normalise(row["subject"]) in normalise(source(row["document"])), row


@pytest.fixture(scope="module")
def built_project(tmp_path_factory):
    """A built copy of the project that the CLI tests only read."""
    project = copy_project(tmp_path_factory.mktemp("queries") / "project")
    assert CliRunner().invoke(main, ["--root", str(project), "build"]).exit_code == 0
    return project


def test_query_writes_csv_with_the_contract_header(built_project):
    result = CliRunner().invoke(main, ["--root", str(built_project), "query", "documents", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.output)))
    assert rows[0] == CONTRACT_COLUMNS["documents"]
    assert len(rows) == 6


def test_query_writes_json_rows_and_a_table(built_project):
    result = CliRunner().invoke(main, ["--root", str(built_project), "query", "targets", "--format", "json"])
    assert result.exit_code == 0
    assert len(json.loads(result.output)) == 16
    table = CliRunner().invoke(main, ["--root", str(built_project), "query", "targets"])
    assert table.exit_code == 0 and table.output.rstrip().endswith("(16 rows)")


def test_an_unknown_query_is_named_with_the_known_ones(built_project):
    result = CliRunner().invoke(main, ["--root", str(built_project), "query", "heritage"])
    assert result.exit_code == 2
    assert "no saved query named 'heritage'" in result.output and "documents" in result.output


def test_a_query_file_with_broken_sparql_is_named_with_its_line(built_project, tmp_path):
    broken = tmp_path / "broken.rq"
    broken.write_text(
        "#+ summary: s\n#+ description: d\n#+ columns: [a]\nSELECT ?a WHERE {\n  ?a ?b\n}\n", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["--root", str(built_project), "query", str(broken)])
    assert result.exit_code == 2
    assert "broken.rq" in result.output and "not valid SPARQL" in result.output
    assert "Traceback" not in result.output


def test_a_query_file_with_half_a_header_is_an_error(built_project, tmp_path):
    # Without any header a file is an ad-hoc question (test_adhoc_queries.py); a header
    # that was begun is a saved query's, and must say what the query answers.
    half = tmp_path / "half.rq"
    half.write_text("#+ summary: Everything\nSELECT * WHERE { ?s ?p ?o }\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--root", str(built_project), "query", str(half)])
    assert result.exit_code == 2
    assert "half.rq: the header lacks description, columns" in result.output


def test_a_parameter_of_an_unknown_kind_is_named_with_its_line(built_project, tmp_path):
    odd = tmp_path / "odd.rq"
    odd.write_text(
        "#+ summary: s\n#+ description: d\n#+ columns: [x]\n#+ params:\n#+   - name: x\n"
        "#+     kind: text@\n#+     description: a text\n"
        "SELECT ?x WHERE { BIND (?_x AS ?x) }\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["--root", str(built_project), "query", str(odd), "--param", "x=1"])
    assert result.exit_code == 2
    assert "odd.rq:6: param 'x' has kind 'text@'" in result.output


HEAD = "#+ summary: s\n#+ description: d\n#+ columns: [x]\n"


@pytest.mark.parametrize(("header", "message"), [
    # A ': ' in a plain YAML value: grlc would drop the whole header without a word.
    ("#+ summary: s\n\n#+ description: Role is lead: no plan names one\n\n#+ columns: [x]\n",
     "odd.rq:3: the header is not YAML as grlc reads it: mapping values are not allowed here"),
    (HEAD + "#+ param: x | text | | a text\n",
     "odd.rq:4: '#+ param:' is now a 'params:' list (name, kind, description) with the default under 'defaults:'"),
    (HEAD + "#+ defaults:\n#+   - theme: heritage\n", "odd.rq:4: 'defaults' names 'theme', which is not among the params"),
    (HEAD + "#+ params:\n#+   - name: x\n#+     kind: text\n#+     default: y\n#+     description: d\n",
     "odd.rq:7: a param has key 'default': a default goes under 'defaults:'"),
    (HEAD + "#+ summary: t\n", "odd.rq:4: header key 'summary' appears twice"),
    ("#+ summary: s\n#+ description: d\n#+ columns: x, y\n", "odd.rq:3: header key 'columns' must be a list such as [a, b]"),
])
def test_a_header_grlc_would_misread_is_named_with_its_line(tmp_path, header, message):
    odd = tmp_path / "odd.rq"
    odd.write_text(header + "SELECT ?x WHERE { BIND (?_x AS ?x) }\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_query(odd)
    assert str(raised.value).startswith(f"{odd.parent}/{message}")


def test_a_text_parameter_in_several_languages_binds_one_row_per_language(tmp_path):
    path = tmp_path / "labels.rq"
    path.write_text(
        "#+ summary: s\n#+ description: d\n#+ columns: [thing]\n"
        "#+ params:\n#+   - {name: name, kind: 'text@zh,en', description: a label}\n"
        "SELECT ?thing WHERE { ?thing <http://www.w3.org/2000/01/rdf-schema#label> ?_name }\n",
        encoding="utf-8",
    )
    text = with_values(load_query(path).text, load_query(path).bindings({"name": "工信部"}))
    assert 'VALUES (?_name) { ("工信部"@zh) ("工信部"@en) }' in text


def test_heritage_lead_agencies_gives_the_role_beside_each_body(repository_build):
    rows = [tuple(r.values()) for r in answer(repository_build, "heritage-lead-agencies").rows]
    assert rows == [
        # National items on heritage: （五） (工业和信息化部牵头) and （八）, whose four passages are
        # led by 工业和信息化部; 工业和信息化部、国家文物局; 国家发展改革委; 工业和信息化部.
        ("全国", "工业和信息化部", "lead", "2", "cn-2021-plan"),
        ("全国", "国家发展和改革委员会", "lead", "1", "cn-2021-plan"),
        ("全国", "国家文物局", "lead", "1", "cn-2021-plan"),
        # Guangdong names no lead: key tasks 11–13 and annex rows 9–10 are shared
        # (按职责分工负责 / 责任单位): 工信厅 in all five; 文旅厅 in 10–13; 发改委 in 10, 12, 13;
        # 国资委 in 11, 13; 财政厅 in annex row 10.
        ("广东省", "广东省工业和信息化厅", "responsible", "5", "gd-2023-plan"),
        ("广东省", "广东省文化和旅游厅", "responsible", "4", "gd-2023-plan"),
        ("广东省", "广东省发展和改革委员会", "responsible", "3", "gd-2023-plan"),
        ("广东省", "广东省人民政府国有资产监督管理委员会", "responsible", "2", "gd-2023-plan"),
        ("广东省", "广东省财政厅", "responsible", "1", "gd-2023-plan"),
        # Jiangsu row 6 “省工信厅牵头”, row 7 “省发改委牵头”.
        ("江苏省", "江苏省发展和改革委员会", "lead", "1", "js-task-table"),
        ("江苏省", "江苏省工业和信息化厅", "lead", "1", "js-task-table"),
        # Fujian （四） “责任单位：省工信厅、住建厅、文旅厅、国资委、文物局按职责分工落实”, and the
        # blanket clause's 各设区市人民政府 and 平潭综合实验区管委会 — none named a lead.
        ("福建省", "各设区市人民政府", "responsible", "1", "fj-2026-plan"),
        ("福建省", "平潭综合实验区管理委员会", "responsible", "1", "fj-2026-plan"),
        ("福建省", "福建省人民政府国有资产监督管理委员会", "responsible", "1", "fj-2026-plan"),
        ("福建省", "福建省住房和城乡建设厅", "responsible", "1", "fj-2026-plan"),
        ("福建省", "福建省工业和信息化厅", "responsible", "1", "fj-2026-plan"),
        ("福建省", "福建省文化和旅游厅", "responsible", "1", "fj-2026-plan"),
        ("福建省", "福建省文物局", "responsible", "1", "fj-2026-plan"),
    ]


def test_a_parameter_is_bound_as_a_term(repository_build):
    # Items coded with the museums theme that name a lead: national （九） passages led by
    # 工业和信息化部、国家文物局 (all three) — so both lead exactly the one item （九）.
    rows = answer(repository_build, "heritage-lead-agencies", params={"theme": "museums"}).rows
    national = {(r["agency"], r["role"]) for r in rows if r["jurisdiction"] == "全国"}
    assert ("工业和信息化部", "lead") in national and ("国家文物局", "lead") in national


@pytest.mark.parametrize(
    "params, complaint",
    [
        (["--param", "them=museums"], "has no parameter 'them' (its parameters: theme)"),
        (["--param", "theme=bad iri"], "takes a name under https://w3id.org/icpkg/vocab/theme/"),
        (["--param", "theme"], "'theme' is not name=value"),
    ],
)
def test_a_wrong_parameter_is_named_and_exits_2(built_project, params, complaint):
    result = CliRunner().invoke(main, ["--root", str(built_project), "query", "heritage-lead-agencies", *params])
    assert result.exit_code == 2
    assert complaint in result.output
    assert "Traceback" not in result.output


def test_coverage_lists_every_national_item_for_every_province_with_its_aligned_items(repository_build):
    rows = answer(repository_build, "coverage").rows
    # National items （四）–（十六）: 8 key tasks, 3 safeguards, 2 organisational measures,
    # for each of the three provinces with a plan.
    assert len(rows) == 13 * 3
    cell = {(r["national_task"], r["jurisdiction"]): set(r["tasks"].split()) for r in rows}
    # （八）提高工业遗产保护利用水平: Jiangsu rows 6 (培育工业遗产重点项目) and 7 (推动老工业城市
    # 工业遗产保护利用); Fujian （四）活化利用工业遗产遗存; Guangdong key tasks 11–13 and annex rows 9–10.
    assert cell[("（八）", "江苏省")] == {"6", "7"}
    assert cell[("（八）", "福建省")] == {"（四）"}
    assert cell[("（八）", "广东省")] == {"11.", "12.", "13.", "9", "10"}
    # （九）完善工业博物馆体系: Guangdong 10. 完善工业类博展馆体系 and annex row 8 (筹建广东工业博物馆…);
    # Fujian （三）鼓励构建工业博览展示空间; Jiangsu row 4 建立健全工业博物馆体系.
    assert cell[("（九）", "广东省")] == {"10.", "8"}
    assert cell[("（九）", "福建省")] == {"（三）"}
    assert cell[("（九）", "江苏省")] == {"4"}
    # （十五）加强统筹协调: Jiangsu row 11 “……建立推动工业文化发展的工作机制，加强统筹协调”.
    assert cell[("（十五）", "江苏省")] == {"11"}
    # （十四）发挥中介机构作用: no Jiangsu row is about intermediaries — an empty cell, not a missing row.
    assert cell[("（十四）", "江苏省")] == set()


def test_a_notebook_gets_rows_by_name_with_parameters(built_project):
    import kgtool

    result = kgtool.query("heritage-lead-agencies", {"theme": "heritage"}, root=built_project)
    assert result.columns[:5] == CONTRACT_COLUMNS_HERITAGE
    assert {"jurisdiction": "江苏省", "agency": "江苏省工业和信息化厅", "role": "lead", "tasks": "1",
            "documents": "js-task-table"} in result.rows


def test_a_notebook_may_hand_on_the_project_it_found_wherever_a_folder_goes(built_project, tmp_path, monkeypatch):
    import kgtool

    project = kgtool.find_project(built_project)
    monkeypatch.chdir(tmp_path)  # the handle, not the working directory, names the project
    monkeypatch.delenv("KGTOOL_ROOT", raising=False)
    assert kgtool.find_project(project) is project
    assert kgtool.open_build(project).path == built_project / "build"
    assert kgtool.query("documents", root=project).rows == kgtool.query("documents", root=built_project).rows


def test_a_dataframe_has_the_columns_in_order_typed_and_says_where_it_came_from(repository_build):
    import pandas

    result = run_query(repository_build, find_query(QUERIES, "agency-workload"))
    frame = result.to_dataframe()
    assert list(frame.columns) == result.columns
    # Counts are numbers (a sum is a sum, not "2101…" glued together), text is text.
    assert str(frame["items"].dtype) == "Int64" and str(frame["agency"].dtype) == "string"
    assert frame["items"].sum() == sum(int(row["items"]) for row in result.rows)
    assert frame.attrs == {"query": "agency-workload", "parameters": {}, "build": repository_build.fingerprint}
    assert isinstance(frame, pandas.DataFrame)


def test_without_pandas_a_dataframe_is_a_clear_error(monkeypatch):
    from kgtool.errors import KgtoolError
    from kgtool.ask.queries import QueryResult

    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now fails
    with pytest.raises(KgtoolError, match="pip install pandas"):
        QueryResult(["a"], []).to_dataframe()


LIST_COLUMNS = {"items", "numbers", "tasks"}


def _cells(row: dict, *columns: str) -> tuple:
    # Lists of numbers come in the engine's order: compare them sorted.
    return tuple(" ".join(sorted(row[c].split())) if c in LIST_COLUMNS else row[c] for c in columns)


def test_programmes_group_the_items_the_texts_place_them_with(repository_build):
    rows = answer(repository_build, "programmes").rows
    stated = sorted(_cells(r, "document", "programme", "title", "kind", "items", "targets") for r in rows)
    assert stated == sorted([
        # Guangdong's 总体要求 names the 五个一 brands; the text ties no item to them.
        ("gd-2023-plan", "", "挖掘一批工业遗产示范项目", "brand", "", "0"),
        ("gd-2023-plan", "", "培塑一批工业类博物（展览）馆", "brand", "", "0"),
        ("gd-2023-plan", "", "创建一批工业设计载体", "brand", "", "0"),
        ("gd-2023-plan", "", "打造一批工业旅游示范单位（精品路线）", "brand", "", "0"),
        ("gd-2023-plan", "", "培育一批工业文化教育实践载体", "brand", "", "0"),
        # Each 专栏 follows one key task and sets the targets counted in test_targets_….
        ("gd-2023-plan", "专栏 1", "工业设计载体创建工程", "column", "5.", "4"),
        ("gd-2023-plan", "专栏 2", "工业旅游示范打造工程", "column", "7.", "2"),
        ("gd-2023-plan", "专栏3", "工业文化教育实践载体培育工程", "column", "8.", "0"),
        ("gd-2023-plan", "专栏 4", "工业类博物（展览）馆培塑工程", "column", "10.", "1"),
        ("gd-2023-plan", "专栏 5", "工业遗产项目挖掘工程", "column", "11.", "1"),
        # Jiangsu's 五项工程 column: rows 1–3, 4–5, 6–7, 8–9, 10–11.
        ("js-task-table", "", "工业文化弘扬传播工程", "project", "1 2 3", "0"),
        ("js-task-table", "", "工业文化载体建设工程", "project", "4 5", "0"),
        ("js-task-table", "", "工业遗产保护利用工程", "project", "6 7", "0"),
        ("js-task-table", "", "文化和产业融合发展工程", "project", "8 9", "0"),
        ("js-task-table", "", "工业文化发展保障工程", "project", "10 11", "0"),
    ])


def test_spirit_mentions_count_the_items_that_print_the_words(repository_build):
    rows = answer(repository_build, "spirit-mentions").rows
    # grep of each spirit's printed forms in sources/, keeping the lines that belong to an item
    # (preambles and Guangdong's and Fujian's 总体要求 are not items). "—": an unnumbered 2016 heading.
    assert sorted(_cells(r, "spirit", "document", "items", "numbers") for r in rows) == sorted([
        # 2016: 指导思想, 主要目标 (中国特色工业精神), 统筹利用各类工业文化资源 and 加强工业文化宣传 (工业精神);
        # 2021: （一）（三）（七）（十）; Guangdong 9. (工业道路、工业创造、工业精神); Jiangsu rows 1 and 3.
        ("中国工业精神", "cn-2016-guidance", "4", "— （一） （三）"),
        ("中国工业精神", "cn-2021-plan", "4", "（一） （七） （三） （十）"),
        ("中国工业精神", "gd-2023-plan", "1", "9."),
        ("中国工业精神", "js-task-table", "2", "1 3"),
        # 培育企业家精神; national （四）; Fujian （一）; Guangdong 1.; Jiangsu row 8.
        ("企业家精神", "cn-2016-guidance", "1", "—"),
        ("企业家精神", "cn-2021-plan", "1", "（四）"),
        ("企业家精神", "fj-2026-plan", "1", "（一）"),
        ("企业家精神", "gd-2023-plan", "1", "1."),
        ("企业家精神", "js-task-table", "1", "8"),
        # 践行创新精神; national （四）; Guangdong 1. (创新精神 and 创新引领精神).
        ("创新精神", "cn-2016-guidance", "1", "—"),
        ("创新精神", "cn-2021-plan", "1", "（四）"),
        ("创新精神", "gd-2023-plan", "1", "1."),
        # “弘扬劳模精神、劳动精神、工匠精神”: Guangdong 2. and annex row 1.
        ("劳动精神", "gd-2023-plan", "2", "1 2."),
        ("劳模精神", "cn-2021-plan", "1", "（四）"),
        ("劳模精神", "gd-2023-plan", "3", "1 1. 2."),
        # 弘扬工匠精神 and 保障措施（三）加强人才培养; national （四）; Fujian （一）; Guangdong 1., 2., row 1.
        ("工匠精神", "cn-2016-guidance", "2", "— （三）"),
        ("工匠精神", "cn-2021-plan", "1", "（四）"),
        ("工匠精神", "fj-2026-plan", "1", "（一）"),
        ("工匠精神", "gd-2023-plan", "3", "1 1. 2."),
        # Fujian （一）: “融合崇尚实业、鼓励创新、艰苦奋斗的企业家精神” and “彰显行业精神”.
        ("实业精神", "fj-2026-plan", "1", "（一）"),
        ("艰苦奋斗", "fj-2026-plan", "1", "（一）"),
        ("行业精神", "fj-2026-plan", "1", "（一）"),
        # 2016 保障措施（三） “职业精神培育”; Fujian （六）.
        ("职业精神", "cn-2016-guidance", "1", "（三）"),
        ("职业精神", "fj-2026-plan", "1", "（六）"),
        # 倡导诚信精神; national （四）; Guangdong 1.
        ("诚信精神", "cn-2016-guidance", "1", "—"),
        ("诚信精神", "cn-2021-plan", "1", "（四）"),
        ("诚信精神", "gd-2023-plan", "1", "1."),
    ])


def test_uncertain_names_lists_the_bodies_the_texts_abbreviate_past_certainty(repository_build):
    rows = answer(repository_build, "uncertain-names").rows
    found = {r["agency"]: set(r["printed_as"].split("、")) for r in rows}
    assert found == {
        # Fujian prints only these forms (safeguards and the closing 各有关单位 list).
        "中共福建省委人才工作领导小组办公室": {"人才办"},
        "中共福建省委金融委员会办公室": {"金融办"},
        "福建省企业与企业家联合会": {"省企联"},
        "福建省旅游发展集团有限公司": {"省旅发集团", "旅发集团"},
        "福建省广播影视集团": {"省广播影视集团"},
        "平潭综合实验区管理委员会": {"平潭综合实验区管委会"},
    }
    assert all(r["note"].startswith("Name uncertain") for r in rows)


def test_a_missing_required_parameter_says_which_and_what_it_means(built_project):
    result = CliRunner().invoke(main, ["--root", str(built_project), "query", "tasks-by-theme"])
    assert result.exit_code == 2
    assert "query 'tasks-by-theme' needs --param theme=…" in result.output


def test_agency_profile_lists_every_item_of_a_body_with_its_role(repository_build):
    rows = answer(repository_build, "agency-profile", params={"name": "广东省人力资源和社会保障厅"}).rows
    assert {(r["level"], r["jurisdiction"], r["counterpart"]) for r in rows} == {("provincial", "广东省", "人力资源和社会保障部")}
    # Every Guangdong clause that names 人力资源和社会保障厅 / 省人社厅: key tasks 1, 2, 5, 6, 8;
    # safeguard (三) after “省工业和信息化厅牵头” (so participant), (四), （五）, （六）; annex rows 4, 5, 7.
    assert sorted((r["number"], r["role"]) for r in rows) == sorted([
        ("1.", "responsible"), ("2.", "responsible"), ("5.", "responsible"), ("6.", "responsible"),
        ("8.", "responsible"), ("(三)", "participant"), ("(四)", "responsible"), ("（五）", "responsible"),
        ("（六）", "responsible"), ("4", "responsible"), ("5", "responsible"), ("7", "responsible"),
    ])


def test_agency_profile_finds_a_body_by_its_english_name_too(repository_build):
    # agencies.ttl: 工业和信息化部 is labelled "Ministry of Industry and Information Technology"@en.
    by_english = answer(repository_build, "agency-profile", params={"name": "Ministry of Industry and Information Technology"}).rows
    by_chinese = answer(repository_build, "agency-profile", params={"name": "工业和信息化部"}).rows
    assert by_english == by_chinese
    assert {r["agency"] for r in by_english} == {"工业和信息化部"}


def test_agency_profile_of_a_body_no_clause_names_is_one_row_without_items(repository_build):
    # 国务院 (altLabel of 中华人民共和国国务院) appears only in 党中央、国务院, never in a clause.
    rows = answer(repository_build, "agency-profile", params={"name": "国务院"}).rows
    assert [tuple(r.values()) for r in rows] == [("中华人民共和国国务院", "national", "全国", "", "", "", "", "", "")]


def test_task_search_finds_every_item_that_prints_the_phrase(repository_build):
    rows = answer(repository_build, "task-search", params={"phrase": "工匠精神"}).rows
    # grep 工匠精神 sources/: the 2016 heading 弘扬工匠精神 and safeguard （三）; national （四）;
    # Fujian （一） (its other two mentions are in 总体要求, not an item); Guangdong tasks 1 and 2
    # and annex row 1.
    assert sorted((r["document"], r["number"]) for r in rows) == sorted([
        ("cn-2016-guidance", ""), ("cn-2016-guidance", "（三）"), ("cn-2021-plan", "（四）"),
        ("fj-2026-plan", "（一）"), ("gd-2023-plan", "1."), ("gd-2023-plan", "2."), ("gd-2023-plan", "1"),
    ])


# Every item of each document as printed: (section, section title, number, title, kind).
STRUCTURE = {
    "cn-2016-guidance": [
    # 二、总体要求 （一）–（三）; 三、主要任务: the headings under （一）–（五）, which print no number;
    # 四、保障措施 （一）–（五） (sources/cn-2016-guidance.txt lines 9–53).
        ("二、", "总体要求", "（一）", "指导思想", "general-requirement"),
        ("二、", "总体要求", "（二）", "基本原则", "general-requirement"),
        ("二、", "总体要求", "（三）", "主要目标", "general-requirement"),
        ("（一）", "发扬中国工业精神", "", "弘扬工匠精神", "key-task"),
        ("（一）", "发扬中国工业精神", "", "践行创新精神", "key-task"),
        ("（一）", "发扬中国工业精神", "", "倡导诚信精神", "key-task"),
        ("（一）", "发扬中国工业精神", "", "培育企业家精神", "key-task"),
        ("（二）", "夯实工业文化发展基础", "", "强化工业文化理论支撑", "key-task"),
        ("（二）", "夯实工业文化发展基础", "", "统筹利用各类工业文化资源", "key-task"),
        ("（二）", "夯实工业文化发展基础", "", "健全政策标准体系", "key-task"),
        ("（三）", "发展工业文化产业", "", "推动工业设计创新发展", "key-task"),
        ("（三）", "发展工业文化产业", "", "促进工艺美术特色化和品牌化发展", "key-task"),
        ("（三）", "发展工业文化产业", "", "推动工业遗产保护和利用", "key-task"),
        ("（三）", "发展工业文化产业", "", "大力发展工业旅游", "key-task"),
        ("（三）", "发展工业文化产业", "", "支持工业文化新业态发展", "key-task"),
        ("（四）", "加大工业文化传播推广力度", "", "完善工业文化传播机制", "key-task"),
        ("（四）", "加大工业文化传播推广力度", "", "推动工业文化教育", "key-task"),
        ("（四）", "加大工业文化传播推广力度", "", "开展工业文明科普活动", "key-task"),
        ("（四）", "加大工业文化传播推广力度", "", "加强工业文化宣传", "key-task"),
        ("（五）", "塑造国家工业新形象", "", "强化绿色工业理念", "key-task"),
        ("（五）", "塑造国家工业新形象", "", "培育国家工业品牌", "key-task"),
        ("（五）", "塑造国家工业新形象", "", "推动产业迈向中高端", "key-task"),
        ("（五）", "塑造国家工业新形象", "", "树立中国制造国际形象", "key-task"),
        ("四、", "保障措施", "（一）", "完善支撑服务体系", "safeguard-measure"),
        ("四、", "保障措施", "（二）", "加大政策支持力度", "safeguard-measure"),
        ("四、", "保障措施", "（三）", "加强人才培养", "safeguard-measure"),
        ("四、", "保障措施", "（四）", "加强示范引领与交流合作", "safeguard-measure"),
        ("四、", "保障措施", "（五）", "加强组织实施", "safeguard-measure"),
    ],
    "cn-2021-plan": [
    # （一）–（十六） numbered through the four sections.
        ("一、", "总体要求", "（一）", "指导思想", "general-requirement"),
        ("一、", "总体要求", "（二）", "基本原则", "general-requirement"),
        ("一、", "总体要求", "（三）", "主要目标", "general-requirement"),
        ("二、", "重点任务", "（四）", "弘扬工业文化价值内涵", "key-task"),
        ("二、", "重点任务", "（五）", "促进工业文化与产业融合发展", "key-task"),
        ("二、", "重点任务", "（六）", "推动工业旅游创新发展", "key-task"),
        ("二、", "重点任务", "（七）", "开展工业文化教育实践", "key-task"),
        ("二、", "重点任务", "（八）", "提高工业遗产保护利用水平", "key-task"),
        ("二、", "重点任务", "（九）", "完善工业博物馆体系", "key-task"),
        ("二、", "重点任务", "（十）", "加大传播与交流", "key-task"),
        ("二、", "重点任务", "（十一）", "健全工业文化发展体系", "key-task"),
        ("三、", "保障措施", "（十二）", "拓宽资金支持渠道", "safeguard-measure"),
        ("三、", "保障措施", "（十三）", "健全人才保障体系", "safeguard-measure"),
        ("三、", "保障措施", "（十四）", "发挥中介机构作用", "safeguard-measure"),
        ("四、", "组织实施", "（十五）", "加强统筹协调", "organisational-measure"),
        ("四、", "组织实施", "（十六）", "抓好细化落实", "organisational-measure"),
    ],
    "fj-2026-plan": [
    # 二、重点任务 （一）–（七）; 三、保障措施 （一）–（五）.
        ("二、", "重点任务", "（一）", "传承弘扬企业家精神工匠精神", "key-task"),
        ("二、", "重点任务", "（二）", "创新设计赋能工业品牌发展", "key-task"),
        ("二、", "重点任务", "（三）", "鼓励构建工业博览展示空间", "key-task"),
        ("二、", "重点任务", "（四）", "活化利用工业遗产遗存", "key-task"),
        ("二、", "重点任务", "（五）", "着力打造工业旅游基地线路", "key-task"),
        ("二、", "重点任务", "（六）", "培育建设工业教育实践基地", "key-task"),
        ("二、", "重点任务", "（七）", "加速推进工业文化产业发展", "key-task"),
        ("三、", "保障措施", "（一）", "加强工作统筹协调", "safeguard-measure"),
        ("三、", "保障措施", "（二）", "传播弘扬核心价值", "safeguard-measure"),
        ("三、", "保障措施", "（三）", "健全工业文化资源库", "safeguard-measure"),
        ("三、", "保障措施", "（四）", "强化政策资金支持", "safeguard-measure"),
        ("三、", "保障措施", "（五）", "健全专业人才支撑", "safeguard-measure"),
    ],
    "gd-2023-plan": [
    # 二、重点任务 （一）–（四） with tasks 1.–13.; 三、保障措施, (一)–(四) with ASCII brackets and
    # （五）（六） full-width as printed; the annex rows 1–10 under their 分类 (a merged cell covers
    # the rows below it) and titled by their first phrase.
        ("（一）", "大力传承弘扬工业文化", "1.", "深入挖掘工业文化内涵", "key-task"),
        ("（一）", "大力传承弘扬工业文化", "2.", "展示弘扬广东特色工业文化", "key-task"),
        ("（一）", "大力传承弘扬工业文化", "3.", "加强工业文化基础研究", "key-task"),
        ("（二）", "推动工业文化赋能产业发展", "4.", "加强质量品牌建设", "key-task"),
        ("（二）", "推动工业文化赋能产业发展", "5.", "提升工业设计能力", "key-task"),
        ("（二）", "推动工业文化赋能产业发展", "6.", "完善工艺美术保护传承", "key-task"),
        ("（三）", "加强工业文化教育实践", "7.", "提升工业旅游服务品质", "key-task"),
        ("（三）", "加强工业文化教育实践", "8.", "培塑教育实践载体", "key-task"),
        ("（三）", "加强工业文化教育实践", "9.", "推进工业文化走进校园", "key-task"),
        ("（三）", "加强工业文化教育实践", "10.", "完善工业类博展馆体系", "key-task"),
        ("（四）", "提高工业遗产保护利用水平", "11.", "构建工业遗产分级保护体系", "key-task"),
        ("（四）", "提高工业遗产保护利用水平", "12.", "加强工业遗产保护统筹规划", "key-task"),
        ("（四）", "提高工业遗产保护利用水平", "13.", "科学组织遗产活化利用", "key-task"),
        ("三、", "保障措施", "(一)", "统筹推进落实", "safeguard-measure"),
        ("三、", "保障措施", "(二)", "建立支撑体系", "safeguard-measure"),
        ("三、", "保障措施", "(三)", "完善工作机制", "safeguard-measure"),
        ("三、", "保障措施", "(四)", "加大支持力度", "safeguard-measure"),
        ("三、", "保障措施", "（五）", "加强人才培养", "safeguard-measure"),
        ("三、", "保障措施", "（六）", "大力宣传推广", "safeguard-measure"),
        ("", "大力传承弘扬工业文化", "1", "持续开展“南粤工匠”推荐学习活动", "annex-row"),
        ("", "大力传承弘扬工业文化", "2", "选树一批传承红色基因、有责任、有担当或者在科技自立自强方面具有示范带动作用的国有企业典型", "annex-row"),
        ("", "推动工业文化赋能产业发展", "3", "积极参与中国品牌日活动", "annex-row"),
        ("", "推动工业文化赋能产业发展", "4", "不断提升工业设计大赛水平和活动影响力", "annex-row"),
        ("", "推动工业文化赋能产业发展", "5", "加强对广东省传统工艺美术品种、技艺的保护与传承", "annex-row"),
        ("", "加强工业文化教育实践", "6", "打造一批工业旅游示范单位和一批工业旅游精品线路", "annex-row"),
        ("", "加强工业文化教育实践", "7", "鼓励工业企业、园区依托工业遗址、工业类博物馆、工业旅游点、工业科普文化馆等", "annex-row"),
        ("", "加强工业文化教育实践", "8", "整合多方资源筹建广东工业博物馆", "annex-row"),
        ("", "提高工业遗产保护利用水平", "9", "挖掘梳理全省工业遗存底数", "annex-row"),
        ("", "提高工业遗产保护利用水平", "10", "研究推进工业遗产保护利用立法", "annex-row"),
    ],
    # The 具体任务 column: each row"s first sentence, rows 1–11 in order.
    "js-task-table": [
        ("附件", "江苏省贯彻《推进工业文化发展实施方案（2021-2025年）》行动计划任务分工表", "1", "建立工业文化基础资源库", "annex-row"),
        ("附件", "江苏省贯彻《推进工业文化发展实施方案（2021-2025年）》行动计划任务分工表", "2", "建立工业文化教育和实践体系", "annex-row"),
        ("附件", "江苏省贯彻《推进工业文化发展实施方案（2021-2025年）》行动计划任务分工表", "3", "组织工业文化宣传推广", "annex-row"),
        ("附件", "江苏省贯彻《推进工业文化发展实施方案（2021-2025年）》行动计划任务分工表", "4", "建立健全工业博物馆体系", "annex-row"),
        ("附件", "江苏省贯彻《推进工业文化发展实施方案（2021-2025年）》行动计划任务分工表", "5", "培育特色工业旅游项目", "annex-row"),
        ("附件", "江苏省贯彻《推进工业文化发展实施方案（2021-2025年）》行动计划任务分工表", "6", "培育工业遗产重点项目", "annex-row"),
        ("附件", "江苏省贯彻《推进工业文化发展实施方案（2021-2025年）》行动计划任务分工表", "7", "推动老工业城市工业遗产保护利用", "annex-row"),
        ("附件", "江苏省贯彻《推进工业文化发展实施方案（2021-2025年）》行动计划任务分工表", "8", "推动工业文化和产业融合发展", "annex-row"),
        ("附件", "江苏省贯彻《推进工业文化发展实施方案（2021-2025年）》行动计划任务分工表", "9", "培育工业文化新业态新模式", "annex-row"),
        ("附件", "江苏省贯彻《推进工业文化发展实施方案（2021-2025年）》行动计划任务分工表", "10", "培养工业文化专业人才", "annex-row"),
        ("附件", "江苏省贯彻《推进工业文化发展实施方案（2021-2025年）》行动计划任务分工表", "11", "强化工业文化政策支持", "annex-row"),
    ],
}


def test_document_structure_lists_every_item_in_the_order_printed(repository_build):
    rows = answer(repository_build, "document-structure").rows
    expected = [(code, *row) for code, items in sorted(STRUCTURE.items()) for row in items]
    assert [(r["document"], r["section"], r["section_title"], r["number"], r["title"], r["kind"]) for r in rows] == expected


# -- the answers a build keeps ------------------------------------------------------------

NEEDS_A_VALUE = {name for name, query in catalogue(QUERIES).items() if any(p.default == "" for p in query.params)}
KEPT = sorted(set(catalogue(QUERIES)) - NEEDS_A_VALUE)


def test_the_build_reports_no_saved_query_that_cannot_be_asked(repository_build):
    assert NEEDS_A_VALUE == {"agency-profile", "heritage-site-profile", "task-search", "tasks-by-theme"}
    assert repository_build.summary["failed_queries"] == {}


@pytest.mark.parametrize("name", KEPT)
def test_a_saved_query_asked_with_its_defaults_is_kept_and_read_back_as_the_store_gives_it(repository_build, name):
    query = find_query(QUERIES, name)
    text = with_values(query.text, query.bindings())
    first = run_query(repository_build, query)
    reopened = open_build(build_dir=repository_build.path)  # another process, later
    assert reopened.answers.read(name, text) is not None
    kept = run_query(reopened, query)
    fresh = evaluate(repository_build.store, name, text, use_default_graph_as_union=True)
    assert kept.columns == fresh.columns == first.columns
    assert Counter(map(unordered_lists, kept.rows)) == Counter(map(unordered_lists, fresh.rows))


def test_an_answer_is_kept_only_for_the_build_it_came_from(repository_build, tmp_path):
    query = find_query(QUERIES, "documents")
    text = with_values(query.text, query.bindings())
    run_query(repository_build, query)
    copy = tmp_path / "build"
    shutil.copytree(repository_build.path, copy)
    summary = json.loads((copy / "summary.json").read_text(encoding="utf-8"))
    summary["files"][0]["sha256"] = "0" * 64  # as if made from other files
    (copy / "summary.json").write_text(json.dumps(summary), encoding="utf-8")
    assert open_build(build_dir=copy).answers.read("documents", text) is None
    assert open_build(build_dir=repository_build.path).answers.read("documents", text) is not None


def test_answers_to_other_values_and_ad_hoc_queries_are_not_kept(repository_build):
    before = sorted(path.name for path in (repository_build.path / "answers").glob("*.json"))
    run_query(repository_build, find_query(QUERIES, "tasks-by-theme"), {"theme": "museums"})
    run_query(repository_build, adhoc_query("SELECT ?s WHERE { ?s a ?type } LIMIT 1"))
    after = sorted(path.name for path in (repository_build.path / "answers").glob("*.json"))
    assert after == before


@pytest.fixture(scope="module")
def build_in_memory(repository_build):
    return open_build(build_dir=repository_build.path, in_memory=True)


@pytest.mark.parametrize("name", sorted(catalogue(QUERIES)))
def test_a_build_opened_in_memory_answers_every_saved_query_as_on_disk(repository_build, build_in_memory, name):
    query = find_query(QUERIES, name)
    text = with_values(query.text, query.bindings(REQUIRED_PARAMETERS.get(name)))
    for graphs in ({"use_default_graph_as_union": True}, {"default_graph": repository_build.default_graphs(False)}):
        on_disk = evaluate(repository_build.store, name, text, **graphs)
        in_memory = evaluate(build_in_memory.store, name, text, **graphs)
        assert in_memory.columns == on_disk.columns
        assert Counter(map(unordered_lists, in_memory.rows)) == Counter(map(unordered_lists, on_disk.rows))


def test_an_edited_query_is_evaluated_not_read_from_the_build(repository_build, tmp_path):
    edited = tmp_path / "documents.rq"
    edited.write_text((QUERIES / "documents.rq").read_text(encoding="utf-8") + "LIMIT 2\n", encoding="utf-8")
    assert len(run_query(repository_build, load_query(edited)).rows) == 2
    assert len(answer(repository_build, "documents").rows) == 5


def test_a_value_other_than_the_default_is_evaluated_not_read_from_the_build(repository_build):
    museums = answer(repository_build, "heritage-lead-agencies", params={"theme": "museums"})
    heritage = answer(repository_build, "heritage-lead-agencies")
    assert museums.rows != heritage.rows
    query = find_query(QUERIES, "heritage-lead-agencies")
    text = with_values(query.text, query.bindings({"theme": "museums"}))
    assert museums.rows == evaluate(repository_build.store, query.name, text, use_default_graph_as_union=True).rows


def test_a_broken_saved_query_is_named_by_the_build_and_does_not_stop_it(project):
    (project / "queries" / "broken.rq").write_text(
        "#+ summary: Broken\n#+ description: A query cut short.\n#+ columns: [a]\n\nSELECT ?a WHERE {\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["--root", str(project), "build"])
    assert result.exit_code == 0, result.output
    assert "a saved query that cannot be asked:" in result.output
    assert "broken.rq:6: the query is not valid SPARQL" in result.output
    assert len(open_build(project).summary["failed_queries"]) == 1


def test_stated_vs_interpreted_counts_the_same_on_a_release_whose_interpretation_has_graphs_of_its_own(repository_build):
    # A release (and a store it is pushed to) keeps each document's readings in
    # graph/<code>/interpretation; the query must count them there too.
    from pyoxigraph import RdfFormat, Store

    from kgtool.release.named_graphs import release_graphs
    from kgtool.release.serialize import nquads

    released = Store()
    released.load(nquads(release_graphs(repository_build)), format=RdfFormat.N_QUADS)
    assert any(name.value.endswith("/interpretation") for name in released.named_graphs())
    query = find_query(QUERIES, "stated-vs-interpreted")
    on_release = evaluate(released, query.name, query.text, use_default_graph_as_union=True)
    on_build = answer(repository_build, "stated-vs-interpreted")
    assert on_release.rows == on_build.rows
    assert all(int(row["interpreted"]) > 0 for row in on_build.rows)
