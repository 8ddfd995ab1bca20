"""A Hinglish section label read in English, for the automatic digest.

Labels are short noun phrases ("Low-resource languages ke challenges", "Gemma
ko Hugging Face Models ke sath Integrate karna"), so a small bilingual list and
the order of Hindi phrases do most of the work: the label is cut into English
runs, each ended by a Hindi word that says what the run is (``ka``: owner,
``mein``: "in …", ``ko``: object, ``karna``: the run's last word is a verb);
English wants them in the opposite order. A label that names its English
itself ("Model Selection (Model ko Select Karna)") is that English. A word the
list does not know stays as it is: the digest says it is automatic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

NUMBERING = re.compile(r"^\s*(?:\d{1,3}|[a-zA-Z])[.)]\s+")
PARENTHESES = re.compile(r"^(?P<outer>[^()]+?)\s*\((?P<inner>[^()]+)\)\s*[:?]?$")
WORD = re.compile(r"[\w'’./+-]+|[^\w\s]")


@dataclass(frozen=True)
class LabelWords:
    """The bilingual list (language.yml ``label_words``), each phrase lower-case."""

    conjunctions: dict[str, str] = field(default_factory=dict)  # aur -> and
    postpositions: dict[str, str] = field(default_factory=dict)  # mein -> in (before its run in English)
    possessives: frozenset[str] = frozenset()  # ka, ke, ki: "A ka B" is "B of A"
    objects: frozenset[str] = frozenset()  # ko: marks the object, says nothing in English
    questions: dict[str, str] = field(default_factory=dict)  # kaise -> how
    verbs: frozenset[str] = frozenset()  # karna, karte hain: the run's last word is the verb
    copulas: frozenset[str] = frozenset()  # hai, hota hai: "X kya hai" is "what is X"
    words: dict[str, str] = field(default_factory=dict)  # content words: fayde -> benefits


@dataclass(frozen=True)
class Run:
    """English words and the Hindi word that ends them (what they are in the phrase)."""

    text: str
    role: str = ""  # "", possessive, object, verb, copula, or a preposition


def runs(label: str, vocabulary: LabelWords) -> tuple[list[Run], str]:
    """The label's runs, and its question word in English ("" when it asks nothing)."""
    tokens = WORD.findall(label.rstrip(":?. "))
    phrases = sorted({*vocabulary.conjunctions, *vocabulary.postpositions, *vocabulary.possessives,
                      *vocabulary.objects, *vocabulary.questions, *vocabulary.verbs, *vocabulary.copulas},
                     key=lambda p: -len(p.split()))
    found, current, question, index = [], [], "", 0
    while index < len(tokens):
        phrase = next((p for p in phrases if [t.casefold() for t in tokens[index:index + len(p.split())]]
                       == p.split()), None)
        if phrase is None:
            word = tokens[index]
            current.append(vocabulary.words.get(word.casefold(), word))
            index += 1
            continue
        index += len(phrase.split())
        if phrase in vocabulary.conjunctions:
            current.append(vocabulary.conjunctions[phrase])
        elif phrase in vocabulary.questions:
            question = vocabulary.questions[phrase]
            found.append(Run(" ".join(current)))
            current = []
        else:
            role = ("possessive" if phrase in vocabulary.possessives else "object" if phrase in vocabulary.objects
                    else "verb" if phrase in vocabulary.verbs else "copula" if phrase in vocabulary.copulas
                    else vocabulary.postpositions[phrase])
            found.append(Run(" ".join(current), role))
            current = []
    found.append(Run(" ".join(current)))
    return [piece for run in found if run.text or run.role == "copula" for piece in verb_apart(run)], question


def verb_apart(run: Run) -> list[Run]:
    """``Performance Ensure karna``: the last word is the verb, the words before it its object."""
    if run.role != "verb" or " " not in run.text:
        return [run]
    before, verb = run.text.rsplit(" ", 1)
    return [Run(before), Run(verb, "verb")]


def owned(found: list[Run]) -> list[Run]:
    """``A ka B`` becomes ``B of A``: the owner joins the run after it, which keeps its own role."""
    out: list[Run] = []
    owner = ""
    for run in found:
        if run.role == "possessive":
            owner = f"{run.text} {owner}".strip() if not owner else f"{run.text} of {owner}"
            continue
        out.append(Run(f"{run.text} of {owner}" if owner and run.text else run.text or owner, run.role))
        owner = ""
    return out + ([Run(owner)] if owner else [])


def english(label: str, vocabulary: LabelWords, is_hinglish, markers: frozenset[str]) -> str:
    """The label in English, as well as the list allows, without its numbering; ``is_hinglish``
    judges a piece of text, ``markers`` are the Hindi words that no English label holds."""
    label = NUMBERING.sub("", label.strip())
    both = PARENTHESES.match(label)
    if both and is_hinglish(both.group("outer")) != is_hinglish(both.group("inner")):
        return both.group("inner" if is_hinglish(both.group("outer")) else "outer").strip()
    if not any(word.casefold() in markers for word in WORD.findall(label)):
        return label.rstrip(":").strip()
    found, question = runs(label, vocabulary)
    found = owned(found)
    verb, objects, rest, subject, copula = "", [], [], "", False
    for run in found:
        if run.role == "verb":
            verb = run.text
        elif run.role == "object":
            objects.append(run.text)
        elif run.role == "copula":
            copula = True
            if run.text:
                rest.insert(0, run.text)
        elif run.role:
            rest.insert(0, f"{run.role} {run.text}")
        elif verb or not subject and question:
            subject = run.text if not subject else subject
        else:
            objects.append(run.text)
    if copula and not verb:
        words = ([question, "is"] if question else []) + [subject, *objects, *rest]
    elif verb and question:
        words = [question, subject or "to", verb, *objects, *rest]
    else:
        words = [question, subject, verb, *objects, *rest]
    text = re.sub(r"\s+([)\],.?!:;])", r"\1", re.sub(r"([(\[])\s+", r"\1", " ".join(w for w in words if w)))
    text = re.sub(r"\s+", " ", text).strip()
    return text[:1].upper() + text[1:] if text else label
