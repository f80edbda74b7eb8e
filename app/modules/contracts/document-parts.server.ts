// Saving one text part of a multi-part document — a template's part (document-templates.server.ts) or
// a proposal's (proposals.server.ts): edit the part in place when `partId` names one of the document's
// parts, else append it after the last one. Each document type supplies its table's operations.

export interface TextPartInput {
  partId: number | null;
  title: string;
  body: string;
}

export interface PartStore {
  /** Updates the document's part `partId` (its own parts only); returns how many rows changed. */
  update(partId: number, data: { title: string; body: string }): Promise<{ count: number }>;
  /** The highest position in use, or null without parts. */
  maxPosition(): Promise<number | null>;
  count(): Promise<number>;
  create(data: { position: number; title: string; body: string }): Promise<unknown>;
  /** Marks the document changed. */
  touch(): Promise<unknown>;
}

export type PartSaved = "saved" | "not-found" | "full";

export async function saveDocumentPart(
  store: PartStore,
  input: TextPartInput,
  maxParts = Number.POSITIVE_INFINITY,
): Promise<PartSaved> {
  const data = { title: input.title, body: input.body };
  if (input.partId !== null) {
    if ((await store.update(input.partId, data)).count === 0) return "not-found";
  } else {
    if ((await store.count()) >= maxParts) return "full";
    await store.create({ position: ((await store.maxPosition()) ?? -1) + 1, ...data });
  }
  await store.touch();
  return "saved";
}
