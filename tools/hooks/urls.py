"""MkDocs hook: generated pages are served from the site's root, not from ``library/``.

The converter writes into ``docs/library/`` so that one git-ignored folder holds
all build output beside the hand-written pages; readers get the URLs the issue
promises, ``/<source>/<slug>/`` and ``/q/<n>/``. Links between pages are written
as paths of Markdown files, which MkDocs resolves after this renaming, so none
of them knows about it. The converter keeps source folders clear of the names
the site uses at its root (``assets``, ``search``, ``q``...).
"""

from __future__ import annotations

import os

from contract import FOLDER

GENERATED = f"{FOLDER}/"


def on_files(files, config):
    for file in files:
        if file.src_uri.startswith(GENERATED):
            file.dest_uri = file.dest_uri.removeprefix(GENERATED)
            file.url = file.url.removeprefix(GENERATED)
            file.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, file.dest_uri))
    return files
