"""Make the site's default link-preview image (docs/assets/images/og-card.jpg).

Run once by a maintainer after changing the card (``make og-image``); the PNG
is committed, so builds need no browser. The card is plain HTML and CSS,
rendered at the OpenGraph size (1200x630) by headless Chromium.
"""

from __future__ import annotations

import sys
from pathlib import Path

from checks.browser import CHROMIUM, CHROMIUM_ARGS  # PYTHONPATH=tools, as `make og-image` sets

ROOT = Path(__file__).resolve().parents[2]
TARGET = ROOT / "docs" / "assets" / "images" / "og-card.jpg"

CARD = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; width: 1200px; height: 630px; display: flex; flex-direction: column;
       justify-content: space-between; box-sizing: border-box; padding: 80px 90px;
       background: linear-gradient(135deg, #303f9f 0%, #3f51b5 60%, #5c6bc0 100%);
       color: #fff; font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
.kicker { font-size: 30px; letter-spacing: 4px; text-transform: uppercase; opacity: .85; }
h1 { font-size: 84px; line-height: 1.05; margin: 24px 0 0; }
p { font-size: 34px; line-height: 1.35; margin: 0; max-width: 980px; opacity: .95; }
.bar { display: flex; gap: 18px; font-size: 26px; }
.chip { white-space: nowrap; padding: 8px 22px; border-radius: 40px; background: rgba(255,255,255,.16); }
.chip.hot { background: #ff7043; }
</style></head><body>
<div><div class="kicker">Interview preparation</div><h1>GenAI Interview Reference</h1></div>
<p>Generative AI questions and answers, one page per question, by topic and by source.</p>
<div class="bar"><span class="chip">Transformers</span><span class="chip">RAG</span>
<span class="chip">Fine-tuning</span><span class="chip">Evaluation</span><span class="chip hot">English + Hinglish</span></div>
</body></html>"""


def main() -> int:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.set_content(CARD)
        TARGET.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(TARGET), type="jpeg", quality=88)
        browser.close()
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
