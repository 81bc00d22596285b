/**
 * A typed client for the Migraine Claims KB API: openapi-fetch over the types that
 * openapi-typescript generates from openapi.json (src/schema.ts).
 *
 * Reads that also come as JSON-LD document both media types, and openapi-fetch types an
 * answer as the union of every media type an operation documents. This client asks for
 * and is typed by JSON (answers) and problem+json (errors) only, so `data` is the JSON
 * shape with no narrowing; ask for JSON-LD or FHIR with plain fetch.
 */
import createClient, { type ClientOptions } from "openapi-fetch";

import type { components, paths } from "./schema.js";

export type { components, operations, paths } from "./schema.js";

/** The media types this client reads: JSON answers, RFC 9457 problems. */
export type Json = "application/json" | "application/problem+json";

export type Schemas = components["schemas"];
export type Claim = Schemas["Claim"];
export type Change = Schemas["Change"];
export type Problem = Schemas["Problem"];

/** A client for the API at `baseUrl` (for example `http://127.0.0.1:8000`). */
export function createKbClient(baseUrl: string, options: Omit<ClientOptions, "baseUrl"> = {}) {
  return createClient<paths, Json>({ ...options, baseUrl });
}

export type KbClient = ReturnType<typeof createKbClient>;
