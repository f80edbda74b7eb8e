import { UserPlus } from "lucide-react";
import { data, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { formValues } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { IdParam } from "#app/lib/schemas.ts";
import { respond } from "#app/lib/service-result.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { duplicateInputFromForm, findContactDuplicates } from "#app/modules/crm/contacts/contact-duplicates.server.ts";
import { contactListCompanyName } from "#app/modules/crm/contacts/contact-list.server.ts";
import {
  contactRegionPicker,
  createContact,
  reportsToOptions,
  salutationChoices,
} from "#app/modules/crm/contacts/contacts.server.ts";
import { Card, CardBody } from "#app/ui/card.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { contactPath, CONTACTS_PATH } from "#backoffice/components/contacts/contact-columns.tsx";
import { ContactForm } from "#backoffice/components/contacts/contact-form.tsx";
import { DuplicateWarning } from "#backoffice/components/contacts/duplicate-warning.tsx";

// 新建联系人 (/crm/contacts/new, ?companyId= prefills the company): before saving, the fuzzy
// matcher looks over all contacts; likely duplicates are shown (masked outside the viewer's scope)
// and the user saves anyway only by ticking "not a duplicate".

const POLICY = { module: "contacts", action: "add" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, POLICY);
  const parsed = IdParam.safeParse(new URL(request.url).searchParams.get("companyId") ?? undefined);
  const companyId = parsed.success ? parsed.data : null;
  const name = companyId ? await contactListCompanyName(db, actor, companyId) : null;
  const company = companyId && name ? { id: companyId, name } : null;
  return {
    company,
    reportsTo: await reportsToOptions(db, actor, company?.id ?? null),
    region: contactRegionPicker(null),
    salutations: await salutationChoices(db),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, POLICY);
  const form = await request.formData();
  if (form.get("notDuplicate") !== "1") {
    const candidates = await findContactDuplicates(db, actor, await duplicateInputFromForm(db, form));
    if (candidates.length > 0) {
      return data({ status: "duplicates" as const, candidates, values: formValues(form) }, { status: 409 });
    }
  }
  const result = await createContact(db, actor, form, { ipAddress: clientIp(context) });
  return respond(result, { successTo: (v) => contactPath(v.id), flash: "flash.created" });
}

export const meta = titleMeta("contacts.new.title");

export default function ContactNewPage() {
  const { company, reportsTo, region, salutations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const duplicates = result && result.status === "duplicates" ? result : null;
  return (
    <div className="space-y-6">
      <BackLink to={CONTACTS_PATH}>{t("contacts.new.back")}</BackLink>
      <PageHeader
        icon={<UserPlus className="size-6" aria-hidden />}
        title={t("contacts.new.title")}
        description={t("contacts.new.description")}
      />
      <Card>
        <CardBody>
          <ContactForm
            key={duplicates ? "dup" : "form"}
            intent="create"
            values={{ companyId: company?.id ?? null }}
            company={company}
            reportsToOptions={reportsTo}
            region={region}
            salutations={salutations}
            result={duplicates ? null : result}
            posted={duplicates?.values}
            submitLabel="contacts.new.submit"
          >
            {duplicates ? <DuplicateWarning candidates={duplicates.candidates} /> : null}
          </ContactForm>
        </CardBody>
      </Card>
    </div>
  );
}
