"""The written release in a real browser: what a person sees and where a click takes them.

Drives Debian's chromium through its chromedriver with Selenium, offline (the
driver's path is given, so Selenium Manager downloads nothing). Screenshots of
each page visited are saved in the test's tmp_path, to look at when one fails. The
pages' Chinese needs a Chinese font installed (Debian's fonts-noto-cjk, which the README's
test command installs): without one the font test fails, as the screenshots would show boxes.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from kgtool.project import Project
from kgtool.release.site import write_site

from helpers import REPO, chromium



@pytest.fixture(scope="module")
def release(repository_build, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browsed-release")
    write_site(repository_build, out, Project(repository_build.path.parent))
    return out


def open_page(browser, release: Path, path: str):
    browser.get((release / path).as_uri())


def test_the_index_shows_the_documents_the_coverage_and_the_network(release, tmp_path):
    with chromium(tmp_path) as browser:
        open_page(browser, release, "index.html")
        browser.save_screenshot(str(tmp_path / "index.png"))
        assert browser.title.startswith("工业文化政策知识图谱")
        assert browser.find_element(By.TAG_NAME, "h1").text == "工业文化政策知识图谱"
        documents = browser.find_elements(By.CSS_SELECTOR, "table.documents tbody tr")
        assert len(documents) == 5
        assert "广东省推动工业文化发展实施方案" in documents[3].text and "粤工信生产合作函〔2023〕22号" in documents[3].text
        heatmap = browser.find_element(By.CSS_SELECTOR, "table.heatmap")
        assert heatmap.is_displayed()
        assert "（八） 提高工业遗产保护利用水平" in heatmap.text
        assert browser.find_element(By.CSS_SELECTOR, "svg.network").is_displayed()


def test_a_click_on_a_body_in_the_network_opens_its_page(release, tmp_path):
    with chromium(tmp_path) as browser:
        open_page(browser, release, "index.html")
        node = browser.find_element(By.CSS_SELECTOR, 'svg.network a[href="id/agency/gd-industry-it.html"] text')
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", node)
        node.click()
        WebDriverWait(browser, 10).until(expected_conditions.url_contains("id/agency/gd-industry-it.html"))
        assert browser.find_element(By.TAG_NAME, "h1").text == "广东省工业和信息化厅"


def test_an_item_page_shows_its_text_and_leads_to_the_bodies_it_names(release, tmp_path):
    with chromium(tmp_path) as browser:
        open_page(browser, release, "id/task/gd-2023-plan/1.html")
        browser.save_screenshot(str(tmp_path / "item.png"))
        assert browser.title.startswith("1. 深入挖掘工业文化内涵")
        # sources/gd-2023-plan.txt lines 73 and 75 (one paragraph across a page break), after “1. ”.
        lines = (REPO / "sources" / "gd-2023-plan.txt").read_text(encoding="utf-8").splitlines()
        quote = browser.find_element(By.CSS_SELECTOR, "figure.quote blockquote")
        assert quote.is_displayed()
        assert quote.text == lines[72].removeprefix("1. ") + lines[74]
        # The curator's themes are on the page, under a visible interpretation mark.
        interpretation = browser.find_element(By.CSS_SELECTOR, "section.interpretation")
        assert "解读 · interpretation" in interpretation.text and "理论研究" in interpretation.text

        body = browser.find_element(By.CSS_SELECTOR, ".clause tr.role-responsible").find_element(
            By.LINK_TEXT, "广东省人民政府国有资产监督管理委员会"
        )
        body.click()
        WebDriverWait(browser, 10).until(expected_conditions.url_contains("id/agency/gd-sasac.html"))
        browser.save_screenshot(str(tmp_path / "agency.png"))
        assert browser.title.startswith("广东省人民政府国有资产监督管理委员会")
        assert browser.find_element(By.TAG_NAME, "h1").text == "广东省人民政府国有资产监督管理委员会"
        # The item the reader came from is among those the body is responsible for.
        held = browser.find_element(By.ID, "role-responsible")
        assert "1. 深入挖掘工业文化内涵" in held.text


def test_the_register_map_leads_to_a_province_and_on_to_a_site_page(release, tmp_path):
    with chromium(tmp_path) as browser:
        open_page(browser, release, "heritage.html")
        browser.save_screenshot(str(tmp_path / "heritage.png"))
        assert browser.find_element(By.TAG_NAME, "h1").text == "国家工业遗产名单"
        assert browser.find_element(By.CSS_SELECTOR, "svg.choropleth").is_displayed()
        assert len(browser.find_elements(By.CSS_SELECTOR, "svg.choropleth path[data-province]")) == 34
        # graphs/heritage/: 264 rows of the seven lists, 16 of them in Liaoning.
        assert len(browser.find_elements(By.CSS_SELECTOR, "table.register tr.row")) == 264
        liaoning = browser.find_element(By.CSS_SELECTOR, 'svg.choropleth a[href="#place-ln"] path')
        assert liaoning.find_element(By.TAG_NAME, "title").get_attribute("textContent") == "辽宁省：16 处"
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", liaoning)
        liaoning.click()
        WebDriverWait(browser, 10).until(expected_conditions.url_contains("#place-ln"))
        rows = browser.find_element(By.ID, "place-ln")
        assert len(rows.find_elements(By.CSS_SELECTOR, "tr.row")) == 16
        rows.find_element(By.LINK_TEXT, "鞍山钢铁厂").click()
        WebDriverWait(browser, 10).until(expected_conditions.url_contains("id/carrier/ln-anshangangtiechang.html"))
        browser.save_screenshot(str(tmp_path / "site.png"))
        assert browser.find_element(By.TAG_NAME, "h1").text == "鞍山钢铁厂"
        designation = browser.find_element(By.ID, "designation-ln-anshangangtiechang-batch-1")
        assert "辽宁省鞍山市铁西区" in browser.find_element(By.CSS_SELECTOR, "dl.summary").text
        assert "已认定" in designation.text and "第一批国家工业遗产名单" in designation.text
        core = designation.find_element(By.CSS_SELECTOR, "figure.quote blockquote")
        assert core.is_displayed() and core.text.startswith("昭和制钢所运输系统办公楼")


def test_a_click_on_the_batch_heading_sorts_the_register_by_batch(release, tmp_path):
    with chromium(tmp_path) as browser:
        open_page(browser, release, "heritage.html")
        first = browser.find_element(By.CSS_SELECTOR, "table.register tr.row")
        assert "国营738厂" in first.text  # 北京市 comes first by province
        browser.find_element(By.CSS_SELECTOR, "table.register thead").find_element(By.PARTIAL_LINK_TEXT, "批次").click()
        WebDriverWait(browser, 10).until(expected_conditions.url_contains("heritage-by-batch.html"))
        browser.save_screenshot(str(tmp_path / "heritage-by-batch.png"))
        rows = browser.find_elements(By.CSS_SELECTOR, "table.register tr.row")
        assert len(rows) == 264
        assert "张裕酿酒公司" in rows[0].text and "鞍山钢铁厂" in rows[1].text
        # A reviewed batch's rows say the review's outcome is not recorded here.
        batch_two = browser.find_element(By.ID, "batch-2")
        assert "已认定，后经复核，复核结果未收录" in batch_two.text
        batch_two.find_element(By.LINK_TEXT, "第二批国家工业遗产名单").click()
        WebDriverWait(browser, 10).until(expected_conditions.url_contains("id/doc/cn-2018-heritage-list.html"))
        assert browser.find_element(By.TAG_NAME, "h1").text == "第二批国家工业遗产名单"
        assert len(browser.find_elements(By.CSS_SELECTOR, "table.register tbody tr")) == 42


# --- search ------------------------------------------------------------------------------------


SHOWN = 50  # results search.js lists at most


def search(browser, words: str) -> list:
    """Type words into the index page's search box; the results' links, in order."""
    box = browser.find_element(By.ID, "search-box")
    box.clear()
    box.send_keys(words)
    WebDriverWait(browser, 10).until(
        expected_conditions.text_to_be_present_in_element((By.ID, "search-status"), "条结果")
    )
    return browser.find_elements(By.CSS_SELECTOR, "#search-results li a")


def found_count(browser) -> int:
    """How many results the status line says matched (“26 条结果 · 26 results”)."""
    return int(browser.find_element(By.ID, "search-status").text.split(" 条结果")[0])


def relative_hrefs(links, release: Path) -> list[str]:
    return [link.get_attribute("href").removeprefix(release.as_uri() + "/") for link in links]


def assert_finds_exactly(browser, found: list[str], expected: set[str]) -> None:
    """The search matched every expected record and no other, and lists the first SHOWN."""
    assert found_count(browser) == len(expected)
    assert set(found) <= expected and len(found) == min(len(expected), SHOWN)


def records_containing(release: Path, *patterns: str) -> set[str]:
    """The paths of the index's records whose names or text match every pattern: what a
    search for those words must find, neither more nor less."""
    script = (release / "search-index.js").read_text(encoding="utf-8")
    data = json.loads(script.removeprefix("window.icpkgSearch = ").removesuffix(";\n"))
    fields = ("zh", "en", "names", "text")

    def matches(record, pattern) -> bool:
        return any(re.search(pattern, record[field], re.IGNORECASE) for field in fields)

    return {r["path"] for r in data["records"] if all(matches(r, pattern) for pattern in patterns)}


def test_a_chinese_word_in_the_search_box_finds_the_items_that_print_it_and_a_click_opens_one(release, tmp_path):
    with chromium(tmp_path) as browser:
        open_page(browser, release, "index.html")
        found = relative_hrefs(search(browser, "博物馆"), release)
        browser.save_screenshot(str(tmp_path / "search-museum.png"))
        # Chinese has no spaces: the word is found inside longer text, and nowhere it is not.
        assert_finds_exactly(browser, found, records_containing(release, "博物馆"))
        for expected in (
            "id/task/cn-2021-plan/9.html",  # （九） 完善工业博物馆体系 (graphs/cn-2021-plan.ttl)
            "id/task/js-task-table/4.html",  # 4 建立健全工业博物馆体系 (graphs/js-task-table.ttl)
            "id/task/gd-2023-plan/annex-8.html",  # 8 整合多方资源筹建广东工业博物馆 (graphs/gd-2023-plan.ttl)
            "vocab/carrier-type/industrial-museum.html",  # 工业博物馆 (ontology/vocab/carrier-type.ttl)
            "id/carrier/guangdong-industrial-museum.html",  # the named carrier 广东工业博物馆 (graphs/gd-2023-plan.ttl)
        ):
            assert expected in found
        # The item whose title is the word comes before those that only mention it.
        assert found.index("id/task/cn-2021-plan/9.html") < found.index("id/task/cn-2021-plan/3.html")
        browser.find_element(By.LINK_TEXT, "（九） 完善工业博物馆体系").click()
        WebDriverWait(browser, 10).until(expected_conditions.url_contains("id/task/cn-2021-plan/9.html"))
        assert browser.find_element(By.TAG_NAME, "h1").text == "（九） 完善工业博物馆体系"


def test_the_search_finds_heritage_sites_programmes_documents_and_agencies_by_chinese_words(release, tmp_path):
    with chromium(tmp_path) as browser:
        open_page(browser, release, "index.html")
        found = relative_hrefs(search(browser, "工业遗产"), release)
        assert_finds_exactly(browser, found, records_containing(release, "工业遗产"))
        for expected in (
            "id/task/cn-2021-plan/8.html",  # （八） 提高工业遗产保护利用水平
            "id/programme/gd-2023-plan/column-5.html",  # 专栏 5 工业遗产项目挖掘工程
            "id/carrier/ln-fuxinmeitangongyeyichanqun.html",  # 阜新煤炭工业遗产群, batch 4
            "id/doc/cn-2017-heritage-list.html",  # 第一批国家工业遗产名单
        ):
            assert expected in found
        # A body by part of its name, a plan by its 文号 (graphs/gd-2023-plan.ttl).
        bodies = relative_hrefs(search(browser, "文物局"), release)
        assert {"id/agency/cn-ncha.html", "id/agency/fj-cultural-heritage.html"} <= set(bodies)
        assert relative_hrefs(search(browser, "粤工信生产合作函"), release) == ["id/doc/gd-2023-plan.html"]
        # A heritage site by the city in its address: 鞍山钢铁厂 (辽宁省鞍山市铁西区).
        sites = search(browser, "鞍山")
        assert "id/carrier/ln-anshangangtiechang.html" in relative_hrefs(sites, release)
        browser.find_element(By.LINK_TEXT, "鞍山钢铁厂").click()
        WebDriverWait(browser, 10).until(expected_conditions.url_contains("id/carrier/ln-anshangangtiechang.html"))
        assert browser.find_element(By.TAG_NAME, "h1").text == "鞍山钢铁厂"


def test_an_english_word_in_the_search_box_finds_the_english_names(release, tmp_path):
    with chromium(tmp_path) as browser:
        open_page(browser, release, "index.html")
        found = relative_hrefs(search(browser, "museum"), release)
        # A word finds its longer forms (museums) and no word it is only inside of.
        assert_finds_exactly(browser, found, records_containing(release, r"\bmuseum"))
        for expected in (
            "id/task/cn-2021-plan/9.html",  # “Improve the system of industrial museums”
            "id/programme/gd-2023-plan/column-4.html",  # “Industrial museum (exhibition hall) development project”
            "vocab/carrier-type/industrial-museum.html",  # “Industrial museum”
            "id/carrier/guangdong-industrial-museum.html",  # “Guangdong Industrial Museum”
        ):
            assert expected in found
        # Two words: both must be there (graphs/cn-2016-guidance.ttl, “Vigorously develop
        # industrial tourism”; graphs/cn-2021-plan.ttl （六） “…of industrial tourism”).
        both = relative_hrefs(search(browser, "industrial tourism"), release)
        assert_finds_exactly(browser, both, records_containing(release, r"\bindustrial", r"\btourism"))
        assert {"id/task/cn-2016-guidance/3-tourism.html", "id/task/cn-2021-plan/6.html"} <= set(both)


def test_the_search_works_from_a_web_server_too(release, tmp_path):
    """From file:// (the tests above) and over HTTP: the page reads its index with a
    <script> element, which both allow."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(release))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with chromium(tmp_path) as browser:
            base = f"http://127.0.0.1:{server.server_address[1]}/"
            browser.get(base + "index.html?q=鞍山钢铁")
            WebDriverWait(browser, 10).until(
                expected_conditions.text_to_be_present_in_element((By.ID, "search-status"), "条结果")
            )
            assert browser.find_element(By.ID, "search-box").get_attribute("value") == "鞍山钢铁"
            hrefs = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#search-results li a")]
            assert hrefs[0] == base + "id/carrier/ln-anshangangtiechang.html"
    finally:
        server.shutdown()
        server.server_close()


# --- links from the heatmap and the item pages ---------------------------------------------------


def test_a_number_in_a_heatmap_cell_opens_the_item_it_counts(release, tmp_path):
    with chromium(tmp_path) as browser:
        open_page(browser, release, "index.html")
        # （八） × 广东省: key tasks 11.–13. and annex rows 9 and 10 (graphs/gd-2023-plan.ttl,
        # each icp:alignsWith cn21:8).
        row = browser.find_element(By.XPATH, "//table[@class='heatmap']//tr[th[contains(., '提高工业遗产保护利用水平')]]")
        guangdong = row.find_elements(By.TAG_NAME, "td")[0]
        assert [a.text for a in guangdong.find_elements(By.TAG_NAME, "a")] == ["9", "10", "11.", "12.", "13."]
        link = guangdong.find_element(By.LINK_TEXT, "11.")
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
        link.click()
        WebDriverWait(browser, 10).until(expected_conditions.url_contains("id/task/gd-2023-plan/11.html"))
        assert browser.find_element(By.TAG_NAME, "h1").text == "11. 构建工业遗产分级保护体系"
        # The page says what the cell counted: its alignment with （八）.
        interpretation = browser.find_element(By.CSS_SELECTOR, "section.interpretation")
        assert "（八） 提高工业遗产保护利用水平" in interpretation.text


def test_the_themes_instruments_and_spirits_of_an_item_lead_to_their_pages(release, tmp_path):
    with chromium(tmp_path) as browser:
        open_page(browser, release, "id/task/gd-2023-plan/1.html")
        # graphs/gd-2023-plan.ttl task:1: icp:theme theme:research (理论研究), icp:spirit
        # spirit:entrepreneurship (企业家精神), and its policy instruments.
        page = browser.find_element(By.TAG_NAME, "main")
        for folder in ("vocab/theme/", "vocab/policy-instrument/", "vocab/industrial-spirit/"):
            links = [a for a in page.find_elements(By.TAG_NAME, "a") if folder in a.get_attribute("href")]
            assert links, f"no link to {folder} on the item page"
        browser.find_element(By.LINK_TEXT, "理论研究").click()
        WebDriverWait(browser, 10).until(expected_conditions.url_contains("vocab/theme/research.html"))
        assert browser.find_element(By.TAG_NAME, "h1").text.startswith("理论研究")


# --- fonts ----------------------------------------------------------------------------------------

# Draws each character of an element's text on a canvas in the element's own font and
# compares it with a code point no font has (U+0378, unassigned): a character drawn the
# same is a missing glyph, a box. Returns [character, missing?] pairs.
MISSING_GLYPHS = r"""
const element = arguments[0], text = arguments[1] || element.textContent;
const style = getComputedStyle(element);
const font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
function drawn(character) {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 96;
  const context = canvas.getContext("2d");
  context.font = font;
  context.textBaseline = "top";
  context.fillText(character, 8, 8);
  return canvas.toDataURL();
}
const box = drawn("\u0378");
return Array.from(text.replace(/\s/g, "")).map(character => [character, drawn(character) === box]);
"""


def platform_fonts(browser, selector: str) -> set[str]:
    """The fonts chromium drew an element's text with (DevTools' CSS.getPlatformFontsForNode)."""
    browser.execute_cdp_cmd("DOM.enable", {})
    browser.execute_cdp_cmd("CSS.enable", {})
    root = browser.execute_cdp_cmd("DOM.getDocument", {})["root"]["nodeId"]
    node = browser.execute_cdp_cmd("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = browser.execute_cdp_cmd("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return {font["familyName"] for font in fonts}


@pytest.mark.parametrize("path", ["index.html", "id/task/gd-2023-plan/1.html"])
def test_chinese_headings_are_drawn_with_a_chinese_font_not_as_boxes(release, tmp_path, path):
    with chromium(tmp_path) as browser:
        open_page(browser, release, path)
        heading = browser.find_element(By.TAG_NAME, "h1")
        browser.save_screenshot(str(tmp_path / "heading.png"))
        # The check can fail: an unassigned code point is a box.
        assert browser.execute_script(MISSING_GLYPHS, heading, "\u0378") == [["\u0378", True]]
        missing = [c for c, is_box in browser.execute_script(MISSING_GLYPHS, heading, None) if is_box]
        assert missing == [], (
            f"{path}: the heading's characters {''.join(missing)} show as boxes: install a Chinese font "
            "(`apt-get install fonts-noto-cjk`, as the README's test command does)"
        )
        # And the font that drew them is one the stylesheet names for Chinese, not a fallback.
        stack = browser.execute_script("return getComputedStyle(document.documentElement).getPropertyValue('--cjk-sans')")
        named = {name.strip().strip('"') for name in stack.split(",")}
        assert platform_fonts(browser, "h1") <= named, (platform_fonts(browser, "h1"), named)
