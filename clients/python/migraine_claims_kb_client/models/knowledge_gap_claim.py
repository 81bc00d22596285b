from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.certainty import Certainty
from ..models.claim_status import ClaimStatus
from ..models.migraine_effect import MigraineEffect
from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.relation import Relation
  from ..models.search_match import SearchMatch





T = TypeVar("T", bound="KnowledgeGapClaim")



@_attrs_define
class KnowledgeGapClaim:
    """ Something the source says is not known or not fully understood.

        Attributes:
            id (str): Stable, readable id; never changes once published.
            type_ (Literal['knowledge_gap']): Claim type.
            source (str): Id of the source the claim is quoted from.
            title (str): Short title; a risk factor's title is its heading in the source.
            statement (str): The claim in one plain sentence, no stronger than the source puts it.
            quote (str): The source's exact words the claim rests on.
            start (int): Offset of the quote's first character in the source text (0-based, in Unicode code points).
            end (int): Offset just past the quote's last character: text[start:end] == quote.
            certainty (Certainty): How strongly the source's own words assert the claim, read from its hedges.
            migraine_effect (MigraineEffect): What the claim says Botox does to migraines.
            hedges (list[str] | Unset): The hedging words of the quote, verbatim, that set the certainty.
            tags (list[str] | Unset): Slugs of tags from the controlled vocabulary (GET /v1/tags).
            relations (list[Relation] | Unset): Other claims this one relates to, as the source relates them.
            status (ClaimStatus | Unset): Whether a claim stands: a retracted claim keeps its id and record, with a reason.
            retraction_reason (None | str | Unset): Only on retracted claims: why the claim was withdrawn.
            revision (int | None | Unset): Served, never written: counts the changes to this record (1 when created). The
                claim's ETag names it; send it back in If-Match to update.
            match (None | SearchMatch | Unset): Only in search results (`q`): the match's score and snippet. Computed, never
                stored.
     """

    id: str
    type_: Literal['knowledge_gap']
    source: str
    title: str
    statement: str
    quote: str
    start: int
    end: int
    certainty: Certainty
    migraine_effect: MigraineEffect
    hedges: list[str] | Unset = UNSET
    tags: list[str] | Unset = UNSET
    relations: list[Relation] | Unset = UNSET
    status: ClaimStatus | Unset = UNSET
    retraction_reason: None | str | Unset = UNSET
    revision: int | None | Unset = UNSET
    match: None | SearchMatch | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.relation import Relation # noqa: PLC0415
        from ..models.search_match import SearchMatch # noqa: PLC0415
        id = self.id

        type_ = self.type_

        source = self.source

        title = self.title

        statement = self.statement

        quote = self.quote

        start = self.start

        end = self.end

        certainty = self.certainty.value

        migraine_effect = self.migraine_effect.value

        hedges: list[str] | Unset = UNSET
        if not isinstance(self.hedges, Unset):
            hedges = self.hedges



        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags



        relations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.relations, Unset):
            relations = []
            for relations_item_data in self.relations:
                relations_item = relations_item_data.to_dict()
                relations.append(relations_item)



        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value


        retraction_reason: None | str | Unset
        if isinstance(self.retraction_reason, Unset):
            retraction_reason = UNSET
        else:
            retraction_reason = self.retraction_reason

        revision: int | None | Unset
        if isinstance(self.revision, Unset):
            revision = UNSET
        else:
            revision = self.revision

        match: dict[str, Any] | None | Unset
        if isinstance(self.match, Unset):
            match = UNSET
        elif isinstance(self.match, SearchMatch):
            match = self.match.to_dict()
        else:
            match = self.match


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "type": type_,
            "source": source,
            "title": title,
            "statement": statement,
            "quote": quote,
            "start": start,
            "end": end,
            "certainty": certainty,
            "migraine_effect": migraine_effect,
        })
        if hedges is not UNSET:
            field_dict["hedges"] = hedges
        if tags is not UNSET:
            field_dict["tags"] = tags
        if relations is not UNSET:
            field_dict["relations"] = relations
        if status is not UNSET:
            field_dict["status"] = status
        if retraction_reason is not UNSET:
            field_dict["retraction_reason"] = retraction_reason
        if revision is not UNSET:
            field_dict["revision"] = revision
        if match is not UNSET:
            field_dict["match"] = match

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.relation import Relation # noqa: PLC0415
        from ..models.search_match import SearchMatch # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        type_ = cast(Literal['knowledge_gap'] , d.pop("type"))
        if type_ != 'knowledge_gap':
            raise ValueError(f"type must match const 'knowledge_gap', got '{type_}'")

        source = d.pop("source")

        title = d.pop("title")

        statement = d.pop("statement")

        quote = d.pop("quote")

        start = d.pop("start")

        end = d.pop("end")

        certainty = Certainty(d.pop("certainty"))




        migraine_effect = MigraineEffect(d.pop("migraine_effect"))




        hedges = cast(list[str], d.pop("hedges", UNSET))


        tags = cast(list[str], d.pop("tags", UNSET))


        _relations = d.pop("relations", UNSET)
        relations: list[Relation] | Unset = UNSET
        if _relations is not UNSET:
            relations = []
            for relations_item_data in _relations:
                relations_item = Relation.from_dict(relations_item_data)



                relations.append(relations_item)


        _status = d.pop("status", UNSET)
        status: ClaimStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = ClaimStatus(_status)




        def _parse_retraction_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        retraction_reason = _parse_retraction_reason(d.pop("retraction_reason", UNSET))


        def _parse_revision(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        revision = _parse_revision(d.pop("revision", UNSET))


        def _parse_match(data: object) -> None | SearchMatch | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                match_type_0 = SearchMatch.from_dict(data)



                return match_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SearchMatch | Unset, data)

        match = _parse_match(d.pop("match", UNSET))


        knowledge_gap_claim = cls(
            id=id,
            type_=type_,
            source=source,
            title=title,
            statement=statement,
            quote=quote,
            start=start,
            end=end,
            certainty=certainty,
            migraine_effect=migraine_effect,
            hedges=hedges,
            tags=tags,
            relations=relations,
            status=status,
            retraction_reason=retraction_reason,
            revision=revision,
            match=match,
        )

        return knowledge_gap_claim

