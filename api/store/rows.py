"""The one mapping between public claim records and rows of the claim table.

Writes (the loader) and reads (queries) both go through here, so a field added to a
claim type is stored and served the same way.
"""

from typing import Any

from api.records.claims import CLAIM_ADAPTER, CLAIM_COMMON_FIELDS, Claim
from api.store.search import search_text
from api.store.tables import Claim as ClaimRow


def claim_row(claim: Claim) -> dict[str, Any]:
    """The claim table's columns derived from a claim (all but `seq`, `updated_at` and
    `revision`, which the writer keeps); tags and relations live in their own tables."""
    fields = claim.model_dump(mode="json")
    attributes = {k: v for k, v in fields.items() if k not in CLAIM_COMMON_FIELDS}
    rank = attributes.pop("rank", None)
    return {
        "id": claim.id,
        "source_id": claim.source,
        "type": fields["type"],
        "title": claim.title,
        "statement": claim.statement,
        "quote": claim.quote,
        "quote_start": claim.start,
        "quote_end": claim.end,
        "certainty": fields["certainty"],
        "hedges": fields["hedges"],
        "migraine_effect": fields["migraine_effect"],
        "rank": rank,
        "attributes": attributes,
        "status": fields["status"],
        "retraction_reason": claim.retraction_reason,
        "search_text": search_text(claim.title, claim.statement, claim.quote),
    }


def article_key(claim: Claim) -> tuple[str, int, int, str]:
    """Where a claim stands in the order its source states it (models.ARTICLE_ORDER)."""
    return (claim.source, claim.start, claim.end, claim.id)


def tag_rows(claim: Claim) -> list[dict[str, Any]]:
    """The claim_tag rows of a claim: each carries the claim's article order (source,
    quote start and end), so a page of one tag is read from the tag's index in order."""
    keys = {"source_id": claim.source, "quote_start": claim.start, "quote_end": claim.end}
    return [{"claim_id": claim.id, "tag_slug": slug, **keys} for slug in claim.tags]


def relation_rows(claim: Claim) -> list[dict[str, Any]]:
    """The claim_relation rows of a claim."""
    return [
        {"claim_id": claim.id, "kind": relation.kind.value, "target_id": relation.target}
        for relation in claim.relations
    ]


def served(claim: Claim, revision: int) -> Claim:
    """The claim as the API serves it: at `revision`, tags by slug, relations by kind and
    target (a representation that depends on its own rows only, so its revision names it)."""
    return claim.model_copy(
        update={
            "revision": revision,
            "tags": sorted(claim.tags),
            "relations": sorted(claim.relations, key=lambda r: (r.kind.value, r.target)),
            "match": None,
        }
    )


def document(claim: Claim) -> str:
    """The stored rendering of a served claim: exactly the JSON a read answers with."""
    return claim.model_dump_json()


def claim_from_row(row: ClaimRow, *, tags: list[str], relations: list[dict[str, str]]) -> Claim:
    return CLAIM_ADAPTER.validate_python(
        {
            "id": row.id,
            "type": row.type,
            "source": row.source_id,
            "title": row.title,
            "statement": row.statement,
            "quote": row.quote,
            "start": row.quote_start,
            "end": row.quote_end,
            "certainty": row.certainty,
            "hedges": row.hedges,
            "migraine_effect": row.migraine_effect,
            "status": row.status,
            **({"retraction_reason": row.retraction_reason} if row.retraction_reason else {}),
            "revision": row.revision,
            "tags": tags,
            "relations": relations,
            **({"rank": row.rank} if row.rank is not None else {}),
            **row.attributes,
        }
    )
