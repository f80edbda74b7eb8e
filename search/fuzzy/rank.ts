// Ranking a query's candidates: scoring each one needs to know about the others.
//   - A near miss of an address that some candidate holds exactly is that candidate's address, not a
//     typo: nobody gets typo credit for it (scorer: ScoreContext.emailOwned).
//   - When that exact address sits on a record whose name disagrees, while another candidate has the
//     query's name and an address one slip away, the query most likely mistyped the latter's address:
//     the exact match must not be a confident "same" for the wrong person.
//   - Equal scores are broken by the other evidence (more agreeing clues, fewer conflicts), not id.
import type { MatchFeatures } from "./features.ts";
import { combine, oneEditApart, scoreCandidate, verdictFor, WEIGHTS, type ScoreResult } from "./scorer.ts";

export interface RankInput {
  id: number;
  features: MatchFeatures;
}

export interface Ranked extends ScoreResult {
  id: number;
}

const NAME_AGREES = new Set(["name_exact", "name_pinyin", "name_similar"]);

function positives(r: ScoreResult): number {
  return r.evidence.filter((e) => e.weight > 0).length;
}

function conflicts(r: ScoreResult): number {
  return r.evidence.filter((e) => e.weight < 0).length;
}

/** Best first: score, then more agreeing clues, then fewer conflicts, then lower id (stable). */
export function compareRanked(a: Ranked, b: Ranked): number {
  return b.score - a.score || positives(b) - positives(a) || conflicts(a) - conflicts(b) || a.id - b.id;
}

export function rankCandidates(
  query: MatchFeatures,
  items: readonly RankInput[],
  kind: "contact" | "company" = "contact",
): Ranked[] {
  const qe = query.email;
  const emailOwned = qe !== null && items.some((i) => i.features.email?.canonical === qe.canonical);
  const ranked: Array<Ranked & { features: MatchFeatures }> = [];
  for (const item of items) {
    const result = scoreCandidate(query, item.features, kind, { emailOwned });
    if (result.score > 0) ranked.push({ id: item.id, features: item.features, ...result });
  }
  if (qe && emailOwned && kind === "contact") {
    const typoOfOther = ranked.some(
      (r) =>
        r.evidence.some((e) => NAME_AGREES.has(e.code)) &&
        r.features.email !== null &&
        r.features.email.canonical !== qe.canonical &&
        r.features.email.domain === qe.domain &&
        oneEditApart(qe.local, r.features.email.local),
    );
    if (typoOfOther) {
      for (const r of ranked) {
        const exact = r.evidence.some((e) => e.code === "email_exact" || e.code === "email_normalised");
        // Only the very same name keeps the exact address confident (刘芳佳 vs 刘芳海 does not).
        if (!exact || r.evidence.some((e) => e.code === "name_exact")) continue;
        r.evidence.push({ code: "email_name_elsewhere", field: "email", weight: WEIGHTS.emailNameElsewhere });
        r.score = combine(r.evidence);
        r.verdict = verdictFor(r.score);
      }
    }
  }
  ranked.sort(compareRanked);
  return ranked.map(({ features: _features, ...rest }) => rest);
}
