// The normalised features of a record (contact or company) or of a query: what the blocking keys
// and the scorer work on. Built once per record when the index loads; once per query.
import {
  FREE_MAIL_DOMAINS,
  normaliseCompany,
  normaliseEmail,
  normaliseName,
  normalisePhone,
  normalisePlace,
  type CompanyFeatures,
  type EmailFeatures,
  type NameFeatures,
  type PhoneFeatures,
} from "./normalise.ts";
import { pinyinSyllableCount } from "./pinyin-syllables.ts";

export interface MatchFields {
  name?: string | null;
  email?: string | null;
  phones?: Array<string | null | undefined>;
  companyName?: string | null;
  city?: string | null;
  province?: string | null;
  /** A bare company mail domain from a query ("@xyz.com"), or a record's company website. */
  emailDomain?: string | null;
  /** Query only: initials typed on their own ("LQ"). */
  initials?: string | null;
  /** Query only: 4–6 digit pieces of a phone number. */
  phoneFragments?: readonly string[];
  /** Query only: the city was read from the name ("linyi" = 林毅 or 临沂). */
  nameMayBeCity?: boolean;
}

export interface MatchFeatures {
  name: NameFeatures | null;
  email: EmailFeatures | null;
  phones: PhoneFeatures[];
  company: CompanyFeatures | null;
  city: string | null;
  province: string | null;
  /** Query: a bare company domain; record: its company's website domain (never a free-mail one). */
  domain?: string | null;
  initials?: string | null;
  phoneFragments?: readonly string[];
  cityFromName?: boolean;
}

/** "https://www.XYZ.com/about" / "@xyz.com" / "xyz.com" → "xyz.com"; free-mail domains → null. */
export function domainKey(value: string | null | undefined): string | null {
  if (!value) return null;
  const host = value
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, "")
    .replace(/^@/, "")
    .replace(/^www\./, "")
    .split(/[/?#:]/)[0];
  if (!host || !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) || FREE_MAIL_DOMAINS.has(host)) return null;
  return host;
}

export function toFeatures(fields: MatchFields): MatchFeatures {
  const phones: PhoneFeatures[] = [];
  for (const p of fields.phones ?? []) {
    const f = normalisePhone(p);
    if (f && !phones.some((x) => x.key === f.key)) phones.push(f);
  }
  const place = normalisePlace(fields.city, fields.province);
  const name = normaliseName(fields.name);
  const email = normaliseEmail(fields.email);
  // "LQ@xyz.com 深圳" with no name: a mailbox made of initials is the only name clue there is.
  const initials =
    fields.initials?.toLowerCase() ??
    (!name && email && /^[a-z]{2,4}$/.test(email.local) && pinyinSyllableCount(email.local) === null
      ? email.local
      : null);
  return {
    name,
    email,
    phones,
    company: normaliseCompany(fields.companyName),
    city: place.city,
    province: place.province,
    domain: domainKey(fields.emailDomain),
    initials,
    phoneFragments: (fields.phoneFragments ?? []).filter((f) => /^\d{4,6}$/.test(f)),
    cityFromName: fields.nameMayBeCity === true && place.city !== null,
  };
}

/** True when the features carry nothing to match on. */
export function isEmptyFeatures(f: MatchFeatures): boolean {
  return !f.name && !f.email && f.phones.length === 0 && !f.company && !f.domain && !f.initials;
}
