import { Building2 } from "lucide-react";
import { data, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { redirectWithFlash } from "#app/lib/flash.server.ts";
import { formIntent } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { regionRefresh, saveCompanyForm } from "#app/modules/crm/companies/company-form-actions.server.ts";
import { COMPANY_LOOKUP_TABLES } from "#app/modules/crm/companies/company-codes.ts";
import { assignableOwners } from "#app/modules/crm/companies/company-write.server.ts";
import { loadLookupChoices } from "#app/modules/crm/lookup-choices.server.ts";
import { regionPickerOptions } from "#app/modules/crm/regions/divisions.server.ts";
import { Card, CardBody } from "#app/ui/card.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { CompanyForm } from "#backoffice/components/companies/company-form.tsx";

// 新建单位 (/crm/companies/new): the company form; before saving, the fuzzy matcher's candidates are
// shown with their evidence (outside the viewer's scope: name and owner only) until confirmed.
// `?parent=ACNT…` starts a subsidiary of that company.

const POLICY = { module: "companies", action: "add" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, POLICY);
  const parent = (new URL(request.url).searchParams.get("parent") ?? "").slice(0, 30);
  const [owners, lookups] = await Promise.all([
    assignableOwners(db, actor),
    loadLookupChoices(db, COMPANY_LOOKUP_TABLES),
  ]);
  return {
    owners: owners.map((o) => ({ id: o.id, name: o.name })),
    lookups,
    values: { parentNumber: parent, ownerId: String(actor.staffId) },
    regions: regionPickerOptions({}),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, POLICY);
  const form = await request.formData();
  const intent = formIntent(form);
  if (intent === "region") return regionRefresh(form);
  if (intent !== "create") throw data(null, { status: 400 });
  const saved = await saveCompanyForm(db, actor, null, form, { ipAddress: clientIp(context) });
  if (!saved.ok) return saved.response;
  return redirectWithFlash(`/crm/companies/${saved.id}`, "flash.created");
}

export const meta = titleMeta("companies.form.newTitle");

export default function CompanyNewPage() {
  const { owners, values, regions, lookups } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div className="space-y-6">
      <BackLink to="/crm/companies">{t("companies.form.back")}</BackLink>
      <PageHeader
        title={t("companies.form.newTitle")}
        description={t("companies.form.newDescription")}
        icon={<Building2 className="size-6" aria-hidden />}
      />
      <Card>
        <CardBody>
          <CompanyForm
            id="company-new"
            intent="create"
            values={answer && "values" in answer ? answer.values : values}
            errors={answer && answer.status === "invalid" ? answer.fieldErrors : {}}
            formErrors={answer && answer.status === "invalid" ? answer.formErrors : undefined}
            regions={answer && "regions" in answer ? answer.regions : regions}
            lookups={lookups}
            owners={owners}
            duplicates={answer && answer.status === "duplicates" ? answer.candidates : undefined}
            submitLabel={t("companies.form.create")}
          />
        </CardBody>
      </Card>
    </div>
  );
}
