import { flash as FLASH_MESSAGES } from "./i18n/messages/zh-CN/flash.ts";

// The one flash mechanism (decision 021): after a successful post the action redirects to
// `…?flash=<key>` (plus `flashCount=<n>` for the one number a flash may carry), and <FlashBanner>
// in the shell layout shows it. Only keys of the `flash.*` area are accepted, so a crafted link
// can show nothing but our own fixed sentences.

export type FlashKey = keyof typeof FLASH_MESSAGES;
export interface FlashVars {
  count?: number;
}
export interface Flash {
  key: FlashKey;
  vars: FlashVars;
  tone: "success" | "info";
}

export const FLASH_PARAM = "flash";
const COUNT_PARAM = "flashCount";

export function isFlashKey(value: string | null | undefined): value is FlashKey {
  return typeof value === "string" && Object.hasOwn(FLASH_MESSAGES, value);
}

/** `to` with the flash added to its query (existing query and `#hash` kept). */
export function flashLocation(to: string, key: FlashKey, vars: FlashVars = {}): string {
  const url = new URL(to, "http://relay.invalid");
  url.searchParams.set(FLASH_PARAM, key);
  if (vars.count !== undefined) url.searchParams.set(COUNT_PARAM, String(Math.max(0, Math.trunc(vars.count))));
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The flash in a query string, if it names a real flash key; anything else is ignored. */
export function readFlash(search: URLSearchParams): Flash | null {
  const key = search.get(FLASH_PARAM);
  if (!isFlashKey(key)) return null;
  const raw = search.get(COUNT_PARAM);
  const count = raw !== null && /^\d{1,6}$/.test(raw) ? Number(raw) : undefined;
  return { key, vars: count === undefined ? {} : { count }, tone: key.startsWith("flash.info.") ? "info" : "success" };
}

/** The same address without the flash, for replacing the history entry once it has been shown. */
export function withoutFlash(href: string): string {
  const url = new URL(href, "http://relay.invalid");
  url.searchParams.delete(FLASH_PARAM);
  url.searchParams.delete(COUNT_PARAM);
  return `${url.pathname}${url.search}${url.hash}`;
}
