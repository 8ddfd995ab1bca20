"""How well the built site's search finds answers, measured in a real browser.

Run as ``python -m checks.search SITE_DIR REPORT_JSON [--json OUT]`` (``make
search-check``). It serves the site on localhost below a sub-path, opens it in
Debian's chromium through playwright and asks the search box's worker (lunr
or Pagefind, whichever backend the site was built with):

- for every question page, a query of its 2-4 most distinctive title words, and
  the same query with two letters of its longest word swapped;
- each glossary term and the page the glossary names for it;
- each topic's name and its topic page;
- concept queries labelled by reading (``--concepts``): the page that defines each;
- then types a sample of queries key by key, 60 ms apart as a quick typist
  would, and times the last keystroke to the rendered results.

Queries go to the worker, not through the search box, so that a ranking is read
for the whole query and not for one of the prefixes typed on the way; the
results are the ones the search box would list, in its order.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml

from .browser import CHROMIUM, CHROMIUM_ARGS, mount, serving

SUB_PATH = "genai-reference"
STOP = frozenset("a an the of in on for to and or is are what how why does do you can with between by from "
                 "its it this that be as at your which when".split())
WORD = re.compile(r"[\w-]+")
TYPING_DELAY_MS = 60
# Wraps the page's Worker before Material starts it: every query the page (or this
# check) sends, and every result the worker returns, with their times.
SPY = """
(() => {
  const Native = window.Worker;
  const state = window.__search = {queries: [], answered: 0, results: [], key: 0, painted: 0, worker: null};
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      state.worker = this;
      this.addEventListener("message", e => {
        if (e.data && e.data.type === 3)
          state.results.push({q: state.queries[state.answered++], t: performance.now(), items: e.data.data.items});
      });
    }
    postMessage(m, ...rest) { if (m && m.type === 2) state.queries.push(m.data); return super.postMessage(m, ...rest); }
  };
  document.addEventListener("keydown", () => { state.key = performance.now(); }, true);
  new MutationObserver(() => { state.painted = performance.now(); })
    .observe(document.documentElement, {subtree: true, childList: true});
})();
"""


@dataclass(frozen=True)
class Case:
    kind: str  # title, typo, glossary, tag, concept, english (an English query for a Hinglish answer), natural
    query: str
    want: str  # page URL relative to the site, "<source>/<slug>/"
    also: tuple[str, ...] = ()  # other pages that answer as well

    def rank(self, found: list[str]) -> int | None:
        ranks = [found.index(page) + 1 for page in (self.want, *self.also) if page in found]
        return min(ranks) if ranks else None


def title_cases(entries: list[tuple[str, str]], seed: int = 3) -> list[Case]:
    """(title, URL) pairs -> a title query and a typo query for each page."""
    frequency = Counter(w for title, _ in entries for w in set(WORD.findall(title.casefold())))
    rnd = random.Random(seed)
    cases, typos = [], []
    for title, url in entries:
        words = [w for w in dict.fromkeys(WORD.findall(title.casefold())) if w not in STOP and len(w) > 1]
        rarest = set(sorted(words, key=lambda w: (frequency[w], -len(w), w))[:3])
        query = " ".join(w for w in words if w in rarest)
        if not query:
            continue
        cases.append(Case("title", query, url))
        typos.append(Case("typo", swapped(query, rnd), url))
    return cases + typos


def swapped(query: str, rnd: random.Random) -> str:
    """Two neighbouring letters of the longest word swapped, never the first letter."""
    words = query.split()
    i = max(range(len(words)), key=lambda k: len(words[k]))
    word = words[i]
    if len(word) < 4:
        return query
    j = rnd.randrange(1, len(word) - 2)
    words[i] = word[:j] + word[j + 1] + word[j] + word[j + 2:]
    return " ".join(words)


def glossary_cases(glossary: dict, registry: dict) -> list[Case]:
    """Each glossary term, as a reader would type it, and its defining page."""
    paths = {r["n"]: r["path"] for r in registry["entries"]}
    return [Case("glossary", term["term"].casefold(), paths[term["page"]] + "/")
            for term in glossary["terms"] if term["page"] in paths]


def tag_cases(vocabulary: dict) -> list[Case]:
    """Each topic's name, and its topic page."""
    return [Case("tag", tag["label"].casefold(), f"topics/{tag['id']}/") for tag in vocabulary["tags"]]


def concept_cases(labelled: dict, kind: str | None = None) -> list[Case]:
    """Queries labelled by reading (tests/data/search_concepts.yml, search_natural.yml) and the pages
    that answer them; ``kind`` for all of them, else each query's own (default "concept")."""
    return [Case(kind or q.get("kind", "concept"), q["query"], q["page"] + "/", tuple(p + "/" for p in q.get("also") or ()))
            for q in labelled["queries"]]


@contextmanager
def served(site: Path, root: Path):
    """The site at http://127.0.0.1:<port>/genai-reference/."""
    mount(site, root, SUB_PATH)
    with serving(root) as address:
        yield address + SUB_PATH + "/"


def open_search(browser, base: str):
    page = browser.new_page()
    page.add_init_script(SPY)
    page.goto(base)
    page.click("input.md-search__input")
    page.wait_for_function("window.__search.worker && !document.querySelector('.md-search-result__meta')"
                           ".textContent.includes('Initializing')", timeout=60_000)
    return page


def ranked(page, query: str) -> list[str]:
    """The pages the search box lists for ``query``, in order."""
    page.evaluate("q => { window.__search.results = []; window.__search.worker.postMessage({type: 2, data: q}) }",
                  query)
    result = page.wait_for_function("q => window.__search.results.find(r => r.q === q)", arg=query,
                                    timeout=20_000).json_value()
    return list(dict.fromkeys(item[0]["location"].split("#")[0] for item in result["items"]))


def typed(page, query: str, timeout_ms: int = 20_000) -> float:
    """Milliseconds from the last keystroke to the last change of the page after the results came."""
    box = page.locator("input.md-search__input")
    box.fill("")
    page.wait_for_timeout(300)
    box.press_sequentially(query, delay=TYPING_DELAY_MS)
    result = page.wait_for_function("q => window.__search.results.find(r => r.q === q)", arg=query,
                                    timeout=timeout_ms).json_value()
    page.wait_for_timeout(50)
    state = page.evaluate("({key: window.__search.key, painted: window.__search.painted})")
    return max(result["t"], state["painted"]) - state["key"]


def evaluate(browser, base: str, cases: list[Case], timed: int = 40) -> dict:
    page = open_search(browser, base)
    rows = []
    for case in cases:
        found = ranked(page, case.query)
        rank = case.rank(found)
        rows.append({"kind": case.kind, "query": case.query, "want": case.want, "rank": rank, "top": found[:3]})
    times = [typed(page, case.query) for case in cases[:timed]]
    page.close()
    summary = {}
    for kind in dict.fromkeys(r["kind"] for r in rows):
        ranks = [r["rank"] for r in rows if r["kind"] == kind]
        summary[kind] = {"queries": len(ranks),
                         "top1": sum(r == 1 for r in ranks) / len(ranks),
                         "top3": sum(r is not None and r <= 3 for r in ranks) / len(ranks)}
    return {"summary": summary, "median_ms": statistics.median(times) if times else None,
            "typing_delay_ms": TYPING_DELAY_MS, "rows": rows}


def cases_for(report: dict, data: Path, concepts: Path | None = None, natural: Path | None = None,
              heldout: Path | None = None) -> list[Case]:
    entries = [(e["title"], e["path"].removesuffix(".md") + "/") for d in report["documents"] for e in d["entries"]]
    glossary = yaml.safe_load((data / "glossary.yml").read_text(encoding="utf-8"))
    registry = yaml.safe_load((data / "registry.yml").read_text(encoding="utf-8"))
    vocabulary = yaml.safe_load((data / "tags.yml").read_text(encoding="utf-8"))
    cases = title_cases(entries) + glossary_cases(glossary, registry) + tag_cases(vocabulary)
    if concepts is not None:
        cases += concept_cases(yaml.safe_load(concepts.read_text(encoding="utf-8")))
    if natural is not None:
        cases += concept_cases(yaml.safe_load(natural.read_text(encoding="utf-8")), "natural")
    if heldout is not None:
        cases += concept_cases(yaml.safe_load(heldout.read_text(encoding="utf-8")), "heldout")
    return cases


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="checks.search", description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("report", type=Path, help="the converter's report.json (the pages and their titles)")
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[1] / "data")
    parser.add_argument("--concepts", type=Path, help="labelled concept queries (tests/data/search_concepts.yml)")
    parser.add_argument("--natural", type=Path, help="labelled natural queries (tests/data/search_natural.yml)")
    parser.add_argument("--heldout", type=Path, help="natural queries never used to tune the ranking "
                        "(tests/data/search_heldout.yml)")
    parser.add_argument("--json", type=Path, help="write every query and its ranking here")
    parser.add_argument("--kinds", nargs="+", metavar="KIND", help="only these kinds of query (title, typo, ...)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    cases = cases_for(json.loads(args.report.read_text(encoding="utf-8")), args.data, args.concepts, args.natural,
                      args.heldout)
    cases = [case for case in cases if not args.kinds or case.kind in args.kinds]
    with tempfile.TemporaryDirectory() as root, served(args.site, Path(root)) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        result = evaluate(browser, base, cases)
        browser.close()
    for kind, figures in result["summary"].items():
        print(f"{kind:9} {figures['queries']:4} queries  top-1 {figures['top1']:.1%}  top-3 {figures['top3']:.1%}")
    print(f"median {result['median_ms']:.0f} ms from the last keystroke to rendered results "
          f"(typing {TYPING_DELAY_MS} ms per key)")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
