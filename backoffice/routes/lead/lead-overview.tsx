import { useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { formIntent, requireIdParam } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { fail, invalid, respond } from "#app/lib/service-result.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { loadLookupChoices } from "#app/modules/crm/lookup-choices.server.ts";
import { setLeadSourceAs } from "#app/modules/leads/record/lead-source.server.ts";
import { editLeadGroupAs } from "#app/modules/leads/record/lead-work-actions.server.ts";
import { leadForumPost } from "#app/modules/forum/forum-handed.server.ts";
import { LeadForumPostCard } from "#backoffice/components/forum/lead-forum-post-card.tsx";
import {
  CompanyCard,
  ContactCard,
  MatchesCard,
  RequirementCard,
  SourceCard,
} from "#backoffice/components/lead-detail/lead-facts.tsx";
import { LeadSourceCard } from "#backoffice/components/lead-detail/lead-source-card.tsx";
import { leadPath, useLeadWorkspace, type LeadView } from "#backoffice/components/lead-detail/use-lead-workspace.ts";
import { EditGroup } from "#backoffice/components/lead-work-ui.tsx";

// 概览: what the lead says (contact, company, requirement and ordered items), where it came from and
// which existing records it probably is. Whoever holds the right to a field group edits it here.

const GROUPS = { "edit-need": "need", "edit-contact": "contact", "edit-company": "company" } as const;

/** The lead-source picker's values (the lead itself comes from the layout's workspace). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "leads", action: "browse" });
  const leadId = requireIdParam(params.leadId);
  // 转交销售: the forum post this lead came from (decision 053), in the actor's lead scope.
  const [choices, forumPost] = await Promise.all([
    loadLookupChoices(db, { sources: "lead_source" }),
    leadForumPost(db, actor, leadId),
  ]);
  return { ...choices, forumPost };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "leads", action: "browse" });
  const leadId = requireIdParam(params.leadId);
  const form = await request.formData();
  const intent = formIntent(form);
  if (intent === "edit-source") {
    const result = await setLeadSourceAs(db, actor, leadId, form.get("sourceCode"));
    return respond(result, {
      successTo: leadPath(leadId),
      flash: (value) => (value.changed ? "flash.saved" : "flash.info.noChanges"),
    });
  }
  if (!(intent in GROUPS)) return fail(invalid({}, ["validation.invalid"]));
  // The service checks the group right against the locked row: 403 without it, nothing written.
  const { intent: _intent, ...values } = Object.fromEntries(form);
  const result = await editLeadGroupAs(db, actor, leadId, GROUPS[intent as keyof typeof GROUPS], values, {
    ipAddress: clientIp(context),
  });
  return respond(result, {
    successTo: leadPath(leadId),
    flash: (value) => (value.changed ? "flash.saved" : "flash.info.noChanges"),
  });
}

type TextField = { [K in keyof LeadView]: LeadView[K] extends string | null ? K : never }[keyof LeadView] & string;

const CONTACT: TextField[] = [
  "contactName",
  "contactTitle",
  "contactEmail",
  "contactMobile",
  "contactPhone",
  "contactFax",
];
const COMPANY: TextField[] = [
  "companyName",
  "companyProvince",
  "companyCity",
  "companyAddress",
  "companyPhone",
  "companyFax",
];

export default function LeadOverview() {
  const { lead, capabilities } = useLeadWorkspace();
  const { sources, forumPost } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const edit = (group: "need" | "contact" | "company", names: TextField[], multiline = false) =>
    capabilities.edit[group] ? (
      <EditGroup
        group={group}
        fields={names.map((name) => ({
          name,
          label: t(`leadWork.field.${name}` as MessageKey),
          value: lead[name],
          multiline,
        }))}
      />
    ) : null;

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <div className="grid gap-6 md:grid-cols-2">
          <ContactCard lead={lead} edit={edit("contact", CONTACT)} />
          <CompanyCard lead={lead} edit={edit("company", COMPANY)} />
        </div>
        <RequirementCard lead={lead} edit={edit("need", ["requirement"], true)} />
        {forumPost ? <LeadForumPostCard post={forumPost} /> : null}
      </div>
      <div className="space-y-6">
        <LeadSourceCard sourceCode={lead.sourceCode} choices={sources} canEdit={capabilities.edit.need} />
        <SourceCard lead={lead} />
        <MatchesCard lead={lead} />
      </div>
    </div>
  );
}
