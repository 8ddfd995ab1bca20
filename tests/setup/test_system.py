"""tools/setup/system.sh: what `make` needs of the machine, found or installed, or one line
saying what to install. Interpreters are faked by scripts that run this Python with
another version (and without venv's ensurepip); `id` is faked to run as a normal user."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "tools" / "setup" / "system.sh"


def fake_python(folder: Path, name: str, version: tuple[int, int, int], venv: bool = True) -> Path:
    """An executable ``name`` that answers as Python ``version`` (without ensurepip unless ``venv``)."""
    setup = f"import sys; sys.version_info = {version!r}" + ("" if venv else "; sys.modules['ensurepip'] = None")
    path = folder / name
    path.write_text(f'#!/bin/sh\nexec {sys.executable} -c "{setup}; exec(sys.argv[1])" "$2"\n')
    path.chmod(0o755)
    return path


def as_user(folder: Path) -> Path:
    """A folder whose ``id`` says uid 1000, so the script never runs apt-get."""
    (folder / "id").write_text("#!/bin/sh\necho 1000\n")
    (folder / "id").chmod(0o755)
    return folder


def run(*args: str, path: str | None = None, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, **env, **({"PATH": path} if path else {})}
    return subprocess.run(["/bin/bash", str(SCRIPT), *args], capture_output=True, text=True, env=environment)


def test_without_python_given_the_first_recent_enough_candidate_is_printed(tmp_path):
    fake_python(tmp_path, "python3", (3, 9, 2))
    recent = fake_python(tmp_path, "python3.12", (3, 12, 1))
    result = run("python", path=f"{tmp_path}:/usr/bin:/bin")
    assert (result.returncode, result.stdout, result.stderr) == (0, f"{recent}\n", "")


def test_the_given_python_is_used_when_recent_enough():
    result = run("python", sys.executable)
    assert (result.returncode, result.stdout) == (0, f"{sys.executable}\n")


def test_an_old_python_stops_with_one_line_naming_what_is_needed(tmp_path):
    old = fake_python(tmp_path, "python3", (3, 9, 2))
    result = run("python", str(old))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "is Python 3.9.2" in result.stderr and "3.11 or newer" in result.stderr and "PYTHON=" in result.stderr


def test_no_python_at_all_stops_with_one_line(tmp_path):
    fake_python(tmp_path, "python3", (3, 10, 12))
    result = run("python", path=str(tmp_path))  # /bin is /usr/bin on Debian 12
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "no Python 3.11 or newer" in result.stderr and "apt-get install -y python3" in result.stderr


def test_a_missing_interpreter_is_named(tmp_path):
    result = run("python", str(tmp_path / "python3.99"))
    assert result.returncode == 1 and "python3.99: no such interpreter" in result.stderr


def test_a_python_without_venv_names_its_debian_package(tmp_path):
    bare = fake_python(tmp_path, "python3", (3, 11, 2), venv=False)
    result = run("python", str(bare), path=f"{as_user(tmp_path)}:/usr/bin:/bin")
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "sudo apt-get install -y python3.11-venv" in result.stderr


def test_missing_browser_packages_are_named_for_a_normal_user(tmp_path):
    folder = installed(as_user(tmp_path))
    result = run("browser", path=f"{folder}:/usr/bin:/bin", CHROMIUM=str(tmp_path / "chromium"))
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert result.stderr == "make: missing chromium (for the browser tests): run: sudo apt-get install -y chromium\n"


def installed(folder: Path, status: str = "install ok installed") -> Path:
    """A folder whose ``dpkg-query`` reports every package with ``status``."""
    (folder / "dpkg-query").write_text(f"#!/bin/sh\nprintf '{status}'\n")
    (folder / "dpkg-query").chmod(0o755)
    return folder


def test_present_browser_packages_need_nothing(tmp_path):
    chromium = fake_python(tmp_path, "chromium", (3, 11, 2))  # any executable file will do
    result = run("browser", path=f"{installed(as_user(tmp_path))}:/usr/bin:/bin", CHROMIUM=str(chromium))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_a_removed_font_package_counts_as_missing(tmp_path):
    # `apt-get remove` leaves the package known to dpkg, with its configuration files
    chromium = fake_python(tmp_path, "chromium", (3, 11, 2))
    folder = installed(as_user(tmp_path), "deinstall ok config-files")
    result = run("browser", path=f"{folder}:/usr/bin:/bin", CHROMIUM=str(chromium))
    assert result.returncode == 1 and "missing fonts-lohit-deva (for the browser tests)" in result.stderr
