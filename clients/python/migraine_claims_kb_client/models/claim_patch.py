from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.certainty import Certainty
from ..models.claim_type import ClaimType
from ..models.migraine_effect import MigraineEffect
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.relation import Relation





T = TypeVar("T", bound="ClaimPatch")



@_attrs_define
class ClaimPatch:
    """ A partial update (JSON merge patch, RFC 7396) of a claim: the fields given replace
    the stored ones, the rest stay; the fields of the claim's type may be given too. The
    result must be a valid claim. When `quote` changes without `start`/`end` and occurs
    exactly once in the source, its offsets are found.

        Attributes:
            type_ (ClaimType | None | Unset): A new type; the fields of that type must then be valid.
            title (None | str | Unset): A new title.
            statement (None | str | Unset): A new statement: no stronger than the quote.
            quote (None | str | Unset): New exact words of the source (offsets found if unique).
            start (int | None | Unset): New start offset.
            end (int | None | Unset): New end offset.
            certainty (Certainty | None | Unset): New certainty.
            hedges (list[str] | None | Unset): New hedges, verbatim.
            migraine_effect (MigraineEffect | None | Unset): New effect.
            tags (list[str] | None | Unset): The new list of tags (it replaces the old one).
            relations (list[Relation] | None | Unset): The new list of relations (it replaces the old one).
     """

    type_: ClaimType | None | Unset = UNSET
    title: None | str | Unset = UNSET
    statement: None | str | Unset = UNSET
    quote: None | str | Unset = UNSET
    start: int | None | Unset = UNSET
    end: int | None | Unset = UNSET
    certainty: Certainty | None | Unset = UNSET
    hedges: list[str] | None | Unset = UNSET
    migraine_effect: MigraineEffect | None | Unset = UNSET
    tags: list[str] | None | Unset = UNSET
    relations: list[Relation] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.relation import Relation # noqa: PLC0415
        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, ClaimType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        statement: None | str | Unset
        if isinstance(self.statement, Unset):
            statement = UNSET
        else:
            statement = self.statement

        quote: None | str | Unset
        if isinstance(self.quote, Unset):
            quote = UNSET
        else:
            quote = self.quote

        start: int | None | Unset
        if isinstance(self.start, Unset):
            start = UNSET
        else:
            start = self.start

        end: int | None | Unset
        if isinstance(self.end, Unset):
            end = UNSET
        else:
            end = self.end

        certainty: None | str | Unset
        if isinstance(self.certainty, Unset):
            certainty = UNSET
        elif isinstance(self.certainty, Certainty):
            certainty = self.certainty.value
        else:
            certainty = self.certainty

        hedges: list[str] | None | Unset
        if isinstance(self.hedges, Unset):
            hedges = UNSET
        elif isinstance(self.hedges, list):
            hedges = self.hedges


        else:
            hedges = self.hedges

        migraine_effect: None | str | Unset
        if isinstance(self.migraine_effect, Unset):
            migraine_effect = UNSET
        elif isinstance(self.migraine_effect, MigraineEffect):
            migraine_effect = self.migraine_effect.value
        else:
            migraine_effect = self.migraine_effect

        tags: list[str] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = self.tags


        else:
            tags = self.tags

        relations: list[dict[str, Any]] | None | Unset
        if isinstance(self.relations, Unset):
            relations = UNSET
        elif isinstance(self.relations, list):
            relations = []
            for relations_type_0_item_data in self.relations:
                relations_type_0_item = relations_type_0_item_data.to_dict()
                relations.append(relations_type_0_item)


        else:
            relations = self.relations


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if type_ is not UNSET:
            field_dict["type"] = type_
        if title is not UNSET:
            field_dict["title"] = title
        if statement is not UNSET:
            field_dict["statement"] = statement
        if quote is not UNSET:
            field_dict["quote"] = quote
        if start is not UNSET:
            field_dict["start"] = start
        if end is not UNSET:
            field_dict["end"] = end
        if certainty is not UNSET:
            field_dict["certainty"] = certainty
        if hedges is not UNSET:
            field_dict["hedges"] = hedges
        if migraine_effect is not UNSET:
            field_dict["migraine_effect"] = migraine_effect
        if tags is not UNSET:
            field_dict["tags"] = tags
        if relations is not UNSET:
            field_dict["relations"] = relations

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.relation import Relation # noqa: PLC0415
        d = dict(src_dict)
        def _parse_type_(data: object) -> ClaimType | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = ClaimType(data)



                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClaimType | None | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))


        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))


        def _parse_statement(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        statement = _parse_statement(d.pop("statement", UNSET))


        def _parse_quote(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        quote = _parse_quote(d.pop("quote", UNSET))


        def _parse_start(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        start = _parse_start(d.pop("start", UNSET))


        def _parse_end(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        end = _parse_end(d.pop("end", UNSET))


        def _parse_certainty(data: object) -> Certainty | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                certainty_type_0 = Certainty(data)



                return certainty_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Certainty | None | Unset, data)

        certainty = _parse_certainty(d.pop("certainty", UNSET))


        def _parse_hedges(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                hedges_type_0 = cast(list[str], data)

                return hedges_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        hedges = _parse_hedges(d.pop("hedges", UNSET))


        def _parse_migraine_effect(data: object) -> MigraineEffect | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                migraine_effect_type_0 = MigraineEffect(data)



                return migraine_effect_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MigraineEffect | None | Unset, data)

        migraine_effect = _parse_migraine_effect(d.pop("migraine_effect", UNSET))


        def _parse_tags(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tags_type_0 = cast(list[str], data)

                return tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))


        def _parse_relations(data: object) -> list[Relation] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                relations_type_0 = []
                _relations_type_0 = data
                for relations_type_0_item_data in (_relations_type_0):
                    relations_type_0_item = Relation.from_dict(relations_type_0_item_data)



                    relations_type_0.append(relations_type_0_item)

                return relations_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Relation] | None | Unset, data)

        relations = _parse_relations(d.pop("relations", UNSET))


        claim_patch = cls(
            type_=type_,
            title=title,
            statement=statement,
            quote=quote,
            start=start,
            end=end,
            certainty=certainty,
            hedges=hedges,
            migraine_effect=migraine_effect,
            tags=tags,
            relations=relations,
        )


        claim_patch.additional_properties = d
        return claim_patch

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
