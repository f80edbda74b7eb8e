import {
  ArrowLeft,
  BookOpenCheck,
  Building2,
  ClipboardList,
  FileSignature,
  LockKeyhole,
  Mail,
  MessageSquare,
  Package,
  Send,
  type LucideIcon,
} from "lucide-react";
import {
  isRouteErrorResponse,
  useLoaderData,
  useRouteError,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { getLinkedCompanyName } from "#app/modules/members/member-account.server.ts";
import { requireMemberLevel } from "#app/modules/members/member-guard.server.ts";
import { CUSTOMER_LEVELS } from "#app/modules/members/member-levels.ts";
import { Badge } from "#app/ui/badge.tsx";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { LevelBadge } from "#portal/components/account-ui.tsx";

// 用户专区: the customer zone, for customers and channel partners only (seed 000 §2.A, §2.K). Visitors
// are sent to sign in by the guard; signed-in members without the level get the explanation below,
// inside the portal layout, with a 403 status.

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requireMemberLevel(request, CUSTOMER_LEVELS);
  return {
    level: principal.member.level,
    companyName: await getLinkedCompanyName(db, principal.member.companyId),
  };
}

export const meta = ({ matches, error }: MetaArgs) =>
  pageTitle(matches, error ? "account.zone.denied.title" : "account.zone.title");

const CARDS: ReadonlyArray<{ icon: LucideIcon; title: MessageKey; body: MessageKey }> = [
  { icon: ClipboardList, title: "account.zone.card.requests.title", body: "account.zone.card.requests.body" },
  { icon: Package, title: "account.zone.card.assets.title", body: "account.zone.card.assets.body" },
  { icon: FileSignature, title: "account.zone.card.contracts.title", body: "account.zone.card.contracts.body" },
  { icon: BookOpenCheck, title: "account.zone.card.solutions.title", body: "account.zone.card.solutions.body" },
];

export default function ZoneHome() {
  const { level, companyName } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <section className="relative overflow-hidden border-b border-slate-200/70 bg-white">
        <div
          aria-hidden
          className="pointer-events-none absolute inset-0 bg-[radial-gradient(60rem_20rem_at_100%_0%,rgb(219_234_254/0.7),transparent_70%)]"
        />
        <div className="relative mx-auto max-w-6xl px-4 py-10 sm:px-6 sm:py-14 lg:px-8">
          <div className="flex flex-wrap items-center gap-3">
            <span className="flex size-11 items-center justify-center rounded-xl bg-gradient-to-br from-blue-500 to-blue-700 text-white shadow-lg shadow-blue-600/25">
              <Building2 aria-hidden className="size-5" />
            </span>
            <span className="text-sm font-medium text-blue-700">{t("account.zone.eyebrow")}</span>
            <LevelBadge level={level} label={t(`account.level.${level}`)} />
          </div>
          <h1 className="mt-5 text-3xl font-semibold tracking-tight text-slate-900 sm:text-4xl">
            {t("account.zone.title")}
          </h1>
          <p className="mt-3 max-w-3xl text-base leading-7 text-slate-600">{t("account.zone.lead")}</p>
          <div className="mt-6 inline-flex max-w-full items-start gap-3 rounded-xl border border-slate-200 bg-white/80 px-4 py-3 text-sm shadow-sm">
            <Building2 aria-hidden className="mt-0.5 size-4 shrink-0 text-slate-400" />
            {companyName ? (
              <p className="min-w-0">
                <span className="text-slate-500">{t("account.zone.company")}</span>
                <span className="ml-2 font-semibold break-words text-slate-900">{companyName}</span>
              </p>
            ) : (
              <p className="min-w-0 text-slate-600">{t("account.zone.noCompany")}</p>
            )}
          </div>
        </div>
      </section>

      <div className="mx-auto max-w-6xl space-y-6 px-4 py-10 sm:px-6 lg:px-8">
        <ul className="grid gap-4 sm:grid-cols-2">
          {CARDS.map((card) => (
            <li key={card.title}>
              <Card className="flex h-full flex-col p-5 sm:p-6">
                <div className="flex items-center justify-between gap-3">
                  <span className="flex size-10 items-center justify-center rounded-lg bg-slate-100 text-slate-500">
                    <card.icon aria-hidden className="size-5" />
                  </span>
                  <Badge tone="amber">{t("account.zone.soon")}</Badge>
                </div>
                <h2 className="mt-4 text-base font-semibold text-slate-900">{t(card.title)}</h2>
                <p className="mt-1.5 text-sm leading-6 text-slate-600">{t(card.body)}</p>
              </Card>
            </li>
          ))}
        </ul>

        <Card className="flex flex-col gap-4 p-5 sm:flex-row sm:items-center sm:p-6">
          <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-blue-50 text-blue-600 ring-1 ring-blue-100">
            <MessageSquare aria-hidden className="size-5" />
          </span>
          <div className="min-w-0 flex-1">
            <h2 className="font-semibold text-slate-900">{t("account.zone.help.title")}</h2>
            <p className="mt-0.5 text-sm text-slate-600">{t("account.zone.help.body")}</p>
          </div>
          <ButtonLink to="/account/messages/new" variant="secondary">
            <Mail aria-hidden className="size-4" />
            {t("account.zone.help.cta")}
          </ButtonLink>
        </Card>
      </div>
    </>
  );
}

/** 403 from the level guard: say what the zone is and how to get in. Anything else: a plain error. */
export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useI18n();
  const denied = isRouteErrorResponse(error) && error.status === 403;
  const pending =
    denied && typeof error.data === "object" && error.data !== null && "reason" in error.data
      ? error.data.reason === "verification-pending"
      : false;

  if (!denied) {
    const status = isRouteErrorResponse(error) ? error.status : 500;
    return (
      <div className="mx-auto max-w-xl px-4 py-16 text-center sm:px-6">
        <p className="text-5xl font-bold text-slate-300">{status}</p>
        <h1 className="mt-4 text-2xl font-semibold text-slate-900">
          {status === 404 ? t("error.notFound.title") : t("error.generic.title")}
        </h1>
        <p className="mt-2 text-slate-600">{status === 404 ? t("error.notFound.body") : t("error.generic.body")}</p>
        <ButtonLink to="/" className="mt-8">
          {t("error.back")}
        </ButtonLink>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6 sm:py-16">
      <Card className="overflow-hidden">
        <div className="relative border-b border-slate-100 bg-gradient-to-b from-slate-50 to-white px-6 py-8 text-center sm:px-10">
          <span className="mx-auto flex size-12 items-center justify-center rounded-full bg-white text-blue-600 shadow-sm ring-1 ring-slate-200">
            <LockKeyhole aria-hidden className="size-5" />
          </span>
          <p className="mt-4 text-sm font-medium text-slate-400">403 · {t("account.zone.eyebrow")}</p>
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
              {(["account.zone.denied.step1", "account.zone.denied.step2", "account.zone.denied.step3"] as const).map(
                (step, index) => (
                  <li key={step} className="flex gap-3.5">
                    <span className="flex size-6 shrink-0 items-center justify-center rounded-full bg-blue-50 text-xs font-semibold text-blue-700 ring-1 ring-blue-100">
                      {index + 1}
                    </span>
                    <span className="text-sm leading-6 text-slate-700">{t(step)}</span>
                  </li>
                ),
              )}
            </ol>
          </div>
        )}
        <div className="flex flex-col gap-2 border-t border-slate-100 bg-slate-50/60 px-6 py-4 sm:flex-row sm:justify-center sm:px-10">
          <ButtonLink to="/account/messages/new">
            <Mail aria-hidden className="size-4" />
            {t("account.zone.denied.contact")}
          </ButtonLink>
          {pending ? null : (
            <ButtonLink to="/requirements" variant="secondary">
              <Send aria-hidden className="size-4" />
              {t("account.zone.denied.requirements")}
            </ButtonLink>
          )}
          <ButtonLink to="/account" variant="ghost">
            <ArrowLeft aria-hidden className="size-4" />
            {t("account.zone.denied.account")}
          </ButtonLink>
        </div>
      </Card>
    </div>
  );
}
