"""The built docs site, checked as a reader sees it: headless Chromium over a local HTTP server.

Needs `make docs` (which `make test` runs first) and Debian's chromium and chromium-driver (which
`make browser-deps` installs where it can). Screenshots of the home and chapter pages go to artifacts/.
"""
import functools, http.server, shutil, sys, threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse
from urllib.request import urlopen
import pytest
from d2lblocks.core import FRAMEWORK_LABELS, FRAMEWORKS, chapter_page

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_docs"
ARTIFACTS = ROOT / "artifacts"
CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")

pytestmark = [
    pytest.mark.skipif(not (SITE / "index.html").is_file(), reason="no built site in _docs/: run `make docs` first"),
    pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="chromium and chromedriver are not installed and "
                                                               "could not be (see `make browser-deps`)"),
]


@pytest.fixture(scope="module")
def site():
    handler = functools.partial(QuietHandler, directory=str(SITE))
    server = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args): pass


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that drops a connection it no longer needs is not a fault of the site.
        if not isinstance(sys.exc_info()[1], ConnectionError): super().handle_error(request, client_address)


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1300,1600"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"): self.links.append(attrs["href"])
        if tag in ("img", "script") and attrs.get("src"): self.links.append(attrs["src"])
        if tag == "link" and attrs.get("href"): self.links.append(attrs["href"])


PAGES = sorted(p.relative_to(SITE).as_posix() for p in SITE.rglob("*.html")) if SITE.is_dir() else []
CHAPTER_PAGES = [chapter_page(fw).replace(".ipynb", ".html") for fw in FRAMEWORKS]
EXPECTED_PAGES = ["index.html", "chapter.html", *CHAPTER_PAGES, "exercises.html", "20_instructors.html", "bench.html"]
LABELS = [FRAMEWORK_LABELS[fw] for fw in FRAMEWORKS]


def test_the_site_has_every_page_readers_need():
    assert set(EXPECTED_PAGES) <= set(PAGES)


@pytest.mark.parametrize("page", PAGES)
def test_page_answers_and_its_internal_links_resolve(site, page):
    url = urljoin(site, page)
    with urlopen(url) as response:
        assert response.status == 200
        parser = LinkParser()
        parser.feed(response.read().decode("utf-8"))
    broken = []
    for link in parser.links:
        target = urlparse(urljoin(url, link))
        if target.scheme not in ("http", "") or target.netloc not in ("", urlparse(site).netloc): continue
        if not target.path or target.path.endswith("/"): continue
        try:
            with urlopen(f"{site.rstrip('/')}{target.path}") as r: ok = r.status == 200
        except OSError: ok = False
        if not ok: broken.append(link)
    assert broken == []


@pytest.mark.parametrize("page", EXPECTED_PAGES)
def test_page_loads_without_console_errors(site, browser, page):
    browser.get(urljoin(site, page))
    errors = [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []


def _active_tabs(browser):
    return [a.text for a in browser.find_elements("css selector", ".panel-tabset[data-group] .nav-link.active")]


def _tab_sets(browser):
    "The labels of each synced tab set on the page, in order."
    return [[a.get_attribute("textContent").strip() for a in ts.find_elements("css selector", ".nav-link")]
            for ts in browser.find_elements("css selector", ".panel-tabset[data-group]")]


def test_every_chapter_section_has_a_tab_per_framework(site, browser):
    browser.get(urljoin(site, "chapter.html"))
    sets = _tab_sets(browser)
    assert len(sets) >= 8 and all(labels == LABELS for labels in sets), sets


def test_choosing_a_framework_switches_every_tab_set(site, browser):
    browser.get(urljoin(site, "chapter.html"))
    browser.execute_script("localStorage.clear(); sessionStorage.clear();")
    browser.get(urljoin(site, "chapter.html"))
    tabs = _active_tabs(browser)
    assert len(tabs) >= 8 and set(tabs) == {LABELS[0]}
    # Every other framework in turn, then back to the first: each click must switch all the tab sets together.
    for label in LABELS[1:] + LABELS[:1]:
        link = next(a for a in browser.find_elements("css selector", ".panel-tabset[data-group] .nav-link")
                    if a.text == label and a.is_displayed())
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", link)
        link.click()
        assert set(_active_tabs(browser)) == {label}
        visible = [p.text for p in browser.find_elements("css selector", ".tab-pane.active pre") if p.is_displayed()]
        assert any("MySequential" in t for t in visible), f"the {label} code is not visible"
        assert any("Running on:" in t for t in visible), f"the {label} outputs are not visible"


def test_exercises_page_shows_no_solution(site):
    with urlopen(urljoin(site, "exercises.html")) as r: html = r.read().decode()
    assert "NotImplementedError" in html
    for secret in ("BEGIN SOLUTION", "hidden_test", "self.net1, self.net2 = net1, net2"): assert secret not in html


def test_screenshots_of_home_and_chapter(site, browser):
    ARTIFACTS.mkdir(exist_ok=True)
    browser.get(urljoin(site, "index.html"))
    browser.execute_script("localStorage.clear();")  # show the default tabs, not those chosen by another test
    for page in ("index", "chapter"):
        browser.get(urljoin(site, f"{page}.html"))
        browser.find_element("css selector", "main, body").is_displayed()
        path = ARTIFACTS / f"{page}.png"
        assert browser.save_screenshot(str(path)) and path.stat().st_size > 10_000
