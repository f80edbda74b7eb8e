import type { MatchFields } from "#search/fuzzy/features.ts";
import type { ParsedQuery } from "#search/fuzzy/free-text-query.ts";

/** A parsed free-text query as matcher fields (the benchmark and tests; findPerson maps the same). */
export function queryFields(p: ParsedQuery): MatchFields {
  return {
    name: p.name,
    email: p.email,
    phones: p.phones,
    companyName: p.companyName,
    city: p.city,
    province: p.province,
    emailDomain: p.emailDomain,
    initials: p.initials,
    phoneFragments: p.phoneFragments,
    nameMayBeCity: p.nameMayBeCity,
  };
}
