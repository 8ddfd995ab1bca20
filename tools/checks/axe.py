"""axe-core, the accessibility engine the browser tests run, fetched from the npm registry.

Pinned and checked against the registry's integrity hash, downloaded once into
``build/axe/`` (git-ignored); no Node.js is needed, only the script.
"""

from __future__ import annotations

import base64
import hashlib
import io
import tarfile
import urllib.request
from pathlib import Path

from .project import ROOT

VERSION = "4.14.1"
TARBALL = f"https://registry.npmjs.org/axe-core/-/axe-core-{VERSION}.tgz"
INTEGRITY = "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="
CACHE = ROOT / "build" / "axe"


class AxeUnavailable(Exception):
    """The script could not be fetched or did not match its pinned hash."""


def verified(data: bytes) -> bytes:
    algorithm, expected = INTEGRITY.split("-", 1)
    if base64.b64encode(hashlib.new(algorithm, data).digest()).decode() != expected:
        raise AxeUnavailable(f"{TARBALL} does not match its pinned integrity {INTEGRITY}")
    return data


def axe_script(cache: Path = CACHE) -> str:
    """The text of axe.min.js, from the cache or the registry."""
    target = cache / f"axe-core-{VERSION}.min.js"
    if not target.is_file():
        try:
            with urllib.request.urlopen(TARBALL, timeout=60) as response:
                archive = verified(response.read())
        except OSError as err:
            raise AxeUnavailable(f"cannot download {TARBALL}: {err}") from err
        with tarfile.open(fileobj=io.BytesIO(archive), mode="r:gz") as tar:
            script = tar.extractfile("package/axe.min.js").read()
        cache.mkdir(parents=True, exist_ok=True)
        staging = target.with_suffix(".part")
        staging.write_bytes(script)
        staging.replace(target)
    return target.read_text(encoding="utf-8")
