import { ArrowLeft, Lock, SearchX } from "lucide-react";
import { useRouteError } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { routeErrorView, type ErrorTexts } from "#app/ui/route-error.ts";

/**
 * The back office's one error boundary: 403 / 404 / anything else, rendered inside the shell so the
 * navigation stays at hand. A route exports it as a one-liner:
 *
 *   export function ErrorBoundary() {
 *     return <ShellErrorBoundary back="/crm/assets" backLabel="zones.bo.asset.back" texts="zones.bo" />;
 *   }
 *
 * - `back` / `backLabel`: where "back" leads for a missing or refused record (default: the dashboard).
 * - `texts`: the i18n area whose `notFound` / `forbidden` title and body fit the page (default the
 *   common `error.*`). A 403 from the guard itself (the whole module refused) always shows the common
 *   forbidden text and leads to the dashboard.
 */
export function ShellErrorBoundary({
  back = "/crm",
  backLabel = "backoffice.placeholder.back",
  texts = "error",
}: {
  back?: string;
  backLabel?: MessageKey;
  texts?: ErrorTexts;
}) {
  const error = useRouteError();
  const { t } = useI18n();
  const view = routeErrorView(error, texts);
  const [to, label]: [string, MessageKey] = view.moduleRefused
    ? ["/crm", "backoffice.placeholder.back"]
    : [back, backLabel];
  return (
    <Card>
      <EmptyState
        icon={
          view.status === 403 ? <Lock aria-hidden className="size-5" /> : <SearchX aria-hidden className="size-5" />
        }
        eyebrow={view.status}
        title={t(view.title)}
        description={t(view.body)}
        titleAs="h1"
        className="py-20"
      >
        <ButtonLink to={to} variant="secondary">
          <ArrowLeft aria-hidden className="size-4" />
          {t(label)}
        </ButtonLink>
      </EmptyState>
    </Card>
  );
}
