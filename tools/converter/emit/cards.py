"""Link-preview cards: a 1200x630 picture per page (its question, topics and source under the
site's name) that chat apps and social sites show beside a pasted link.

Drawn with Pillow in a font installed as a package (Source Sans Pro, ``font-source-sans-pro``):
no browser and no network. A card is drawn in one 8-bit channel whose values are places on two
colour ramps, the background's to white (0-127) and the accent's to white (128-255), and saved
as a palette PNG: text on flat colour, anti-aliased, in under a third of the bytes of a JPEG.

Which cards a site needs is decided from the pages alone (``cards_for``) and they are drawn in
parallel (``drawn``); keeping drawn ones by content (``Card.key``) is the command line's work.
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from anyascii import anyascii
from PIL import Image, ImageDraw, ImageFont

from ..enrich.language import HINGLISH
from ..enrich.tags import Vocabulary
from ..model import Document
from ..parallel import chunks, forked_map

FOLDER = "cards"  # in the generated tree, served at /cards/<source>/<slug>.png
WIDTH, HEIGHT = 1200, 630  # OpenGraph's size: shown uncropped by the common chat apps
MARGIN = 80
BACKGROUND, ACCENT, WHITE = (48, 63, 159), (255, 112, 67), (255, 255, 255)  # Material's indigo 700, deep orange 400
RAMP = 127  # the last level of a ramp: 0..127 background to white, 128..255 accent to white
TITLE_SIZES = (84, 72, 64, 56, 48)  # the largest the question fits in, else the smallest, cut short
TITLE_TOP, TITLE_BOTTOM = 138, 478
LINE_HEIGHT = 1.16
LINE_WIDTH = WIDTH - 2 * MARGIN - 16  # the slack: a line measured word by word may be this much wider
SMALL = 34  # the site's name, the chips and the source line: legible where a phone shows the card 320 px wide
FACES = ("SourceSansPro-Bold.ttf", "SourceSansPro-Semibold.ttf")
ELLIPSIS = "\u2026"
PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"  # the last 12 bytes of every PNG: a kept card not ending so was cut short
FEW = 20  # cards drawn without starting processes
LONGEST = 400  # characters of a text kept for its card: six lines of the smallest title hold about 300
LAYOUT = ImageFont.Layout.BASIC  # the same bytes on every machine: Raqm's shaping uses the system's FriBiDi
CLOSING_SPACE = re.compile(r"\s+([)\].,;:!?])")  # left where an emoji was taken out: "(Very Important )"


@dataclass(frozen=True)
class Card:
    """Everything drawn on one card, and nothing else: two equal cards are the same picture."""

    site: str
    title: str
    topics: tuple[str, ...] = ()
    source: str = ""  # the source's name and the question's number there
    hinglish: bool = False

    def key(self, drawing: str) -> str:
        """The card's name in a cache, with ``drawing`` a digest of the code and font drawing it."""
        return hashlib.sha256((drawing + "\0" + repr(self)).encode()).hexdigest()


def card_file(page: str) -> str:
    """Where the card of the page at ``page`` (``<source>/<slug>.md``) is, in the generated tree."""
    return f"{FOLDER}/{page.removesuffix('.md')}.png"


def cards_for(documents: list[Document], vocabulary: Vocabulary | None, site: str) -> dict[str, Card]:
    """The card of every page, by its file: its title, its topics (as many as fit are drawn, in
    the vocabulary's order), its source and number there, and whether its answer is in Hinglish."""
    cards = {}
    tags = vocabulary.by_id() if vocabulary is not None else {}
    for document in documents:
        for entry in document.entries:
            # a language's tag is the accent chip, not a topic
            topics = [tags[t].label for t in entry.tags if t in tags and tags[t].language is None]
            where = document.source.title + (f" \u00b7 Q{entry.number}" if entry.number is not None else "")
            cards[card_file(entry.path)] = Card(site, entry.title, tuple(topics), where, entry.language == HINGLISH)
    return cards


def draw(card: Card) -> bytes:
    """The card as a PNG: the same card always gives the same bytes."""
    image = Image.new("L", (WIDTH, HEIGHT), 0)
    pen = ImageDraw.Draw(image)
    small = face(FACES[1], SMALL)
    pen.text((MARGIN, 52), fitted(drawable(card.site).upper(), small, WIDTH - 2 * MARGIN), font=small, fill=105)
    size, lines = title_lines(drawable(card.title) or drawable(card.source))  # a title of emoji alone
    title = face(FACES[0], size)
    for row, line in enumerate(lines):
        pen.text((MARGIN, TITLE_TOP + round(row * size * LINE_HEIGHT)), line, font=title, fill=RAMP)
    chips(pen, [drawable(t) for t in card.topics], card.hinglish, small)
    pen.text((MARGIN, 566), fitted(drawable(card.source), small, WIDTH - 2 * MARGIN), font=small, fill=100)
    return png(image)


def drawn(cards: list[Card], workers: int = 1) -> list[tuple[bytes, str]]:
    """Each card drawn, with "" or why it could not be and the site's name alone was drawn
    instead; in order, in ``workers`` processes (here, for the few an edit changes: starting the
    processes would cost more)."""
    workers = workers if len(cards) > FEW else 1
    groups = chunks([1] * len(cards), workers * 2)
    pictures: list[tuple[bytes, str]] = [(b"", "")] * len(cards)
    for group, part in zip(groups, forked_map(draw_group, groups, cards, workers)):
        for index, picture in zip(group, part):
            pictures[index] = picture
    return pictures


def draw_group(cards: list[Card], group: list[int]) -> list[tuple[bytes, str]]:
    return [drawn_or_plain(cards[i]) for i in group]


class DrawingError(Exception):
    """Not even a card with the site's name alone could be drawn: the font or Pillow is broken."""


def drawn_or_plain(card: Card) -> tuple[bytes, str]:
    """A card that fails to draw costs its page its own picture, not the build."""
    try:
        return draw(card), ""
    except Exception as err:  # a drawing bug on one title must not cost the other cards
        problem = f"{type(err).__name__}: {err}"
    try:
        return draw(Card(card.site, "")), problem
    except Exception as err:
        raise DrawingError(f"{type(err).__name__}: {err}") from None


def chips(pen: ImageDraw.ImageDraw, topics: list[str], hinglish: bool, font: ImageFont.FreeTypeFont) -> None:
    """The topics as rounded chips on one row (as many as fit), then a "Hinglish" chip in the accent."""
    x, top, height, pad, gap = MARGIN, 494, 58, 24, 16
    marked = ["Hinglish answer"] if hinglish else []
    room = WIDTH - MARGIN - sum(font.getlength(m) + 2 * pad + gap for m in marked)
    for label in topics:
        width = font.getlength(label) + 2 * pad
        if x + width > room:
            break
        pen.rounded_rectangle((x, top, x + width, top + height), radius=height // 2, fill=24)
        pen.text((x + pad, top + 9), label, font=font, fill=RAMP)
        x += width + gap
    for label in marked:
        width = font.getlength(label) + 2 * pad
        pen.rounded_rectangle((x, top, x + width, top + height), radius=height // 2, fill=RAMP + 1)
        pen.text((x + pad, top + 9), label, font=font, fill=255)


def title_lines(title: str) -> tuple[int, list[str]]:
    """The largest size the title fits in, and its lines; at the smallest, cut with an ellipsis.
    Words are measured once, at the largest size, and scaled: hinting moves a width by less than
    the slack kept at the line's end."""
    words = title.split() or [""]
    largest = face(FACES[0], TITLE_SIZES[0])
    widths = [largest.getlength(word) for word in words]
    space = largest.getlength(" ")
    for size in TITLE_SIZES:
        font, scale = face(FACES[0], size), size / TITLE_SIZES[0]
        lines = wrapped(words, [w * scale for w in widths], space * scale, font, LINE_WIDTH)
        if len(lines) <= rows(size):
            return size, lines
    kept = rows(size)
    return size, lines[:kept - 1] + [fitted(" ".join(lines[kept - 1:]), font, LINE_WIDTH)]


def rows(size: int) -> int:
    return int((TITLE_BOTTOM - TITLE_TOP) // (size * LINE_HEIGHT))


def wrapped(words: list[str], widths: list[float], space: float, font: ImageFont.FreeTypeFont,
            width: float) -> list[str]:
    """The words (of these widths) in lines no wider than ``width``, broken at spaces; a word
    wider than a line is broken anywhere."""
    lines: list[str] = []
    line, used = "", 0.0
    for word, length in zip(words, widths):
        if line and used + space + length <= width:
            line, used = f"{line} {word}", used + space + length
            continue
        if line:
            lines.append(line)
        while length > width:
            cut = longest(word, lambda part: font.getlength(part) <= width)
            lines.append(word[:cut])
            word = word[cut:]
            length = font.getlength(word)
        line, used = word, length
    return lines + [line] if line else lines or [""]


def fitted(text: str, font: ImageFont.FreeTypeFont, width: float) -> str:
    """``text``, or as much of it as fits followed by an ellipsis, cut between words when the
    last space is in the second half of what fits."""
    if font.getlength(text) <= width:
        return text
    text = text[:longest(text, lambda part: font.getlength(part.rstrip() + ELLIPSIS) <= width)]
    space = text.rstrip().rfind(" ")
    return (text[:space] if space > len(text) // 2 else text).rstrip(" ,;:") + ELLIPSIS


def longest(text: str, fits) -> int:
    """The length of the longest start of ``text`` that ``fits`` (at least 1), by halving: a
    50,000-character word is measured 16 times, not 50,000."""
    low, high = 1, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(text[:middle]):
            low = middle
        else:
            high = middle - 1
    return low


def drawable(text: str) -> str:
    """``text`` as the card can show it: at most ``LONGEST`` characters (six lines hold fewer);
    without format and control characters, which would let a title reverse itself (U+202E);
    with each run of characters the font has no glyph for (with the marks that combine with
    them) spelt in Latin letters by anyascii ("क्या" is "kya", "dₖ" is "dk"), and symbols it has
    none for (emoji) left out."""
    parts: list[str] = []
    run: list[str] = []
    for char in unicodedata.normalize("NFC", text[:LONGEST]) + " ":
        if unicodedata.category(char) in ("Cf", "Cc") and not char.isspace():
            continue
        if missing(char) or (run and unicodedata.category(char).startswith("M")):
            run.append(char)
            continue
        if run:
            parts.append(anyascii("".join(c for c in run if unicodedata.category(c)[0] not in "SC")))
            run = []
        parts.append(char)
    return CLOSING_SPACE.sub(r"\1", " ".join("".join(parts).split()))


@cache
def missing(char: str) -> bool:
    """Whether the title font draws ``char`` as its "no glyph" box."""
    font = face(FACES[0], 24)
    return glyph(font, char) == glyph(font, "\uffff")


def glyph(font: ImageFont.FreeTypeFont, char: str) -> tuple[tuple[int, int, int, int], bytes]:
    mask = font.getmask(char)
    return mask.getbbox(), bytes(mask)


@cache
def face(name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(files("font_source_sans_pro") / "files" / name), size, layout_engine=LAYOUT)


def ramp(start: tuple[int, int, int]) -> list[int]:
    return [round(a + (b - a) * level / RAMP) for level in range(RAMP + 1) for a, b in zip(start, WHITE)]


PALETTE = ramp(BACKGROUND) + ramp(ACCENT)
STEP = 8  # anti-aliasing keeps every 8th level of a ramp: no visible change, a seventh fewer bytes
LEVELS = [base + min(RAMP, round(level / STEP) * STEP) for base in (0, RAMP + 1) for level in range(RAMP + 1)]


def png(levels: Image.Image) -> bytes:
    picture = Image.frombytes("P", levels.size, levels.point(LEVELS).tobytes())
    picture.putpalette(PALETTE)
    out = io.BytesIO()
    picture.save(out, "PNG", compress_level=3)
    return out.getvalue()


def drawing_digest() -> str:
    """What a drawn card depends on besides the card: this code, the font files, and the versions
    of Pillow, FreeType, anyascii and Python's Unicode tables."""
    from importlib.metadata import version

    from PIL import features

    parts = [version("pillow"), features.version("freetype2") or "", version("anyascii"), unicodedata.unidata_version]
    digest = hashlib.sha256("\0".join(parts).encode())
    for path in [files(__package__) / "cards.py", *(files("font_source_sans_pro") / "files" / f for f in FACES)]:
        digest.update(path.read_bytes())
    return digest.hexdigest()
