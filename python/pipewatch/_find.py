"""Where the installer put the `pipewatch` binary.

pip, pipx and uv install a wheel's scripts into the environment's scripts
directory, but `pip install --user`, `--prefix` and `--target` put them
elsewhere, so every place an installer may have chosen is tried, nearest
first (as ruff's own wheel finds its binary).
"""

from __future__ import annotations

import os
import sys
import sysconfig


class PipewatchNotFound(FileNotFoundError):
    """The binary is in none of the places an installer puts scripts."""


def find_pipewatch_bin() -> str:
    """Return the path of the `pipewatch` binary installed with this package."""
    exe = "pipewatch" + (sysconfig.get_config_var("EXE") or "")
    package = os.path.dirname(os.path.abspath(__file__))
    scripts = "Scripts" if sys.platform == "win32" else "bin"
    candidates = [
        # This environment's scripts (a venv, pipx, uv tool, a system pip).
        sysconfig.get_path("scripts"),
        # The base interpreter's, for a venv made with --system-site-packages.
        sysconfig.get_path("scripts", vars={"base": sys.base_prefix}),
        # `pip install --prefix P`: the package is P/lib/pythonX.Y/site-packages/pipewatch.
        _prefix_of(package, 4 if sys.platform != "win32" else 3, scripts),
        # `pip install --target T`: the package is T/pipewatch, scripts in T/bin.
        os.path.join(os.path.dirname(package), scripts),
        # `pip install --user`.
        sysconfig.get_path("scripts", scheme=_user_scheme()),
    ]
    tried = []
    for folder in candidates:
        if not folder or folder in tried:
            continue
        tried.append(folder)
        path = os.path.join(folder, exe)
        if os.path.isfile(path):
            return path
    where = "\n".join(f"  {folder}" for folder in tried)
    raise PipewatchNotFound(f"the pipewatch binary is in none of:\n{where}")


def _prefix_of(package: str, depth: int, scripts: str) -> str | None:
    """The scripts folder `depth` levels above the package, if the levels
    between are a site-packages layout."""
    parts = package.split(os.sep)
    if len(parts) <= depth or parts[-2].lower() != "site-packages":
        return None
    return os.path.join(os.sep.join(parts[:-depth]) or os.sep, scripts)


def _user_scheme() -> str:
    if sys.version_info >= (3, 10):
        return sysconfig.get_preferred_scheme("user")
    if os.name == "nt":
        return "nt_user"
    if sys.platform == "darwin" and getattr(sys, "_framework", None):
        return "osx_framework_user"
    return "posix_user"
