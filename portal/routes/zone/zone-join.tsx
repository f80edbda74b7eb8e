import {
  data,
  redirect,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { requireMemberLevel } from "#app/modules/members/member-guard.server.ts";
import { CUSTOMER_LEVELS } from "#app/modules/members/member-levels.ts";
import { getZoneContext } from "#app/modules/zones/zone-access.server.ts";
import { getZoneJoinView } from "#app/modules/zones/zone-overview.server.ts";
import { leaveZone, requestToJoin, ZoneError } from "#app/modules/zones/zones.server.ts";
import { Card } from "#app/ui/card.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { LevelBadge } from "#portal/components/account-ui.tsx";
import { ZoneDeniedBoundary } from "#portal/components/zone/zone-denied.tsx";
import { JoinHero, JoinState, ZoneOffers } from "#portal/components/zone/zone-join-panel.tsx";

// /zone/join: a customer who is not (yet) in their company's zone asks to join and follows the request;
// entry needs both the customer admin's and customer service's confirmation (decision 018). A member
// who is already in goes to the zone home.

export async function loader({ request }: LoaderFunctionArgs) {
  const { member } = await requireMemberLevel(request, CUSTOMER_LEVELS);
  if (await getZoneContext(request)) throw redirect("/zone");
  return { level: member.level, ...(await getZoneJoinView(db, member)) };
}

const Intent = z.object({ intent: z.enum(["join", "withdraw"]) });

function errorKey(code: ZoneError["code"]): MessageKey {
  if (code === "already-member" || code === "already-pending") return "zones.join.error.pending";
  if (code === "no-zone" || code === "no-company") return "zones.join.error.noZone";
  return "zones.join.error.generic";
}

export async function action({ request }: ActionFunctionArgs) {
  const { member } = await requireMemberLevel(request, CUSTOMER_LEVELS);
  const parsed = Intent.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "zones.join.error.generic" as MessageKey }, { status: 400 });
  try {
    if (parsed.data.intent === "join") await requestToJoin(db, { memberId: member.id });
    else await leaveZone(db, { memberId: member.id });
  } catch (error) {
    if (error instanceof ZoneError) return data({ error: errorKey(error.code) }, { status: 409 });
    throw error;
  }
  return redirect("/zone/join");
}

export const meta = ({ matches, error }: MetaArgs) =>
  pageTitle(matches, error ? "account.zone.denied.title" : "zones.home.title");

export default function ZoneJoin() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <>
      <JoinHero
        companyName={d.companyName}
        badge={<LevelBadge level={d.level} label={t(`account.level.${d.level}`)} />}
      />
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-10 sm:px-6 lg:px-8">
        <Card className="p-5 sm:p-6">
          {actionData ? (
            <p role="alert" className="mb-4 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
              {t(actionData.error)}
            </p>
          ) : null}
          <JoinState zoneName={d.zoneName} membership={d.membership} />
        </Card>
        <ZoneOffers />
      </div>
    </>
  );
}

export const ErrorBoundary = ZoneDeniedBoundary;
