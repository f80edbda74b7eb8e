import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { RouteErrorCard } from "#app/ui/route-error-card.tsx";
import type { ErrorTexts } from "#app/ui/route-error.ts";

/**
 * The portal's one error boundary: 403 / 404 / anything else inside the portal header and footer.
 * A route exports it as a one-liner:
 *
 *   export function ErrorBoundary() {
 *     return <ShellErrorBoundary back="/zone" backLabel="zones.error.back" texts="zones.error" />;
 *   }
 *
 * - `back` / `backLabel`: where "back" leads (default: the home page).
 * - `texts`: the i18n area whose `notFound` / `forbidden` (and, where it has them, `generic`) texts
 *   fit the page (default the common `error.*`).
 */
export function ShellErrorBoundary({
  back = "/",
  backLabel = "error.back",
  texts = "error",
}: {
  back?: string;
  backLabel?: MessageKey;
  texts?: ErrorTexts;
}) {
  return (
    <div className="mx-auto max-w-2xl px-4 py-12 sm:px-6 sm:py-16">
      <RouteErrorCard back={{ to: back, label: backLabel }} texts={texts} />
    </div>
  );
}
