#!/usr/bin/env bash
# Using the Migraine Claims KB with curl and jq-free shell.
#     bash docs/examples/curl.sh [BASE_URL]      (default http://127.0.0.1:8000)
set -euo pipefail
base=${1:-http://127.0.0.1:8000}

# The risk factors, in the article's order.
curl -sf "$base/v1/risk-factors"; echo

# Full-text search with highlighted snippets.
curl -sf "$base/v1/claims?q=allergic"; echo

# Pagination: the next page's URL is in the Link header (and in links.next).
curl -sfI "$base/v1/claims?limit=5" | grep -i '^link:'

# Mirror everything; re-download only when the ETag no longer matches (304 otherwise).
etag=$(curl -sfI "$base/v1/export" | grep -i '^etag:' | cut -d' ' -f2 | tr -d '\r')
curl -sf "$base/v1/export" > kb-mirror.ndjson
wc -l < kb-mirror.ndjson
curl -s -o /dev/null -w '%{http_code}\n' -H "If-None-Match: $etag" "$base/v1/export"
