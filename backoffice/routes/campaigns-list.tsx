import { Megaphone } from "lucide-react";
import {
  data,
  redirect,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { can } from "#app/modules/auth/permissions.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { campaignList } from "#app/modules/campaigns/campaign-list-query.ts";
import { createCampaign, listCampaigns } from "#app/modules/campaigns/campaigns.server.ts";
import { CAMPAIGN_STATUSES, CAMPAIGN_TYPES } from "#app/modules/crm/sales-constants.ts";
import { loadListViews } from "#app/modules/views/list-views.server.ts";
import { FilterSelect } from "#app/ui/list/filter-bar.tsx";
import { listLinks } from "#app/ui/list/list-links.ts";
import { ListPage } from "#app/ui/list/list-page.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { CampaignScopeNote } from "#backoffice/components/campaign-ui.tsx";
import { ModulePageHeader } from "#backoffice/components/module-page-header.tsx";
import { CampaignStatusBadge } from "#backoffice/components/sales-ui.tsx";
import { CAMPAIGNS_PATH as PATH, campaignColumns } from "#backoffice/components/campaigns/campaign-columns.tsx";
import { CreateCampaign } from "#backoffice/components/campaigns/create-campaign.tsx";

// 营销战役 list: each campaign with its hard targets against the computed actuals.

export async function loader({ request }: LoaderFunctionArgs) {
  // Signed in is enough: owners and participants see their campaigns without a role grant.
  const actor = await requireStaffActor(request, "signedIn");
  const query = campaignList.parse(new URL(request.url).searchParams);
  const [list, views] = await Promise.all([
    listCampaigns(db, actor, {
      filters: { status: query.status, type: query.type, q: query.q },
      sort: { key: query.sort, dir: query.dir },
      page: query.page,
    }),
    loadListViews(db, actor, campaignList, query, PATH),
  ]);
  if (views.redirect) throw redirect(views.redirect);
  return { ...list, query, views, canAdd: can(actor, "campaigns", "add") };
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

export const meta = titleMeta("sales.campaigns.title");

export default function CampaignsListPage() {
  const { items, total, page, pageCount, query, views, canAdd, scope } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();

  return (
    <ListPage
      links={listLinks(campaignList, PATH, query)}
      header={
        <>
          <ModulePageHeader
            module="campaigns"
            title={t("sales.campaigns.title")}
            description={t("sales.campaigns.description")}
          />
          {canAdd ? <CreateCampaign open={Boolean(actionData)} errors={actionData?.errors} /> : null}
          <CampaignScopeNote scope={scope} />
        </>
      }
      views={views}
      total={total}
      search={{
        id: "campaigns-q",
        label: t("sales.campaigns.filters"),
        placeholder: t("sales.campaigns.searchPlaceholder"),
      }}
      filterFields={
        <>
          <FilterSelect
            name="status"
            label={t("sales.campaign.status")}
            value={query.status}
            options={CAMPAIGN_STATUSES.map((s) => ({ value: s, label: t(`sales.campaignStatus.${s}`) }))}
          />
          <FilterSelect
            name="type"
            label={t("sales.campaign.type")}
            value={query.type}
            options={CAMPAIGN_TYPES.map((s) => ({ value: s, label: t(`sales.campaignType.${s}`) }))}
          />
        </>
      }
      table={{
        columns: campaignColumns,
        rows: items,
        rowKey: (c) => c.id,
        cardAside: (c) => <CampaignStatusBadge status={c.status} />,
        label: t("sales.campaigns.title"),
      }}
      empty={{
        icon: <Megaphone className="size-5" aria-hidden />,
        title: t("sales.campaigns.empty"),
        description: t("sales.campaigns.emptyHint"),
        filteredTitle: t("sales.campaigns.emptyFiltered"),
      }}
      pages={{ page, pageCount }}
    />
  );
}
