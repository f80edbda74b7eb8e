// Finds which of a principal's secrets (texts of records outside their scope) occur in a response.
// A few thousand bodies × hundreds of secrets: secrets are indexed by their first two characters so
// one pass over the body finds them all.

const ENTITIES: ReadonlyArray<[string, string]> = [
  ["&quot;", '"'],
  ["&#x27;", "'"],
  ["&#39;", "'"],
  ["&lt;", "<"],
  ["&gt;", ">"],
  ["&amp;", "&"],
];

/** HTML text as a reader sees it (React escapes these five in text and attributes). */
export function decodeEntities(body: string): string {
  let out = body;
  for (const [entity, char] of ENTITIES) out = out.replaceAll(entity, char);
  return out;
}

export interface Secret {
  text: string;
  record: string;
  isName: boolean;
}

export class SecretIndex {
  private readonly byPrefix = new Map<string, string[]>();

  /** `secrets`: text → which record it identifies ("contact 12"). Texts shorter than 2 are ignored. */
  constructor(readonly secrets: ReadonlyMap<string, { record: string; isName: boolean }>) {
    for (const text of secrets.keys()) {
      if (text.length < 2) continue;
      const key = text.slice(0, 2);
      const list = this.byPrefix.get(key) ?? [];
      list.push(text);
      this.byPrefix.set(key, list);
    }
  }

  get size(): number {
    return this.secrets.size;
  }

  /** The secrets found in `body`. */
  find(body: string): Secret[] {
    const text = decodeEntities(body);
    const found = new Set<string>();
    for (let i = 0; i < text.length - 1; i++) {
      const candidates = this.byPrefix.get(text.slice(i, i + 2));
      if (!candidates) continue;
      for (const secret of candidates) if (text.startsWith(secret, i)) found.add(secret);
    }
    return [...found].map((text) => ({ text, ...this.secrets.get(text)! }));
  }
}
