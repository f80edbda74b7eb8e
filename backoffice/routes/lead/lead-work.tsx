import type { ActionFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { formIntent, requireIdParam } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { fail, invalid, respond, type ServiceResult } from "#app/lib/service-result.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import {
  assigneesFromForm,
  changeLeadStatusAs,
  claimLeadAs,
  distributeLeadAs,
  identifyLeadAs,
  recallLeadAs,
  transferLeadAs,
  type Changed,
} from "#app/modules/leads/record/lead-work-actions.server.ts";
import type { FlashKey } from "#app/lib/flash.ts";
import { LeadStatusCard } from "#backoffice/components/lead-detail/lead-status-card.tsx";
import { leadPath, useLeadWorkspace } from "#backoffice/components/lead-detail/use-lead-workspace.ts";
import { AssigneesCard, DistributeCard, IdentificationCard } from "#backoffice/components/lead-work-ui.tsx";

// 分发与处理: who holds the lead (claim, recall), distribution and transfer by hand for the owner and
// managers, identification and the status flow. Each intent is one function calling one use case
// (lead-work-actions.server.ts); the services check the rights again under the row lock.

interface WorkRequest {
  actor: StaffActor;
  leadId: number;
  form: FormData;
  ipAddress: string;
}

function done(leadId: number, result: ServiceResult<Changed>, flash: FlashKey) {
  return respond(result, {
    successTo: leadPath(leadId, "work"),
    flash: (value) => (value.changed ? flash : "flash.info.noChanges"),
  });
}

const claim = async ({ actor, leadId }: WorkRequest) =>
  done(leadId, await claimLeadAs(db, actor, leadId), "flash.leads.claimed");

const distribute = async ({ actor, leadId, form }: WorkRequest) =>
  done(leadId, await distributeLeadAs(db, actor, leadId, assigneesFromForm(form)), "flash.leads.distributed");

const recall = async ({ actor, leadId, form }: WorkRequest) =>
  done(leadId, await recallLeadAs(db, actor, leadId, form.get("staffId")), "flash.leads.recalled");

const transfer = async ({ actor, leadId, form }: WorkRequest) =>
  done(leadId, await transferLeadAs(db, actor, leadId, form.get("toStaffId")), "flash.leads.transferred");

async function identify({ actor, leadId, form, ipAddress }: WorkRequest) {
  const input = {
    identified: form.get("identified") === "on",
    identificationLabel: String(form.get("identificationLabel") ?? ""),
    demandStatus: String(form.get("demandStatus") ?? ""),
  };
  return done(leadId, await identifyLeadAs(db, actor, leadId, input, { ipAddress }), "flash.leads.identified");
}

async function status({ actor, leadId, form, ipAddress }: WorkRequest) {
  const input = { from: form.get("from"), to: form.get("to") };
  const result = await changeLeadStatusAs(db, actor, leadId, input, { ipAddress });
  return respond(result, {
    successTo: leadPath(leadId, "work"),
    flash: (v) => `flash.leads.status.${v.status}` as const,
  });
}

const INTENTS = { claim, distribute, recall, transfer, identify, status } as const;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "leads", action: "browse" });
  const leadId = requireIdParam(params.leadId);
  const form = await request.formData();
  const intent = formIntent(form);
  if (!Object.hasOwn(INTENTS, intent)) return fail(invalid({}, ["validation.invalid"]));
  return INTENTS[intent as keyof typeof INTENTS]({ actor, leadId, form, ipAddress: clientIp(context) });
}

export default function LeadWork() {
  const { lead, capabilities, staff, viewerId, now } = useLeadWorkspace();
  const showStatus = capabilities.nextStatuses.length > 0;
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <AssigneesCard
          assignments={lead.assignments}
          claimedBy={lead.claimedBy}
          claimedAt={lead.claimedAt}
          now={now}
          viewerId={viewerId}
          canManage={capabilities.canManage}
          myReason={capabilities.reason}
          myRights={capabilities.edit}
        />
        {capabilities.canManage ? (
          <DistributeCard staff={staff} assignments={lead.assignments} ownerId={lead.ownerId} />
        ) : null}
      </div>
      <div className="space-y-6">
        {showStatus ? <LeadStatusCard status={lead.status} next={capabilities.nextStatuses} /> : null}
        <IdentificationCard
          identified={lead.identified}
          label={lead.identificationLabel}
          demandStatus={lead.demandStatus}
          canEdit={capabilities.edit.status}
        />
      </div>
    </div>
  );
}
