import { Pencil, UserRound } from "lucide-react";
import { data, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { formIntent, requireIdParam } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { respond } from "#app/lib/service-result.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { contactOverviewOptions } from "#app/modules/crm/contacts/contact-workspace.server.ts";
import { updateContact } from "#app/modules/crm/contacts/contacts.server.ts";
import { SectionCard } from "#app/ui/section-card.tsx";
import { contactPath } from "#backoffice/components/contacts/contact-columns.tsx";
import { ContactFacts } from "#backoffice/components/contacts/contact-facts.tsx";
import { ContactForm } from "#backoffice/components/contacts/contact-form.tsx";
import { useContactWorkspace } from "#backoffice/components/contacts/use-contact-workspace.ts";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";

// The contact page's index tab: every field, and the edit form for those who may change it.

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, { module: "contacts", action: "browse" }, params.contactId, contactOverviewOptions);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "contacts", action: "modify" });
  const id = requireIdParam(params.contactId);
  const form = await request.formData();
  if (formIntent(form) !== "update") throw data(null, { status: 400 });
  const result = await updateContact(db, actor, id, form, { ipAddress: clientIp(context) });
  return respond(result, {
    successTo: contactPath(id),
    flash: (v) => (v.changed ? "flash.saved" : "flash.info.noChanges"),
  });
}

export default function ContactOverviewTab() {
  const { contact, canModify, salutations } = useContactWorkspace();
  const { reportsTo, region } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div className="grid gap-6 xl:grid-cols-5">
      <SectionCard icon={UserRound} title={t("contacts.overview.facts")} labelled className="xl:col-span-3">
        <ContactFacts contact={contact} salutations={salutations} />
      </SectionCard>
      {canModify ? (
        <SectionCard icon={Pencil} title={t("contacts.overview.edit")} className="xl:col-span-2">
          <ContactForm
            intent="update"
            values={contact}
            company={contact.company ? { id: contact.company.id, name: contact.company.name } : null}
            reportsToOptions={reportsTo}
            region={region}
            salutations={salutations}
            result={result}
            submitLabel="contacts.overview.save"
          />
        </SectionCard>
      ) : null}
    </div>
  );
}
