"""Practice mode in a real browser: a run over a topic with the answers hidden, marks that
survive a reload and instant navigation, "not yet" first the next time, export and reset,
and nothing sent anywhere."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

TOPIC = "topics/rag/"
ANSWER = ".md-content .qa-meta ~ :not(.qa-practice, .qa-statement)"


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context(accept_downloads=True)
    opened = context.new_page()
    opened.requests = []
    opened.on("request", lambda request: opened.requests.append(request.url))
    yield opened
    context.close()


def started(page, site_url, label="Practise these"):
    page.goto(site_url + TOPIC)
    page.locator(".qa-practice-start button", has_text=label).click()
    page.wait_for_selector(".qa-practice")
    return page


def first_answer_visible(page) -> bool:
    assert page.locator(ANSWER).count() > 0  # an answer that is not there is not hidden either
    return page.locator(ANSWER).first.is_visible()


def test_a_run_over_a_topic_hides_each_answer_until_revealed_and_moves_on_when_marked(page, site_url):
    started(page, site_url)
    first = page.url
    assert "question 1 of 40" in page.inner_text(".qa-practice__status")
    assert not first_answer_visible(page)
    assert not page.locator(".md-sidebar--secondary").is_visible()  # its headings would give the answer away
    reveal = page.locator("[data-practice=reveal]")
    assert reveal.evaluate("node => node === document.activeElement")  # the keyboard starts on it
    page.keyboard.press("r")
    assert first_answer_visible(page)
    page.keyboard.press("k")
    page.wait_for_function("u => location.href !== u", arg=first)
    page.wait_for_selector(".qa-practice")
    assert "question 2 of 40" in page.inner_text(".qa-practice__status") and not first_answer_visible(page)
    page.click("[data-practice=reveal]")
    page.click("[data-practice=later]")
    page.wait_for_selector(".qa-practice__status >> text=question 3 of 40")
    page.click("[data-practice=stop]")
    assert first_answer_visible(page) and page.locator(".qa-practice").count() == 0


def test_marks_survive_a_reload_and_show_in_lists_and_on_the_page(page, site_url):
    started(page, site_url)
    known = page.url
    page.keyboard.press("r")
    page.keyboard.press("k")
    page.wait_for_function("u => location.href !== u", arg=known)
    page.click("[data-practice=stop]")
    page.goto(site_url + TOPIC)
    page.reload()
    page.wait_for_selector(".qa-practice-start:not([hidden])")
    assert page.inner_text(".qa-practice-start__count").startswith("1 of 40 known")
    path = urlsplit(known).path
    link = page.locator(f".md-content a[href$='{path.rsplit('/', 2)[-2]}/']").first
    assert "qa-mark-known" in link.get_attribute("class") and "(known)" in link.inner_text()
    page.goto(known)
    page.wait_for_selector(".qa-status--known")
    assert first_answer_visible(page)  # no run: the answer is there as always


def test_questions_not_known_yet_come_first_the_next_time(page, site_url):
    started(page, site_url)
    page.keyboard.press("r")
    page.keyboard.press("k")
    page.wait_for_selector(".qa-practice__status >> text=question 2 of 40")
    later = page.url
    page.keyboard.press("r")
    page.keyboard.press("l")
    page.wait_for_selector(".qa-practice__status >> text=question 3 of 40")
    page.click("[data-practice=stop]")
    started(page, site_url)
    assert page.url == later  # the one not known yet first
    page.click("[data-practice=stop]")
    started(page, site_url, "Only the 39")
    assert "question 1 of 39" in page.inner_text(".qa-practice__status")


def test_the_run_survives_instant_navigation(page, site_url):
    started(page, site_url)
    current = page.url
    page.click(".md-header__button.md-logo")  # Material's instant navigation to the home page
    page.wait_for_function("location.pathname.endsWith('/genai-reference/')")
    page.go_back()
    page.wait_for_function("u => location.href === u", arg=current)
    page.wait_for_selector(".qa-practice")
    assert not first_answer_visible(page)


def test_progress_is_exported_reset_and_never_sent_anywhere(page, site_url):
    started(page, site_url)
    page.keyboard.press("r")
    page.keyboard.press("l")
    page.wait_for_selector(".qa-practice__status >> text=question 2 of 40")
    page.click("[data-practice=stop]")
    page.goto(site_url + "practice/")
    page.wait_for_selector("#qa-practice-board table")
    assert "1 not yet" in page.inner_text("#qa-practice-board")
    with page.expect_download() as download:
        page.click("[data-practice=export]")
    exported = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert [mark["s"] for mark in exported["marks"].values()] == ["later"]
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-practice=reset]")
    page.wait_for_selector("#qa-practice-board table")
    assert "All pages: 0 of 353 known." in page.inner_text("#qa-practice-board")
    page.set_input_files("#qa-practice-import", files=[{"name": "p.json", "mimeType": "application/json",
                                                         "buffer": json.dumps(exported).encode()}])
    page.wait_for_function("document.querySelector('#qa-practice-board').innerText.includes('1 not yet')")
    hosts = {urlsplit(url).netloc for url in page.requests if url.startswith("http")}
    assert hosts == {urlsplit(site_url).netloc}


def test_a_question_page_starts_a_run_over_its_chapter_from_there(page, site_url):
    page.goto(site_url + "genai-book/how-does-lora-work/")
    page.click(".qa-practise")
    page.wait_for_selector(".qa-practice")
    assert page.url.endswith("/genai-book/how-does-lora-work/") and not first_answer_visible(page)
    status = page.inner_text(".qa-practice__status")
    assert status.startswith("Fine Tuning · question 1 of ") and not page.locator(".qa-practise").is_visible()
    page.keyboard.press("r")
    page.keyboard.press("k")
    page.wait_for_selector(".qa-practice__status >> text=question 2 of")
    assert "/genai-book/" in page.url and not page.url.endswith("/how-does-lora-work/")


def test_a_source_page_starts_a_run_over_one_chapter(page, site_url):
    page.goto(site_url + "genai-book/")
    page.locator("button.qa-practise-chapter[aria-label='Practise the chapter Fine Tuning']").click()
    page.wait_for_selector(".qa-practice")
    assert page.inner_text(".qa-practice__status").startswith("Fine Tuning · question 1 of ")


def test_a_second_mark_while_the_next_question_loads_marks_nothing(page, site_url):
    started(page, site_url)
    page.keyboard.press("r")
    page.evaluate("() => { const knew = document.querySelector('[data-practice=known]'); knew.click(); knew.click(); }")
    page.wait_for_selector(".qa-practice__status >> text=question 2 of 40")
    marks = page.evaluate("Object.values(JSON.parse(localStorage.getItem(Object.keys(localStorage)[0])).marks)")
    assert len(marks) == 1


def test_a_random_question_not_known_yet_is_shown_with_its_answer_hidden(page, site_url):
    page.goto(site_url + "genai-book/")
    page.wait_for_selector(".qa-practice-start:not([hidden])")
    page.evaluate("""() => {  // every page known but one
        const key = 'qa-practice:' + new URL('..', location.href).pathname;  // the site's root, as practice.js keys it
        return fetch('../practice/pages.json').then(r => r.json()).then(found => {
            const marks = {};
            found.pages.slice(1).forEach(p => { marks[p[0]] = {s: 'known', t: 1}; });
            localStorage.setItem(key, JSON.stringify({marks: marks, run: null}));
        });
    }""")
    page.goto(site_url + "practice/")
    page.wait_for_selector("#qa-practice-board table")
    page.click("[data-practice=random-later]")
    page.wait_for_selector(".qa-practice")
    first = page.evaluate("fetch('../../practice/pages.json').then(r => r.json()).then(f => f.pages[0][1])")
    assert page.url.endswith("/" + first) and not first_answer_visible(page)
    assert page.inner_text(".qa-practice__status").startswith("Random question · question 1 of 1")


def test_on_a_phone_the_menu_does_not_give_the_answers_headings_away(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_url + "genai-book/what-is-lora-and-qlora/")
    page.click(".qa-practise")
    page.wait_for_selector(".qa-practice")
    page.click(".md-header label[for=__drawer]")
    page.wait_for_timeout(400)
    section = page.locator(".md-nav--primary a[href$='#how-lora-works']")
    assert section.count() > 0 and not section.first.is_visible()
    context.close()


def test_a_reader_who_never_practises_downloads_nothing_for_it(browser, site_url):
    page = browser.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + "genai-book/how-does-lora-work/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requests if "pages.json" in url]
    assert page.locator(".qa-practise").is_visible()
    page.close()
