"""pipewatch, installed from its wheel: the Rust binary, and a way to find it.

The wheel carries no Python code of its own beyond this package: the
`pipewatch` command is the compiled binary that maturin put among the
environment's scripts. `python -m pipewatch` runs that same binary.
"""

from __future__ import annotations

from ._find import PipewatchNotFound, find_pipewatch_bin

__all__ = ["PipewatchNotFound", "find_pipewatch_bin"]
