/**
 * A tour of the API through the typed client: node dist/examples/tour.js BASE_URL
 * (after npm run build). Every value below is typed from openapi.json; nothing is cast.
 */
import { createKbClient, type Claim, type KbClient } from "../src/index.js";

const client: KbClient = createKbClient(process.argv[2] ?? "http://127.0.0.1:8000");

/** The `cursor` a `links.next` URL carries, to ask for the next page through the client. */
function cursorOf(next: string): string | undefined {
  return new URL(next).searchParams.get("cursor") ?? undefined;
}

async function riskFactors(): Promise<void> {
  const { data, error } = await client.GET("/v1/risk-factors");
  if (error) throw new Error(error.detail);
  for (const factor of data.data) {
    console.log(`risk factor ${factor.rank}: ${factor.title} (${factor.certainty})`);
  }
}

async function oneClaim(id: string): Promise<void> {
  const { data: claim, error } = await client.GET("/v1/claims/{claim_id}", {
    params: { path: { claim_id: id } },
  });
  if (error) throw new Error(error.detail);
  if (claim.type === "risk_factor") {
    console.log(`claim ${claim.id} is risk factor ${claim.rank}: ${claim.outcome}`);
  }
}

async function everyClaim(): Promise<Claim[]> {
  const claims: Claim[] = [];
  let cursor: string | undefined;
  for (;;) {
    const { data, error } = await client.GET("/v1/claims", {
      params: { query: { limit: 5, cursor } },
    });
    if (error) throw new Error(error.detail);
    claims.push(...data.data);
    if (data.links.next === null) return claims;
    cursor = cursorOf(data.links.next);
  }
}

async function search(words: string): Promise<void> {
  const { data, error } = await client.GET("/v1/claims", {
    params: { query: { q: words, sort: "relevance" } },
  });
  if (error) throw new Error(error.detail);
  for (const hit of data.data) {
    console.log(`search hit: ${hit.id} -> ${hit.match?.snippet ?? ""}`);
  }
}

async function followChanges(): Promise<void> {
  const kinds = new Map<string, number>();
  let since: string | undefined;
  for (;;) {
    const { data, error } = await client.GET("/v1/changes", {
      params: { query: { since, limit: 10 } },
    });
    if (error) throw new Error(error.detail);
    for (const change of data.data) {
      kinds.set(change.kind, (kinds.get(change.kind) ?? 0) + 1);
      if (change.kind === "claim" && change.record?.type === "risk_factor") {
        console.log(`change: ${change.action} risk factor ${change.record.rank}`);
      }
    }
    since = new URL(data.links.next).searchParams.get("since") ?? undefined;
    if (data.data.length === 0) break;
  }
  const counted = [...kinds].map(([kind, n]) => `${n} ${kind}`).join(", ");
  console.log(`followed the change feed to its end: ${counted}`);
}

async function missing(): Promise<void> {
  const { error, response } = await client.GET("/v1/claims/{claim_id}", {
    params: { path: { claim_id: "no-such-claim" } },
  });
  if (error) console.log(`problem ${error.status} (${response.status}): ${error.detail}`);
}

await riskFactors();
await oneClaim("risk-factor-allergic-reactions");
console.log(`paged through ${(await everyClaim()).length} claims`);
await search("allergic reaction");
await followChanges();
await missing();
