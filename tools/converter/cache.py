"""Per-document results kept by content, so a rebuild re-splits only what changed.

A document's result depends on its bytes, its entry in the settings, the
settings files and the converter's own code; the key hashes all four, so an
edited document, setting or stage misses the cache and nothing stale is
served. Only the per-document stages (read to enrich) are kept: the steps
across documents (identities, related questions, duplicates, the glossary)
run on every build. After a run the cache holds just the documents of that
run.

Each document is stored as JSON, which can hold nothing but data, and read
back by the model's own type hints, each value checked against its type. Its
first line is a digest of the document's key and the JSON: an entry that was
edited, cut short or moved under another document's name is converted again,
never trusted. (Pickles were faster to read, but loading one runs whatever
code it names.)
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import sys
import types
import typing
from functools import cache
from pathlib import Path

import numpy as np

from .model import Document, Source

CODE = Path(__file__).resolve().parent
SUFFIX = ".document.json"  # the folder also holds the list of files the last run wrote (written.json)


def environment_digest(data: Path, code: Path = CODE) -> str:
    """The settings files (but the registry, which only later steps read) and the converter's code."""
    digest = hashlib.sha256(sys.version.encode())
    files = [p for p in sorted(data.glob("*.yml")) if p.name != "registry.yml"] + sorted(code.rglob("*.py"))
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def key(data: bytes, source: Source, environment: str) -> str:
    return hashlib.sha256(environment.encode() + repr(source).encode() + b"\0" + data).hexdigest()


def encoded(value):
    """``value`` as JSON data: dataclasses as their fields, tuples as lists, arrays as bytes."""
    if dataclasses.is_dataclass(value):
        return {f.name: encoded(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [encoded(item) for item in value]
    if isinstance(value, np.ndarray):
        return {"dtype": value.dtype.str, "shape": list(value.shape), "bytes": base64.b64encode(value.tobytes()).decode()}
    return value


@cache
def hints(kind: type) -> dict[str, object]:
    return typing.get_type_hints(kind, localns={"np": np})


def decoded(kind, data):
    """``data`` read back as a ``kind``; ValueError when it is not one."""
    origin, arguments = typing.get_origin(kind), typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        if data is None and type(None) in arguments:
            return None
        return decoded(next(a for a in arguments if a is not type(None)), data)
    if dataclasses.is_dataclass(kind):
        if not isinstance(data, dict) or not set(data) <= set(hints(kind)):
            raise ValueError(f"not a {kind.__name__}")
        return kind(**{name: decoded(hints(kind)[name], value) for name, value in data.items()})
    if origin in (tuple, list):
        if not isinstance(data, list):
            raise ValueError(f"not a {origin.__name__}")
        if origin is list or arguments[-1] is Ellipsis:
            items = [decoded(arguments[0], item) for item in data]
        elif len(arguments) == len(data):
            items = [decoded(argument, item) for argument, item in zip(arguments, data)]
        else:
            raise ValueError(f"{len(data)} items where {len(arguments)} belong")
        return origin(items)
    if kind is np.ndarray:
        array = np.frombuffer(base64.b64decode(data["bytes"], validate=True), dtype=np.dtype(data["dtype"]))
        return array.reshape(data["shape"]).copy()
    if kind in (str, int, bool) and type(data) is not kind:
        raise ValueError(f"not a {kind.__name__}: {data!r}")
    return data


def digest(name: str, payload: str) -> str:
    return hashlib.sha256(name.encode() + b"\0" + payload.encode()).hexdigest()


class DocumentCache:
    """Documents by key in ``folder``; remembers which keys this run used."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()

    def get(self, name: str) -> Document | None:
        """The stored document, or None when there is none or it is not exactly what was stored."""
        self.used.add(name)
        try:
            check, _, payload = (self.folder / (name + SUFFIX)).read_text(encoding="utf-8").partition("\n")
            if check != digest(name, payload):
                return None
            return decoded(Document, json.loads(payload))
        except (OSError, UnicodeDecodeError, ValueError, TypeError, KeyError, StopIteration):
            return None

    def put(self, name: str, document: Document) -> None:
        """Written beside and renamed into place: a run stopped midway leaves no half entry."""
        self.used.add(name)
        self.folder.mkdir(parents=True, exist_ok=True)
        payload = json.dumps(encoded(document), ensure_ascii=False, separators=(",", ":"))
        staging = self.folder / f".{name}.new"
        staging.write_text(digest(name, payload) + "\n" + payload, encoding="utf-8")
        staging.replace(self.folder / (name + SUFFIX))

    def prune(self) -> None:
        """Forget documents this run did not use: the cache never outgrows the corpus."""
        if self.folder.is_dir():
            for path in self.folder.glob("*" + SUFFIX):
                if path.name.removesuffix(SUFFIX) not in self.used:
                    path.unlink()


class FileCache:
    """Files by key in ``folder`` (the drawn link-preview cards, by the card and the code that
    drew it), handed out as paths for the tree to link, read only for their last bytes: one not
    ending with ``ending`` (a PNG's last chunk) was cut short, and is made again. Remembers which
    keys this run used, and forgets the others when pruned."""

    def __init__(self, folder: Path, suffix: str, ending: bytes = b"") -> None:
        self.folder, self.suffix, self.ending = folder, suffix, ending
        self.used: set[str] = set()
        self.held = {p.name for p in folder.glob("*" + suffix)} if folder.is_dir() else set()  # one listing

    def get(self, name: str) -> Path | None:
        self.used.add(name)
        path = self.folder / (name + self.suffix)
        return path if path.name in self.held and self.whole(path) else None

    def whole(self, path: Path) -> bool:
        try:
            with open(path, "rb") as stream:
                size = stream.seek(0, 2)
                if size == 0:
                    return False
                stream.seek(max(0, size - len(self.ending)))
                return stream.read() == self.ending
        except OSError:
            return False

    def put(self, name: str, data: bytes) -> Path:
        """Written beside and renamed into place: a run stopped midway leaves no half file."""
        self.used.add(name)
        self.folder.mkdir(parents=True, exist_ok=True)
        staging, path = self.folder / f".{name}.new", self.folder / (name + self.suffix)
        staging.write_bytes(data)
        staging.replace(path)
        self.held.add(path.name)
        return path

    def prune(self) -> None:
        """Files this run did not use go, and any left half-written by a run that was stopped."""
        if self.folder.is_dir():
            for path in [*self.folder.glob("*" + self.suffix), *self.folder.glob(".*.new")]:
                if path.name.removesuffix(self.suffix) not in self.used or path.name.endswith(".new"):
                    path.unlink()
