import type { MetaArgs, MetaDescriptor } from "react-router";
import { loadedMessages, translatorFor, type MessageKey, type TranslateVars } from "#app/lib/i18n/catalog.ts";
import { DEFAULT_LOCALE, isLocale, LOCALES } from "#app/lib/i18n/locales.ts";

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
  const locale = isLocale(candidate) ? candidate : DEFAULT_LOCALE;
  // The browser holds only the active locale's dictionary; just after a language switch this may
  // run once more with the previous one before the new one has arrived.
  const messages = loadedMessages(locale) ?? LOCALES.map(loadedMessages).find((m) => m !== undefined);
  if (!messages) return [];
  const t = translatorFor(messages);
  const app = t("app.name");
  return [{ title: key === "app.name" ? app : `${t(key, vars)} · ${app}` }];
}

/** The `meta` export of a page titled by one fixed key: `export const meta = titleMeta("…")`. */
export function titleMeta(key: MessageKey) {
  return ({ matches }: { matches: ReadonlyArray<MatchLike | undefined> }) => pageTitle(matches, key);
}

/**
 * The `meta` export of a record page: titled after the record once it has loaded (`title(data)` gives
 * the key and its values), else (a 404, an error) by `fallback`:
 * `export const meta = recordMeta<typeof loader>("sales.campaigns.title", (d) => ["sales.campaign.metaTitle", { name: d.campaign.name }])`.
 */
export function recordMeta<Loader>(
  fallback: MessageKey,
  title: (data: NonNullable<MetaArgs<Loader>["loaderData"]>) => [MessageKey, TranslateVars],
) {
  return ({ matches, loaderData }: MetaArgs<Loader>) =>
    loaderData ? pageTitle(matches, ...title(loaderData)) : pageTitle(matches, fallback);
}

/**
 * `recordMeta` for a page whose loader returns `{ record }` titled by the record's name (a zone's
 * asset or contract): `export const meta = namedRecordMeta("zones.assets.title", "zones.asset.pageTitle")`.
 */
export function namedRecordMeta(fallback: MessageKey, titleKey: MessageKey) {
  return ({
    matches,
    loaderData,
  }: {
    matches: ReadonlyArray<MatchLike | undefined>;
    loaderData?: { record: { name: string } } | null;
  }) => (loaderData ? pageTitle(matches, titleKey, { name: loaderData.record.name }) : pageTitle(matches, fallback));
}
