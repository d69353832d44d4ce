"""The built docs site, checked as a reader sees it: headless Chromium over a local HTTP server.

Needs `make docs` (which `make test` runs first) and Debian's chromium and chromium-driver (which
`make browser-deps` installs where it can). D2LBLOCKS_SITE names another built site to check. Screenshots
and the positions the tab test measured go to artifacts/ (git-ignored), to look at after a run.
"""
import functools, http.server, json, os, re, shutil, sys, threading, time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse
from urllib.request import urlopen
import pytest
from d2lblocks.core import FRAMEWORKS, TERMS, chapter_page
from d2lblocks.docs import TAB_ORDER

ROOT = Path(__file__).resolve().parents[1]
SITE = Path(os.environ.get("D2LBLOCKS_SITE", ROOT / "_docs"))
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
LABELS = [TERMS[fw].title for fw in TAB_ORDER]  # PyTorch first, as in the book


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


def _shot(browser, name):
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    assert browser.save_screenshot(str(path)) and path.stat().st_size > 10_000
    return path


def _record(name, data):
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"{name}.json").write_text(json.dumps(data, indent=1))


def _open(browser, site, page, width=1300, height=1600, fresh=True):
    "Load `page` at this window size; with `fresh`, as a first visit: no remembered framework."
    browser.set_window_size(width, height)
    browser.get(urljoin(site, page))
    if fresh:
        browser.execute_script("localStorage.clear(); sessionStorage.clear();")
        browser.get(urljoin(site, page))
    assert browser.execute_script("return window.innerWidth") == width
    browser.execute_script("return document.fonts && document.fonts.ready")


def _tab_sets(browser):
    "The labels of each synced tab set on the page, in order."
    return [[a.get_attribute("textContent").strip() for a in ts.find_elements("css selector", ":scope > .nav-tabs .nav-link")]
            for ts in browser.find_elements("css selector", ".panel-tabset[data-group]")]


def _active_tabs(browser):
    return [a.get_attribute("textContent").strip()
            for a in browser.find_elements("css selector", ".panel-tabset[data-group] > .nav-tabs .nav-link.active")]


def test_every_tab_set_has_a_tab_per_framework_pytorch_first(site, browser):
    _open(browser, site, "chapter.html")
    sets = _tab_sets(browser)
    assert len(sets) >= 8 and all(labels == LABELS for labels in sets), sets
    assert LABELS[0] == "PyTorch" and set(_active_tabs(browser)) == {"PyTorch"}


def test_a_remark_for_one_framework_shows_only_in_that_framework(site, browser):
    _open(browser, site, "chapter.html")
    def shown():
        return browser.execute_script("""return [...document.querySelectorAll('.panel-tabset[data-group]')].map((s) =>
            s.offsetParent !== null)""")
    pytorch = shown()
    link = next(a for a in browser.find_elements("css selector", ".panel-tabset[data-group] > .nav-tabs .nav-link")
                if a.get_attribute("textContent").strip() == "JAX" and a.is_displayed())
    browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", link)
    link.click()
    jax = shown()
    only_jax = [i for i, (p, j) in enumerate(zip(pytorch, jax)) if j and not p]
    assert only_jax, "the JAX page has a remark the others lack (its summary's line on parameters outside the module)"
    assert all(jax), "every tab set holds something in JAX"


def test_shared_prose_and_the_figure_are_outside_the_tabs(site, browser):
    _open(browser, site, "chapter.html")
    outside = browser.execute_script("""
        const main = document.querySelector('main');
        const out = (el) => !el.closest('.panel-tabset');
        return {paragraphs: [...main.querySelectorAll('p, li')].filter(out).length,
                figures: [...main.querySelectorAll('img[src$="blocks.svg"]')].map(out),
                headings: [...main.querySelectorAll('h2')].filter(out).length,
                code_outside: [...main.querySelectorAll('pre.sourceCode')].filter(out).length}""")
    assert outside["figures"] == [True], "the figure of nested blocks appears once, outside the tabs"
    _record("shared_outside_tabs", outside)
    assert outside["paragraphs"] >= 15 and outside["headings"] >= 8, outside  # paragraphs and list items shown once
    assert outside["code_outside"] == 0, "all code belongs to a framework, so all of it is in tabs"


def test_a_tab_switches_every_tab_set_and_keeps_its_place_on_screen(site, browser):
    _open(browser, site, "chapter.html")
    measured = []
    for label in LABELS[1:] + LABELS[:1]:
        links = [a for a in browser.find_elements("css selector", ".panel-tabset[data-group] > .nav-tabs .nav-link")
                 if a.get_attribute("textContent").strip() == label and a.is_displayed()]
        link = links[len(links) // 2]  # a tab set in the middle of the page: the panes above it change height
        browser.execute_script("window.scrollTo({top: window.scrollY + arguments[0].getBoundingClientRect().top - 400, behavior: 'instant'});", link)
        before = browser.execute_script("return arguments[0].getBoundingClientRect().top", link)
        link.click()
        time.sleep(0.3)
        after = browser.execute_script("return arguments[0].getBoundingClientRect().top", link)
        measured.append(dict(tab=label, y_before=round(before, 1), y_after=round(after, 1)))
        assert set(_active_tabs(browser)) == {label}
        visible = [p.text for p in browser.find_elements("css selector", ".tab-pane.active pre") if p.is_displayed()]
        assert any("MySequential" in t for t in visible), f"the {label} code is not visible"
        assert any("Running on:" in t for t in visible), f"the {label} outputs are not visible"
        if label == "JAX": _shot(browser, "chapter-jax-tab-clicked")
    _record("tab_positions", measured)
    assert all(abs(m["y_after"] - m["y_before"]) <= 2 for m in measured), measured


_LINES = """
    // Rendered lines of each visible code block against its lines of text: more means a line wrapped.
    return [...document.querySelectorAll('main pre > code')].filter((c) => c.offsetParent !== null).map((code) => {
        const range = document.createRange(); range.selectNodeContents(code);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        const lines = code.textContent.replace(/\\n$/, '').split('\\n').filter((l) => l.trim()).length;
        const pre = code.parentElement;
        return {lines, rendered: tops.size, scrolls: pre.scrollWidth > pre.clientWidth,
                overflow: getComputedStyle(pre).overflowX, text: code.textContent.slice(0, 60)};
    });"""


@pytest.mark.parametrize("page,width", [("chapter.html", 1300), ("chapter.html", 390), ("04_jax.html", 390), ("02_torch.html", 1300)])
def test_no_line_of_code_or_output_wraps(site, browser, page, width):
    _open(browser, site, page, width=width, height=900)
    blocks = browser.execute_script(_LINES)
    assert len(blocks) >= 10
    wrapped = [b for b in blocks if b["rendered"] > b["lines"]]
    assert wrapped == [], wrapped[:3]
    long = [b for b in blocks if b["scrolls"]]
    assert all(b["overflow"] in ("auto", "scroll") for b in long), long[:3]
    if width == 390: assert long, "on a phone some lines are longer than the screen, and scroll"


def test_outputs_look_apart_from_code(site, browser):
    _open(browser, site, "chapter.html")
    style = browser.execute_script("""
        const css = (el) => { const s = getComputedStyle(el); return {bg: s.backgroundColor, border: s.borderLeftStyle + ' ' + s.borderLeftColor}; };
        const code = document.querySelector('.tab-pane.active .cell div.sourceCode');
        const out = document.querySelector('.tab-pane.active .cell-output pre');
        return {code: css(code), output: css(out),
                output_copy_buttons: document.querySelectorAll('.cell-output .code-copy-button').length,
                code_copy_buttons: document.querySelectorAll('.cell .code-copy-button').length}""")
    assert style["output_copy_buttons"] == 0 and style["code_copy_buttons"] > 10, style
    assert style["code"] != style["output"], style
    assert style["output"]["border"].startswith("solid"), "outputs hang from a rule of their own"


def test_the_sidebar_can_be_used_on_a_phone(site, browser):
    _open(browser, site, "chapter.html", width=390, height=844)
    browser.find_element("css selector", ".quarto-btn-toggle").click()
    time.sleep(0.5)
    links = browser.execute_script("""
        return [...document.querySelectorAll('#quarto-sidebar a.sidebar-link[href]')].slice(0, 4).map((a) => {
            const r = a.getBoundingClientRect();
            const hit = document.elementFromPoint(r.left + Math.min(20, r.width / 2), r.top + r.height / 2);
            return {text: a.textContent.trim(), top: r.top, bottom: r.bottom, on_top: !!hit && a.contains(hit)};
        });""")
    _record("phone_sidebar", links)
    _shot(browser, "phone-sidebar-open")
    assert len(links) == 4 and all(l["on_top"] and 0 <= l["top"] and l["bottom"] <= 844 for l in links), links
    browser.find_element("css selector", "#quarto-sidebar a.sidebar-link[href='index.html']").click()
    assert browser.current_url.endswith("/index.html")


def _luminance(rgb):
    r, g, b = (float(x) for x in rgb[rgb.index("(") + 1:rgb.index(")")].split(",")[:3])
    return 0.299 * r + 0.587 * g + 0.114 * b


def test_dark_mode_follows_the_system_setting(site, browser):
    def colours():
        return browser.execute_script("""
            const s = (el) => getComputedStyle(el);
            return {body: s(document.body).backgroundColor, text: s(document.body).color,
                    code: s(document.querySelector('.tab-pane.active pre.sourceCode code')).color}""")
    try:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
        _open(browser, site, "chapter.html")
        dark = colours()
        _shot(browser, "chapter-dark")
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "light"}]})
    _open(browser, site, "chapter.html")
    light = colours()
    assert _luminance(dark["body"]) < 80 and _luminance(dark["text"]) > 150 and _luminance(dark["code"]) > 120, dark
    assert _luminance(light["body"]) > 200 and _luminance(light["text"]) < 110, light


@pytest.mark.parametrize("page", ["index.html", "bench.html"])
def test_tables_fit_the_page_at_1280_px(site, browser, page):
    _open(browser, site, page, width=1280, height=900)
    tables = browser.execute_script("""
        return [...document.querySelectorAll('main table')].map((t) => {
            let box = t.parentElement; 
            const cells = t.querySelectorAll('th, td');
            return {columns: t.rows[0].cells.length, width: t.scrollWidth, room: box.clientWidth,
                    box_scrolls: box.scrollWidth > box.clientWidth, page_scrolls: document.documentElement.scrollWidth > window.innerWidth,
                    last_right: cells[t.rows[0].cells.length - 1].getBoundingClientRect().right, window: window.innerWidth};
        });""")
    _record(f"tables_1280_{page[:-5]}", tables)
    browser.execute_script("document.querySelector('main table').scrollIntoView()")
    _shot(browser, f"tables-1280-{page[:-5]}")
    assert tables and tables[0]["columns"] >= 5, tables
    assert all(not t["box_scrolls"] and not t["page_scrolls"] and t["width"] <= t["room"] and t["last_right"] <= t["window"]
               for t in tables), tables


READER_PAGES = ["index.html", "chapter.html", *CHAPTER_PAGES, "exercises.html", "bench.html"]


@pytest.mark.parametrize("page", READER_PAGES)
def test_a_readers_page_links_only_to_the_local_site(site, browser, page):
    _open(browser, site, page, fresh=False)
    hrefs = browser.execute_script("return [...document.querySelectorAll('main a[href]')].map((a) => a.href)")
    off = [h for h in hrefs if urlparse(h).netloc != urlparse(site).netloc]
    assert off == []


@pytest.mark.parametrize("page", PAGES)
def test_no_page_links_to_the_published_copy_of_itself(page):
    # Links to the site's own pages are relative, so they work offline and on any host.
    assert "d2lblocks.github.io" not in (SITE / page).read_text()


def test_chapter_pages_have_previous_and_next_links(site, browser):
    _open(browser, site, "02_torch.html", fresh=False)
    sides = {a.get_attribute("closest") or i: a.get_attribute("href") for i, a in
             enumerate(browser.find_elements("css selector", ".page-navigation a.pagination-link"))}
    assert len(sides) == 2 and any(h.endswith("01_mxnet.html") for h in sides.values()) \
        and any(h.endswith("03_tensorflow.html") for h in sides.values()), sides


@pytest.mark.parametrize("page,needles", [
    ("02_torch.html", ["add_module(str(", "register_buffer(", "class FixedHiddenMLP(nn.Module)"]),
    ("04_jax.html", ["class MySequential(nn.Module)", "nn.compact"]),
    ("01_mxnet.html", ["class MySequential(nn.Block)", "get_constant"]),
    ("03_tensorflow.html", ["class MySequential(keras.Model)", "add_weight("])])
def test_framework_pages_show_the_blocks_source(page, needles):
    text = HTMLParserText.of((SITE / page).read_text())
    assert all(n in text for n in needles), [n for n in needles if n not in text]
    assert "_Sentinel object" not in text and "show_doc" not in text


class HTMLParserText(HTMLParser):
    "The text of a page, as a reader sees it without markup."
    def __init__(self):
        super().__init__()
        self.parts = []

    def handle_data(self, data): self.parts.append(data)

    @classmethod
    def of(cls, html):
        p = cls(); p.feed(html)
        return "".join(p.parts)


def test_a_search_hit_opens_in_its_framework(site, browser):
    _open(browser, site, "chapter.html")
    assert set(_active_tabs(browser)) == {"PyTorch"}
    box = browser.find_element("css selector", "#quarto-search input")
    box.send_keys("while_loop")  # only JAX's FixedHiddenMLP has one
    deadline = time.time() + 5
    hits = []
    while time.time() < deadline and not hits:
        hits = [a for a in browser.find_elements("css selector", ".search-result")
                if "chapter.html#executing-code" in a.get_attribute("href")]
        time.sleep(0.1)
    assert hits, "the search lists the chapter's section on FixedHiddenMLP"
    hits[0].click()
    time.sleep(0.8)
    mark = browser.find_element("css selector", "mark.search-hit")
    where = browser.execute_script("""const m = arguments[0], r = m.getBoundingClientRect();
        const pane = m.closest('.tab-pane');
        const tab = pane && document.querySelector('[aria-controls="' + pane.id + '"]');
        return {tab: tab && tab.textContent.trim(), active: !!pane && pane.classList.contains('active'),
                top: r.top, bottom: r.bottom, height: window.innerHeight}""", mark)
    _shot(browser, "search-hit-jax")
    assert mark.is_displayed() and where["tab"] == "JAX" and where["active"], where
    assert 0 <= where["top"] and where["bottom"] <= where["height"], where
    assert set(_active_tabs(browser)) == {"JAX"}


def test_exercises_page_shows_no_solution(site):
    with urlopen(urljoin(site, "exercises.html")) as r: html = r.read().decode()
    assert "NotImplementedError" in html
    for secret in ("BEGIN SOLUTION", "hidden_test", "self.net1, self.net2 = net1, net2"): assert secret not in html


def test_screenshots_of_home_and_chapter(site, browser):
    for page in ("index", "chapter"):
        _open(browser, site, f"{page}.html")
        _shot(browser, page)


def test_a_name_in_shared_prose_leads_to_its_definition_in_the_readers_framework(site, browser):
    _open(browser, site, "chapter.html")
    jax_tab = next(a for a in browser.find_elements("css selector", ".panel-tabset[data-group] > .nav-tabs .nav-link")
                   if a.get_attribute("textContent").strip() == "JAX")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", jax_tab)
    jax_tab.click()
    link = next(a for a in browser.find_elements("css selector", "main a[href='#the-sequential-block-mysequential']")
                if not browser.execute_script("return !!arguments[0].closest('.panel-tabset')", a))  # in prose shown once
    browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", link)
    link.click()
    time.sleep(0.3)
    shown = browser.execute_script("""
        const section = document.getElementById('the-sequential-block-mysequential');
        const r = section.getBoundingClientRect();
        return {top: r.top, code: [...section.querySelectorAll('.tab-pane.active pre')].map((p) => p.textContent).join('\\n')}""")
    assert 0 <= shown["top"] < 200, shown["top"]
    assert "class MySequential(nn.Module)" in shown["code"] and "modules: Sequence" in shown["code"], shown["code"][:300]


def test_the_sidebar_lists_every_notebook():
    "A page missing from the sidebar has no previous and next links and no place in the site's order."
    import yaml
    listed = set(re.findall(r"[\w.-]+\.ipynb", yaml.safe_dump(yaml.safe_load((ROOT / "_quarto.yml").read_text())["website"]["sidebar"])))
    assert sorted(p.name for p in (ROOT / "nbs").glob("*.ipynb") if p.name not in listed) == []
