"""Using the Migraine Claims KB from Python with httpx.

    python docs/examples/client.py [BASE_URL]      (default http://127.0.0.1:8000)

Queries the risk factors, searches, follows pagination, and syncs a local mirror with
the export, re-downloading it only when the data has changed.
"""

import json
import sys

import httpx

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"

with httpx.Client(base_url=BASE, timeout=10) as client:
    # The risk factors, in the article's order, each anchored to its quote.
    factors = client.get("/v1/risk-factors").raise_for_status().json()
    for factor in factors["data"]:
        print(f"risk factor {factor['rank']}: {factor['title']} ({factor['certainty']})")
    print("disclaimer:", factors["meta"]["disclaimer"])

    # Full-text search; each hit carries a score and a highlighted snippet.
    hits = client.get("/v1/claims", params={"q": "allergic"}).raise_for_status().json()
    for claim in hits["data"]:
        print(f"search hit: {claim['id']} -> {claim['match']['snippet']}")

    # Follow links.next until there is none: cursors keep deep pages cheap.
    url: str | None = "/v1/claims?limit=5"
    seen = 0
    while url:
        page = client.get(url).raise_for_status().json()
        seen += len(page["data"])
        url = page["links"]["next"]
    print(f"paged through {seen} claims")

    # Mirror everything; keep the ETag and send it back next time.
    export = client.get("/v1/export").raise_for_status()
    records = [json.loads(line) for line in export.text.splitlines()]
    etag = export.headers["etag"]
    print(f"mirrored {len(records)} records at revision {records[0]['revision']}")
    again = client.get("/v1/export", headers={"If-None-Match": etag})
    print("mirror is up to date" if again.status_code == 304 else "mirror changed")
