"""A page title from a question statement.

Short statements are their own title. Long ones (the case studies that open
with a premise) are titled by their first actual question, so the title says
what is asked, and the whole statement stays on the page.
"""

from __future__ import annotations

import re

from .markdown import plain_text

LONG = 150
SENTENCE = re.compile(r"(?<=[.?!])\s+(?=[A-Z\"“'(])")
IMPERATIVE = re.compile(
    r"^(explain|describe|discuss|compare|define|identify|list|name|outline|give|highlight|"
    r"recommend|propose|suggest|design|implement|write|evaluate|analy[sz]e|illustrate|"
    r"elaborate|mention|state|tell)\b",
    re.IGNORECASE,
)


WITH_CONTEXT = 180  # a premise and its short follow-up question together, at most
TRAILING_LINKS = re.compile(r"(\s*\[[^\[\]]*\])+\s*$")
TAIL = 200  # characters at a text's end where trailing links are looked for


def without_trailing_links(text: str) -> str:
    """The text without the links or badges that end it ('… variance? [src]', as plain text);
    looked for in its last characters only, as the pattern backtracks across a long line."""
    return text[:-TAIL] + TRAILING_LINKS.sub("", text[-TAIL:])


def follow_up(question: str, pointers: frozenset[str]) -> bool:
    """'What would you do?', 'Can this happen?': a question that means nothing without its
    premise: a short one, or one a little longer that points back ('this', 'them': ``pointers``)."""
    words = question.split()
    return len(words) <= 6 or (len(words) <= 10 and any(w.strip("?,.").casefold() in pointers for w in words))


def with_premise(parts: list[str], question: int) -> str:
    """The statement from its start to the question when that is short enough; else its opening
    sentences (or words) that fit, ending in '…': the author's words, in order, none spliced."""
    whole = " ".join(parts[: question + 1])
    if len(whole) <= WITH_CONTEXT:
        return whole
    kept = ""
    for sentence in parts[:question]:
        if len(kept) + len(sentence) + 1 > LONG:
            break
        kept = f"{kept} {sentence}".strip()
    if not kept:
        kept = parts[0][:LONG].rsplit(" ", 1)[0]
    return kept.rstrip(" ,;:.") + "…"


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE.split(text) if s.strip()]


def strip_label(sentence: str) -> str:
    """'Speech Recognition: Identify two models...' asks 'Identify two models...'."""
    head, sep, tail = sentence.partition(": ")
    if sep and len(head.split()) <= 6 and IMPERATIVE.match(tail):
        return tail
    return sentence


def derive(statement: str, fallback: str = "", pointers: frozenset[str] = frozenset()) -> str:
    """The title for a statement; ``fallback`` (a repeated bold header) is used
    when nothing in a long statement is phrased as a question; ``pointers`` are the words
    with which a follow-up question points back to its premise (cleanup.yml)."""
    text = plain_text(statement).strip()
    bare = without_trailing_links(text).rstrip()
    text = bare if bare.endswith("?") else text  # a source link or badge after the question
    text = re.sub(r"\s*[:;,]$", "", text)
    if len(text) <= LONG:
        return text or plain_text(fallback)
    parts = sentences(text)
    if parts and (parts[0].endswith("?") or IMPERATIVE.match(strip_label(parts[0]))):
        return strip_label(parts[0])
    for index, sentence in enumerate(parts):
        if sentence.endswith("?"):
            if index and follow_up(sentence, pointers):
                return with_premise(parts, index)
            return strip_label(sentence)
    for sentence in parts:
        if IMPERATIVE.match(strip_label(sentence)):
            return strip_label(sentence)
    if fallback:
        return plain_text(fallback)
    return parts[0] if parts else text


def topic_title(heading: str) -> str:
    """'**♣** Some of Large Language Models (LLM):' reads 'Some of Large Language Models (LLM)'."""
    text = plain_text(heading)
    text = re.sub(r"^[^\w(\"“']+", "", text)
    return re.sub(r"[\s:.;,]+$", "", text).strip()
