import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { RouteErrorCard } from "#app/ui/route-error-card.tsx";
import type { ErrorTexts } from "#app/ui/route-error.ts";

const DASHBOARD = { to: "/crm", label: "backoffice.placeholder.back" } as const;

/**
 * The back office's one error boundary: 403 / 404 / anything else, rendered inside the shell so the
 * navigation stays at hand. A route exports it as a one-liner:
 *
 *   export function ErrorBoundary() {
 *     return <ShellErrorBoundary back="/crm/assets" backLabel="common.backToAssets" texts="zones.bo" />;
 *   }
 *
 * - `back` / `backLabel`: where "back" leads for a missing or refused record (default: the dashboard).
 * - `texts`: the i18n area whose `notFound` / `forbidden` title and body fit the page (default the
 *   common `error.*`). A 403 from the guard itself (the whole module refused) always shows the common
 *   forbidden text and leads to the dashboard.
 */
export function ShellErrorBoundary({
  back = DASHBOARD.to,
  backLabel = DASHBOARD.label,
  texts = "error",
}: {
  back?: string;
  backLabel?: MessageKey;
  texts?: ErrorTexts;
}) {
  return <RouteErrorCard back={{ to: back, label: backLabel }} home={DASHBOARD} texts={texts} />;
}
