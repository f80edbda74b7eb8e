// Normalised keys stored beside contacts and companies so exact matching is an index lookup.
// The fuzzy matcher (search/) builds on these; keep them cheap and deterministic.

/** Lower-cased, trimmed, full-width characters folded (ｌｉｕ＠ｘｙｚ．ｃｏｍ → liu@xyz.com). */
export function emailKey(email: string | null | undefined): string | null {
  if (!email) return null;
  const key = email.normalize("NFKC").trim().toLowerCase();
  return key.includes("@") ? key : null;
}

/**
 * Digits only, with China's country prefix removed (+86 / 0086 / 86 before an 11-digit mobile),
 * so "+86 138-0013-8000" and "13800138000" meet. Landlines keep their area code: 010-62345678 → 01062345678.
 */
export function phoneKey(phone: string | null | undefined): string | null {
  if (!phone) return null;
  let digits = phone.normalize("NFKC").replace(/\D+/g, "");
  if (digits.startsWith("0086")) digits = digits.slice(4);
  else if (digits.startsWith("86") && digits.length >= 11) digits = digits.slice(2);
  else return digits.length >= 5 ? digits : null;
  // After the country code: a mobile (1[3-9] + 9 digits) stays; a landline gets its trunk 0 back
  // (Beijing "10" is not a mobile: mobiles never start with 10).
  if (!/^1[3-9]\d{9}$/.test(digits) && !digits.startsWith("0")) digits = `0${digits}`;
  return digits.length >= 5 ? digits : null;
}

const COMPANY_SUFFIXES = [
  "股份有限公司",
  "有限责任公司",
  "有限公司",
  "集团公司",
  "集团",
  "公司",
  "co., ltd.",
  "co.,ltd.",
  "co. ltd",
  "ltd.",
  "ltd",
  "inc.",
  "inc",
  "corporation",
  "corp.",
];

/** Company name without brackets, legal-form suffixes, spaces or punctuation: 北京星辰科技有限公司 → 北京星辰科技. */
export function companyNameKey(name: string): string {
  let key = name.normalize("NFKC").toLowerCase().trim();
  key = key.replace(/[(（][^)）]*[)）]/g, "");
  if (COMPANY_SUFFIXES.includes(key)) return key;
  let changed = true;
  while (changed) {
    changed = false;
    for (const suffix of COMPANY_SUFFIXES) {
      if (key.endsWith(suffix) && key.length > suffix.length) {
        key = key.slice(0, -suffix.length).trim();
        changed = true;
      }
    }
  }
  return key.replace(/[\s\p{P}\p{S}]+/gu, "");
}

/** Best phone for matching a contact: mobile first (personal), else the business phone. */
export function contactPhoneKey(contact: { mobile?: string | null; phone?: string | null }): string | null {
  return phoneKey(contact.mobile) ?? phoneKey(contact.phone);
}
