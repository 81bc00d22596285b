from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="SourceDetail")



@_attrs_define
class SourceDetail:
    """ 
        Attributes:
            id (str): Stable id of the source.
            title (str): The source's own title.
            language (str): BCP 47 language tag of the text.
            media_type (str): Media type of the text.
            sha256 (str): SHA-256 of the text's bytes (UTF-8), hex; verify quotes against it.
            length (int): Length of the text in characters.
            claim_count (int): How many active claims quote this source.
            text (str): The full text, exactly as stored; quotes index into it.
            author (None | str | Unset): Author, when the source names one.
            published (datetime.date | None | Unset): Publication date (YYYY-MM-DD), when stated.
            url (None | str | Unset): Where the source was published, when known.
     """

    id: str
    title: str
    language: str
    media_type: str
    sha256: str
    length: int
    claim_count: int
    text: str
    author: None | str | Unset = UNSET
    published: datetime.date | None | Unset = UNSET
    url: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        language = self.language

        media_type = self.media_type

        sha256 = self.sha256

        length = self.length

        claim_count = self.claim_count

        text = self.text

        author: None | str | Unset
        if isinstance(self.author, Unset):
            author = UNSET
        else:
            author = self.author

        published: None | str | Unset
        if isinstance(self.published, Unset):
            published = UNSET
        elif isinstance(self.published, datetime.date):
            published = self.published.isoformat()
        else:
            published = self.published

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "title": title,
            "language": language,
            "media_type": media_type,
            "sha256": sha256,
            "length": length,
            "claim_count": claim_count,
            "text": text,
        })
        if author is not UNSET:
            field_dict["author"] = author
        if published is not UNSET:
            field_dict["published"] = published
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        language = d.pop("language")

        media_type = d.pop("media_type")

        sha256 = d.pop("sha256")

        length = d.pop("length")

        claim_count = d.pop("claim_count")

        text = d.pop("text")

        def _parse_author(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        author = _parse_author(d.pop("author", UNSET))


        def _parse_published(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_type_0 = datetime.date.fromisoformat(data)



                return published_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        published = _parse_published(d.pop("published", UNSET))


        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))


        source_detail = cls(
            id=id,
            title=title,
            language=language,
            media_type=media_type,
            sha256=sha256,
            length=length,
            claim_count=claim_count,
            text=text,
            author=author,
            published=published,
            url=url,
        )

        return source_detail

