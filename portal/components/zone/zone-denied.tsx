import { ArrowLeft, LockKeyhole, Mail, Send } from "lucide-react";
import { isRouteErrorResponse, useRouteError } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { IconChip } from "#portal/components/icon-chip.tsx";
import { ShellErrorBoundary } from "#portal/components/shell-error-boundary.tsx";

// The error boundary of the zone home and join pages. The level guard's 403 explains what the zone is
// and how to get in (or that the real-name check is pending); anything else is the portal's
// usual error page.

/** The `meta` of the pages behind this boundary (zone home, join): the refusal's title when refused. */
export function zoneEntryMeta({ matches, error }: { matches: Parameters<typeof pageTitle>[0]; error?: unknown }) {
  return pageTitle(matches, error ? "account.zone.denied.title" : "zones.home.title");
}

const STEPS = ["account.zone.denied.step1", "account.zone.denied.step2", "account.zone.denied.step3"] as const;

export function ZoneDeniedBoundary() {
  const error = useRouteError();
  const { t } = useI18n();
  const denied = isRouteErrorResponse(error) && error.status === 403;
  if (!denied) return <ShellErrorBoundary />;
  const pending =
    typeof error.data === "object" && error.data !== null && "reason" in error.data
      ? error.data.reason === "verification-pending"
      : false;
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6 sm:py-16">
      <Card className="overflow-hidden">
        <div className="relative border-b border-slate-100 bg-gradient-to-b from-slate-50 to-white px-6 py-8 text-center sm:px-10">
          <IconChip
            icon={LockKeyhole}
            className="mx-auto size-12 rounded-full bg-white text-blue-600 shadow-sm ring-1 ring-slate-200"
          />
          <p className="mt-4 text-sm font-medium text-slate-500">403 · {t("account.zone.eyebrow")}</p>
          <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">
            {t("account.zone.denied.title")}
          </h1>
          <p className="mx-auto mt-3 max-w-xl text-[15px] leading-7 text-slate-600">
            {pending ? t("account.zone.denied.pendingBody") : t("account.zone.denied.body")}
          </p>
        </div>
        {pending ? null : (
          <div className="px-6 py-6 sm:px-10">
            <h2 className="text-sm font-semibold tracking-wide text-slate-500">{t("account.zone.denied.how")}</h2>
            <ol className="mt-4 space-y-4">
              {STEPS.map((step, index) => (
                <li key={step} className="flex gap-3.5">
                  <span className="flex size-6 shrink-0 items-center justify-center rounded-full bg-blue-50 text-xs font-semibold text-blue-700 ring-1 ring-blue-100">
                    {index + 1}
                  </span>
                  <span className="text-sm leading-6 text-slate-700">{t(step)}</span>
                </li>
              ))}
            </ol>
          </div>
        )}
        <div className="flex flex-col gap-2 border-t border-slate-100 bg-slate-50/60 px-6 py-4 sm:flex-row sm:justify-center sm:px-10">
          <ButtonLink to="/account/messages/new" icon={Mail}>
            {t("account.zone.denied.contact")}
          </ButtonLink>
          {pending ? null : (
            <ButtonLink to="/requirements" variant="secondary" icon={Send}>
              {t("common.submitARequirement")}
            </ButtonLink>
          )}
          <ButtonLink to="/account" variant="ghost" icon={ArrowLeft}>
            {t("account.zone.denied.account")}
          </ButtonLink>
        </div>
      </Card>
    </div>
  );
}
