import { UserMinus } from "lucide-react";
import { Form, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import type { FlashKey } from "#app/lib/flash.ts";
import { parseForm } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { IdParam } from "#app/lib/schemas.ts";
import { forbidden, respond, type ServiceResult } from "#app/lib/service-result.ts";
import { requireZoneAccess, type ZoneContext } from "#app/modules/zones/zone-access.server.ts";
import { getZoneMembersView } from "#app/modules/zones/zone-overview.server.ts";
import { zoneResult, type ZoneMessages } from "#app/modules/zones/zone-result.ts";
import {
  confirmMembership,
  declineMembership,
  inviteToZone,
  leaveZone,
  removeMembership,
} from "#app/modules/zones/zones.server.ts";
import { FailureNotice, SubmitButton } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { ActiveMembers, PendingMembers } from "#portal/components/zone/zone-member-cards.tsx";
import { ShellErrorBoundary } from "#portal/components/shell-error-boundary.tsx";
import { ZoneShell } from "#portal/components/zone-ui.tsx";
import { AccountPageHeader } from "#portal/components/account-ui.tsx";

// 专区成员: everyone sees the zone's confirmed members (nicknames only). The customer's appointed
// admins also see pending entries and confirm, decline, invite colleagues and remove members; entry
// still needs customer service's confirmation too (decision 018).

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requireZoneAccess(request);
  return { zoneName: context.zone.name, ...(await getZoneMembersView(db, context)) };
}

const MESSAGES: ZoneMessages = {
  forbidden: "zones.members.error.forbidden",
  "invalid-state": "zones.members.error.state",
  "already-member": "zones.members.error.already",
  "already-pending": "zones.members.error.already",
  "wrong-company": "zones.members.error.company",
  fallback: "zones.members.error.generic",
};

const Intent = z.discriminatedUnion("intent", [
  z.object({ intent: z.enum(["confirm", "decline", "remove"]), membershipId: IdParam }),
  z.object({ intent: z.literal("invite"), memberId: IdParam }),
  z.object({ intent: z.literal("leave") }),
]);
type Input = z.output<typeof Intent>;

/** The admin's work on the zone's entries; the services refuse ids of another zone as "not found". */
async function adminChange(context: ZoneContext, input: Exclude<Input, { intent: "leave" }>) {
  if (!context.membership.isCustomerAdmin) return forbidden("zones.members.error.forbidden");
  const zoneId = context.zone.id;
  const actor = { type: "customer_admin" as const, memberId: context.member.id };
  const work: Promise<FlashKey> =
    input.intent === "invite"
      ? inviteToZone(db, { zoneId, memberId: input.memberId, actor }).then(() => "flash.zones.memberInvited")
      : input.intent === "confirm"
        ? confirmMembership(db, { zoneId, membershipId: input.membershipId, actor }).then(({ status }) =>
            status === "active" ? "flash.zones.memberActive" : "flash.zones.customerConfirmed",
          )
        : input.intent === "decline"
          ? declineMembership(db, { zoneId, membershipId: input.membershipId, actor }).then(
              () => "flash.zones.declined",
            )
          : removeMembership(db, { zoneId, membershipId: input.membershipId, actor }).then(() => "flash.zones.removed");
  return zoneResult(work, MESSAGES);
}

export async function action({ request }: ActionFunctionArgs) {
  const context = await requireZoneAccess(request);
  const parsed = await parseForm(request, Intent);
  if (parsed.status !== "ok") return respond(parsed, { successTo: "/zone/members" });
  if (parsed.value.intent === "leave") {
    const left: ServiceResult<unknown> = await zoneResult(leaveZone(db, { memberId: context.member.id }), MESSAGES);
    // Outside the zone now: back to the join page, where one can ask again.
    return respond(left, { successTo: "/zone/join", flash: "flash.zones.left" });
  }
  return respond(await adminChange(context, parsed.value), { successTo: "/zone/members", flash: (key) => key });
}

export const meta = titleMeta("zones.members.title");

export default function ZoneMembers() {
  const d = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <ZoneShell zoneName={d.zoneName}>
      <AccountPageHeader
        title={t("zones.members.title")}
        description={d.me.isCustomerAdmin ? t("zones.members.adminHint") : t("zones.members.hint")}
        actions={
          <Form method="post">
            <SubmitButton intent="leave" variant="ghost" size="sm" icon={UserMinus}>
              {t("zones.members.leave")}
            </SubmitButton>
          </Form>
        }
      />
      <FailureNotice result={failure} />
      {d.me.isCustomerAdmin ? <PendingMembers pending={d.pending} invitable={d.invitable} /> : null}
      <ActiveMembers active={d.active} me={d.me} />
    </ZoneShell>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/zone" backLabel="zones.error.back" texts="zones.error" />;
}
