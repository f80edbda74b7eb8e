import {
  ArrowLeft,
  ArrowRight,
  BookOpenCheck,
  Building2,
  ClipboardList,
  Clock,
  FileSignature,
  LockKeyhole,
  LogOut,
  Mail,
  Megaphone,
  Package,
  PenLine,
  Send,
  UserPlus,
  type LucideIcon,
} from "lucide-react";
import {
  data,
  Form,
  isRouteErrorResponse,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  useNavigation,
  useRouteError,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { getLinkedCompanyName } from "#app/modules/members/member-account.server.ts";
import { requireMemberLevel } from "#app/modules/members/member-guard.server.ts";
import { CUSTOMER_LEVELS } from "#app/modules/members/member-levels.ts";
import { listCompanyAssetTree } from "#app/modules/service/assets.server.ts";
import { listZoneContracts } from "#app/modules/service/service-contracts.server.ts";
import { daysUntil, isoDay } from "#app/modules/service/service-dates.ts";
import { portalRequestWhere } from "#app/modules/service/service-queries.server.ts";
import { getZoneContext, type ZoneContext } from "#app/modules/zones/zone-access.server.ts";
import { getJoinState, leaveZone, requestToJoin, ZoneError } from "#app/modules/zones/zones.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Button, ButtonLink } from "#app/ui/button.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import {
  AssetStatusBadge,
  assetStatusKey,
  ContractStatusBadge,
  contractStatusKey,
  ExpiryBadge,
  responseModeKey,
  responseTimeKey,
} from "#app/ui/service-labels.tsx";
import { LevelBadge } from "#portal/components/account-ui.tsx";
import { ZoneNav } from "#portal/components/zone-nav.tsx";

// 用户专区 home (seed 000 §2.B, §2.K). Customers and partners only (visitors sign in, prospects get the
// 403 page below). A confirmed member sees the zone's overview: open service requests, solutions
// published to the zone, assets, contracts and announcements. A customer who is not (yet) in their
// company's zone can ask to join and follows their request here; entry needs both the customer
// admin's and customer service's confirmation (decision 018).

const OPEN_STATUSES = ["new", "accepted", "in_progress", "waiting_customer"] as const;

async function zoneOverview(context: ZoneContext, now: Date) {
  const visible = portalRequestWhere({ member: context.member, zone: context.zone });
  const openWhere = { ...visible, status: { in: [...OPEN_STATUSES] } };
  const [openCount, openRequests, solutions, assets, contracts, announcements, memberCount] = await Promise.all([
    db.serviceRequest.count({ where: openWhere }),
    db.serviceRequest.findMany({
      where: openWhere,
      orderBy: { id: "desc" },
      take: 5,
      select: { id: true, number: true, subject: true, status: true, createdAt: true },
    }),
    db.serviceRequest.findMany({
      where: { zoneId: context.zone.id, companyId: context.zone.companyId, publishedAt: { not: null } },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: 5,
      select: { id: true, number: true, subject: true, publishedAt: true },
    }),
    listCompanyAssetTree(db, context.zone.companyId),
    listZoneContracts(db, context.zone.companyId),
    db.zoneAnnouncement.findMany({
      where: { zoneId: context.zone.id },
      orderBy: { createdAt: "desc" },
      take: 5,
      select: { id: true, title: true, body: true, createdAt: true },
    }),
    db.zoneMembership.count({ where: { zoneId: context.zone.id, status: "active" } }),
  ]);
  let assetCount = 0;
  const countTree = (nodes: typeof assets) => {
    for (const node of nodes) {
      assetCount++;
      countTree(node.children);
    }
  };
  countTree(assets);
  return {
    openCount,
    openRequests: openRequests.map((r) => ({ ...r, createdAt: isoDay(r.createdAt) })),
    solutions: solutions.map((s) => ({ ...s, publishedAt: s.publishedAt ? isoDay(s.publishedAt) : null })),
    assetCount,
    assets: assets.slice(0, 5).map((a) => ({
      id: a.id,
      name: a.name,
      model: a.model,
      serialNumber: a.serialNumber,
      status: a.status,
      children: a.children.length,
    })),
    contracts: contracts
      .filter((c) => c.status === "in_force")
      .slice(0, 4)
      .map((c) => ({
        id: c.id,
        number: c.number,
        name: c.name,
        status: c.status,
        responseMode: c.responseMode,
        responseTime: c.responseTime,
        endDate: isoDay(c.endDate),
        daysLeft: daysUntil(c.endDate, now),
      })),
    announcements: announcements.map((a) => ({ ...a, createdAt: isoDay(a.createdAt) })),
    memberCount,
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requireMemberLevel(request, CUSTOMER_LEVELS);
  const context = await getZoneContext(request);
  if (context) {
    return {
      kind: "zone" as const,
      zone: context.zone,
      isCustomerAdmin: context.membership.isCustomerAdmin,
      nickname: context.member.nickname,
      overview: await zoneOverview(context, new Date()),
    };
  }
  const join = await getJoinState(db, { id: principal.member.id, companyId: principal.member.companyId });
  return {
    kind: "join" as const,
    level: principal.member.level,
    companyName: await getLinkedCompanyName(db, principal.member.companyId),
    zoneName: join.zone?.name ?? null,
    membership: join.membership
      ? {
          status: join.membership.status,
          createdAt: isoDay(join.membership.createdAt),
          customerConfirmed: join.membership.customerConfirmedAt !== null,
          staffConfirmed: join.membership.staffConfirmedAt !== null,
        }
      : null,
  };
}

const ActionSchema = z.object({ intent: z.enum(["join", "withdraw", "leave"]) });

export async function action({ request }: ActionFunctionArgs) {
  const principal = await requireMemberLevel(request, CUSTOMER_LEVELS);
  const parsed = ActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "zones.join.error.generic" as MessageKey }, { status: 400 });
  try {
    if (parsed.data.intent === "join") await requestToJoin(db, { memberId: principal.member.id });
    else await leaveZone(db, { memberId: principal.member.id });
  } catch (error) {
    if (error instanceof ZoneError) {
      const key: MessageKey =
        error.code === "already-member" || error.code === "already-pending"
          ? "zones.join.error.pending"
          : error.code === "no-zone" || error.code === "no-company"
            ? "zones.join.error.noZone"
            : "zones.join.error.generic";
      return data({ error: key }, { status: 409 });
    }
    throw error;
  }
  return redirect("/zone");
}

export const meta = ({ matches, error }: MetaArgs) =>
  pageTitle(matches, error ? "account.zone.denied.title" : "zones.home.title");

export default function ZoneHome() {
  const loaderData = useLoaderData<typeof loader>();
  return loaderData.kind === "zone" ? <ZoneOverview data={loaderData} /> : <JoinZone data={loaderData} />;
}

type ZoneData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { kind: "zone" }>;
type JoinData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { kind: "join" }>;

function SectionLink({ to, label }: { to: string; label: string }) {
  return (
    <Link to={to} className="inline-flex items-center gap-1 text-sm font-medium text-blue-700 hover:text-blue-800">
      {label}
      <ArrowRight aria-hidden className="size-3.5" />
    </Link>
  );
}

function Empty({ children }: { children: string }) {
  return <p className="px-5 py-6 text-center text-sm text-slate-500">{children}</p>;
}

function ZoneOverview({ data: d }: { data: ZoneData }) {
  const { t } = useI18n();
  const o = d.overview;
  const stats: Array<{ label: string; value: number; icon: LucideIcon; to: string }> = [
    { label: t("zones.home.stat.open"), value: o.openCount, icon: ClipboardList, to: "/zone/requests" },
    { label: t("zones.home.stat.assets"), value: o.assetCount, icon: Package, to: "/zone/assets" },
    { label: t("zones.home.stat.contracts"), value: o.contracts.length, icon: FileSignature, to: "/zone/contracts" },
    { label: t("zones.home.stat.members"), value: o.memberCount, icon: Building2, to: "/zone/members" },
  ];
  return (
    <>
      <ZoneNav zoneName={d.zone.name} />
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6 lg:px-8">
        <header className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("zones.home.title")}</h1>
            <p className="mt-1.5 text-[15px] text-slate-500">
              {t("zones.home.welcome", { name: d.nickname })}
              {d.isCustomerAdmin ? (
                <Badge tone="violet" className="ml-2 align-middle">
                  {t("zones.members.customerAdmin")}
                </Badge>
              ) : null}
            </p>
          </div>
          <ButtonLink to="/zone/requests/new" className="self-start sm:self-auto">
            <PenLine aria-hidden className="size-4" />
            {t("zones.home.newRequest")}
          </ButtonLink>
        </header>

        <ul className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          {stats.map((s) => (
            <li key={s.to}>
              <Link
                to={s.to}
                className="flex items-center gap-3 rounded-xl border border-slate-200/80 bg-white px-4 py-3.5 shadow-sm transition-colors hover:border-blue-200 hover:bg-blue-50/40"
              >
                <span className="flex size-9 items-center justify-center rounded-lg bg-blue-50 text-blue-600">
                  <s.icon aria-hidden className="size-4" />
                </span>
                <span className="min-w-0">
                  <span className="block text-xl font-semibold text-slate-900 tabular-nums">{s.value}</span>
                  <span className="block truncate text-xs text-slate-500">{s.label}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>

        {o.announcements.length > 0 ? (
          <Card className="border-amber-200/80 bg-amber-50/40">
            <CardHeader icon={<Megaphone aria-hidden className="size-4" />} title={t("zones.home.announcements")} />
            <ul className="divide-y divide-amber-100">
              {o.announcements.map((a) => (
                <li key={a.id} className="px-5 py-3.5">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <h3 className="font-medium text-slate-900">{a.title}</h3>
                    <time className="text-xs text-slate-500">{a.createdAt}</time>
                  </div>
                  <p className="mt-1 text-sm leading-6 whitespace-pre-line text-slate-600">{a.body}</p>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}

        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <CardHeader
              icon={<ClipboardList aria-hidden className="size-4" />}
              title={t("zones.home.requests")}
              description={t("zones.home.requestsHint", { count: o.openCount })}
              action={<SectionLink to="/zone/requests" label={t("zones.home.all")} />}
            />
            {o.openRequests.length === 0 ? (
              <Empty>{t("zones.home.requestsEmpty")}</Empty>
            ) : (
              <ul className="divide-y divide-slate-100">
                {o.openRequests.map((r) => (
                  <li key={r.id}>
                    <Link to={`/zone/requests/${r.id}`} className="flex items-center gap-3 px-5 py-3 hover:bg-slate-50">
                      <span className="min-w-0 flex-1">
                        <span className="block truncate text-sm font-medium text-slate-900">{r.subject}</span>
                        <span className="block text-xs text-slate-500">
                          {r.number} · {r.createdAt}
                        </span>
                      </span>
                      <Badge tone={r.status === "waiting_customer" ? "amber" : "blue"}>
                        {t(`zones.request.status.${r.status}`)}
                      </Badge>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Card>

          <Card>
            <CardHeader
              icon={<BookOpenCheck aria-hidden className="size-4" />}
              title={t("zones.home.solutions")}
              description={t("zones.home.solutionsHint")}
              action={<SectionLink to="/zone/requests?tab=published" label={t("zones.home.all")} />}
            />
            {o.solutions.length === 0 ? (
              <Empty>{t("zones.home.solutionsEmpty")}</Empty>
            ) : (
              <ul className="divide-y divide-slate-100">
                {o.solutions.map((s) => (
                  <li key={s.id}>
                    <Link to={`/zone/requests/${s.id}`} className="flex items-center gap-3 px-5 py-3 hover:bg-slate-50">
                      <span className="min-w-0 flex-1">
                        <span className="block truncate text-sm font-medium text-slate-900">{s.subject}</span>
                        <span className="block text-xs text-slate-500">
                          {s.number} · {s.publishedAt}
                        </span>
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Card>

          <Card>
            <CardHeader
              icon={<Package aria-hidden className="size-4" />}
              title={t("zones.home.assets")}
              action={<SectionLink to="/zone/assets" label={t("zones.home.all")} />}
            />
            {o.assets.length === 0 ? (
              <Empty>{t("zones.assets.empty")}</Empty>
            ) : (
              <ul className="divide-y divide-slate-100">
                {o.assets.map((a) => (
                  <li key={a.id}>
                    <Link to={`/zone/assets/${a.id}`} className="flex items-center gap-3 px-5 py-3 hover:bg-slate-50">
                      <span className="min-w-0 flex-1">
                        <span className="block truncate text-sm font-medium text-slate-900">{a.name}</span>
                        <span className="block truncate text-xs text-slate-500">
                          {[a.model, a.serialNumber].filter(Boolean).join(" · ")}
                          {a.children > 0 ? ` · ${t("zones.assets.childCount", { count: a.children })}` : ""}
                        </span>
                      </span>
                      <AssetStatusBadge status={a.status} label={t(assetStatusKey(a.status))} />
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Card>

          <Card>
            <CardHeader
              icon={<FileSignature aria-hidden className="size-4" />}
              title={t("zones.home.contracts")}
              action={<SectionLink to="/zone/contracts" label={t("zones.home.all")} />}
            />
            {o.contracts.length === 0 ? (
              <Empty>{t("zones.contracts.empty")}</Empty>
            ) : (
              <ul className="divide-y divide-slate-100">
                {o.contracts.map((c) => (
                  <li key={c.id}>
                    <Link
                      to={`/zone/contracts/${c.id}`}
                      className="flex items-center gap-3 px-5 py-3 hover:bg-slate-50"
                    >
                      <span className="min-w-0 flex-1">
                        <span className="block truncate text-sm font-medium text-slate-900">{c.name}</span>
                        <span className="block text-xs text-slate-500">
                          {t(responseModeKey(c.responseMode))} · {t(responseTimeKey(c.responseTime))} ·{" "}
                          {t("zones.contract.until", { date: c.endDate })}
                        </span>
                      </span>
                      <span className="flex shrink-0 flex-col items-end gap-1">
                        <ContractStatusBadge status={c.status} label={t(contractStatusKey(c.status))} />
                        <ExpiryBadge daysLeft={c.daysLeft} t={t} />
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}

const PREVIEW: ReadonlyArray<{ icon: LucideIcon; title: MessageKey; body: MessageKey }> = [
  { icon: ClipboardList, title: "zones.home.requests", body: "zones.join.preview.requests" },
  { icon: Package, title: "zones.home.assets", body: "zones.join.preview.assets" },
  { icon: FileSignature, title: "zones.home.contracts", body: "zones.join.preview.contracts" },
  { icon: BookOpenCheck, title: "zones.home.solutions", body: "zones.join.preview.solutions" },
];

function JoinZone({ data: d }: { data: JoinData }) {
  const { t } = useI18n();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const status = d.membership?.status ?? null;
  const pending = status === "requested" || status === "customer_confirmed" || status === "staff_confirmed";
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
            <span className="text-sm font-medium text-blue-700">{t("zones.nav.eyebrow")}</span>
            <LevelBadge level={d.level} label={t(`account.level.${d.level}`)} />
          </div>
          <h1 className="mt-5 text-3xl font-semibold tracking-tight text-slate-900 sm:text-4xl">
            {t("zones.join.title")}
          </h1>
          <p className="mt-3 max-w-3xl text-base leading-7 text-slate-600">{t("zones.join.lead")}</p>
          <div className="mt-6 inline-flex max-w-full items-start gap-3 rounded-xl border border-slate-200 bg-white/80 px-4 py-3 text-sm shadow-sm">
            <Building2 aria-hidden className="mt-0.5 size-4 shrink-0 text-slate-400" />
            {d.companyName ? (
              <p className="min-w-0">
                <span className="text-slate-500">{t("zones.join.company")}</span>
                <span className="ml-2 font-semibold break-words text-slate-900">{d.companyName}</span>
              </p>
            ) : (
              <p className="min-w-0 text-slate-600">{t("zones.join.noCompany")}</p>
            )}
          </div>
        </div>
      </section>

      <div className="mx-auto max-w-6xl space-y-6 px-4 py-10 sm:px-6 lg:px-8">
        <Card className="p-5 sm:p-6">
          {actionData && "error" in actionData ? (
            <p role="alert" className="mb-4 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
              {t(actionData.error)}
            </p>
          ) : null}
          {d.zoneName === null ? (
            <div className="flex items-start gap-4">
              <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-slate-100 text-slate-500">
                <Clock aria-hidden className="size-5" />
              </span>
              <div>
                <h2 className="font-semibold text-slate-900">{t("zones.join.noZone.title")}</h2>
                <p className="mt-1 text-sm leading-6 text-slate-600">{t("zones.join.noZone.body")}</p>
              </div>
            </div>
          ) : pending ? (
            <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
              <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-amber-50 text-amber-600 ring-1 ring-amber-100">
                <Clock aria-hidden className="size-5" />
              </span>
              <div className="min-w-0 flex-1">
                <h2 className="font-semibold text-slate-900">{t("zones.join.pending.title", { zone: d.zoneName })}</h2>
                <p className="mt-1 text-sm text-slate-600">
                  {t("zones.join.pending.body", { date: d.membership!.createdAt })}
                </p>
                <ol className="mt-4 grid gap-2 sm:grid-cols-2">
                  <ConfirmStep done={d.membership!.customerConfirmed} label={t("zones.join.step.customer")} />
                  <ConfirmStep done={d.membership!.staffConfirmed} label={t("zones.join.step.staff")} />
                </ol>
              </div>
              <Form method="post">
                <input type="hidden" name="intent" value="withdraw" />
                <Button type="submit" variant="ghost" size="sm" disabled={busy}>
                  <LogOut aria-hidden className="size-4" />
                  {t("zones.join.withdraw")}
                </Button>
              </Form>
            </div>
          ) : (
            <div className="flex flex-col gap-4 sm:flex-row sm:items-center">
              <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-blue-50 text-blue-600 ring-1 ring-blue-100">
                <UserPlus aria-hidden className="size-5" />
              </span>
              <div className="min-w-0 flex-1">
                <h2 className="font-semibold text-slate-900">{t("zones.join.ask.title", { zone: d.zoneName })}</h2>
                <p className="mt-1 text-sm leading-6 text-slate-600">
                  {status === "declined"
                    ? t("zones.join.ask.declined")
                    : status === "removed"
                      ? t("zones.join.ask.removed")
                      : t("zones.join.ask.body")}
                </p>
              </div>
              <Form method="post">
                <input type="hidden" name="intent" value="join" />
                <Button type="submit" disabled={busy}>
                  <Send aria-hidden className="size-4" />
                  {t("zones.join.ask.submit")}
                </Button>
              </Form>
            </div>
          )}
        </Card>

        <ul className="grid gap-4 sm:grid-cols-2">
          {PREVIEW.map((card) => (
            <li key={card.title}>
              <Card className="flex h-full flex-col p-5 sm:p-6">
                <span className="flex size-10 items-center justify-center rounded-lg bg-slate-100 text-slate-500">
                  <card.icon aria-hidden className="size-5" />
                </span>
                <h2 className="mt-4 text-base font-semibold text-slate-900">{t(card.title)}</h2>
                <p className="mt-1.5 text-sm leading-6 text-slate-600">{t(card.body)}</p>
              </Card>
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}

function ConfirmStep({ done, label }: { done: boolean; label: string }) {
  const { t } = useI18n();
  return (
    <li className="flex items-center gap-2 rounded-lg border border-slate-200 px-3 py-2 text-sm">
      <span
        aria-hidden
        className={done ? "size-2.5 rounded-full bg-emerald-500" : "size-2.5 rounded-full bg-slate-300"}
      />
      <span className="flex-1 text-slate-700">{label}</span>
      <span className={done ? "text-xs font-medium text-emerald-700" : "text-xs text-slate-500"}>
        {done ? t("zones.join.step.done") : t("zones.join.step.waiting")}
      </span>
    </li>
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
