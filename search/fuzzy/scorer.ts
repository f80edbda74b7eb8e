// Scoring one candidate against a query: per-field evidence, each with a weight, combined to 0..1.
//
// Positive evidence combines like independent clues (noisy-OR): score = 1 − Π(1 − wᵢ), so two
// medium clues beat one, and no clue can push the score past 1. Conflicts multiply the result by a
// factor close to 1: a different or invented name (×0.85) must not sink a true e-mail + city match,
// while it still ranks the record whose name also agrees first. Thresholds: ≥ 0.80 "same",
// ≥ 0.45 "possible", below "none" (decision 016).
import { distance } from "fastest-levenshtein";
import type { MatchFeatures } from "./features.ts";
import { hasHan, textPinyin, type NameFeatures } from "./normalise.ts";

/** A name's family name in pinyin (Han names), for comparing 王经理 with "Wang Qiang". */
function textSurnamePinyin(n: NameFeatures): string {
  return textPinyin(n.surname);
}

export type Verdict = "same" | "possible" | "none";
export type EvidenceField = "email" | "phone" | "name" | "city" | "province" | "company";

export interface Evidence {
  code: string;
  field: EvidenceField;
  /** Positive: weight in the noisy-OR; negative: the factor is 1 + weight. */
  weight: number;
}

export interface ScoreResult {
  score: number;
  verdict: Verdict;
  evidence: Evidence[];
}

export const THRESHOLDS = { same: 0.8, possible: 0.45 } as const;

export const WEIGHTS = {
  emailExact: 0.95,
  /** Same mailbox written differently (case, +tag, Gmail dots): as strong as exact. */
  emailNormalised: 0.95,
  emailTypo: 0.55,
  /** A one-letter slip in a short local part (lzq → lzp), credited only beside an agreeing name. */
  emailTypoShort: 0.35,
  /** A bare "@xyz.com" typed for the company's mail domain: the only e-mail clue the user has. */
  emailDomainOnly: 0.3,
  emailLocalPrefix: 0.35,
  emailLocalOtherDomain: 0.3,
  emailLocalPinyin: 0.35,
  emailDomain: 0.15,
  emailConflict: -0.1,
  /** The address is this record's, but the name is another contact's whose address is one slip away. */
  emailNameElsewhere: -0.5,
  mobileExact: 0.9,
  landlineExact: 0.6,
  phoneSuffix8: 0.5,
  phoneSuffix7: 0.35,
  phoneConflict: -0.1,
  /** The last 4–6 digits typed on their own ("尾号8000"). */
  phoneFragment: 0.2,
  nameExact: 0.6,
  namePinyin: 0.45,
  nameSimilar: 0.3,
  nameInitials: 0.1,
  nameSurname: 0.03,
  /** Only a family name was given (王经理): agreeing is all it can do. */
  nameSurnameOnly: 0.2,
  /** Only initials were given ("LQ"): weak, but the point of the query. */
  nameInitialsOnly: 0.25,
  nameConflict: -0.15,
  cityMatch: 0.15,
  provinceMatch: 0.05,
  cityConflict: -0.1,
  companyExact: 0.4,
  companySimilar: 0.25,
  /** The query names a company and the contact works elsewhere. */
  companyConflict: -0.15,
  /** Company records: the name is the main identifier. */
  companyRecordExact: 0.85,
  companyRecordSimilar: 0.5,
} as const;

/** Local parts that name a role, not a person: never evidence on their own. */
const ROLE_LOCALS = new Set(["info", "sales", "admin", "service", "support", "contact", "hr", "office", "market"]);

/** Levenshtein ≤ 1, or one swap of neighbouring characters (the commonest typing slip). */
export function oneEditApart(a: string, b: string): boolean {
  if (a.length === b.length) {
    let first = -1;
    let diffs = 0;
    for (let i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) {
        if (++diffs > 2) return false;
        if (first < 0) first = i;
      }
    }
    if (diffs <= 1) return true;
    return a[first] === b[first + 1] && a[first + 1] === b[first];
  }
  return Math.abs(a.length - b.length) === 1 && distance(a, b) === 1;
}

/** What a score depends on beyond the two records (filled by the ranking, which sees all candidates). */
export interface ScoreContext {
  /** Some record holds the query's e-mail address exactly: a near miss is not a typo of it. */
  emailOwned?: boolean;
}

/** The names agree: same characters, same pinyin (either order) or one slip apart. */
function namesAgree(q: MatchFeatures, r: MatchFeatures): boolean {
  const out: Evidence[] = [];
  nameEvidence(q, r, out);
  return out.some((e) => e.code === "name_exact" || e.code === "name_pinyin" || e.code === "name_similar");
}

export function verdictFor(score: number): Verdict {
  return score >= THRESHOLDS.same ? "same" : score >= THRESHOLDS.possible ? "possible" : "none";
}

function domainEvidence(q: MatchFeatures, r: MatchFeatures, out: Evidence[]): void {
  const domain = q.domain;
  if (!domain || q.email) return;
  if (r.email?.domain === domain || r.domain === domain) {
    out.push({ code: "email_domain", field: "email", weight: WEIGHTS.emailDomainOnly });
  } else if ((r.email && !r.email.free) || r.domain) {
    out.push({ code: "email_conflict", field: "email", weight: WEIGHTS.emailConflict });
  }
}

function emailEvidence(q: MatchFeatures, r: MatchFeatures, out: Evidence[], ctx: ScoreContext): void {
  const qe = q.email;
  if (!qe) return;
  const re = r.email;
  if (re && re.canonical === qe.canonical) {
    out.push(
      re.raw === qe.raw
        ? { code: "email_exact", field: "email", weight: WEIGHTS.emailExact }
        : { code: "email_normalised", field: "email", weight: WEIGHTS.emailNormalised },
    );
    return;
  }
  let matched = false;
  // A near miss of an address that someone really has is that someone's address, not a typo.
  if (re && !ROLE_LOCALS.has(qe.local) && !ctx.emailOwned) {
    if (re.domain === qe.domain) {
      if (qe.local.length >= 5 && oneEditApart(qe.local, re.local)) {
        out.push({ code: "email_local_similar", field: "email", weight: WEIGHTS.emailTypo });
        matched = true;
      } else if (qe.local.length >= 2 && oneEditApart(qe.local, re.local) && namesAgree(q, r)) {
        // Short local parts (lzq, li) are easy to share by chance: only beside the same name.
        out.push({ code: "email_local_similar", field: "email", weight: WEIGHTS.emailTypoShort });
        matched = true;
      } else if (qe.local.length >= 3 && (re.local.startsWith(qe.local) || qe.local.startsWith(re.local))) {
        out.push({ code: "email_local_similar", field: "email", weight: WEIGHTS.emailLocalPrefix });
        matched = true;
      }
    } else if (qe.local.length >= 5 && qe.local === re.local) {
      out.push({ code: "email_local_similar", field: "email", weight: WEIGHTS.emailLocalOtherDomain });
      matched = true;
    }
  }
  const rn = r.name;
  // The e-mail spells the record's name — unless it merely spells the query's own name, which the
  // name comparison already counts (liuqiang@qq.com beside 刘强 is one clue, not two).
  const spellsQueryName = q.name !== null && (q.name.pinyin === qe.letters || q.name.pinyinAlt === qe.letters);
  if (rn && !spellsQueryName && qe.letters.length >= 4 && (qe.letters === rn.pinyin || qe.letters === rn.pinyinAlt)) {
    out.push({ code: "email_local_pinyin", field: "email", weight: WEIGHTS.emailLocalPinyin });
    matched = true;
  }
  if (!qe.free && (re?.domain === qe.domain || r.domain === qe.domain)) {
    out.push({ code: "email_domain", field: "email", weight: WEIGHTS.emailDomain });
  } else if (re && !matched) {
    out.push({ code: "email_conflict", field: "email", weight: WEIGHTS.emailConflict });
  }
}

function phoneEvidence(q: MatchFeatures, r: MatchFeatures, out: Evidence[]): void {
  if ((q.phones.length === 0 && !q.phoneFragments?.length) || r.phones.length === 0) return;
  let best: Evidence | null = null;
  for (const qp of q.phones) {
    for (const rp of r.phones) {
      let e: Evidence | null = null;
      if (qp.key === rp.key) {
        e = {
          code: "phone_exact",
          field: "phone",
          weight: qp.mobile ? WEIGHTS.mobileExact : WEIGHTS.landlineExact,
        };
      } else if (qp.local.length >= 7 && qp.local === rp.local) {
        e = { code: "phone_suffix", field: "phone", weight: WEIGHTS.phoneSuffix8 };
      } else if (qp.key.length >= 8 && rp.key.length >= 8 && qp.key.slice(-8) === rp.key.slice(-8)) {
        e = { code: "phone_suffix", field: "phone", weight: WEIGHTS.phoneSuffix8 };
      } else if (qp.key.length >= 7 && rp.key.length >= 7 && qp.key.slice(-7) === rp.key.slice(-7)) {
        e = { code: "phone_suffix", field: "phone", weight: WEIGHTS.phoneSuffix7 };
      }
      if (e && (!best || e.weight > best.weight)) best = e;
    }
  }
  if (!best && q.phoneFragments?.length) {
    for (const fragment of q.phoneFragments) {
      if (r.phones.some((rp) => rp.key.endsWith(fragment))) {
        best = { code: "phone_suffix", field: "phone", weight: WEIGHTS.phoneFragment };
        break;
      }
    }
  }
  if (best) out.push(best);
  else if (q.phones.some((p) => p.mobile) && r.phones.some((p) => p.mobile)) {
    out.push({ code: "phone_conflict", field: "phone", weight: WEIGHTS.phoneConflict });
  }
}

function nameEvidence(q: MatchFeatures, r: MatchFeatures, out: Evidence[]): void {
  const qn = q.name;
  const rn = r.name;
  if (!qn && q.initials && rn) {
    out.push(
      rn.initials === q.initials
        ? { code: "name_initials", field: "name", weight: WEIGHTS.nameInitialsOnly }
        : { code: "name_conflict", field: "name", weight: WEIGHTS.nameConflict },
    );
    return;
  }
  if (!qn || !rn) return;
  if (qn.surnameOnly || rn.surnameOnly) {
    const surname = (n: typeof qn) => (n.han ? textSurnamePinyin(n) : n.surname);
    out.push(
      (qn.han && rn.han ? qn.surname === rn.surname : surname(qn) === surname(rn))
        ? { code: "name_surname", field: "name", weight: WEIGHTS.nameSurnameOnly }
        : { code: "name_conflict", field: "name", weight: WEIGHTS.nameConflict },
    );
    return;
  }
  if (qn.key === rn.key) {
    out.push({ code: "name_exact", field: "name", weight: WEIGHTS.nameExact });
    return;
  }
  const pinyinEqual =
    qn.pinyin === rn.pinyin ||
    (qn.pinyinAlt !== null && qn.pinyinAlt === rn.pinyin) ||
    (rn.pinyinAlt !== null && rn.pinyinAlt === qn.pinyin);
  if (pinyinEqual) {
    out.push({ code: "name_pinyin", field: "name", weight: WEIGHTS.namePinyin });
    return;
  }
  const similar =
    qn.han && rn.han
      ? qn.key.length >= 3 && rn.key.length >= 3 && distance(qn.key, rn.key) <= 1
      : Math.min(qn.pinyin.length, rn.pinyin.length) >= 6 && distance(qn.pinyin, rn.pinyin) <= 1;
  if (similar) {
    out.push({ code: "name_similar", field: "name", weight: WEIGHTS.nameSimilar });
    return;
  }
  if (qn.initials.length >= 2 && qn.initials === rn.initials) {
    out.push({ code: "name_initials", field: "name", weight: WEIGHTS.nameInitials });
    return;
  }
  if (qn.han && rn.han && qn.surname === rn.surname) {
    out.push({ code: "name_surname", field: "name", weight: WEIGHTS.nameSurname });
    return;
  }
  out.push({ code: "name_conflict", field: "name", weight: WEIGHTS.nameConflict });
}

function placeEvidence(q: MatchFeatures, r: MatchFeatures, out: Evidence[]): void {
  if (q.city && r.city) {
    if (q.city === r.city) out.push({ code: "city_match", field: "city", weight: WEIGHTS.cityMatch });
    else if (q.province && q.province === r.province) {
      out.push({ code: "province_match", field: "province", weight: WEIGHTS.provinceMatch });
    } else out.push({ code: "city_conflict", field: "city", weight: WEIGHTS.cityConflict });
  } else if (q.province && r.province && q.province === r.province) {
    out.push({ code: "province_match", field: "province", weight: WEIGHTS.provinceMatch });
  }
}

function companyEvidence(q: MatchFeatures, r: MatchFeatures, kind: "contact" | "company", out: Evidence[]): void {
  const qc = q.company;
  const rc = r.company;
  if (!qc || !rc) return;
  const exact = kind === "company" ? WEIGHTS.companyRecordExact : WEIGHTS.companyExact;
  const similar = kind === "company" ? WEIGHTS.companyRecordSimilar : WEIGHTS.companySimilar;
  if (qc.key === rc.key) {
    out.push({ code: "company_exact", field: "company", weight: exact });
  } else if (
    (qc.key.length >= 3 && rc.key.length >= 3 && distance(qc.key, rc.key) <= 1) ||
    (Math.min(qc.key.length, rc.key.length) >= 2 && (qc.key.includes(rc.key) || rc.key.includes(qc.key)))
  ) {
    out.push({ code: "company_similar", field: "company", weight: similar });
  } else if (
    kind === "contact" &&
    hasHan(qc.key) === hasHan(rc.key) &&
    !(q.domain && (r.domain === q.domain || r.email?.domain === q.domain))
  ) {
    // Written in the same script and still unlike: the contact works somewhere else.
    out.push({ code: "company_conflict", field: "company", weight: WEIGHTS.companyConflict });
  }
}

export function combine(evidence: readonly Evidence[]): number {
  let miss = 1;
  let factor = 1;
  for (const e of evidence) {
    if (e.weight > 0) miss *= 1 - e.weight;
    else factor *= 1 + e.weight;
  }
  return Math.round((1 - miss) * factor * 1000) / 1000;
}

export function scoreCandidate(
  query: MatchFeatures,
  record: MatchFeatures,
  kind: "contact" | "company" = "contact",
  ctx: ScoreContext = {},
): ScoreResult {
  let evidence: Evidence[] = [];
  emailEvidence(query, record, evidence, ctx);
  domainEvidence(query, record, evidence);
  phoneEvidence(query, record, evidence);
  if (kind === "contact") nameEvidence(query, record, evidence);
  companyEvidence(query, record, kind, evidence);
  placeEvidence(query, record, evidence);
  if (query.cityFromName) {
    // "linyi": the person 林毅 or the city 临沂. A name that agrees was the name (the city was a
    // misreading: neither credit nor cost); otherwise it was the city (the name costs nothing).
    const nameAgrees = evidence.some((e) => e.field === "name" && e.weight > 0 && e.code !== "name_surname");
    evidence = nameAgrees
      ? evidence.filter((e) => e.field !== "city" && e.field !== "province")
      : evidence.filter((e) => e.code !== "name_conflict");
  }
  // A company e-mail domain and the company name are one clue (the domain is the company's).
  if (evidence.some((e) => e.code === "company_exact" || e.code === "company_similar")) {
    const at = evidence.findIndex((e) => e.code === "email_domain");
    if (at >= 0) evidence.splice(at, 1);
  }
  const score = combine(evidence);
  return { score, verdict: verdictFor(score), evidence };
}
