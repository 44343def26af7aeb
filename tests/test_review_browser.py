"""The review page in a real browser: headless Chromium opens it, a filter is
applied, a decision marked and exported, and the exported CSV is read back.
A screenshot is kept in out/test-artifacts/review.png."""

from __future__ import annotations

import csv
import os
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from calc_nlp.cli import main

from .conftest import DEMO, ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
if not (os.path.exists(CHROMIUM) and os.path.exists(DRIVER)):
    pytest.skip(
        "Debian's chromium and chromium-driver are not installed (make test installs them as root)",
        allow_module_level=True,
    )
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium not installed")
from selenium.webdriver.common.by import By  # noqa: E402


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("review")
    out = tmp / "out"
    assert (
        CliRunner()
        .invoke(
            main, ["run", str(DEMO / "reports.csv"), "-o", str(out), "--workers", "1"]
        )
        .exit_code
        == 0
    )
    html = tmp / "review.html"
    assert (
        CliRunner().invoke(main, ["review", str(out), "-o", str(html)]).exit_code == 0
    )
    return {"html": html, "out": out, "tmp": tmp}


@pytest.fixture(scope="module")
def browser(page):
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--window-size=1400,1000",
        f"--user-data-dir={page['tmp'] / 'profile'}",
    ):
        opts.add_argument(flag)
    driver = webdriver.Chrome(
        service=webdriver.ChromeService(executable_path=DRIVER), options=opts
    )
    downloads = page["tmp"] / "downloads"
    downloads.mkdir()
    driver.execute_cdp_cmd(
        "Page.setDownloadBehavior",
        {"behavior": "allow", "downloadPath": str(downloads)},
    )
    driver.get(page["html"].as_uri())
    yield driver, downloads
    driver.quit()


def _badges(driver):
    return [b.text for b in driver.find_elements(By.CSS_SELECTOR, ".finding .badge")]


def _downloaded(folder: Path, target: Path) -> bool:
    """Has the browser finished writing `target`? Chrome makes the file
    before it writes it (a read then finds it empty), and keeps a
    .crdownload beside it while it writes."""
    return (
        target.exists()
        and target.stat().st_size > 0
        and not any(p.suffix == ".crdownload" for p in folder.iterdir())
    )


def test_filter_decide_export(page, browser):
    driver, downloads = browser
    assert (
        len(driver.find_elements(By.CSS_SELECTOR, "#summary svg")) == 4
    )  # charts drawn in the page
    assert driver.find_elements(
        By.CSS_SELECTOR, ".card .text .f"
    )  # findings highlighted in the text
    assert driver.find_elements(By.CSS_SELECTOR, ".card .text .site")
    before = len(_badges(driver))
    # filter: metastatic only
    for box in driver.find_elements(By.CSS_SELECTOR, "#f-class input"):
        if box.get_attribute("value") != "metastatic":
            box.click()
    badges = _badges(driver)
    assert badges and set(badges) == {"metastatic"} and len(badges) < before
    # decide: reviewer, accept the first finding, reclassify the second with a note
    driver.find_element(By.ID, "reviewer").send_keys("QA")
    first, second = driver.find_elements(By.CSS_SELECTOR, ".finding")[:2]
    _fid1, fid2 = first.get_attribute("data-fi"), second.get_attribute("data-fi")
    first.find_element(By.CSS_SELECTOR, '[data-act="accept"]').click()
    second = driver.find_element(By.ID, f"f-{fid2}")
    second.find_element(By.CSS_SELECTOR, '[data-act="note"]').send_keys(
        "vessel wall, no CKD"
    )
    second.find_element(
        By.CSS_SELECTOR, '[data-act="class"] option:nth-child(3)'
    ).click()  # indeterminate
    second.find_element(By.CSS_SELECTOR, '[data-act="reclassify"]').click()
    # keyboard navigation moves to a finding
    driver.find_element(By.TAG_NAME, "body").send_keys("j")
    assert driver.find_elements(By.CSS_SELECTOR, ".finding.current")
    art = ROOT / "out" / "test-artifacts"
    art.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(art / "review.png"))
    # export and read back
    driver.find_element(By.ID, "export").click()
    target = downloads / "decisions.csv"
    deadline = time.time() + 20
    while time.time() < deadline and not _downloaded(downloads, target):
        time.sleep(0.2)
    assert _downloaded(downloads, target), list(downloads.iterdir())
    with open(target, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["decision"] for r in rows] == ["accept", "reclassify"]
    assert (
        rows[1]["classification"] == "indeterminate"
        and rows[1]["note"] == "vessel wall, no CKD"
    )
    assert {r["reviewer"] for r in rows} == {"QA"}
    with open(page["out"] / "findings.csv", encoding="utf-8", newline="") as fh:
        ids = {r["finding_id"]: r for r in csv.DictReader(fh)}
    assert all(
        r["finding_id"] in ids
        and ids[r["finding_id"]]["classification"] == "metastatic"
        for r in rows
    )
    # the export feeds the next steps: prior decisions on a new page, and gold JSONL
    html2 = page["tmp"] / "review2.html"
    r = CliRunner().invoke(
        main, ["review", str(page["out"]), "-o", str(html2), "--decisions", str(target)]
    )
    assert r.exit_code == 0 and "2 prior decisions, 0 changed" in r.output


# Every label of the summary charts, with where the browser drew it.
_CHART_TEXTS = """
return [...document.querySelectorAll('#summary svg')].flatMap((svg) =>
  [...svg.querySelectorAll('text')].map((t) => {
    const b = t.getBBox();
    const label = t.getAttribute('x') === '0';
    return {text: label ? t.lastChild.textContent : t.textContent, right: b.x + b.width,
            label: label, chart: svg.getAttribute('aria-label'),
            width: label ? svg.querySelector('rect').x.baseVal.value : svg.width.baseVal.value};
  }));
"""


def test_chart_counts_drawn_whole(page, browser, tmp_path):
    """A chart's largest count used to be cut to its first digit ('dystrophic 5'
    for 578): every count must end inside its chart, every label before the
    bars, and the counts drawn must be the counts of the run."""
    driver, _ = browser
    src = tmp_path / "many.csv"
    rows = list(csv.reader(open(DEMO / "reports.csv", encoding="utf-8", newline="")))
    with open(src, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(rows[0])
        for i in range(30):  # over 3,000 findings: four-digit counts
            w.writerows([[f"{r[0]}-{i}", r[1]] for r in rows[1:]])
    out, html = tmp_path / "out", tmp_path / "many.html"
    assert (
        CliRunner()
        .invoke(main, ["run", str(src), "-o", str(out), "--workers", "1"])
        .exit_code
        == 0
    )
    assert (
        CliRunner().invoke(main, ["review", str(out), "-o", str(html)]).exit_code == 0
    )
    with open(out / "findings.csv", encoding="utf-8", newline="") as fh:
        findings = list(csv.DictReader(fh))
    by_class: dict[str, int] = {}
    for f in findings:
        by_class[f["classification"] or "none"] = (
            by_class.get(f["classification"] or "none", 0) + 1
        )
    for target in (page["html"], html):
        driver.get(target.as_uri())
        texts = driver.execute_script(_CHART_TEXTS)
        assert len({t["chart"] for t in texts}) == 4, texts
        cut = [t for t in texts if t["right"] > t["width"] + 0.5]
        assert not cut, cut
    drawn = [t["text"] for t in texts if t["chart"] == "Findings by classification"]
    assert max(by_class.values()) >= 1000
    for cls, n in by_class.items():
        assert str(n) in drawn, (cls, n, drawn)
