import { Link2, Link2Off } from "lucide-react";
import { Form, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import type { FlashKey } from "#app/lib/flash.server.ts";
import { parseForm } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { IdParam, msg } from "#app/lib/schemas.ts";
import { type ServiceResult } from "#app/lib/service-result.ts";
import { memberAdminResult } from "#app/modules/members/member-admin-result.server.ts";
import { linkMemberToCompany, linkMemberToContact, unlinkMember } from "#app/modules/members/member-linking.server.ts";
import { getMemberLinkOptions } from "#app/modules/members/member-workspace.server.ts";
import { SectionCard } from "#app/ui/section-card.tsx";
import { fieldErrors, FailureNotice, SubmitButton } from "#app/ui/form/index.ts";
import { ContactPicker, CompanySuggestions } from "#backoffice/components/members/member-link-picker.tsx";
import { CurrentLink } from "#backoffice/components/members/member-link-ui.tsx";
import { useMemberWorkspace } from "#backoffice/components/members/use-member-workspace.ts";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";
import { respondTagged, runRecordIntent, type RecordIntentArgs } from "#backoffice/components/record-action.server.ts";

// The member page's 关联 CRM tab: the current link, suggested contacts and companies, a contact
// search, and the link / link-company / unlink actions.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const contactQuery = new URL(request.url).searchParams.get("contactQ") ?? "";
  return loadRecordPage(request, { module: "members", action: "browse" }, params.memberId, (database, actor, id) =>
    getMemberLinkOptions(database, actor, id, contactQuery),
  );
}

const LinkSchema = z.object({
  contactId: z.coerce
    .number(msg("memberAdmin.validation.chooseContact"))
    .int(msg("memberAdmin.validation.chooseContact"))
    .positive(msg("memberAdmin.validation.chooseContact")),
  company: z.union([z.enum(["contact", "none"]), IdParam]).catch("contact"),
});
const CompanySchema = z.object({ companyId: IdParam });

/** Success → back to this tab with a flash; a refusal → the failure, tagged with its intent. */
function answer(intent: string, memberId: number, result: ServiceResult<boolean>, flash: FlashKey) {
  return respondTagged(intent, result, `/crm/members/${memberId}/links`, (changed) =>
    changed ? flash : "flash.info.noChanges",
  );
}

async function link({ actor, id: memberId, form: formData, meta }: RecordIntentArgs) {
  const parsed = await parseForm(formData, LinkSchema);
  if (parsed.status !== "ok") return answer("link", memberId, parsed, "flash.memberAdmin.linked");
  const result = await memberAdminResult(() => linkMemberToContact(db, actor, memberId, parsed.value, meta));
  return answer("link", memberId, result, "flash.memberAdmin.linked");
}

async function linkCompany({ actor, id: memberId, form: formData, meta }: RecordIntentArgs) {
  const parsed = await parseForm(formData, CompanySchema);
  if (parsed.status !== "ok") return answer("link-company", memberId, parsed, "flash.memberAdmin.linked");
  const result = await memberAdminResult(() => linkMemberToCompany(db, actor, memberId, parsed.value.companyId, meta));
  return answer("link-company", memberId, result, "flash.memberAdmin.linked");
}

async function unlink({ actor, id: memberId, meta }: RecordIntentArgs) {
  const result = await memberAdminResult(() => unlinkMember(db, actor, memberId, meta));
  return answer("unlink", memberId, result, "flash.memberAdmin.unlinked");
}

const INTENTS = { link, "link-company": linkCompany, unlink };

export async function action(args: ActionFunctionArgs) {
  return runRecordIntent(args, { module: "members", action: "modify" }, "memberId", INTENTS);
}

export default function MemberLinksTab() {
  const { member } = useMemberWorkspace();
  const { query, suggestions, searchResults } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const linked = member.contact !== null || member.company !== null;
  const errors = fieldErrors(result);
  const values = result?.status === "invalid" ? result.values : {};

  return (
    <SectionCard
      icon={Link2}
      title={t("memberAdmin.link.title")}
      description={t("memberAdmin.link.description")}
      bodyClassName="space-y-5"
    >
      <div className="flex flex-wrap items-start justify-between gap-3 rounded-lg border border-slate-200 bg-slate-50/60 px-4 py-3">
        <div className="min-w-0 space-y-1.5">
          <p className="text-xs font-medium text-slate-500">{t("memberAdmin.link.current")}</p>
          <CurrentLink links={member} />
        </div>
        {linked && suggestions ? (
          <Form method="post">
            <SubmitButton intent="unlink" variant="ghost" size="sm">
              <Link2Off className="size-4" aria-hidden />
              {t("memberAdmin.link.unlink")}
            </SubmitButton>
          </Form>
        ) : null}
      </div>
      <FailureNotice result={result?.status === "invalid" && result.formErrors.length === 0 ? null : result} />
      {suggestions ? (
        <>
          {/* The search box sits inside the link form visually but belongs to this GET form (form= attribute). */}
          <Form id="contact-search" method="get" preventScrollReset className="hidden" />
          <Form method="post" className="space-y-5">
            <ContactPicker
              memberId={member.id}
              currentId={member.contact?.id}
              suggestions={suggestions}
              searchResults={searchResults}
              query={query}
              selected={values.contactId}
              company={values.company}
              errors={errors.contactId}
            />
          </Form>
          <CompanySuggestions companies={suggestions.companies} currentId={member.company?.id} />
        </>
      ) : null}
    </SectionCard>
  );
}
