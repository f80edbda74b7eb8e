import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { pageTitle } from "#app/ui/meta.ts";

/** The `meta` of a zone record page: a title naming the record loaded by `loadZoneRecord`. */
export function zoneRecordMeta(key: MessageKey) {
  return ({ matches, loaderData }: MetaArgsOf<{ record: { name: string } }>) =>
    pageTitle(matches, key, { name: loaderData?.record.name ?? "" });
}

interface MetaArgsOf<Data> {
  matches: Parameters<typeof pageTitle>[0];
  loaderData: Data | undefined;
}
