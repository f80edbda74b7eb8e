import { Search, Target } from "lucide-react";
import { Form, Link, useLoaderData, type LoaderFunctionArgs, type MetaArgs } from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { OPPORTUNITY_STAGES } from "#app/modules/crm/sales-constants.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requirePermission } from "#app/modules/auth/staff-guard.server.ts";
import {
  listOpportunities,
  opportunityOwnerOptions,
  opportunityViewer,
} from "#app/modules/crm/opportunities.server.ts";
import { Button } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { Pager } from "#app/ui/list/pager.tsx";
import { Field, formatDate, formatMoney, inputClass, StageBadge } from "#backoffice/components/sales-ui.tsx";

// 机会 list: the viewer's data scope, filters by stage and owner, totals over the filter result.

const QuerySchema = z.object({
  stage: z.enum(OPPORTUNITY_STAGES).optional().catch(undefined),
  owner: z.coerce.number().int().positive().optional().catch(undefined),
  campaign: z.coerce.number().int().positive().optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requirePermission(request, "opportunities", "browse");
  const viewer = opportunityViewer(principal);
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [list, owners] = await Promise.all([
    listOpportunities(db, viewer, {
      filters: { stage: query.stage, ownerId: query.owner, campaignId: query.campaign, q: query.q },
      page: query.page,
    }),
    opportunityOwnerOptions(db, viewer),
  ]);
  return { ...list, owners, query };
}

export const meta = ({ matches }: MetaArgs<typeof loader>) => pageTitle(matches, "sales.opportunities.title");

export default function OpportunitiesListPage() {
  const { items, total, page, pageCount, totals, owners, query } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const link = (p: number) => {
    const params = new URLSearchParams();
    if (query.stage) params.set("stage", query.stage);
    if (query.owner) params.set("owner", String(query.owner));
    if (query.campaign) params.set("campaign", String(query.campaign));
    if (query.q) params.set("q", query.q);
    if (p > 1) params.set("page", String(p));
    const s = params.toString();
    return s ? `?${s}` : "?";
  };
  const filtered = Boolean(query.stage || query.owner || query.q || query.campaign);

  return (
    <div className="space-y-6">
      <PageHeader
        icon={<Target className="size-6" aria-hidden />}
        title={t("sales.opportunities.title")}
        description={t("sales.opportunities.description")}
      />

      <Form
        method="get"
        className="flex flex-wrap items-end gap-3"
        role="search"
        aria-label={t("sales.opportunities.filters")}
      >
        <Field label={t("sales.opportunity.stage")} name="filter-stage" className="w-40">
          <select id="filter-stage" name="stage" defaultValue={query.stage ?? ""} className={inputClass}>
            <option value="">{t("sales.filter.any")}</option>
            {OPPORTUNITY_STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`sales.stage.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        {owners.length > 0 ? (
          <Field label={t("sales.opportunity.owner")} name="filter-owner" className="w-40">
            <select id="filter-owner" name="owner" defaultValue={query.owner ?? ""} className={inputClass}>
              <option value="">{t("sales.filter.any")}</option>
              {owners.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <Field label={t("sales.filter.search")} name="filter-q" className="min-w-48 flex-1">
          <input
            id="filter-q"
            name="q"
            defaultValue={query.q ?? ""}
            className={inputClass}
            placeholder={t("sales.opportunities.searchPlaceholder")}
          />
        </Field>
        {query.campaign ? <input type="hidden" name="campaign" value={query.campaign} /> : null}
        <Button type="submit" variant="secondary">
          <Search className="size-4" aria-hidden />
          {t("sales.filter.apply")}
        </Button>
      </Form>

      <dl className="grid gap-3 sm:grid-cols-3">
        {[
          { label: t("sales.opportunities.totalAmount", { count: total }), value: totals.amount },
          { label: t("sales.opportunities.openAmount"), value: totals.open },
          { label: t("sales.opportunities.wonAmount"), value: totals.won },
        ].map((s) => (
          <div key={s.label} className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
            <dt className="text-xs text-slate-500">{s.label}</dt>
            <dd className="mt-1 text-xl font-semibold text-slate-900 tabular-nums">{formatMoney(s.value, locale)}</dd>
          </div>
        ))}
      </dl>

      <Card>
        {items.length === 0 ? (
          <EmptyState
            icon={<Target className="size-5" aria-hidden />}
            title={filtered ? t("sales.opportunities.emptyFiltered") : t("sales.opportunities.empty")}
            description={t("sales.opportunities.emptyHint")}
          />
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full text-left text-sm">
              <caption className="sr-only">{t("sales.opportunities.title")}</caption>
              <thead className="border-b border-slate-100 bg-slate-50/70 text-xs text-slate-500">
                <tr>
                  <th scope="col" className="px-5 py-2.5 font-medium">
                    {t("sales.opportunity.name")}
                  </th>
                  <th scope="col" className="px-3 py-2.5 font-medium">
                    {t("sales.opportunity.company")}
                  </th>
                  <th scope="col" className="px-3 py-2.5 font-medium">
                    {t("sales.opportunity.stage")}
                  </th>
                  <th scope="col" className="px-3 py-2.5 text-right font-medium">
                    {t("sales.opportunity.amount")}
                  </th>
                  <th scope="col" className="px-3 py-2.5 text-right font-medium">
                    {t("sales.opportunity.probability")}
                  </th>
                  <th scope="col" className="px-3 py-2.5 font-medium">
                    {t("sales.opportunity.closeDate")}
                  </th>
                  <th scope="col" className="px-5 py-2.5 font-medium">
                    {t("sales.opportunity.owner")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {items.map((o) => (
                  <tr key={o.id} className="hover:bg-slate-50/60">
                    <td className="px-5 py-3">
                      <Link
                        to={`/crm/opportunities/${o.id}`}
                        className="font-medium text-slate-900 hover:text-blue-700 hover:underline"
                      >
                        {o.name}
                      </Link>
                      <p className="font-mono text-xs text-slate-400">
                        {o.number}
                        {o.campaign ? <span className="ml-2 font-sans text-slate-500">{o.campaign.name}</span> : null}
                      </p>
                    </td>
                    <td className="px-3 py-3 text-slate-700">
                      {o.company?.name ?? <span className="text-slate-400">—</span>}
                    </td>
                    <td className="px-3 py-3">
                      <StageBadge stage={o.stage} />
                    </td>
                    <td className="px-3 py-3 text-right text-slate-900 tabular-nums">
                      {formatMoney(o.amount, locale)}
                    </td>
                    <td className="px-3 py-3 text-right text-slate-600 tabular-nums">{o.probability}%</td>
                    <td className="px-3 py-3 text-slate-600">{formatDate(o.expectedCloseDate, locale)}</td>
                    <td className="px-5 py-3 text-slate-700">{o.owner.name}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {total > 0 ? (
          <Pager
            label={t("sales.pager.label")}
            summary={t("sales.pager.summary", { page, pages: pageCount, total })}
            prevLabel={t("sales.pager.prev")}
            nextLabel={t("sales.pager.next")}
            prevTo={page > 1 ? link(page - 1) : null}
            nextTo={page < pageCount ? link(page + 1) : null}
          />
        ) : null}
      </Card>
    </div>
  );
}
