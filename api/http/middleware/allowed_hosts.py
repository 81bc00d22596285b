"""Requests naming a host this API does not serve are refused, in a 400 problem.

Without `KB_PUBLIC_URL`, the links an answer carries (paging, `Location`, JSON-LD
`@context`, FHIR URLs) are built from the request's Host header, which the client
chooses. An answer to `Host: evil.example` would then point at evil.example, and a shared
cache in front that keys on the path alone would hand it to everyone. So the hosts are
checked, as Starlette's TrustedHostMiddleware does (`*.example.org` matches any
subdomain), but refused with problem details like every other error. With
`KB_PUBLIC_URL` set no link comes from the Host header, and any host is served unless
`KB_ALLOWED_HOSTS` says otherwise.

The health check is exempt: a load balancer probes it by address, and it echoes nothing.
"""

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from api.http.problems import problem


def hostname(host_header: str) -> str:
    """The name in a Host header, without its port (`[::1]:8000` -> `::1`)."""
    if host_header.startswith("["):
        return host_header[1:].partition("]")[0]
    return host_header.rpartition(":")[0] if host_header.count(":") == 1 else host_header


class AllowedHostsMiddleware:
    def __init__(self, app: ASGIApp, *, hosts: list[str], exempt: frozenset[str]) -> None:
        self.app = app
        self.exempt = exempt
        self.any = "*" in hosts
        self.names = frozenset(host.lower() for host in hosts if not host.startswith("*."))
        self.suffixes = tuple(host.lower()[1:] for host in hosts if host.startswith("*."))

    def allows(self, host_header: str) -> bool:
        name = hostname(host_header).lower()
        return name in self.names or (bool(self.suffixes) and name.endswith(self.suffixes))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            self.any
            or scope["type"] != "http"
            or scope["path"] in self.exempt
            or self.allows(Headers(scope=scope).get("host", ""))
        ):
            await self.app(scope, receive, send)
            return
        refused = problem(
            400,
            "This server does not answer for the host named in the request's Host header. "
            "Its operator lists the names it is reached by in KB_PUBLIC_URL or "
            "KB_ALLOWED_HOSTS.",
        )
        await refused(scope, receive, send)
