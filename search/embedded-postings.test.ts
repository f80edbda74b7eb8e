import { describe, expect, it } from "vitest";
import { Postings } from "./embedded-postings.ts";

// Large live terms are read through typed copies (decision 062); every write must drop the copy,
// so a read always sees exactly the postings written so far, in the Map's order.

function visited(postings: Postings, term: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  postings.each(term, (mask, no) => out.push([no, mask]));
  return out;
}

describe("postings read copies", () => {
  it("reads exactly what was written, through adds, deletes and mask changes of a large term", () => {
    const postings = new Postings();
    const model = new Map<number, number>();
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let no = 0; no < 5000; no++) {
      postings.add("dense", no, 1 + (no % 3));
      model.set(no, 1 + (no % 3));
    }
    for (let round = 0; round < 20; round++) {
      expect(visited(postings, "dense")).toEqual([...model]);
      // A second read without writes answers the same (from the copy).
      expect(visited(postings, "dense")).toEqual([...model]);
      for (let i = 0; i < 50; i++) {
        const no = next() % 6000;
        if (next() % 3 === 0) {
          postings.delete("dense", no);
          model.delete(no);
        } else {
          const mask = 1 + (next() % 7);
          postings.add("dense", no, mask);
          model.set(no, mask);
        }
      }
      expect(postings.size("dense")).toBe(model.size);
    }
  });

  it("answers every term when its copies no longer fit the budget", () => {
    const postings = new Postings({ readCopyBudget: 5000 });
    for (let t = 0; t < 4; t++) for (let no = t; no < 12_000; no += 4) postings.add(`t${t}`, no, t + 1);
    for (let round = 0; round < 3; round++) {
      for (let t = 0; t < 4; t++) {
        const seen = visited(postings, `t${t}`);
        expect(seen).toHaveLength(3000);
        expect(seen.every(([no, mask]) => no % 4 === t && mask === t + 1)).toBe(true);
      }
    }
    postings.clear();
    expect(visited(postings, "t0")).toEqual([]);
  });
});
