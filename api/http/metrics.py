"""What the service counts for its operator, in Prometheus's format (`GET /metrics`).

Each app has a registry of its own (tests build many apps; a process's global registry
would refuse the second). With several uvicorn workers each worker counts its own
requests and a scrape reaches one of them: scrape each worker (its own port), or sum what
they report over time, as with any multi-process Python server without a shared store.
"""

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.process_collector import ProcessCollector

LATENCY_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
"""From a kept answer (well under a millisecond) to the request deadline."""


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        ProcessCollector(registry=self.registry)
        self.requests = Counter(
            "kb_http_requests",
            "Requests answered, by route (its template), method and status.",
            ["route", "method", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "kb_http_request_duration_seconds",
            "Time from a request's arrival to the end of its answer, by route.",
            ["route"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.cache = Counter(
            "kb_response_cache",
            "Reads the response cache answered (hit) or had computed and kept (miss).",
            ["result"],
            registry=self.registry,
        )
        self.shed = Counter(
            "kb_shed_requests",
            "Requests answered without their work done: no slot free in time (capacity), "
            "or no answer by the request deadline (deadline).",
            ["reason"],
            registry=self.registry,
        )
        self.pool_in_use = Gauge(
            "kb_db_pool_connections_in_use",
            "Database connections of this worker's pool checked out, at the scrape.",
            registry=self.registry,
        )
        self.change_log_position = Gauge(
            "kb_change_log_position",
            "Id of the latest change in the change log (the data revision), at the scrape; "
            "-1 when the database did not answer.",
            registry=self.registry,
        )
