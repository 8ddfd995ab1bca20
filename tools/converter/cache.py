"""Per-document results kept by content, so a rebuild re-splits only what changed.

A document's result depends on its bytes, its entry in the settings, the
settings files and the converter's own code; the key hashes all four, so an
edited document, setting or stage misses the cache and nothing stale is
served. Only the per-document stages (read to enrich) are kept: the steps
across documents (identities, related questions, duplicates, the glossary)
run on every build. The cache is a folder of pickles that only this
converter writes (``build/`` by default: git-ignored); after a run it holds
just the documents of that run.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from pathlib import Path

from .model import Document, Source

CODE = Path(__file__).resolve().parent
SUFFIX = ".pickle"


def environment_digest(data: Path, code: Path = CODE) -> str:
    """The settings files (but the registry, which only later steps read) and the converter's code."""
    digest = hashlib.sha256(sys.version.encode())
    files = [p for p in sorted(data.glob("*.yml")) if p.name != "registry.yml"] + sorted(code.rglob("*.py"))
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def key(data: bytes, source: Source, environment: str) -> str:
    return hashlib.sha256(environment.encode() + repr(source).encode() + b"\0" + data).hexdigest()


class DocumentCache:
    """Documents by key in ``folder``; remembers which keys this run used."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()

    def get(self, name: str) -> Document | None:
        self.used.add(name)
        try:
            with open(self.folder / (name + SUFFIX), "rb") as stored:
                document = pickle.load(stored)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
            return None
        return document if isinstance(document, Document) else None

    def put(self, name: str, document: Document) -> None:
        """Written beside and renamed into place: a run stopped midway leaves no half pickle."""
        self.used.add(name)
        self.folder.mkdir(parents=True, exist_ok=True)
        staging = self.folder / f".{name}.new"
        staging.write_bytes(pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL))
        staging.replace(self.folder / (name + SUFFIX))

    def prune(self) -> None:
        """Forget documents this run did not use: the cache never outgrows the corpus."""
        if self.folder.is_dir():
            for path in self.folder.glob("*" + SUFFIX):
                if path.name.removesuffix(SUFFIX) not in self.used:
                    path.unlink()
