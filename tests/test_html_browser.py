"""The HTML report in a real browser: headless Chromium from Debian's packages, driven by
selenium through /usr/bin/chromedriver (selenium-manager downloads nothing).

Skipped where Chromium is missing, except under CI (the CI variable set), where
.ci/install_browser.sh must have installed it: there a missing browser fails.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from nlp_pipeline import runner as B
from nlp_pipeline.report.testing import toy_analyze, write_toy_corpus

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
EVIL = "<script>alert(1)</script>"


def _have_browser() -> bool:
    return os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)


@pytest.fixture(scope="module")
def driver():
    if not _have_browser():
        if os.environ.get("CI"):
            pytest.fail("headless Chromium missing under CI: .ci/install_browser.sh must install it")
        pytest.skip("chromium/chromedriver not installed (run .ci/install_browser.sh)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--window-size=1280,1600",
    ):  # fmt: skip
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    try:
        yield drv
    finally:
        drv.quit()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    write_toy_corpus(root / "in", 2)
    (root / "in" / "toy_000.txt").write_text(
        "@organisation 某某县水务局\n@year 2022\n"
        f"G1 加强水利工程管理{EVIL}，完成河道清淤12公里\n"
        "G2 提高供水保障能力，水质达标率100%\n"
        "O1 完成河道清淤12公里，投入资金350万元\n"
        f"O2 水质达标率100%，{EVIL}供水保障能力进一步提升\n"
        "Q1 项目前期工作不够扎实\n"
        "I1 加强项目前期论证，2023年6月前完成3个项目储备\n"
        "!UNSUPPORTED_CLAIM medium O2 进一步提升\n"
        "!NUMBER_CONFLICT high O1 12公里\n",
        encoding="utf-8",
    )
    (root / "in" / "broken.txt").write_text("BROKEN", encoding="utf-8")
    B.run_batch([root / "in"], root / "out", workers=0, analyze_fn=toy_analyze)
    return root / "out"


def _severe(drv) -> list:
    return [e for e in drv.get_log("browser") if e.get("level") == "SEVERE"]


def test_report_page_renders_escaped_text(driver, site):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    driver.get((site / "reports" / "toy_000.html").as_uri())
    assert driver.find_element(By.ID, "score-total").text.split()[0].replace(".", "").isdigit()
    assert driver.find_element(By.ID, "findings").is_displayed()
    # the long parts are folded until opened
    for el in ("score-details", "alignment", "numbers", "text"):
        det = driver.find_element(By.ID, el)
        assert det.get_attribute("open") is None, el
        det.find_element(By.TAG_NAME, "summary").click()
        assert det.get_attribute("open") is not None, el
    for el in ("score-parts", "align-outcomes_to_goals", "numbers-table"):
        assert driver.find_element(By.ID, el).is_displayed(), el
    marks = driver.find_elements(By.CSS_SELECTOR, "#text mark")
    assert {m.text for m in marks} >= {"进一步提升", "12公里"}
    assert driver.find_elements(By.CSS_SELECTOR, "#text mark.sev-high")
    # the injected script is text on the page, and never ran
    assert EVIL in driver.find_element(By.ID, "p-G1").text
    assert EVIL in driver.find_element(By.ID, "p-O2").text
    assert driver.find_elements(By.TAG_NAME, "script") == []
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text
    # high findings come first
    badges = [b.text for b in driver.find_elements(By.CSS_SELECTOR, "#findings article .badge")]
    assert badges == ["高", "中"]
    assert _severe(driver) == []
    ARTIFACTS.mkdir(exist_ok=True)
    driver.set_window_size(1280, 1600)
    assert driver.save_screenshot(str(ARTIFACTS / "report_page.png"))


def _cells(row) -> list[str]:
    from selenium.webdriver.common.by import By

    return [c.text for c in row.find_elements(By.TAG_NAME, "td")]


def _visible_rows(drv) -> list:
    from selenium.webdriver.common.by import By

    return [r for r in drv.find_elements(By.CSS_SELECTOR, "#reports tbody tr") if r.is_displayed()]


def test_index_page_links_to_reports(driver, site):
    from selenium.webdriver.common.by import By

    driver.get((site / "index.html").as_uri())
    rows = _visible_rows(driver)
    assert len(rows) == 2
    scores = [float(_cells(r)[4]) for r in rows]
    assert scores == sorted(scores)  # riskiest first
    assert "broken.txt" in driver.find_element(By.ID, "errors").text
    ARTIFACTS.mkdir(exist_ok=True)
    assert driver.save_screenshot(str(ARTIFACTS / "index_page.png"))
    rows[0].find_element(By.TAG_NAME, "a").click()
    assert driver.find_element(By.ID, "title").is_displayed()
    assert _severe(driver) == []


@pytest.fixture(scope="module")
def big_site(tmp_path_factory):
    """Twelve toy reports with different scores, finding counts and codes, two sharing a title."""
    root = tmp_path_factory.mktemp("big")
    write_toy_corpus(root / "in", 12)
    extra = "!NUMBER_CONFLICT high O1 12公里\n!DUPLICATE_PARAGRAPH medium G1 加强\n"
    for k in (3, 7):
        f = root / "in" / f"toy_{k:03d}.txt"
        f.write_text(f.read_text(encoding="utf-8") + extra, encoding="utf-8")
    B.run_batch([root / "in"], root / "out", workers=0, analyze_fn=toy_analyze, formats=["html", "csv"])
    return root / "out"


def test_index_sorts_filters_and_labels(driver, big_site):
    import pandas as pd
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    reports = pd.read_csv(big_site / "reports.csv")
    driver.get((big_site / "index.html").as_uri())
    assert _severe(driver) == []  # the script ran under the page's policy
    # labelled columns and distinct link texts
    heads = [h.text.strip() for h in driver.find_elements(By.CSS_SELECTOR, "#reports thead th")]
    assert all(heads) and len(set(heads)) == len(heads)
    links = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "#reports tbody a")]
    assert len(links) == 12 and len(set(links)) == 12
    shown = driver.find_element(By.ID, "shown")
    assert "12" in shown.text
    # sort by score, both ways; by number of findings
    score_head = driver.find_element(By.CSS_SELECTOR, 'th[data-key="score"] button')
    score_head.click()
    asc = [float(_cells(r)[4]) for r in _visible_rows(driver)]
    assert asc == sorted(asc)
    score_head.click()
    desc = [float(_cells(r)[4]) for r in _visible_rows(driver)]
    assert desc == sorted(asc, reverse=True) and desc != asc
    assert driver.find_element(By.CSS_SELECTOR, 'th[data-key="score"]').get_attribute("aria-sort") == "descending"
    driver.find_element(By.CSS_SELECTOR, 'th[data-key="findings"] button').click()
    counts = [int(_cells(r)[5]) for r in _visible_rows(driver)]
    assert counts == sorted(counts) and counts[-1] == 3
    # filter by score
    cut = float(reports["score"].median())
    driver.find_element(By.ID, "score-min").send_keys(str(cut))
    kept = [float(_cells(r)[4]) for r in _visible_rows(driver)]
    assert kept and all(s >= cut for s in kept) and len(kept) == int((reports["score"].round(1) >= cut).sum())
    assert str(len(kept)) in shown.text
    driver.find_element(By.ID, "score-min").clear()
    # filter by finding count, then by code
    driver.find_element(By.ID, "findings-min").send_keys("2")
    assert len(_visible_rows(driver)) == 2
    driver.find_element(By.ID, "findings-min").clear()
    Select(driver.find_element(By.ID, "code-filter")).select_by_value("DUPLICATE_PARAGRAPH")
    ids = sorted(r.get_attribute("data-title") for r in _visible_rows(driver))
    assert len(ids) == 2
    Select(driver.find_element(By.ID, "code-filter")).select_by_value("")
    assert len(_visible_rows(driver)) == 12
    assert driver.save_screenshot(str(ARTIFACTS / "index_filtered.png"))


def test_seed_page_is_short_and_every_finding_is_marked_in_place(driver, tmp_path_factory):
    from selenium.webdriver.common.by import By

    import nlp_pipeline
    from nlp_pipeline.report.html import render_report
    from seed_data import SEED, require

    require(SEED)
    analysis = nlp_pipeline.analyze(SEED)
    page = tmp_path_factory.mktemp("seed") / "seed.html"
    page.write_text(render_report(analysis), encoding="utf-8")
    driver.set_window_size(1280, 1000)
    driver.get(page.as_uri())
    height = driver.execute_script("return document.documentElement.scrollHeight")
    assert height < 12000, height  # 33,800 before the long parts were folded
    cards = driver.find_elements(By.CSS_SELECTOR, "#findings article")
    assert [c.get_attribute("id") for c in cards] == [f.id for f in analysis.findings]
    for card, f in zip(cards, analysis.findings):
        marks = card.find_elements(By.CSS_SELECTOR, "mark.ev-mark")
        assert len(marks) == len(f.evidence) and all(m.text.strip() for m in marks), f.id
    # following a finding's evidence opens the folded text at the paragraph, marked
    for f in analysis.findings:
        link = driver.find_element(By.CSS_SELECTOR, f'article[id="{f.id}"] .ev a')
        pid = link.get_attribute("href").split("#p-", 1)[1]
        link.click()
        para = driver.find_element(By.ID, f"p-{pid}")
        assert driver.find_element(By.ID, "text").get_attribute("open") is not None
        assert para.is_displayed(), f.id
        titles = [m.get_attribute("title") for m in para.find_elements(By.TAG_NAME, "mark")]
        assert any(t.startswith(f.id + " ") or f"; {f.id} " in t for t in titles), (f.id, titles)
        driver.execute_script("document.getElementById('text').open = false")
    assert _severe(driver) == []
    driver.set_window_size(1280, 1600)
