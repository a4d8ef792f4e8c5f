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
    for el in ("score-parts", "findings", "align-outcomes_to_goals", "numbers-table", "text"):
        assert driver.find_element(By.ID, el).is_displayed(), el
    marks = driver.find_elements(By.CSS_SELECTOR, "#text mark")
    assert {m.text for m in marks} >= {"进一步提升", "12公里"}
    assert driver.find_elements(By.CSS_SELECTOR, "mark.sev-high")
    # the injected script is text on the page, and never ran
    assert EVIL in driver.find_element(By.ID, "p-G1").text
    assert EVIL in driver.find_element(By.ID, "p-O2").text
    assert driver.find_elements(By.TAG_NAME, "script") == []
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text
    # high findings come first
    badges = [b.text for b in driver.find_elements(By.CSS_SELECTOR, "#findings .badge")]
    assert badges == ["高", "中"]
    assert _severe(driver) == []
    ARTIFACTS.mkdir(exist_ok=True)
    driver.set_window_size(1280, 1600)
    assert driver.save_screenshot(str(ARTIFACTS / "report_page.png"))


def test_index_page_links_to_reports(driver, site):
    from selenium.webdriver.common.by import By

    driver.get((site / "index.html").as_uri())
    rows = driver.find_elements(By.CSS_SELECTOR, "#reports tr")[1:]
    assert len(rows) == 2
    scores = [float(r.find_elements(By.TAG_NAME, "td")[4].text) for r in rows]
    assert scores == sorted(scores)  # riskiest first
    assert "broken.txt" in driver.find_element(By.ID, "errors").text
    ARTIFACTS.mkdir(exist_ok=True)
    assert driver.save_screenshot(str(ARTIFACTS / "index_page.png"))
    rows[0].find_element(By.TAG_NAME, "a").click()
    assert driver.find_element(By.ID, "title").is_displayed()
    assert _severe(driver) == []
