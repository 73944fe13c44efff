"""The national industrial heritage register's saved queries give the answers counted
by hand from sources/heritage/ and the plans' texts in sources/.

How the expected numbers were read: batches 1–5 are tab-separated (序号, 地址, 名称, …),
so a province's rows are the rows whose 地址 column starts with its name, e.g.
    awk -F'\\t' 'NR>1 && $2 ~ /^辽宁省/' sources/heritage/national_industrial_heritage_list_batch1_2017.txt
Batches 6 and 7 are PDF text with the address cell broken over lines and letter-spaced
("辽 宁 省"), so their rows were read one by one: each row number is followed by the
province on its own line, found with
    tr -d ' ' < sources/heritage/national_industrial_heritage_list_batch6_2024.txt | grep -n '^辽宁省'
and each hit read in place to see which row it starts. A search for every prefecture-level
city of the province in the address column (沈阳, 大连 … / 广州, 佛山 …) found no row
whose address omits the province's name.
"""

from __future__ import annotations

import pytest

from kgtool.errors import ParameterError
from kgtool.ask.queries import find_query, run_query

from helpers import REPO

QUERIES = REPO / "queries"
BATCHES = [f"batch{n}" for n in range(1, 8)]


def answer(build, name, **options):
    return run_query(build, find_query(QUERIES, name), **options)


def by_province(build) -> dict[str, dict[str, str]]:
    return {row["province"]: row for row in answer(build, "heritage-sites-by-province").rows}


# -- heritage-sites-by-province ------------------------------------------------------

# 辽宁省, row numbers as printed in each list:
#   batch 1 (…batch1_2017.txt, 地址 starts 辽宁省): rows 2 鞍山钢铁厂, 3 旅顺船坞, 6 本溪湖煤铁公司 → 3
#   batch 2 (…batch2_2018.txt): rows 13 沈阳铸造厂, 14 国营庆阳化工厂 → 2
#   batch 3 (…batch3_2019.txt): rows 8 抚顺西露天矿, 9 营口造纸厂, 10 大连冷冻机厂铸造工厂 → 3
#   batch 4 (…batch4_2020.txt): rows 7 老龙口酒厂, 8 大连造船厂修船南坞, 9 阜新煤炭工业遗产群 → 3
#   batch 5 (…batch5_2021.txt): row 4 沈阳造币厂 → 1
#   batch 6 (…batch6_2024.txt, PDF text): row 8 (line 126 辽宁省 本溪市 桓仁满族自治县) 桓仁水电站 → 1
#   batch 7 (…batch7_2025.txt, PDF text): rows 8 (line 95, 沈阳市 铁西区) 沈阳红梅味精厂旧址,
#            9 (line 116, 大连市 中山区) 满铁电车修理工场旧址, 10 (line 131, 辽阳市 辽阳县) 首山变电所 → 3
LIAONING = {"batch1": "3", "batch2": "2", "batch3": "3", "batch4": "3", "batch5": "1", "batch6": "1", "batch7": "3",
            "total": "16"}

# 广东省, read the same way:
#   batches 1, 2, 4: no 地址 starting 广东省 (and none naming a Guangdong city) → 0
#   batch 3 (…batch3_2019.txt): row 32 南风古灶 (佛山市禅城区) → 1
#   batch 5 (…batch5_2021.txt): rows 18 江门甘蔗化工厂, 19 英德红旗茶厂 → 2
#   batch 6 (…batch6_2024.txt): rows 28 (line 499, 广州市越秀区) 广州电业局旧址（华安楼）,
#            29 (line 524, 茂名市茂南区) 茂名油页岩炼油厂 → 2
#   batch 7 (…batch7_2025.txt): rows 22 (line 322, 广州市), 23 (line 329, 韶关市 翁源县、南雄市) → 2
GUANGDONG = {"batch1": "0", "batch2": "0", "batch3": "1", "batch4": "0", "batch5": "2", "batch6": "2", "batch7": "2",
             "total": "7"}

# 合计: each batch's row count — sources/heritage/batches.tsv's sites column, and the last
# row number of each list (11, 42, 49, 62, 31, 37, 32), which sum to 264.
TOTALS = {"batch1": "11", "batch2": "42", "batch3": "49", "batch4": "62", "batch5": "31", "batch6": "37",
          "batch7": "32", "total": "264"}


def test_sites_by_province_has_the_columns_of_its_header(repository_build):
    result = answer(repository_build, "heritage-sites-by-province")
    assert result.columns == ["province", *BATCHES, "total"]
    assert list(find_query(QUERIES, "heritage-sites-by-province").columns) == result.columns


@pytest.mark.parametrize("province, expected", [("辽宁省", LIAONING), ("广东省", GUANGDONG)])
def test_sites_by_province_counts_each_batch_as_the_lists_print_it(repository_build, province, expected):
    row = by_province(repository_build)[province]
    assert {column: row[column] for column in expected} == expected


def test_the_total_row_sums_each_batch_to_264(repository_build):
    rows = answer(repository_build, "heritage-sites-by-province").rows
    assert rows[-1]["province"] == "合计"
    assert {column: rows[-1][column] for column in TOTALS} == TOTALS
    # The province rows add up to the total row, and each row's batches to its total.
    for column in [*BATCHES, "total"]:
        assert sum(int(row[column]) for row in rows[:-1]) == int(rows[-1][column]), column
    for row in rows:
        assert sum(int(row[column]) for column in BATCHES) == int(row["total"]), row["province"]


def test_provinces_are_sorted_by_total_then_name(repository_build):
    rows = answer(repository_build, "heritage-sites-by-province").rows[:-1]
    assert rows == sorted(rows, key=lambda row: (-int(row["total"]), row["province"]))
    # Every site is in one of the 31 provincial-level divisions; none is left without one.
    assert len(rows) == 31 and "合计" not in {row["province"] for row in rows}


# -- heritage-targets-vs-register ----------------------------------------------------

COLUMNS = ["document", "province", "issued", "heritage_items", "subject", "quantity", "qualifier", "year",
           "sites_before", "sites_after"]


def targets_vs_register(build) -> dict[str, list[dict[str, str]]]:
    rows: dict[str, list[dict[str, str]]] = {}
    for row in answer(build, "heritage-targets-vs-register").rows:
        rows.setdefault(row["document"], []).append(row)
    return rows


def test_targets_vs_register_has_the_columns_of_its_header(repository_build):
    result = answer(repository_build, "heritage-targets-vs-register")
    assert result.columns[: len(COLUMNS)] == COLUMNS
    assert list(find_query(QUERIES, "heritage-targets-vs-register").columns) == result.columns


def test_only_the_provincial_plans_with_heritage_targets_or_national_heritage_items_are_listed(repository_build):
    # The national plan and guidance (全国) and the heritage lists (全国) are not provincial plans.
    assert sorted(targets_vs_register(repository_build)) == ["fj-2026-plan", "gd-2023-plan", "js-task-table"]


def test_guangdong_plan_against_the_sites_before_and_after_its_date(repository_build):
    [row] = targets_vs_register(repository_build)["gd-2023-plan"]
    assert row["province"] == "广东省"
    # sources/gd-2023-plan.txt line 59: 2023年6月15日 (the notice's date).
    assert row["issued"] == "2023-06-15"
    # sources/gd-2023-plan.txt line 135 (专栏5): “力争到 2025 年全省工业遗产数量达到 60 个” —
    # no 以上/左右 printed, so exactly.
    assert (row["subject"], row["quantity"], row["qualifier"], row["year"]) == ("工业遗产", "60", "exactly", "2025")
    assert (row["unit"], row["kind"]) == ("个", "cumulative-total")
    # Lists dated before 2023-06-15 (batches 1–5, 2017-12-20 … 2021-11-30, batches.tsv): Guangdong's
    # rows there are batch 3 row 32 and batch 5 rows 18, 19 → 3. On or after it (batch 6, 2024-10-22;
    # batch 7, 2025-10-17): batch 6 rows 28, 29 and batch 7 rows 22, 23 → 4. See GUANGDONG above.
    assert (row["sites_before"], row["sites_after"]) == ("3", "4")
    # The items graphs/gd-2023-plan.ttl types in the industrial-heritage branch (icp:carrierType, an
    # interpretation): 7, 8, 11, 12, 13 and annex rows 7, 9, 10 → 8; of type 国家工业遗产: 11 and annex 9 → 2.
    assert (row["heritage_items"], row["national_items"]) == ("8", "2")


def test_a_plan_without_a_date_counts_every_site_before(repository_build):
    rows = targets_vs_register(repository_build)
    # fj-2026-plan, a draft, prints no date and sets no heritage target (sources/fj-2026-plan.txt
    # gives 工业遗产 no number): one row, target columns empty. 福建省 rows: batch 3 rows 21, 22;
    # batch 4 rows 26, 27; batch 5 row 11; batch 6 row at line 290 → 6, all before.
    [fujian] = rows["fj-2026-plan"]
    assert (fujian["issued"], fujian["subject"], fujian["quantity"], fujian["qualifier"], fujian["year"]) == ("",) * 5
    assert (fujian["sites_before"], fujian["sites_after"]) == ("6", "0")
    # js-task-table prints no date; its heritage target is 培育50个工业遗产活化利用重点项目 (a count of
    # projects). 江苏省 rows: batch 2 rows 16–19, batch 3 rows 14–16, batch 4 rows 19 (江苏常州经济开发区),
    # 20, batch 5 rows 6, 7, batch 6 lines 211, 231, 253, batch 7 line 231 → 4+3+2+2+3+1 = 15.
    [jiangsu] = rows["js-task-table"]
    assert (jiangsu["issued"], jiangsu["subject"], jiangsu["quantity"], jiangsu["qualifier"], jiangsu["year"]) == (
        "", "工业遗产活化利用重点项目", "50", "exactly", "")
    assert (jiangsu["sites_before"], jiangsu["sites_after"]) == ("15", "0")


def test_sites_before_and_after_agree_with_the_province_totals(repository_build):
    provinces = by_province(repository_build)
    for rows in targets_vs_register(repository_build).values():
        for row in rows:
            assert int(row["sites_before"]) + int(row["sites_after"]) == int(provinces[row["province"]]["total"])


# -- heritage-site-profile -----------------------------------------------------------

PROFILE = ["site", "name", "applied_name", "address", "province", "prefecture", "batch", "list", "date", "status",
           "core_items", "applicant"]


def profile(build, name):
    return answer(build, "heritage-site-profile", params={"name": name})


def test_site_profile_needs_a_name(repository_build):
    profile_query = find_query(QUERIES, "heritage-site-profile")
    with pytest.raises(ParameterError, match="--param name="):
        run_query(repository_build, profile_query)


def test_a_site_is_found_by_part_of_its_name(repository_build):
    # sources/heritage/national_industrial_heritage_list_batch1_2017.txt row 11:
    # 湖北省武汉市汉阳区 | 汉冶萍公司--汉阳铁厂 | 矿砂码头、…; list 工信部产业函〔2017〕589号, 2017-12-20.
    result = profile(repository_build, "汉阳铁厂")
    assert result.columns == PROFILE
    [row] = result.rows
    assert {column: row[column] for column in PROFILE if column != "core_items"} == {
        "site": "https://w3id.org/icpkg/id/carrier/hb-hanyepinggongsihanyangtiechang",
        "name": "汉冶萍公司--汉阳铁厂", "applied_name": "", "address": "湖北省武汉市汉阳区", "province": "湖北省",
        "prefecture": "武汉市", "batch": "1", "list": "工信部产业函〔2017〕589号", "date": "2017-12-20",
        "status": "designated", "applicant": "",
    }
    assert row["core_items"].startswith("矿砂码头、高炉凝铁、汉阳铁厂造钢轨")
    # Spaces and dashes do not matter.
    assert profile(repository_build, "汉冶萍公司 汉阳铁厂").rows == result.rows


def test_a_batch_2_site_is_reviewed_with_the_outcome_not_recorded(repository_build):
    # …batch2_2018.txt row 13: 辽宁省沈阳市铁西区 | 沈阳铸造厂; batch 2's announcement was voided by
    # 工信部政法函〔2024〕301号 (batches.tsv reviewed_by) and the reviewed list is not in sources/.
    [row] = profile(repository_build, "沈阳铸造厂").rows
    assert (row["province"], row["prefecture"], row["batch"], row["list"], row["date"], row["status"]) == (
        "辽宁省", "沈阳市", "2", "工信部产业函〔2018〕417号", "2018-11-15", "reviewed-outcome-unrecorded")


def test_a_batch_7_site_is_found_by_the_name_applied_for(repository_build):
    # …batch7_2025.txt row 9 (lines 115–127): 辽宁省 大连市 中山区 | 申请名称 满铁电车修理工场旧址 |
    # 核准名称 大连市交通公司电车工厂 | … | 申请单位 大连公交客运集团有限公司.
    [row] = profile(repository_build, "满铁电车修理工场旧址").rows
    assert (row["name"], row["applied_name"], row["address"], row["prefecture"], row["batch"], row["date"],
            row["status"], row["applicant"]) == (
        "大连市交通公司电车工厂", "满铁电车修理工场旧址", "辽宁省大连市中山区", "大连市", "7", "2025-10-17",
        "designated", "大连公交客运集团有限公司")


def test_a_name_in_two_lists_gives_a_row_per_designation(repository_build):
    # 北京卫星制造厂: …batch2_2018.txt row 3, and …batch4_2020.txt row 62 (“三号厂房（为第二批国家工业
    # 遗产项目增补核心物项）”): one site, a row per designation with that row's core items.
    rows = profile(repository_build, "北京卫星制造厂").rows
    assert [(row["batch"], row["province"], row["prefecture"]) for row in rows] == [("2", "北京市", ""), ("4", "北京市", "")]
    assert len({row["site"] for row in rows}) == 1
    assert rows[1]["core_items"] == "三号厂房（为第二批国家工业遗产项目增补核心物项）"


def test_every_liaoning_and_guangdong_site_has_one_profile_row(repository_build):
    # The 16 + 7 rows counted above, each found by its approved name.
    names = {
        "辽宁省": ["鞍山钢铁厂", "旅顺船坞", "本溪湖煤铁公司", "沈阳铸造厂", "国营庆阳化工厂", "抚顺西露天矿", "营口造纸厂",
                 "大连冷冻机厂铸造工厂", "老龙口酒厂", "大连造船厂修船南坞", "阜新煤炭工业遗产群", "沈阳造币厂", "桓仁水电站",
                 "沈阳红梅味精厂旧址", "大连市交通公司电车工厂", "首山变电所"],
        # Batch 7 rows 22 and 23 (lines 321–347): 核准名称 黄埔船厂 (申请 中国船舶黄埔文冲文化园) and
        # 中核韶关铀矿 (申请 741矿核工业建筑旧址).
        "广东省": ["南风古灶", "江门甘蔗化工厂", "英德红旗茶厂", "广州电业局旧址（华安楼）", "茂名油页岩炼油厂", "黄埔船厂",
                 "中核韶关铀矿"],
    }
    for province, sites in names.items():
        for name in sites:
            [row] = profile(repository_build, name).rows
            assert (row["name"], row["province"]) == (name, province)
    # The applied-for name finds the same site; its address spans two counties of one prefecture.
    [row] = profile(repository_build, "741矿核工业建筑旧址").rows
    assert (row["name"], row["address"], row["prefecture"], row["batch"]) == (
        "中核韶关铀矿", "广东省韶关市翁源县、南雄市", "韶关市", "7")


def test_an_unknown_name_gives_no_rows(repository_build):
    assert profile(repository_build, "不存在的工厂").rows == []
