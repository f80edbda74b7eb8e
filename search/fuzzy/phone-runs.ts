// Splitting a run of digits into phone numbers. The free-text parser's phone pattern spans spaces
// ("138 1234 5678", "(010) 6234 5678"), so "13910001234 010-62345678" arrives as one run: the run is
// cut at its spaces and the groups are joined back, longest first, into what a Chinese number can
// be — a mobile, a landline with its area code, a local number or a 400/800 line — so two numbers
// are two phones whatever separates them.

const MOBILE = /^1[3-9]\d{9}$/;
/** 0 + a 2–3 digit area code + a 7–8 digit subscriber number. */
const LANDLINE = /^0[1-9]\d{8,10}$/;
/** A subscriber number without area code, or a 400/800 service line. */
const LOCAL = /^(?:[2-9]\d{6,7}|[48]00\d{7})$/;

/** Is this digit string one whole Chinese phone number (a +86 / 0086 prefix allowed)? */
export function isWholePhone(digits: string): boolean {
  const national = digits.startsWith("0086") ? digits.slice(4) : digits.startsWith("86") ? digits.slice(2) : digits;
  return [digits, national].some((d) => MOBILE.test(d) || LANDLINE.test(d) || LOCAL.test(d));
}

const digitsOf = (text: string) => text.replace(/\D+/g, "");

/**
 * The phone numbers in a run of digits and phone punctuation, as written (trimmed). Groups that
 * make no whole number on their own or joined stay together as one, as before.
 */
export function splitPhoneRun(run: string): string[] {
  const groups = [...run.matchAll(/\S+/g)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
  const phones: string[] = [];
  let i = 0;
  while (i < groups.length) {
    let end = -1;
    // Longest first: "010 6234 5678" is one landline, not 010 and a local number.
    for (let j = groups.length - 1; j >= i && end < 0; j--) {
      const text = run.slice(groups[i]!.start, groups[j]!.end);
      if (isWholePhone(digitsOf(text))) end = j;
    }
    if (end < 0) {
      // Nothing whole starts here: keep the rest together (a number we cannot read stays one).
      phones.push(run.slice(groups[i]!.start).trim());
      break;
    }
    phones.push(run.slice(groups[i]!.start, groups[end]!.end).trim());
    i = end + 1;
  }
  return phones.filter((p) => digitsOf(p).length >= 7);
}
