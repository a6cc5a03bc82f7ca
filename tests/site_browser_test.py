"""The evidence site in a real browser: headless Chromium (Debian's chromium and chromium-driver, which .ci/run
installs) opens the home page, a source page at a row's anchor, a person page and a search from disk, as a reader
would; the test checks what each shows, runs the axe-core accessibility rules on it, and writes a screenshot of it,
on a wide screen and on a phone, into test-screenshots/ for people to look at."""

from __future__ import annotations

import shutil

import pytest

from tests.faults import REPO

CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = REPO / "test-screenshots"
pytestmark = [
    pytest.mark.slow,  # starts Chromium
    pytest.mark.skipif(
        not (CHROMIUM and CHROMEDRIVER and AXE.is_file()),
        reason="needs Chromium and chromedriver (Debian: apt-get install chromium chromium-driver) "
        "and `npm ci` (axe-core)",
    ),
]


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    SCREENSHOTS.mkdir(exist_ok=True)
    yield driver
    driver.quit()


def _look(browser, url: str, name: str) -> list[dict]:
    """Open the page, save it as seen on a wide screen and on a phone, and return axe-core's violations."""
    browser.set_window_size(1280, 900)
    browser.get(url)
    browser.save_screenshot(str(SCREENSHOTS / f"{name}.png"))
    browser.set_window_size(390, 844)
    browser.save_screenshot(str(SCREENSHOTS / f"{name}-phone.png"))
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390, f"{name} is {width} px wide on a 390 px phone"
    browser.execute_script(AXE.read_text(encoding="utf-8"))
    result = browser.execute_async_script(
        "const done = arguments[0]; axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations));"
    )
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result]


def test_home_page_shows_counts_map_timeline_and_search(browser, dist_folder):
    from selenium.webdriver.common.by import By

    violations = _look(browser, (dist_folder / "site" / "index.html").as_uri(), "home")
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Detention of ethnic Kazakhs")
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.map circle.place")) >= 20
    assert browser.find_elements(By.CSS_SELECTOR, "svg.timeline .event")
    assert "testimonies" in browser.find_element(By.CSS_SELECTOR, "ul.counts").text
    assert browser.find_element(By.CSS_SELECTOR, "form.search input#q")
    assert not violations, violations


def test_source_page_opens_on_the_highlighted_passage_of_a_row(browser, dist_folder):
    from selenium.webdriver.common.by import By

    page = dist_folder / "site" / "sources" / "asianews-awulqanqizi.html"
    violations = _look(browser, page.as_uri() + "#tes-0019", "source")
    browser.set_window_size(1280, 900)
    browser.get(page.as_uri() + "#tes-0019")
    anchor = browser.find_element(By.ID, "tes-0019")
    assert browser.execute_script("return document.querySelector(':target').id") == "tes-0019"
    top = browser.execute_script("return arguments[0].getBoundingClientRect().top", anchor)
    assert 0 <= top < 900, "the passage is not in view"
    marked = browser.execute_script("return arguments[0].nextElementSibling", anchor)
    while marked.tag_name == "a":
        marked = browser.execute_script("return arguments[0].nextElementSibling", marked)
    assert marked.tag_name == "mark" and marked.text.startswith("Awulqanqizi was held in the Dongmehle")
    assert not violations, violations


def test_person_page_shows_spellings_and_what_is_said_with_links_to_passages(browser, dist_folder):
    from selenium.webdriver.common.by import By

    violations = _look(browser, (dist_folder / "site" / "persons" / "per-gulzire-awulqanqizi.html").as_uri(), "person")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Gulzire Awulqanqizi"
    spellings = browser.find_element(By.XPATH, "//h3[starts-with(., 'Spellings')]/following-sibling::ul").text
    assert "AsiaNews" in spellings
    passages = browser.find_elements(By.XPATH, "//a[text()='The passage in the source']")
    assert passages and "sources/" in passages[0].get_attribute("href")
    assert not violations, violations


def test_a_case_sheet_comes_first_and_printing_the_page_gives_every_endnote(browser, dist_folder):
    """A person the sources report detained: on a phone the case sheet is the first thing after the name and the
    downloads; printed by Chromium (the WebDriver print command), the PDF holds every endnote, whole."""
    import base64
    import io
    import re
    import unicodedata

    from pypdf import PdfReader
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.print_page_options import PrintOptions

    page = dist_folder / "site" / "persons" / "per-watbek-qabelqaze.html"
    violations = _look(browser, page.as_uri(), "case-sheet")
    sheet = browser.find_element(By.CSS_SELECTOR, "section.case-sheet")
    said = browser.find_element(By.ID, "said")
    assert sheet.location["y"] < said.location["y"]
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
    endnotes = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "section.endnotes li")]
    assert endnotes and all("SHA-256" in note for note in endnotes)
    browser.set_window_size(1280, 900)
    pdf = base64.b64decode(browser.print_page(PrintOptions()))
    (SCREENSHOTS / "case-sheet.pdf").write_bytes(pdf)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    flat = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))  # the PDF's "ﬁ" ligatures as two letters
    missing = [note for note in endnotes if re.sub(r"\s+", "", note) not in flat]
    assert not missing, missing[:2]
    assert "Case sheet" in text and "Sections" not in text  # the navigation is not printed
    assert not violations, violations


def test_search_finds_a_name_from_disk(browser, dist_folder):
    from selenium.webdriver.common.by import By

    page = (dist_folder / "site" / "search.html").as_uri() + "?q=Dongmehle"
    violations = _look(browser, page, "search")
    heading = browser.find_element(By.CSS_SELECTOR, "#results h2").text
    assert heading.endswith("for “Dongmehle”") and not heading.startswith("0 ")
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#results a")]
    assert any("places/pl-dongmehle-camp.html" in link for link in links)
    assert not violations, violations


def test_search_for_one_spelling_brings_up_the_possibly_same_person_labelled_so(browser, dist_folder):
    from selenium.webdriver.common.by import By

    page = (dist_folder / "site" / "search.html").as_uri() + "?q=Mogudong"
    violations = _look(browser, page, "search-possibly-same")
    (found,) = [
        item
        for item in browser.find_elements(By.CSS_SELECTOR, "#results > ol > li")
        if "persons/per-kuliziya-mogudong.html" in item.find_element(By.TAG_NAME, "a").get_attribute("href")
    ]
    (same,) = found.find_elements(By.CSS_SELECTOR, "ul.possibly-same > li")
    assert "persons/per-kulziwa-mogdun.html" in same.find_element(By.TAG_NAME, "a").get_attribute("href")
    assert same.text == "Kulziwa Mogdun: possibly the same person as Kuliziya Mogudong; the package keeps them apart"
    matches = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#results > ol > li > a")]
    assert not any("per-kulziwa-mogdun" in link for link in matches)  # not listed as a match of his name
    assert not violations, violations
