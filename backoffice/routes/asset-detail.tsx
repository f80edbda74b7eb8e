import { Plus, Wrench } from "lucide-react";
import {
  data,
  Form,
  Link,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { respond } from "#app/lib/service-result.ts";
import { logMaintenanceForm, saveAssetForm } from "#app/modules/service/asset-actions.server.ts";
import { getStaffAssetPage } from "#app/modules/service/asset-pages.server.ts";
import { MAINTENANCE_METHODS } from "#app/modules/service/service-enums.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import {
  DateField,
  FailureNotice,
  fieldErrors,
  SelectField,
  SubmitButton,
  submittedValues,
  TextareaField,
} from "#app/ui/form/index.ts";
import { pageTitle } from "#app/ui/meta.ts";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { AssetChildren } from "#app/ui/service/asset-children.tsx";
import { AssetContracts } from "#app/ui/service/asset-contracts.tsx";
import { AssetHeading } from "#app/ui/service/asset-heading.tsx";
import { methodKey } from "#app/ui/service/labels.tsx";
import { MaintenanceLog } from "#app/ui/service/maintenance-log.tsx";
import { AssetFormFields } from "#backoffice/components/asset-form.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";
import { RecordDetailsCard } from "#backoffice/components/service/record-details-card.tsx";
import { readServiceRecordPost } from "#backoffice/components/service/service-record-request.server.ts";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// One customer asset in the back office: edit its fields, see its parts, log maintenance.

const pathOf = (id: number) => `/crm/assets/${id}`;

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, { module: "service", action: "browse" }, params.assetId, getStaffAssetPage);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, id, intent, values } = await readServiceRecordPost(request, params.assetId);
  switch (intent) {
    case "maintenance":
      return respond(await logMaintenanceForm(db, actor, id, values), {
        successTo: pathOf(id),
        flash: "flash.service.maintenanceLogged",
      });
    case "edit":
      return respond(await saveAssetForm(db, actor, id, values), {
        successTo: pathOf(id),
        flash: "flash.service.assetSaved",
      });
    default:
      throw data(null, { status: 400 });
  }
}

export const meta = ({ matches, loaderData }: MetaArgs<typeof loader>) =>
  pageTitle(matches, "zones.asset.pageTitle", { name: loaderData?.asset.name ?? "" });

export default function AssetDetail() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const a = d.asset;
  const sent = submittedValues(result)?.intent;
  const errors = fieldErrors(result);
  return (
    <div className="space-y-6">
      <div>
        <BackLink to="/crm/assets">{t("common.backToAssets")}</BackLink>
        <AssetHeading
          asset={a}
          linkBase="/crm/assets"
          eyebrow={
            <>
              {a.number} ·{" "}
              <Link to={`/crm/companies/${a.company.id}/assets`} className="hover:text-blue-700">
                {a.company.name}
              </Link>
            </>
          }
          actions={
            d.canModify ? (
              <ButtonLink
                to={`/crm/assets?companyId=${a.company.id}&parentId=${a.id}#new-asset`}
                variant="secondary"
                size="sm"
              >
                <Plus aria-hidden className="size-4" />
                {t("zones.bo.asset.addChild")}
              </ButtonLink>
            ) : null
          }
        />
      </div>

      <FailureNotice result={result} />

      <RecordDetailsCard title={t("zones.bo.asset.details")} editable={d.canModify}>
        <AssetFormFields values={a} errors={sent === "edit" ? errors : {}} parents={d.parents} />
      </RecordDetailsCard>

      <AssetChildren items={a.children} linkBase="/crm/assets" />

      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <MaintenanceLog entries={a.maintenance}>
          {d.canModify ? (
            <Form method="post" className="grid gap-3 border-t border-slate-100 px-5 py-4 sm:grid-cols-2">
              <DateField
                name="performedOn"
                id="maintenance-performedOn"
                label={t("common.date")}
                required
                defaultValue={d.today}
                errors={sent === "maintenance" ? errors.performedOn : undefined}
              />
              <SelectField
                name="method"
                id="maintenance-method"
                label={t("zones.bo.asset.method")}
                defaultValue="maintain"
                options={MAINTENANCE_METHODS.map((m) => ({ value: m, label: t(methodKey(m)) }))}
              />
              <TextareaField
                name="summary"
                id="maintenance-summary"
                label={t("zones.bo.asset.summary")}
                required
                maxLength={1000}
                rows={3}
                className="sm:col-span-2"
                errors={sent === "maintenance" ? errors.summary : undefined}
              />
              <div>
                <SubmitButton intent="maintenance">
                  <Wrench aria-hidden className="size-4" />
                  {t("zones.bo.asset.logSubmit")}
                </SubmitButton>
              </div>
            </Form>
          ) : null}
        </MaintenanceLog>
        <AssetContracts contracts={a.contracts} linkBase="/crm/service-contracts" showApproval />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/assets" backLabel="common.backToAssets" texts="zones.bo" />;
}
