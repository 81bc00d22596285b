// Using the Migraine Claims KB from JavaScript with fetch (Node.js 18+ or a browser).
//
//     node docs/examples/client.mjs [BASE_URL]      (default http://127.0.0.1:8000)
//
// Queries the risk factors, searches, follows pagination, and syncs with the export.

const base = process.argv[2] ?? "http://127.0.0.1:8000";

async function getJson(url, init) {
  const response = await fetch(new URL(url, base), init);
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  return response.json();
}

// The risk factors, in the article's order.
const factors = await getJson("/v1/risk-factors");
for (const factor of factors.data) {
  console.log(`risk factor ${factor.rank}: ${factor.title} (${factor.certainty})`);
}
console.log(`disclaimer: ${factors.meta.disclaimer}`);

// Full-text search with highlighted snippets.
const hits = await getJson("/v1/claims?q=allergic");
for (const claim of hits.data) {
  console.log(`search hit: ${claim.id} -> ${claim.match.snippet}`);
}

// Follow links.next to the end.
let url = "/v1/claims?limit=5";
let seen = 0;
while (url) {
  const page = await getJson(url);
  seen += page.data.length;
  url = page.links.next;
}
console.log(`paged through ${seen} claims`);

// Mirror with the NDJSON export, then ask again with the ETag.
const exported = await fetch(new URL("/v1/export", base));
const records = (await exported.text()).trim().split("\n").map((line) => JSON.parse(line));
console.log(`mirrored ${records.length} records at revision ${records[0].revision}`);
const again = await fetch(new URL("/v1/export", base), {
  headers: { "If-None-Match": exported.headers.get("etag") },
});
console.log(again.status === 304 ? "mirror is up to date" : "mirror changed");
