from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.relation_kind import RelationKind






T = TypeVar("T", bound="Relation")



@_attrs_define
class Relation:
    """ 
        Attributes:
            kind (RelationKind): How one claim bears on another, as the source relates them.
            target (str): Id of the claim this one relates to.
     """

    kind: RelationKind
    target: str





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        target = self.target


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "kind": kind,
            "target": target,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = RelationKind(d.pop("kind"))




        target = d.pop("target")

        relation = cls(
            kind=kind,
            target=target,
        )

        return relation

