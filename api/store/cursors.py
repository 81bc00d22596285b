"""Cursors: the opaque positions a list hands out in `links.next`, and reads back."""

import base64
import binascii
import json
from typing import Any

from api.errors import InvalidParameterError
from api.records.fields import storable
from api.store.tables import INT_MAX

MAX_OFFSET = 1_000_000_000
"""Far past any real list, and within what every database accepts as an OFFSET."""


def encode_cursor(sort: str, key: list[Any], offset: int) -> str:
    payload = json.dumps({"sort": sort, "key": key, "offset": offset}, separators=(",", ":"))
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def decode_cursor(
    cursor: str, sort: str, shape: tuple[type, ...], *, location: str = "query.cursor"
) -> tuple[list[Any], int]:
    """The sort key and offset a cursor holds; 422 unless it was made for this sort."""
    try:
        payload = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        key, offset = payload["key"], payload["offset"]
        for value in key if isinstance(key, list) else ():
            if type(value) is str:
                storable(value)  # ValueError: text no database can hold (NUL, lone surrogate)
        valid = (
            payload["sort"] == sort
            and isinstance(key, list)
            and len(key) == len(shape)
            and all(type(value) is kind for value, kind in zip(key, shape, strict=True))
            and all(0 <= value <= INT_MAX for value in key if type(value) is int)
            and type(offset) is int
            and 0 <= offset <= MAX_OFFSET
        )
    except (ValueError, TypeError, KeyError, binascii.Error, UnicodeDecodeError):
        valid = False
    if not valid:
        raise InvalidParameterError(
            location, "not a position this API gave out; take it from links.next"
        )
    return key, offset
