// The contract document (seed 000 §2.L.8: a public template's parts, merged with the contract's data
// and product list). Parts keep their merge fields as typed; they are filled each time the document
// is rendered, so the text always shows the contract as it is now. Plain text only: no HTML is ever
// stored or rendered from a part, so nothing needs sanitising.

/** Scalar merge fields, `{{contract.number}}` …; block fields render tables. */
export const SCALAR_FIELDS = [
  "contract.number",
  "contract.name",
  "contract.amount",
  "contract.type",
  "contract.settlement",
  "contract.delivery",
  "contract.signedOn",
  "contract.startDate",
  "contract.endDate",
  "company.name",
  "contact.name",
  "owner.name",
  "seller.name",
] as const;
export type ScalarField = (typeof SCALAR_FIELDS)[number];

export const BLOCK_FIELDS = ["products", "plan", "terms"] as const;
export type BlockField = (typeof BLOCK_FIELDS)[number];

export type Segment = { kind: "text"; text: string } | { kind: "block"; block: BlockField };

const TOKEN = /\{\{\s*([a-zA-Z.]+)\s*\}\}/g;

function isBlock(name: string): name is BlockField {
  return (BLOCK_FIELDS as readonly string[]).includes(name);
}

/**
 * Splits a part's text into text runs and block placeholders, filling scalar fields from `values`.
 * An unknown field stays as typed (the author sees the typo) rather than vanishing.
 */
export function mergeSegments(body: string, values: Partial<Record<ScalarField, string>>): Segment[] {
  const segments: Segment[] = [];
  let text = "";
  let last = 0;
  for (const match of body.matchAll(TOKEN)) {
    const name = match[1]!;
    text += body.slice(last, match.index);
    last = match.index + match[0].length;
    if (isBlock(name)) {
      if (text) segments.push({ kind: "text", text });
      text = "";
      segments.push({ kind: "block", block: name });
    } else {
      const value = (values as Record<string, string | undefined>)[name];
      text += value ?? match[0];
    }
  }
  text += body.slice(last);
  if (text) segments.push({ kind: "text", text });
  return segments;
}

/** The fields a template author may type, for the editor's hint. */
export const MERGE_FIELD_HINT = [...SCALAR_FIELDS, ...BLOCK_FIELDS].map((f) => `{{${f}}}`).join(" ");
