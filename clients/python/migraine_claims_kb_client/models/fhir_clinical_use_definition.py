from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import Literal, cast






T = TypeVar("T", bound="FhirClinicalUseDefinition")



@_attrs_define
class FhirClinicalUseDefinition:
    """ A risk factor (undesirable-effect) or the conclusion (warning). A FHIR R5 ClinicalUseDefinition
    (https://hl7.org/fhir/R5/clinicalusedefinition.html); its other elements follow that specification.

        Attributes:
            resource_type (Literal['ClinicalUseDefinition']): The resource's type.
     """

    resource_type: Literal['ClinicalUseDefinition']
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        resource_type = self.resource_type


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "resourceType": resource_type,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        resource_type = cast(Literal['ClinicalUseDefinition'] , d.pop("resourceType"))
        if resource_type != 'ClinicalUseDefinition':
            raise ValueError(f"resourceType must match const 'ClinicalUseDefinition', got '{resource_type}'")

        fhir_clinical_use_definition = cls(
            resource_type=resource_type,
        )


        fhir_clinical_use_definition.additional_properties = d
        return fhir_clinical_use_definition

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
