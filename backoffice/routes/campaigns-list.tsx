import { CalendarRange, Megaphone, Plus, Search, UserRound, Users } from "lucide-react";
import {
  data,
  Form,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { CAMPAIGN_STATUSES, CAMPAIGN_TYPES, progressPercent } from "#app/modules/crm/sales-constants.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { can } from "#app/modules/auth/permissions.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { createCampaign, listCampaigns } from "#app/modules/campaigns/campaigns.server.ts";
import { Button } from "#app/ui/button.tsx";
import { Card, CardBody } from "#app/ui/card.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { Pager } from "#app/ui/list/pager.tsx";
import {
  CampaignStatusBadge,
  Field,
  fieldError,
  formatDate,
  formatMoney,
  formatNumber,
  inputClass,
  ProgressRow,
} from "#backoffice/components/sales-ui.tsx";
import { CampaignScopeNote } from "#backoffice/components/campaign-ui.tsx";

// 营销战役 list: each campaign as a card with its hard targets against the computed actuals.

const QuerySchema = z.object({
  status: z.enum(CAMPAIGN_STATUSES).optional().catch(undefined),
  type: z.enum(CAMPAIGN_TYPES).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  // Signed in is enough: owners and participants see their campaigns without a role grant.
  const actor = await requireStaffActor(request, "signedIn");
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const list = await listCampaigns(db, actor, {
    filters: { status: query.status, type: query.type, q: query.q },
    page: query.page,
  });
  return { ...list, query, canAdd: can(actor, "campaigns", "add") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "campaigns", action: "add" });
  const form = Object.fromEntries(await request.formData());
  const result = await createCampaign(db, actor, form, { ipAddress: clientIp(context) });
  if (result.kind === "ok") return redirect(`/crm/campaigns/${result.id}?flash=flash.campaigns.created`);
  if (result.kind === "forbidden") throw data(null, { status: 403 });
  if (result.kind === "invalid") return data({ errors: result.errors, values: form }, { status: 400 });
  throw data(null, { status: 404 });
}

export const meta = ({ matches }: MetaArgs<typeof loader>) => pageTitle(matches, "sales.campaigns.title");

export default function CampaignsListPage() {
  const { items, total, page, pageCount, query, canAdd, scope } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const pageLink = (p: number) => {
    const params = new URLSearchParams();
    if (query.status) params.set("status", query.status);
    if (query.type) params.set("type", query.type);
    if (query.q) params.set("q", query.q);
    if (p > 1) params.set("page", String(p));
    const s = params.toString();
    return s ? `?${s}` : "?";
  };
  const filtered = Boolean(query.status || query.type || query.q);

  return (
    <div className="space-y-6">
      <PageHeader
        icon={<Megaphone className="size-6" aria-hidden />}
        title={t("sales.campaigns.title")}
        description={t("sales.campaigns.description")}
      />

      {canAdd ? <CreateCampaign open={Boolean(actionData)} errors={actionData?.errors} /> : null}

      <Form
        method="get"
        className="flex flex-wrap items-end gap-3"
        role="search"
        aria-label={t("sales.campaigns.filters")}
      >
        <Field label={t("sales.campaign.status")} name="filter-status" className="w-40">
          <select id="filter-status" name="status" defaultValue={query.status ?? ""} className={inputClass}>
            <option value="">{t("sales.filter.any")}</option>
            {CAMPAIGN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`sales.campaignStatus.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("sales.campaign.type")} name="filter-type" className="w-44">
          <select id="filter-type" name="type" defaultValue={query.type ?? ""} className={inputClass}>
            <option value="">{t("sales.filter.any")}</option>
            {CAMPAIGN_TYPES.map((s) => (
              <option key={s} value={s}>
                {t(`sales.campaignType.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("sales.filter.search")} name="filter-q" className="min-w-48 flex-1">
          <input
            id="filter-q"
            name="q"
            defaultValue={query.q ?? ""}
            className={inputClass}
            placeholder={t("sales.campaigns.searchPlaceholder")}
          />
        </Field>
        <Button type="submit" variant="secondary">
          <Search className="size-4" aria-hidden />
          {t("sales.filter.apply")}
        </Button>
      </Form>

      <CampaignScopeNote scope={scope} />

      {items.length === 0 ? (
        <EmptyState
          bordered
          icon={<Megaphone className="size-5" aria-hidden />}
          title={filtered ? t("sales.campaigns.emptyFiltered") : t("sales.campaigns.empty")}
          description={t("sales.campaigns.emptyHint")}
        />
      ) : (
        <div className="grid gap-5 md:grid-cols-2 xl:grid-cols-3">
          {items.map((c) => (
            <Card key={c.id} className="flex flex-col">
              <CardBody className="flex flex-1 flex-col gap-4">
                <div className="flex items-start justify-between gap-3">
                  <div className="min-w-0">
                    <p className="text-xs font-medium text-blue-600">{t(`sales.campaignType.${c.type}`)}</p>
                    <h2 className="mt-0.5 text-base font-semibold text-slate-900">
                      <Link to={`/crm/campaigns/${c.id}`} className="hover:text-blue-700 hover:underline">
                        {c.name}
                      </Link>
                    </h2>
                  </div>
                  <CampaignStatusBadge status={c.status} />
                </div>
                <div className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-500">
                  <span className="inline-flex items-center gap-1">
                    <UserRound className="size-3.5" aria-hidden />
                    {c.owner.name}
                  </span>
                  <span className="inline-flex items-center gap-1">
                    <CalendarRange className="size-3.5" aria-hidden />
                    {formatDate(c.startDate, locale)} – {formatDate(c.endDate, locale)}
                  </span>
                  <span className="inline-flex items-center gap-1">
                    <Users className="size-3.5" aria-hidden />
                    {t("sales.campaigns.participants", { count: c.participantCount })}
                  </span>
                </div>
                <div className="mt-auto space-y-3">
                  <ProgressRow
                    compact
                    label={t("sales.metric.sales")}
                    actual={formatMoney(c.actuals.wonAmount, locale)}
                    target={c.targets.salesAmount ? formatMoney(c.targets.salesAmount, locale) : null}
                    percent={progressPercent(c.actuals.wonAmount, c.targets.salesAmount)}
                  />
                  <ProgressRow
                    compact
                    label={t("sales.metric.leads")}
                    actual={formatNumber(c.actuals.leadCount, locale)}
                    target={c.targets.leadCount !== null ? formatNumber(c.targets.leadCount, locale) : null}
                    percent={progressPercent(c.actuals.leadCount, c.targets.leadCount)}
                  />
                  <ProgressRow
                    compact
                    label={t("sales.metric.cost")}
                    actual={formatMoney(c.actuals.cost, locale)}
                    target={c.targets.cost ? formatMoney(c.targets.cost, locale) : null}
                    percent={progressPercent(c.actuals.cost, c.targets.cost)}
                  />
                  <ProgressRow
                    compact
                    label={t("sales.metric.workload")}
                    actual={t("sales.hours", { hours: formatNumber(c.actuals.workload, locale) })}
                    target={
                      c.targets.workload ? t("sales.hours", { hours: formatNumber(c.targets.workload, locale) }) : null
                    }
                    percent={progressPercent(c.actuals.workload, c.targets.workload)}
                  />
                </div>
              </CardBody>
            </Card>
          ))}
        </div>
      )}

      {total > 0 ? (
        <Card>
          <Pager
            label={t("sales.pager.label")}
            summary={t("sales.pager.summary", { page, pages: pageCount, total })}
            prevLabel={t("sales.pager.prev")}
            nextLabel={t("sales.pager.next")}
            prevTo={page > 1 ? pageLink(page - 1) : null}
            nextTo={page < pageCount ? pageLink(page + 1) : null}
          />
        </Card>
      ) : null}
    </div>
  );
}

function CreateCampaign({ open, errors }: { open: boolean; errors?: Record<string, string[]> }) {
  const { t } = useI18n();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formMethod === "POST";
  const err = (name: string) => fieldError(errors, name, t);
  return (
    <details open={open} className="group rounded-xl border border-slate-200 bg-white shadow-sm">
      <summary className="flex cursor-pointer list-none items-center gap-2 px-5 py-3 text-sm font-medium text-blue-700 hover:bg-slate-50">
        <Plus className="size-4" aria-hidden />
        {t("sales.campaigns.new")}
      </summary>
      <Form method="post" className="grid gap-4 border-t border-slate-100 px-5 py-4 md:grid-cols-4" noValidate>
        <Field label={t("sales.campaign.name")} name="name" error={err("name")} className="md:col-span-2">
          <input
            id="name"
            name="name"
            required
            maxLength={200}
            className={inputClass}
            aria-invalid={Boolean(err("name"))}
          />
        </Field>
        <Field label={t("sales.campaign.type")} name="type">
          <select id="type" name="type" className={inputClass} defaultValue="exhibition">
            {CAMPAIGN_TYPES.map((s) => (
              <option key={s} value={s}>
                {t(`sales.campaignType.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("sales.campaign.status")} name="status">
          <select id="status" name="status" className={inputClass} defaultValue="planning">
            {CAMPAIGN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`sales.campaignStatus.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("sales.campaign.startDate")} name="startDate" error={err("startDate")}>
          <input id="startDate" name="startDate" type="date" className={inputClass} />
        </Field>
        <Field label={t("sales.campaign.endDate")} name="endDate" error={err("endDate")}>
          <input
            id="endDate"
            name="endDate"
            type="date"
            className={inputClass}
            aria-invalid={Boolean(err("endDate"))}
          />
        </Field>
        <Field label={t("sales.target.sales")} name="targetSalesAmount" error={err("targetSalesAmount")}>
          <input id="targetSalesAmount" name="targetSalesAmount" inputMode="decimal" className={inputClass} />
        </Field>
        <Field label={t("sales.target.leads")} name="targetLeadCount" error={err("targetLeadCount")}>
          <input id="targetLeadCount" name="targetLeadCount" inputMode="numeric" className={inputClass} />
        </Field>
        <Field label={t("sales.target.cost")} name="targetCost" error={err("targetCost")}>
          <input id="targetCost" name="targetCost" inputMode="decimal" className={inputClass} />
        </Field>
        <Field label={t("sales.target.workload")} name="targetWorkload" error={err("targetWorkload")}>
          <input id="targetWorkload" name="targetWorkload" inputMode="decimal" className={inputClass} />
        </Field>
        <Field label={t("sales.campaign.intent")} name="intent" className="md:col-span-2">
          <textarea id="intent" name="intent" rows={2} className={inputClass} />
        </Field>
        <div className="flex items-end md:col-span-4">
          <Button type="submit" disabled={busy}>
            {t("sales.campaigns.create")}
          </Button>
        </div>
      </Form>
    </details>
  );
}
