"""A tour of the API through the typed client: python clients/python/tour.py BASE_URL

Every value below is typed from openapi.json (mypy --strict checks this file); a claim's
type-specific fields are reached by narrowing with isinstance, never by a cast.
"""

import json
import sys
from urllib.parse import parse_qs, urlsplit

from migraine_claims_kb_client import Client
from migraine_claims_kb_client.api.changes import changes_list_changes
from migraine_claims_kb_client.api.claims import claims_get_claim, claims_list_claims
from migraine_claims_kb_client.api.export import export_export_all
from migraine_claims_kb_client.api.risk_factors import risk_factors_list_risk_factors
from migraine_claims_kb_client.api.tags import tags_list_tags
from migraine_claims_kb_client.models import (
    ChangePage,
    ClaimChange,
    ClaimPage,
    Problem,
    RiskFactorClaim,
    RiskFactorPage,
    SortOrder,
    TagPage,
)
from migraine_claims_kb_client.types import UNSET, File, Unset


def query_value(url: str, name: str) -> str | Unset:
    """A parameter of a `links.next` URL, to ask for the next page through the client."""
    values = parse_qs(urlsplit(url).query).get(name)
    return values[0] if values else UNSET


def risk_factors(client: Client) -> None:
    page = risk_factors_list_risk_factors.sync(client=client)
    if not isinstance(page, RiskFactorPage):
        raise SystemExit(f"no risk factors: {page!r}")
    for factor in page.data:
        print(f"risk factor {factor.rank}: {factor.title} ({factor.certainty.value})")


def one_claim(client: Client, claim_id: str) -> None:
    claim = claims_get_claim.sync(claim_id, client=client)
    if isinstance(claim, RiskFactorClaim):
        print(f"claim {claim.id} is risk factor {claim.rank}: {claim.outcome}")


def count_claims(client: Client) -> int:
    count, cursor = 0, query_value("", "cursor")
    while True:
        page = claims_list_claims.sync(client=client, limit=5, cursor=cursor)
        if not isinstance(page, ClaimPage):
            raise SystemExit(f"no page: {page!r}")
        count += len(page.data)
        if not page.links.next_:
            return count
        cursor = query_value(page.links.next_, "cursor")


def search(client: Client, words: str) -> None:
    page = claims_list_claims.sync(client=client, q=words, sort=SortOrder.RELEVANCE)
    if not isinstance(page, ClaimPage):
        raise SystemExit(f"no page: {page!r}")
    for hit in page.data:
        snippet = hit.match.snippet if hit.match else ""
        print(f"search hit: {hit.id} -> {snippet}")


def follow_changes(client: Client) -> None:
    kinds: dict[str, int] = {}
    since = query_value("", "since")
    while True:
        page = changes_list_changes.sync(client=client, since=since, limit=10)
        if not isinstance(page, ChangePage):
            raise SystemExit(f"no page: {page!r}")
        for change in page.data:
            kinds[change.kind] = kinds.get(change.kind, 0) + 1
            if isinstance(change, ClaimChange) and isinstance(change.record, RiskFactorClaim):
                print(f"change: {change.action.value} risk factor {change.record.rank}")
        since = query_value(page.links.next_, "since")
        if not page.data:
            break
    counted = ", ".join(f"{n} {kind}" for kind, n in kinds.items())
    print(f"followed the change feed to its end: {counted}")


def vocabulary(client: Client) -> None:
    page = tags_list_tags.sync(client=client, limit=500)
    if isinstance(page, TagPage):
        print(f"the vocabulary has {page.meta.total} tags, e.g. {page.data[0].slug}")


def export(client: Client) -> None:
    """The NDJSON export arrives as bytes: one JSON record per line."""
    body = export_export_all.sync(client=client)
    if isinstance(body, File):
        lines = body.payload.read().splitlines()
        print(f"the export holds {len(lines)} lines, the first a {json.loads(lines[0])['kind']}")


def missing(client: Client) -> None:
    answer = claims_get_claim.sync_detailed("no-such-claim", client=client)
    if isinstance(answer.parsed, Problem):
        problem = answer.parsed
        print(f"problem {problem.status} ({answer.status_code}): {problem.detail}")


def main() -> None:
    with Client(base_url=sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000") as client:
        risk_factors(client)
        one_claim(client, "risk-factor-allergic-reactions")
        print(f"paged through {count_claims(client)} claims")
        search(client, "allergic reaction")
        follow_changes(client)
        vocabulary(client)
        export(client)
        missing(client)


if __name__ == "__main__":
    main()
