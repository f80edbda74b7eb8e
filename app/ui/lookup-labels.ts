import { useRouteLoaderData } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import type { LookupTableKey } from "#app/modules/settings/lookup-defaults.ts";

// Labels of the system tables (系统表, /crm/admin/tables) for codes rendered in components: the
// back-office and portal shells load them (shellLookups in app/modules/settings/lookup-values.server.ts)
// in the reader's locale, so an admin's relabelling shows everywhere on the next page load. A code the
// table does not know falls back to the built-in message `fallbackPrefix` + code.

export type LookupLabelSets = Partial<Record<LookupTableKey, Record<string, string>>> & {
  /** Codes the admin deactivated, for tables whose pickers render in shared components (task_kind). */
  inactive?: Partial<Record<LookupTableKey, string[]>>;
};

function useShellLookups(): LookupLabelSets | undefined {
  const crm = useRouteLoaderData("crm") as { lookups?: LookupLabelSets } | undefined;
  const portal = useRouteLoaderData("portal") as { lookups?: LookupLabelSets } | undefined;
  return crm?.lookups ?? portal?.lookups;
}

/** The table's labels from whichever shell (back office "crm" or "portal") renders the page. */
function useTableLabels(table: LookupTableKey): Record<string, string> {
  return useShellLookups()?.[table] ?? {};
}

/**
 * A stored code's label (the code itself when the table does not know it) and a picker's options:
 * the active values in the table's order, plus `current` when the admin deactivated it since.
 */
export function useLookupPicker(table: LookupTableKey) {
  const lookups = useShellLookups();
  const labels = lookups?.[table] ?? {};
  const inactive = new Set(lookups?.inactive?.[table] ?? []);
  const label = (code: string): string => labels[code] ?? code;
  const options = (current?: string | null) => {
    const active = Object.keys(labels).filter((code) => !inactive.has(code));
    const codes = current && !active.includes(current) ? [...active, current] : active;
    return codes.map((code) => ({ value: code, label: label(code) }));
  };
  return { label, options };
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
