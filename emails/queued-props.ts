// Template props as the outbox stores them when the worker renders the mail (decision 047). JSON
// has no dates, and templates take Date props (submittedAt …): a Date is stored as {"$date": ISO}
// and revived before the template's schema sees it again.

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export function encodeProps(value: unknown): Json {
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Array.isArray(value)) return value.map(encodeProps);
  if (value !== null && typeof value === "object") {
    const out: { [key: string]: Json } = {};
    for (const [key, inner] of Object.entries(value)) if (inner !== undefined) out[key] = encodeProps(inner);
    return out;
  }
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value === null) {
    return value;
  }
  return null;
}

export function decodeProps(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeProps);
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    const [only] = entries;
    if (entries.length === 1 && only?.[0] === "$date" && typeof only[1] === "string") return new Date(only[1]);
    return Object.fromEntries(entries.map(([key, inner]) => [key, decodeProps(inner)]));
  }
  return value;
}
