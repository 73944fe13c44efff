"""The written release in a real browser: what a person sees and where a click takes them.

Drives Debian's chromium through its chromedriver with Selenium, offline (the
driver's path is given, so Selenium Manager downloads nothing). Screenshots of
each page visited are saved in the test's tmp_path, to look at when one fails.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from kgtool.project import Project
from kgtool.site import write_site

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def release(repository_build, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browsed-release")
    write_site(repository_build, out, Project(repository_build.path.parent))
    return out


@contextmanager
def chromium(tmp_path: Path):
    """A headless chromium for one test. Checked inside the test, not in a fixture, so
    a machine without it reports a failure saying what to install, never an error or a skip."""
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.is_file()]
    if missing:
        pytest.fail(
            f"{' and '.join(missing)} not found: the browser test needs Debian's chromium and its driver; "
            "install them with `apt-get install chromium chromium-driver`"
        )
    options = Options()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1280,1600", f"--user-data-dir={tmp_path / 'profile'}",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


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
