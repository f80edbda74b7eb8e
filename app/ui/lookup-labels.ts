import { useRouteLoaderData } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import type { LookupTableKey } from "#app/modules/settings/lookup-defaults.ts";

// Labels of the system tables (系统表, /crm/admin/tables) for codes rendered in components: the
// back-office and portal shells load them (shellLookups in app/modules/settings/lookup-values.server.ts)
// in the reader's locale, so an admin's relabelling shows everywhere on the next page load. A code the
// table does not know falls back to the built-in message `fallbackPrefix` + code.

export type LookupLabelSets = Partial<Record<LookupTableKey, Record<string, string>>>;

/** The table's labels from whichever shell (back office "crm" or "portal") renders the page. */
function useTableLabels(table: LookupTableKey): Record<string, string> {
  const crm = useRouteLoaderData("crm") as { lookups?: LookupLabelSets } | undefined;
  const portal = useRouteLoaderData("portal") as { lookups?: LookupLabelSets } | undefined;
  return crm?.lookups?.[table] ?? portal?.lookups?.[table] ?? {};
}

export function useLookupLabel(table: LookupTableKey, fallbackPrefix: string) {
  const { t } = useI18n();
  const labels = useTableLabels(table);
  return (code: string): string => labels[code] ?? t(`${fallbackPrefix}${code}` as MessageKey);
}

/** A picker's options for a program's fixed codes, in the table's order, labelled like `useLookupLabel`. */
export function useLookupChoices(table: LookupTableKey, codes: readonly string[], fallbackPrefix: string) {
  const label = useLookupLabel(table, fallbackPrefix);
  const order = Object.keys(useTableLabels(table));
  const rank = (code: string) => (order.includes(code) ? order.indexOf(code) : order.length + codes.indexOf(code));
  return [...codes].sort((a, b) => rank(a) - rank(b)).map((code) => ({ value: code, label: label(code) }));
}
