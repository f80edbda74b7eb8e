import {
  Building2,
  ChevronRight,
  ClipboardList,
  Inbox,
  KeyRound,
  Mail,
  Send,
  ShoppingCart,
  UserRound,
  type LucideIcon,
} from "lucide-react";
import type { ReactNode } from "react";
import { data, Link, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { formatMediumDate } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { getAccountSummary, listMemberSubmissions } from "#app/modules/members/member-overview.server.ts";
import { requireMember } from "#app/modules/members/member-guard.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { PageNumbers } from "#app/ui/list/pager.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { OrderList, SubmissionList } from "#portal/components/account-submissions.tsx";
import { AccountSection, LevelBadge } from "#portal/components/account-ui.tsx";
import { IconChip } from "#portal/components/icon-chip.tsx";

const PATH = "/account";

const QuerySchema = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requireMember(request);
  const { page } = QuerySchema.parse({ page: new URL(request.url).searchParams.get("page") ?? 1 });
  const [summary, submissions, orders] = await Promise.all([
    getAccountSummary(db, principal.member.id),
    listMemberSubmissions(db, principal.member.id, { page, pageSize: 10 }),
    listMemberSubmissions(db, principal.member.id, { kind: "order", pageSize: 5 }),
  ]);
  if (!summary) throw data(null, { status: 404 });
  return { summary, submissions, orders };
}

export const meta = titleMeta("account.overview.title");

/** The account pages a member most often wants from here. */
const QUICK_LINKS: ReadonlyArray<{ to: string; icon: LucideIcon; label: MessageKey }> = [
  { to: "/account/profile", icon: UserRound, label: "account.overview.quick.profile" },
  { to: "/account/security", icon: KeyRound, label: "common.changePassword" },
  { to: "/account/messages", icon: Mail, label: "account.overview.quick.messages" },
];

export default function AccountOverview() {
  const { summary, submissions, orders } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const pageHref = (n: number) => (n > 1 ? `${PATH}?page=${n}` : PATH);

  return (
    <div className="space-y-6">
      <section className="relative overflow-hidden rounded-2xl bg-gradient-to-br from-blue-600 via-blue-600 to-indigo-700 px-5 py-6 text-white shadow-lg shadow-blue-600/20 sm:px-7 sm:py-7">
        <div aria-hidden className="absolute -top-16 -right-10 size-48 rounded-full bg-white/10" />
        <div aria-hidden className="absolute -right-20 -bottom-24 size-56 rounded-full bg-white/5" />
        <div className="relative">
          <h1 className="text-2xl font-semibold tracking-tight break-words sm:text-[28px]">
            {t("account.overview.greeting", { nickname: summary.nickname })}
          </h1>
          <p className="mt-2 max-w-2xl text-[15px] leading-6 text-blue-100">{t("account.overview.lead")}</p>
          <dl className="mt-6 grid grid-cols-2 gap-x-6 gap-y-4 text-sm sm:grid-cols-4">
            <Fact label={t("account.overview.level")}>
              <LevelBadge
                level={summary.level}
                label={t(`account.level.${summary.level}`)}
                className="bg-white/95 ring-white/40"
              />
            </Fact>
            <Fact label={t("account.overview.status")}>{t(`account.status.${summary.status}`)}</Fact>
            <Fact label={t("account.overview.memberSince")}>{formatMediumDate(summary.createdAt, locale)}</Fact>
            <Fact label={t("common.company")}>
              {summary.linkedCompanyName ?? summary.companyName ?? (
                <span className="text-blue-200">{t("account.overview.companyNone")}</span>
              )}
            </Fact>
          </dl>
        </div>
      </section>

      <div className="grid gap-3 sm:grid-cols-3">
        {QUICK_LINKS.map((link) => (
          <QuickLink key={link.to} to={link.to} icon={link.icon}>
            {t(link.label)}
          </QuickLink>
        ))}
      </div>

      <AccountSection
        icon={Send}
        title={t("account.overview.submissions.title")}
        description={t("account.overview.submissions.description")}
        action={
          submissions.total > 0 ? (
            <span className="text-sm text-slate-500 tabular-nums">
              {t("account.overview.submissions.count", { total: submissions.total })}
            </span>
          ) : null
        }
      >
        {submissions.items.length === 0 ? (
          <EmptyState
            icon={<Inbox className="size-5" aria-hidden />}
            title={t("account.overview.submissions.empty.title")}
            description={t("account.overview.submissions.empty.body")}
          >
            <ButtonLink to="/requirements" icon={Send}>
              {t("common.submitARequirement")}
            </ButtonLink>
          </EmptyState>
        ) : (
          <>
            <SubmissionList rows={submissions.items} />
            <PageNumbers page={submissions.page} pageCount={submissions.pageCount} hrefFor={pageHref} />
          </>
        )}
      </AccountSection>

      <div className="grid gap-6 xl:grid-cols-2">
        <AccountSection
          icon={ShoppingCart}
          title={t("account.overview.orders.title")}
          description={t("account.overview.orders.description")}
        >
          {orders.items.length === 0 ? (
            <EmptyState
              title={t("account.overview.orders.empty.title")}
              description={t("account.overview.orders.empty.body")}
              className="py-8"
            >
              <ButtonLink to="/order" variant="secondary" size="sm">
                {t("account.overview.orders.empty.cta")}
              </ButtonLink>
            </EmptyState>
          ) : (
            <OrderList rows={orders.items} />
          )}
        </AccountSection>

        <AccountSection icon={ClipboardList} title={t("account.overview.service.title")}>
          <div className="flex flex-col items-start gap-4 px-5 py-5 text-sm leading-6 text-slate-600">
            <p>{t("account.overview.service.body")}</p>
            <ButtonLink to="/zone" variant="secondary" size="sm" icon={Building2}>
              {t("account.overview.service.cta")}
            </ButtonLink>
          </div>
        </AccountSection>
      </div>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-blue-200">{label}</dt>
      <dd className="mt-1 truncate font-medium">{children}</dd>
    </div>
  );
}

function QuickLink({ to, icon, children }: { to: string; icon: LucideIcon; children: ReactNode }) {
  return (
    <Link
      to={to}
      className="group flex items-center gap-3 rounded-xl border border-slate-200/80 bg-white px-4 py-3 text-sm font-medium text-slate-700 shadow-sm transition-colors hover:border-blue-200 hover:text-blue-700"
    >
      <IconChip
        icon={icon}
        className="size-8 rounded-lg bg-slate-100 text-slate-600 group-hover:bg-blue-50 group-hover:text-blue-600"
        iconClassName="size-4"
      />
      {children}
      <ChevronRight aria-hidden className="ml-auto size-4 text-slate-300 group-hover:text-blue-400" />
    </Link>
  );
}
