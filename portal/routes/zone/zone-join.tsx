import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { parseForm } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { fail, invalid, respond } from "#app/lib/service-result.ts";
import { requireMemberLevel } from "#app/modules/members/member-guard.server.ts";
import { CUSTOMER_LEVELS } from "#app/modules/members/member-levels.ts";
import { getZoneContext } from "#app/modules/zones/zone-access.server.ts";
import { getZoneJoinView } from "#app/modules/zones/zone-overview.server.ts";
import { zoneResult, type ZoneMessages } from "#app/modules/zones/zone-result.ts";
import { leaveZone, requestToJoin } from "#app/modules/zones/zones.server.ts";
import { Card } from "#app/ui/card.tsx";
import { FailureNotice } from "#app/ui/form/index.ts";
import { LevelBadge } from "#portal/components/account-ui.tsx";
import { ZoneDeniedBoundary, zoneEntryMeta } from "#portal/components/zone/zone-denied.tsx";
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

const MESSAGES: ZoneMessages = {
  "already-member": "zones.join.error.pending",
  "already-pending": "zones.join.error.pending",
  "no-zone": "zones.join.error.noZone",
  "no-company": "zones.join.error.noZone",
  fallback: "zones.join.error.generic",
};

export async function action({ request }: ActionFunctionArgs) {
  const { member } = await requireMemberLevel(request, CUSTOMER_LEVELS);
  const parsed = await parseForm(request, Intent);
  if (parsed.status !== "ok") return fail(invalid({}, ["zones.join.error.generic"]));
  const work: Promise<unknown> =
    parsed.value.intent === "join"
      ? requestToJoin(db, { memberId: member.id })
      : leaveZone(db, { memberId: member.id });
  // The page itself shows where the entry now stands.
  return respond(await zoneResult(work, MESSAGES), { successTo: "/zone/join" });
}

export const meta = zoneEntryMeta;

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
          <FailureNotice result={actionData} className="mb-4" />
          <JoinState zoneName={d.zoneName} membership={d.membership} />
        </Card>
        <ZoneOffers />
      </div>
    </>
  );
}

export const ErrorBoundary = ZoneDeniedBoundary;
