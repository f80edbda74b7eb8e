import { ArrowLeft, LockKeyhole } from "lucide-react";
import type { ReactNode } from "react";
import { isRouteErrorResponse, useRouteError } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { ZoneNav } from "./zone-nav.tsx";

// The frame of every zone page below /zone: the zone band with its tabs, then the page.

export function ZoneShell({
  zoneName,
  narrow = false,
  children,
}: {
  zoneName: string;
  /** A reading column (one request, a poll) instead of the full width. */
  narrow?: boolean;
  children: ReactNode;
}) {
  return (
    <>
      <ZoneNav zoneName={zoneName} />
      <div className={`mx-auto ${narrow ? "max-w-4xl" : "max-w-6xl"} space-y-6 px-4 py-8 sm:px-6 lg:px-8`}>
        {children}
      </div>
    </>
  );
}

/**
 * Error boundary for zone sub-pages: a 403 (not a confirmed member of this zone, or not a customer)
 * explains and links back to the zone home, where joining is possible; 404 says the item is not in
 * this zone. Export it as `ErrorBoundary` from a zone route.
 */
export function ZoneErrorBoundary() {
  const error = useRouteError();
  const { t } = useI18n();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const title =
    status === 403
      ? t("zones.error.forbidden.title")
      : status === 404
        ? t("zones.error.notFound.title")
        : t("zones.error.generic.title");
  const body =
    status === 403
      ? t("zones.error.forbidden.body")
      : status === 404
        ? t("zones.error.notFound.body")
        : t("zones.error.generic.body");
  return (
    <div className="mx-auto max-w-2xl px-4 py-12 sm:px-6 sm:py-16">
      <Card>
        <EmptyState
          icon={<LockKeyhole aria-hidden className="size-5" />}
          eyebrow={String(status)}
          titleAs="h1"
          title={title}
          description={body}
        >
          <ButtonLink to="/zone" variant="secondary">
            <ArrowLeft aria-hidden className="size-4" />
            {t("zones.error.back")}
          </ButtonLink>
        </EmptyState>
      </Card>
    </div>
  );
}

/** A label/value grid for detail pages. */
export function FactGrid({ rows }: { rows: ReadonlyArray<[label: string, value: ReactNode]> }) {
  return (
    <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2 lg:grid-cols-3">
      {rows.map(([label, value]) => (
        <div key={label} className="min-w-0">
          <dt className="text-xs font-medium text-slate-500">{label}</dt>
          <dd className="mt-1 text-sm break-words text-slate-900">{value ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}
