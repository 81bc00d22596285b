"""Revision ETags and If-Match: how a write proves it saw the record it changes.

A claim's ETag is its revision (`"r3"`); a JSON-LD rendering adds `.jsonld`. A tag's
adds its claim count, which moves without the tag changing (`"r1.n4"`), so caches
revalidate, while If-Match still compares the revision only: an edit to a claim's tags
is no reason to refuse an edit to the tag. Strong validators, as If-Match requires
(RFC 9110 13.1.1): a weak one never matches.
"""

import re
from dataclasses import dataclass

from api.errors import PreconditionFailed

_ENTITY_TAG = re.compile(r'\s*(W/)?"([^"]*)"\s*')
_REVISION = re.compile(r"r([0-9]{1,9})(?:\..*)?")


def revision_etag(revision: int, *variant: str) -> str:
    return '"' + ".".join([f"r{revision}", *variant]) + '"'


@dataclass(frozen=True)
class IfMatch:
    """The revisions an If-Match header names (any, for `*`)."""

    any: bool
    revisions: frozenset[int]

    def check(self, revision: int, what: str) -> None:
        """Raise 412 unless `revision` is one the client named."""
        if self.any or revision in self.revisions:
            return
        raise PreconditionFailed(
            f"{what} has changed: it is at revision {revision}, and If-Match names "
            + (
                "revision " + ", ".join(str(r) for r in sorted(self.revisions))
                if self.revisions
                else "no current revision"
            )
            + ". GET it again, reapply your change, and send its new ETag.",
            etag=revision_etag(revision),
        )


def parse_if_match(value: str) -> IfMatch:
    """Strong entity-tags naming revisions; weak ones and others name none (RFC 9110)."""
    if value.strip() == "*":
        return IfMatch(any=True, revisions=frozenset())
    revisions = set()
    for part in value.split(","):
        found = _ENTITY_TAG.fullmatch(part)
        if found is None or found.group(1):
            continue
        if (revision := _REVISION.fullmatch(found.group(2))) is not None:
            revisions.add(int(revision.group(1)))
    return IfMatch(any=False, revisions=frozenset(revisions))
