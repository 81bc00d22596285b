from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.change_action import ChangeAction
from typing import cast
from typing import Literal, cast
import datetime

if TYPE_CHECKING:
  from ..models.tag_state import TagState





T = TypeVar("T", bound="TagChange")



@_attrs_define
class TagChange:
    """ A change to a tag.

        Attributes:
            kind (Literal['tag']): What kind of record changed.
            id (str): The record's id (a tag's slug).
            action (ChangeAction):
            revision (int | None): The record's revision after the change (claims and tags).
            at (datetime.datetime): When the change was committed (UTC).
            by (str): Who made it: the name of the API key, or `kb load` for a load of data/.
            record (None | TagState): The tag after the change; null when it was deleted.
     """

    kind: Literal['tag']
    id: str
    action: ChangeAction
    revision: int | None
    at: datetime.datetime
    by: str
    record: None | TagState
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.tag_state import TagState # noqa: PLC0415
        kind = self.kind

        id = self.id

        action = self.action.value

        revision: int | None
        revision = self.revision

        at = self.at.isoformat()

        by = self.by

        record: dict[str, Any] | None
        if isinstance(self.record, TagState):
            record = self.record.to_dict()
        else:
            record = self.record


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "kind": kind,
            "id": id,
            "action": action,
            "revision": revision,
            "at": at,
            "by": by,
            "record": record,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tag_state import TagState # noqa: PLC0415
        d = dict(src_dict)
        kind = cast(Literal['tag'] , d.pop("kind"))
        if kind != 'tag':
            raise ValueError(f"kind must match const 'tag', got '{kind}'")

        id = d.pop("id")

        action = ChangeAction(d.pop("action"))




        def _parse_revision(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        revision = _parse_revision(d.pop("revision"))


        at = datetime.datetime.fromisoformat(d.pop("at"))




        by = d.pop("by")

        def _parse_record(data: object) -> None | TagState:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                record_type_0 = TagState.from_dict(data)



                return record_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TagState, data)

        record = _parse_record(d.pop("record"))


        tag_change = cls(
            kind=kind,
            id=id,
            action=action,
            revision=revision,
            at=at,
            by=by,
            record=record,
        )


        tag_change.additional_properties = d
        return tag_change

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
