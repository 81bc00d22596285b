"""Request bodies are JSON and nothing looser.

Python's JSON reader takes what JSON does not: `NaN` and `Infinity`, and an object that
names a key twice (the last one silently wins, so a proxy or a log that reads the first
sees another request than we do). And a body sent as text or a form was read as no body
at all, then refused as invalid fields (422), when what is wrong is its media type (415).
Routes that take a body use this route class, FastAPI's documented way to give them
another Request.
"""

import json
from collections import Counter
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute

from api.errors import UnsupportedMediaType

JSON_TYPES = "application/json or application/merge-patch+json"


def is_json(content_type: str | None) -> bool:
    media_type = (content_type or "").partition(";")[0].strip().lower()
    return media_type == "application/json" or (
        media_type.startswith("application/") and media_type.endswith("+json")
    )


class StrictJsonRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            document = (await self.body()).decode("utf-8")

            def no_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
                found = dict(pairs)
                if len(found) != len(pairs):
                    counted = Counter(key for key, _ in pairs)
                    twice = next(key for key, count in counted.items() if count > 1)
                    raise json.JSONDecodeError(f"the key {twice!r} is given twice", document, 0)
                return found

            def no_constants(name: str) -> Any:
                raise json.JSONDecodeError(f"{name} is not a JSON number", document, 0)

            self._json = json.loads(
                document, object_pairs_hook=no_repeated_keys, parse_constant=no_constants
            )
        return self._json


class StrictJsonRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()
        if self.body_field is None:
            return handler

        async def strict(request: Request) -> Response:
            strict_request = StrictJsonRequest(request.scope, request.receive)
            if not is_json(request.headers.get("content-type")) and await strict_request.body():
                raise UnsupportedMediaType(f"Send the body as JSON ({JSON_TYPES}).")
            return await handler(strict_request)

        return strict
