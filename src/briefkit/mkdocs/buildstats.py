"""Where a build's time and memory went: for `make bench`, and for maintainers (`mkdocs build -v`).

The hook times each part of a build and reads the peak memory of each process it ran. With
`BRIEFKIT_BUILD_STATS=path.json` in the environment it also writes them there.
"""

from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

STATS_VARIABLE = "BRIEFKIT_BUILD_STATS"


def peak_mb(children: bool = False) -> float:
    """The peak memory (resident) of this process, or of the largest of its finished children, in MB."""
    if sys.platform == "win32":  # no getrusage there: the peaks read 0
        return 0.0
    import resource  # noqa: PLC0415 - Unix only

    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


@dataclass
class BuildStats:
    seconds: dict[str, float] = field(default_factory=dict)
    """Each part of the build, in order: generating, MkDocs' pages, search, audit."""
    peak_mb: dict[str, float] = field(default_factory=dict)
    """Each process: this one, the largest of the second ones, Pagefind."""
    pages: dict[str, int] = field(default_factory=dict)
    """Pages counted by what a mechanism did with them (such as "converted ahead")."""
    _last: float = field(default_factory=time.monotonic)

    @classmethod
    def since(cls, started: float) -> BuildStats:
        """Stats whose first part began at `started`, a reading of `time.monotonic()`."""
        return cls(_last=started)

    def lap(self, part: str) -> None:
        now = time.monotonic()
        self.seconds[part] = round(now - self._last, 3)
        self._last = now

    def summary(self) -> str:
        parts = ", ".join(f"{part} {seconds:.2f} s" for part, seconds in self.seconds.items())
        peaks = ", ".join(f"{process} {mb:.0f} MB" for process, mb in self.peak_mb.items())
        counted = "".join(f"; pages {what}: {count}" for what, count in self.pages.items())
        return f"time: {parts}; peak memory: {peaks}{counted}"

    def write_if_asked(self) -> None:
        target = os.environ.get(STATS_VARIABLE)
        if target:
            data = {
                "seconds": self.seconds,
                "peak_mb": {k: round(v, 1) for k, v in self.peak_mb.items()},
                "pages": self.pages,
            }
            Path(target).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
