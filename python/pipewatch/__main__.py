"""`python -m pipewatch ...`: run the installed binary with the same arguments.

On Unix the binary replaces this process (exec), so its exit code, signals
and terminal are exactly those of `pipewatch ...`.
"""

from __future__ import annotations

import os
import sys

from pipewatch import PipewatchNotFound, find_pipewatch_bin


def main() -> None:
    try:
        binary = find_pipewatch_bin()
    except PipewatchNotFound as e:
        print(f"error: {e}", file=sys.stderr)
        sys.exit(2)
    argv = [binary, *sys.argv[1:]]
    if sys.platform == "win32":
        import subprocess

        try:
            sys.exit(subprocess.run(argv).returncode)
        except KeyboardInterrupt:
            sys.exit(130)
    os.execv(binary, argv)


if __name__ == "__main__":
    main()
