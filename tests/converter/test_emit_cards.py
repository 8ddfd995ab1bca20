"""Link-preview cards: what each page's card says, how a title is fitted, and the picture drawn."""

from __future__ import annotations

import io
import re

from PIL import Image

from converter.emit.cards import (FACES, LINE_WIDTH, RAMP, TITLE_SIZES, Card, card_file, cards_for, draw, drawable,
                                  drawn, face, title_lines, wrapped)
from converter.enrich.tags import Tag, Vocabulary
from converter.model import Document, Entry, Source

SITE = "A Reference"
VOCABULARY = Vocabulary(groups=(), tags=(Tag("rag", "Retrieval", "apps", ""), Tag("hinglish", "Hinglish", "language", "",
                                                                        language="hinglish")))


def picture(card: Card) -> Image.Image:
    return Image.open(io.BytesIO(draw(card)))


def test_each_page_gets_a_card_with_its_title_topics_source_number_and_language():
    source = Source(file="qa.md", slug="qa", title="The Q&A")
    entries = [Entry(kind="question", title="What is RAG?", statement="", body="", start=0, end=1, number=3,
                     slug="what-is-rag", path="qa/what-is-rag.md", tags=("rag", "hinglish"), language="hinglish"),
               Entry(kind="topic", title="Vectors", statement="", body="", start=1, end=2, slug="vectors",
                     path="qa/vectors.md")]
    cards = cards_for([Document(source=source, pattern=None, entries=entries)], VOCABULARY, SITE)
    assert cards == {
        "cards/qa/what-is-rag.png": Card(SITE, "What is RAG?", ("Retrieval",), "The Q&A \u00b7 Q3", True),
        "cards/qa/vectors.png": Card(SITE, "Vectors", (), "The Q&A", False)}  # the language tag is the accent chip
    assert card_file("qa/what-is-rag.md") == "cards/qa/what-is-rag.png"


def test_a_card_is_an_opengraph_sized_png_the_same_every_time():
    card = Card(SITE, "How does LoRA cut the parameters trained?", ("Fine-tuning",), "Book \u00b7 Q12")
    data = draw(card)
    image = Image.open(io.BytesIO(data))
    assert (image.format, image.size) == ("PNG", (1200, 630))
    assert len(data) < 100_000
    assert draw(card) == data
    assert draw(Card(SITE, "How does LoRA cut the parameters trained?", ("Fine-tuning",), "Book \u00b7 Q13")) != data


def test_the_hinglish_chip_alone_is_drawn_in_the_accent():
    def accent(card: Card) -> int:
        return sum(count for count, index in picture(card).getcolors(256) if index > RAMP)

    assert accent(Card(SITE, "What is RAG?", ("Retrieval",), "Q&A", hinglish=True)) > 5_000
    assert accent(Card(SITE, "What is RAG?", ("Retrieval",), "Q&A")) == 0


def test_the_title_takes_the_largest_size_it_fits_in():
    assert title_lines("What is RAG?") == (TITLE_SIZES[0], ["What is RAG?"])
    size, lines = title_lines(" ".join(["attention"] * 14))
    assert TITLE_SIZES[-1] < size < TITLE_SIZES[0] and len(lines) > 3


def test_a_title_too_long_for_the_smallest_size_is_cut_with_an_ellipsis():
    size, lines = title_lines(" ".join(f"word{i}" for i in range(200)))
    font = face(FACES[0], size)
    assert size == TITLE_SIZES[-1] and re.fullmatch(r"(word\d+ )*word\d+\u2026", lines[-1])  # cut between words
    assert all(font.getlength(line) <= LINE_WIDTH + 16 for line in lines)


def test_a_word_wider_than_a_line_is_broken_and_nothing_is_lost():
    font = face(FACES[0], 48)
    word = "x" * 200
    lines = wrapped(["a", word, "b"], [font.getlength(w) for w in ("a", word, "b")], font.getlength(" "), font, 500)
    assert "".join(lines).replace(" ", "") == "a" + word + "b"
    assert all(font.getlength(line) <= 500 for line in lines)


def test_characters_the_font_lacks_are_spelt_in_latin_letters_and_emoji_left_out():
    assert drawable("क्या hai attention?") == "kya hai attention?"
    assert drawable("Ελληνικά и русский \u00e9t\u00e9") == "Ελληνικά и русский été"  # the font has these
    assert drawable("Fast \U0001F680 inference (very important \U0001F525)") == "Fast inference (very important)"
    assert drawable("Why divide by \u221adₖ?") == "Why divide by \u221adk?"  # the font has the root sign


def test_cards_drawn_in_several_processes_come_back_in_order():
    cards = [Card(SITE, f"Question {n}?") for n in range(25)]
    assert drawn(cards, workers=2) == [(draw(card), "") for card in cards]


def test_a_card_that_fails_to_draw_is_the_sites_name_alone_and_says_why(monkeypatch):
    from converter.emit import cards as module

    real = module.title_lines
    monkeypatch.setattr(module, "title_lines", lambda title: 1 / 0 if title else real(title))
    assert drawn([Card(SITE, "What is X?")]) == [(draw(Card(SITE, "")), "ZeroDivisionError: division by zero")]


def test_hostile_titles_draw_quickly_and_cannot_reverse_themselves():
    assert draw(Card(SITE, "\u202eHello world")) == draw(Card(SITE, "Hello world"))  # no bidi override
    assert drawable("a\u200bb\x07c") == "abc"
    assert len(drawable("x" * 50_000)) == 400 and title_lines("x" * 400)[1][-1].endswith("\u2026")
    assert draw(Card(SITE, "\U0001F525\U0001F525", source="Notes")) == draw(Card(SITE, "Notes", source="Notes"))
