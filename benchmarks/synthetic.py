"""Synthetic corpora at N times the real one, built at benchmark time and never committed.

Copy 0 of a document is the document itself. Copy k keeps every line, marker,
fence, table and heading level of the original and swaps about a third of its
lowercase words for other words of the same document, by a mapping fixed per
copy (fence lines keep their language, HTML tags their names and attributes).
So each copy splits into the same questions as its original, with different
titles and answers, and its settings (topic headings, errata) are the
original's passed through the same mapping. Words the converter's settings rely
on (cleanup phrases, Hinglish markers) are never swapped.

``python benchmarks/synthetic.py --times 10 --source ../shared/corpus --out DIR``
writes DIR/corpus and DIR/data (the settings folder for ``--data``).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

WORD = re.compile(r"(?<![A-Za-z0-9_])[a-z]{4,}(?![A-Za-z0-9_])")
TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
TAG_OR_WORD = re.compile(f"{TAG.pattern}|{WORD.pattern}")
SETTING_WORD = re.compile(r"[A-Za-z]+")
SWAP_SHARE = 0.35
FENCES = ("```", "~~~")


@dataclass(frozen=True)
class Perturbation:
    """One copy's word mapping: ``copy`` picks the mapping, ``vocabulary`` the replacements."""

    copy: int
    vocabulary: tuple[str, ...]
    protected: frozenset[str]

    def word(self, word: str) -> str:
        if self.copy == 0 or word in self.protected or not self.vocabulary:
            return word
        digest = hashlib.blake2b(f"{self.copy}:{word}".encode(), digest_size=8).digest()
        if digest[0] >= SWAP_SHARE * 256:
            return word
        return self.vocabulary[int.from_bytes(digest[1:], "big") % len(self.vocabulary)]

    def text(self, text: str) -> str:
        """Fence lines keep their language (```python): it decides highlighting and notebooks.
        HTML tags are kept whole: ``<ul style=...>`` with "style" swapped is markup the original
        does not have, which the converter removes, reports and parses the document again for."""
        return "".join(line if line.lstrip().startswith(FENCES) else TAG_OR_WORD.sub(self.swapped, line)
                       for line in text.splitlines(keepends=True))

    def swapped(self, match: re.Match) -> str:
        found = match.group()
        return found if found.startswith("<") else self.word(found)


def vocabulary(text: str) -> tuple[str, ...]:
    return tuple(sorted(set(WORD.findall(text))))


def protected_words(data: Path) -> frozenset[str]:
    """Words the settings match on: swapping them would change how a copy is split or cleaned."""
    words = set()
    for name in ("cleanup.yml", "language.yml"):
        words |= {w.casefold() for w in SETTING_WORD.findall((data / name).read_text(encoding="utf-8"))}
    return frozenset(words)


def copy_name(file: str, copy: int) -> str:
    if copy == 0:
        return file
    stem, dot, suffix = file.rpartition(".")
    return f"{stem}-copy{copy:02d}.{suffix}" if dot else f"{file}-copy{copy:02d}"


def source_settings(raw: dict, copy: int, perturb: Perturbation) -> dict:
    if copy == 0:
        return raw
    settings = dict(raw)
    settings["title"] = f"{raw['title']} (copy {copy})"
    if raw.get("slug"):
        settings["slug"] = f"{raw['slug']}-copy{copy:02d}"
    if raw.get("titles"):
        settings["titles"] = {number: perturb.text(title) for number, title in raw["titles"].items()}
    if raw.get("topics"):
        settings["topics"] = [
            {**topic, "heading": perturb.text(topic["heading"])} if isinstance(topic, dict) else perturb.text(topic)
            for topic in raw["topics"]
        ]
    return settings


def synthesise(source: Path, data: Path, out: Path, times: int) -> list[Path]:
    """Write ``times`` copies of every document of ``source`` and the matching settings; returns the documents."""
    corpus, settings_dir = out / "corpus", out / "data"
    for folder in (corpus, settings_dir):
        shutil.rmtree(folder, ignore_errors=True)
    corpus.mkdir(parents=True)
    shutil.copytree(data, settings_dir)
    sources_file = yaml.safe_load((data / "sources.yml").read_text(encoding="utf-8"))
    sources = sources_file["sources"]
    errata = yaml.safe_load((data / "errata.yml").read_text(encoding="utf-8")) or {"errata": []}
    protected = protected_words(data)
    new_sources, written = {}, []
    copies = {index: [] for index in range(len(errata.get("errata") or ()))}  # each erratum's copies
    for path in sorted(p for p in source.iterdir() if p.is_file()):
        text = path.read_bytes().decode("utf-8", errors="surrogateescape")
        words = vocabulary(text)
        for copy in range(times):
            perturb = Perturbation(copy, words, protected)
            name = copy_name(path.name, copy)
            target = corpus / name
            target.write_bytes(perturb.text(text).encode("utf-8", errors="surrogateescape"))
            written.append(target)
            if path.name in sources:
                new_sources[name] = source_settings(sources[path.name], copy, perturb)
            for index, erratum in enumerate(errata.get("errata") or ()):
                if copy and path.name in erratum["files"]:
                    copies[index].append({**erratum, "find": perturb.text(erratum["find"]),
                                          "replace": perturb.text(erratum["replace"]), "files": [name]})
    expanded = [item for index, erratum in enumerate(errata.get("errata") or ())
                for item in (erratum, *copies[index])]
    (settings_dir / "sources.yml").write_text(yaml.safe_dump({**sources_file, "sources": new_sources}, allow_unicode=True,
                                                             sort_keys=False), encoding="utf-8")
    (settings_dir / "errata.yml").write_text(yaml.safe_dump({"errata": expanded}, allow_unicode=True,
                                                            sort_keys=False), encoding="utf-8")
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--times", type=int, required=True)
    parser.add_argument("--source", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--data", type=Path, default=Path("tools/data"))
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    written = synthesise(args.source, args.data, args.out, args.times)
    size = sum(p.stat().st_size for p in written)
    print(f"{len(written)} documents, {size / 1e6:.1f} MB in {args.out / 'corpus'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
