"""What a long command is doing, for whoever watches it: a loader of 100,000 claims takes
half a minute, and silence looks like a hang.

Writers report steps through a `Progress` they are given; they never print. The command
line shows them on a terminal and nowhere else (`kb` piped into a file or another
program prints only its result).
"""

from collections.abc import Callable

Progress = Callable[[str], None]
"""Called with what is being done now, e.g. "read 12 of 40 claim files"."""


def silent(_step: str) -> None:
    """Report nothing: the default, for tests and the server."""


def every(count: int, total: int, what: str, *, step: int = 10_000) -> str | None:
    """ "N of TOTAL what" every `step` items and at the last one; else None."""
    if count % step == 0 or count == total:
        return f"{count:,} of {total:,} {what}"
    return None
