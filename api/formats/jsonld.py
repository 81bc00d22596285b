"""JSON-LD renderings of claims and sources: schema.org terms, W3C Web Annotation anchors.

A claim is a schema:Claim. Where it appears is an oa:SpecificResource of its source (a
schema:CreativeWork and schema:MedicalWebPage), pinned by an oa:TextQuoteSelector (the
exact quote) and an oa:TextPositionSelector (its offsets). Tags that name the drug or
the condition add schema:Drug / schema:MedicalCondition to `about`; nothing else is
asserted. The @context is served by this API (GET /v1/context.jsonld), never fetched
from elsewhere.
"""

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from api.records.claims import Claim, ClaimBase
from api.records.fields import DISCLAIMER
from api.records.vocabulary import SourceDetail, SourcePublic

CONTEXT_PATH = "/v1/context.jsonld"

CONTEXT: dict[str, Any] = {
    "@context": {
        "@version": 1.1,
        "schema": "https://schema.org/",
        "oa": "http://www.w3.org/ns/oa#",
        "kb": "urn:migraine-claims-kb:vocab#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
        "Claim": "schema:Claim",
        "CreativeWork": "schema:CreativeWork",
        "MedicalWebPage": "schema:MedicalWebPage",
        "Drug": "schema:Drug",
        "MedicalCondition": "schema:MedicalCondition",
        "ItemList": "schema:ItemList",
        "SpecificResource": "oa:SpecificResource",
        "TextQuoteSelector": "oa:TextQuoteSelector",
        "TextPositionSelector": "oa:TextPositionSelector",
        "name": "schema:name",
        "text": "schema:text",
        "description": "schema:description",
        "keywords": "schema:keywords",
        "about": "schema:about",
        "inLanguage": "schema:inLanguage",
        "encodingFormat": "schema:encodingFormat",
        "itemListElement": {"@id": "schema:itemListElement", "@container": "@list"},
        "appearance": {"@id": "schema:appearance", "@type": "@id"},
        "source": {"@id": "oa:hasSource", "@type": "@id"},
        "selector": {"@id": "oa:hasSelector"},
        "exact": "oa:exact",
        "start": {"@id": "oa:start", "@type": "xsd:nonNegativeInteger"},
        "end": {"@id": "oa:end", "@type": "xsd:nonNegativeInteger"},
        "claimType": "kb:claimType",
        "certainty": "kb:certainty",
        "hedges": {"@id": "kb:hedge", "@container": "@set"},
        "migraineEffect": "kb:migraineEffect",
        "sha256": "kb:sha256",
    }
}

_ABOUT = {
    "botox": {"@type": "Drug", "name": "Botox (botulinum toxin)"},
    "migraine": {"@type": "MedicalCondition", "name": "Migraine"},
    "chronic-migraine": {"@type": "MedicalCondition", "name": "Chronic migraine"},
}
"""Tags that name a drug or condition; the names are the tags' own labels."""


def claim_node(claim: Claim, base: str) -> dict[str, Any]:
    return {
        "@id": f"{base}/v1/claims/{claim.id}",
        "@type": "Claim",
        "name": claim.title,
        "text": claim.statement,
        "claimType": claim.type.value,
        "certainty": claim.certainty.value,
        "hedges": claim.hedges,
        "migraineEffect": claim.migraine_effect.value,
        "keywords": claim.tags,
        "about": [_ABOUT[tag] for tag in claim.tags if tag in _ABOUT],
        "appearance": {
            "@type": "SpecificResource",
            "source": f"{base}/v1/sources/{claim.source}",
            "selector": [
                {"@type": "TextQuoteSelector", "exact": claim.quote},
                {"@type": "TextPositionSelector", "start": claim.start, "end": claim.end},
            ],
        },
    }


def source_node(source: SourcePublic, base: str) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@id": f"{base}/v1/sources/{source.id}",
        "@type": ["CreativeWork", "MedicalWebPage"],
        "name": source.title,
        "inLanguage": source.language,
        "encodingFormat": source.media_type,
        "sha256": source.sha256,
    }
    if isinstance(source, SourceDetail):
        node["text"] = source.text
    return node


NODES: dict[type[BaseModel], Callable[[Any, str], dict[str, Any]]] = {
    ClaimBase: claim_node,
    SourcePublic: source_node,
}
"""What renders each kind of record as JSON-LD (a claim of any type, a source with or
without its text): one registry, looked up by the record's class."""


def node(record: BaseModel, base: str) -> dict[str, Any]:
    """A record's JSON-LD node."""
    for kind in type(record).__mro__:
        if kind in NODES:
            return NODES[kind](record, base)
    raise TypeError(f"no JSON-LD rendering of {type(record).__name__}")


def document(node: dict[str, Any], base: str) -> dict[str, Any]:
    return {"@context": f"{base}{CONTEXT_PATH}", **node}


def item_list(nodes: list[dict[str, Any]], base: str, self_url: str) -> dict[str, Any]:
    """A page of a list: the items in order, with the disclaimer as the list's description."""
    return document(
        {"@id": self_url, "@type": "ItemList", "description": DISCLAIMER, "itemListElement": nodes},
        base,
    )


_NODE_TYPE = {
    "description": "The node's type(s), terms of the @context.",
    "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
}
SCHEMAS: dict[str, dict[str, Any]] = {
    "JsonLdNode": {
        "title": "JsonLdNode",
        "description": "One record as JSON-LD (compacted with the @context): a claim is a "
        "`Claim` whose `appearance` anchors its quote in its source; a source is a "
        "`CreativeWork` and `MedicalWebPage`. Other keys are terms of the @context.",
        "type": "object",
        "required": ["@context", "@id", "@type"],
        "properties": {
            "@context": {"type": "string", "description": "URL of the @context document."},
            "@id": {"type": "string", "description": "The record's URL."},
            "@type": _NODE_TYPE,
        },
    },
    "JsonLdItemList": {
        "title": "JsonLdItemList",
        "description": "One page of a list as JSON-LD: an `ItemList` whose description is "
        "the disclaimer and whose elements are the page's records, in order.",
        "type": "object",
        "required": ["@context", "@id", "@type", "description", "itemListElement"],
        "properties": {
            "@context": {"type": "string", "description": "URL of the @context document."},
            "@id": {"type": "string", "description": "This page's URL."},
            "@type": {"const": "ItemList", "description": "schema:ItemList."},
            "description": {"type": "string", "description": "This is not medical advice."},
            "itemListElement": {
                "type": "array",
                "description": "The records of this page, as nodes without their own @context.",
                "items": {
                    "type": "object",
                    "required": ["@id", "@type"],
                    "properties": {"@id": {"type": "string"}, "@type": _NODE_TYPE},
                },
            },
        },
    },
    "JsonLdContext": {
        "title": "JsonLdContext",
        "description": "A JSON-LD context document.",
        "type": "object",
        "required": ["@context"],
        "properties": {"@context": {"type": "object", "description": "Terms and their IRIs."}},
    },
}
"""What the JSON-LD answers look like, for the OpenAPI document."""
