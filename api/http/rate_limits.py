"""How often one address may fail to authenticate, and one key may write.

Keys are 256 random bits, so guessing one is hopeless; the limit on failures keeps a
guesser (or a misconfigured client retrying a revoked key) from filling the logs and the
worker's time, and once it is reached every authenticated request from that address
waits, so that a right guess could not be told from a wrong one. The limit on writes
keeps one key, leaked or looping, from rewriting the knowledge base faster than its
curators could review the change feed.

Counted in each worker's memory by `limits` (a moving window): with several workers or
replicas, each counts its own requests, so the effective limit is that many times higher.
Behind a reverse proxy the address is the proxy's unless uvicorn is told to trust its
X-Forwarded-For (`FORWARDED_ALLOW_IPS`).
"""

import math
import time

from limits import RateLimitItem, RateLimitItemPerMinute
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

from api.config import Settings
from api.errors import TooManyRequests


class RateLimits:
    def __init__(self, settings: Settings) -> None:
        self._limiter = MovingWindowRateLimiter(MemoryStorage())
        self.failures = RateLimitItemPerMinute(settings.auth_failures_per_minute)
        self.writes = RateLimitItemPerMinute(settings.writes_per_minute)

    def refuse_if_spent(self, limit: RateLimitItem, who: str, detail: str) -> None:
        """429 when `who` has no request left under `limit`."""
        if not self._limiter.test(limit, who):
            raise self._refusal(limit, who, detail)

    def spend(self, limit: RateLimitItem, who: str, detail: str) -> None:
        """Count one request of `who` under `limit`; 429 when none was left."""
        if not self._limiter.hit(limit, who):
            raise self._refusal(limit, who, detail)

    def count(self, limit: RateLimitItem, who: str) -> None:
        self._limiter.hit(limit, who)

    def _refusal(self, limit: RateLimitItem, who: str, detail: str) -> TooManyRequests:
        reset_at, remaining = self._limiter.get_window_stats(limit, who)
        wait = max(1, math.ceil(reset_at - time.time()))
        return TooManyRequests(
            detail,
            headers={
                "Retry-After": str(wait),
                "RateLimit-Limit": str(limit.amount),
                "RateLimit-Remaining": str(remaining),
                "RateLimit-Reset": str(wait),
            },
        )
