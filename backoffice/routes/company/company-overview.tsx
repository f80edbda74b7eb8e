import { Pencil } from "lucide-react";
import { data, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { redirectWithFlash } from "#app/lib/flash.server.ts";
import { formIntent, requireIdParam } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { regionRefresh, saveCompanyForm } from "#app/modules/crm/companies/company-form-actions.server.ts";
import { getCompanyFigures } from "#app/modules/crm/companies/company-tabs.server.ts";
import { companyEditValues, getCompanyWorkspace } from "#app/modules/crm/companies/company-workspace.server.ts";
import { regionPickerOptions } from "#app/modules/crm/regions/divisions.server.ts";
import { SectionCard } from "#app/ui/section-card.tsx";
import { CompanyForm } from "#backoffice/components/companies/company-form.tsx";
import { CompanyFacts, CompanyKeyFigures } from "#backoffice/components/companies/company-overview-ui.tsx";
import { useCompanyWorkspace } from "#backoffice/components/companies/use-company-workspace.ts";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";

// The company page's 概览 tab: key figures, every field, and the edit form for those who may modify.

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(
    request,
    { module: "companies", action: "browse" },
    params.companyId,
    async (database, actor, id) => {
      const [figures, workspace] = await Promise.all([
        getCompanyFigures(database, actor, id),
        getCompanyWorkspace(database, actor, id),
      ]);
      if (!figures || !workspace) return null;
      const values = companyEditValues(workspace.company);
      const regions = regionPickerOptions({
        provinceCode: values.provinceCode || null,
        cityCode: values.cityCode || null,
      });
      return { figures, values, regions };
    },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "companies", action: "modify" });
  const id = requireIdParam(params.companyId);
  const form = await request.formData();
  const intent = formIntent(form);
  if (intent === "region") return regionRefresh(form);
  if (intent !== "update") throw data(null, { status: 400 });
  const saved = await saveCompanyForm(db, actor, id, form, { ipAddress: clientIp(context) });
  if (!saved.ok) return saved.response;
  return redirectWithFlash(`/crm/companies/${id}`, "flash.saved");
}

export default function CompanyOverviewTab() {
  const { figures, values, regions } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { company, capabilities, lookups } = useCompanyWorkspace();
  const { t } = useI18n();
  const typed = answer && "values" in answer ? answer.values : null;
  const errors = answer && answer.status === "invalid" ? answer.fieldErrors : {};
  return (
    <>
      <CompanyKeyFigures figures={figures} />
      <SectionCard title={t("companies.overview.facts")} labelled>
        <CompanyFacts company={company} />
      </SectionCard>
      {capabilities.canModify ? (
        <SectionCard id="edit" title={t("companies.overview.edit")} icon={Pencil} labelled>
          <CompanyForm
            id="company-edit"
            intent="update"
            values={typed ?? values}
            errors={errors}
            formErrors={answer && answer.status === "invalid" ? answer.formErrors : undefined}
            regions={answer && "regions" in answer ? answer.regions : regions}
            lookups={lookups}
            duplicates={answer && answer.status === "duplicates" ? answer.candidates : undefined}
            submitLabel={t("companies.form.save")}
          />
        </SectionCard>
      ) : null}
    </>
  );
}
