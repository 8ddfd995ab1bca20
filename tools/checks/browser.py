"""A built site served on localhost, and Debian's chromium to read it: shared by the
search check, the link-preview card and the browser tests. Playwright drives the
system chromium (never `playwright install`)."""

from __future__ import annotations

import functools
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def mount(site: Path, root: Path, sub_path: str) -> None:
    """Serve ``site`` at ``root/sub_path`` (replacing what was there): below a sub-path, as hosted."""
    link = root / sub_path
    link.parent.mkdir(parents=True, exist_ok=True)
    if link.is_symlink():
        link.unlink()
    link.symlink_to(site.resolve(), target_is_directory=True)


@contextmanager
def serving(root: Path, handler: type[Quiet] = Quiet, **options) -> Iterator[str]:
    """``root`` over HTTP on a free port (``options`` go to each ``handler``); yields its address, ending in /."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root), **options))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
