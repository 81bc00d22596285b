from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="CodedConcept")



@_attrs_define
class CodedConcept:
    """ A code from a terminology, recorded only when verified at an authoritative source.

        Attributes:
            system (str): The code system's canonical URI.
            code (str): The code in that system.
            display (str): The code system's display text for the code.
            cited_from (str): Where the code was verified (a URL).
     """

    system: str
    code: str
    display: str
    cited_from: str





    def to_dict(self) -> dict[str, Any]:
        system = self.system

        code = self.code

        display = self.display

        cited_from = self.cited_from


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "system": system,
            "code": code,
            "display": display,
            "cited_from": cited_from,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        system = d.pop("system")

        code = d.pop("code")

        display = d.pop("display")

        cited_from = d.pop("cited_from")

        coded_concept = cls(
            system=system,
            code=code,
            display=display,
            cited_from=cited_from,
        )

        return coded_concept

