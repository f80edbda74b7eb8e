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
import { can } from "#app/modules/auth/permissions.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { campaignList } from "#app/modules/campaigns/campaign-list-query.ts";
import { campaignOwnerChoices, createCampaign, listCampaigns } from "#app/modules/campaigns/campaigns.server.ts";
import { loadListViews } from "#app/modules/views/list-views.server.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { ScreenListPage } from "#backoffice/components/list-screen.tsx";
import { CampaignScopeNote } from "#backoffice/components/campaign-ui.tsx";
import { CAMPAIGNS_PATH as PATH, campaignsScreen } from "#backoffice/components/campaigns/campaign-columns.tsx";
import { CreateCampaign } from "#backoffice/components/campaigns/create-campaign.tsx";

// 营销战役 list: each campaign with its hard targets against the computed actuals.

export async function loader({ request }: LoaderFunctionArgs) {
  // Signed in is enough: owners and participants see their campaigns without a role grant.
  const actor = await requireStaffActor(request, "signedIn");
  const query = campaignList.parse(new URL(request.url).searchParams);
  const canAdd = can(actor, "campaigns", "add");
  const [list, views, owners] = await Promise.all([
    listCampaigns(db, actor, {
      filters: { status: query.status, type: query.type, q: query.q },
      sort: { key: query.sort, dir: query.dir },
      page: query.page,
    }),
    loadListViews(db, actor, campaignList, query, PATH),
    canAdd ? campaignOwnerChoices(db, actor) : Promise.resolve([]),
  ]);
  if (views.redirect) throw redirect(views.redirect);
  return { ...list, query, views, canAdd, owners, me: actor.staffId };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "campaigns", action: "add" });
  const form = Object.fromEntries(await request.formData());
  // The owner field (default: the creator); the service checks it against the actor's choices.
  const ownerField = typeof form.ownerId === "string" ? form.ownerId.trim() : "";
  const ownerId = ownerField === "" ? null : /^\d{1,9}$/.test(ownerField) ? Number(ownerField) : -1;
  const result = await createCampaign(db, actor, form, { ownerId, ipAddress: clientIp(context) });
  if (result.kind === "ok") return redirect(`/crm/campaigns/${result.id}?flash=flash.campaigns.created`);
  if (result.kind === "forbidden") throw data(null, { status: 403 });
  if (result.kind === "invalid") return data({ errors: result.errors, values: form }, { status: 400 });
  throw data(null, { status: 404 });
}

export const meta = titleMeta(campaignsScreen.title);

export default function CampaignsListPage() {
  const { items, total, page, pageCount, query, views, canAdd, scope, owners, me } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <ScreenListPage
      screen={campaignsScreen}
      list={{ rows: items, total, page, pageCount, query, views }}
      belowHeading={
        <>
          {canAdd ? (
            <CreateCampaign open={Boolean(actionData)} errors={actionData?.errors} owners={owners} me={me} />
          ) : null}
          <CampaignScopeNote scope={scope} />
        </>
      }
    />
  );
}
