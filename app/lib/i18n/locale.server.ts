import { createCookie } from "react-router";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "./locales.ts";
import { createTranslator, type Translate } from "./translate.ts";

// The language choice is a plain preference cookie (not a secret), kept for a year.
export const localeCookie = createCookie(LOCALE_COOKIE, {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

/** zh-CN unless the visitor chose another language; we do not guess from Accept-Language. */
export async function getLocale(request: Request): Promise<Locale> {
  const value: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export async function getTranslator(request: Request): Promise<{ locale: Locale; t: Translate }> {
  const locale = await getLocale(request);
  return { locale, t: createTranslator(locale) };
}
