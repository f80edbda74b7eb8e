// The normalised features of a record (contact or company) or of a query: what the blocking keys
// and the scorer work on. Built once per record when the index loads; once per query.
import {
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

export interface MatchFields {
  name?: string | null;
  email?: string | null;
  phones?: Array<string | null | undefined>;
  companyName?: string | null;
  city?: string | null;
  province?: string | null;
}

export interface MatchFeatures {
  name: NameFeatures | null;
  email: EmailFeatures | null;
  phones: PhoneFeatures[];
  company: CompanyFeatures | null;
  city: string | null;
  province: string | null;
}

export function toFeatures(fields: MatchFields): MatchFeatures {
  const phones: PhoneFeatures[] = [];
  for (const p of fields.phones ?? []) {
    const f = normalisePhone(p);
    if (f && !phones.some((x) => x.key === f.key)) phones.push(f);
  }
  const place = normalisePlace(fields.city, fields.province);
  return {
    name: normaliseName(fields.name),
    email: normaliseEmail(fields.email),
    phones,
    company: normaliseCompany(fields.companyName),
    city: place.city,
    province: place.province,
  };
}

/** True when the features carry nothing to match on. */
export function isEmptyFeatures(f: MatchFeatures): boolean {
  return !f.name && !f.email && f.phones.length === 0 && !f.company;
}
