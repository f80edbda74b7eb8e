import type { MetaDescriptor } from "react-router";
import { DEFAULT_LOCALE, isLocale } from "#app/lib/i18n/locales.ts";
import { createTranslator, type MessageKey, type TranslateVars } from "#app/lib/i18n/translate.ts";

interface MatchLike {
  id: string;
  loaderData?: unknown;
}

/**
 * `meta` functions cannot use hooks, so the locale is read from the root loader's data
 * (`{ locale }`), which every page has. Returns "<page> · 接力 CRM".
 */
export function pageTitle(
  matches: ReadonlyArray<MatchLike | undefined>,
  key: MessageKey,
  vars?: TranslateVars,
): MetaDescriptor[] {
  const rootData = matches.find((m) => m?.id === "root")?.loaderData;
  const candidate = rootData && typeof rootData === "object" && "locale" in rootData ? rootData.locale : undefined;
  const t = createTranslator(isLocale(candidate) ? candidate : DEFAULT_LOCALE);
  const app = t("app.name");
  return [{ title: key === "app.name" ? app : `${t(key, vars)} · ${app}` }];
}
