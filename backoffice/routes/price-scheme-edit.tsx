import { BadgePercent } from "lucide-react";
import { data, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { saveSchemeForm } from "#app/modules/catalog/price-scheme-actions.server.ts";
import { getPriceScheme, schemeFormOptions, schemeFormValues } from "#app/modules/catalog/price-schemes.server.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { Card, CardBody } from "#app/ui/card.tsx";
import { fieldErrors, formErrors, submittedValues } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { SchemeForm } from "#backoffice/components/catalog/scheme-form.tsx";
import { SCHEMES_PATH } from "#backoffice/components/catalog/scheme-screen.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 编辑价格方案 (/crm/price-schemes/:schemeId/edit): saving sends an approved scheme back to draft.

const POLICY = { module: "catalog", action: "modify" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaffActor(request, POLICY);
  const scheme = await getPriceScheme(db, requireIdParam(params.schemeId));
  if (!scheme) throw data(null, { status: 404 });
  return {
    id: scheme.id,
    name: scheme.name,
    values: schemeFormValues(scheme),
    grants: scheme.grants.map((g) => g.staffId),
    options: await schemeFormOptions(db),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, POLICY);
  return saveSchemeForm(db, actor, requireIdParam(params.schemeId), await request.formData());
}

export const meta = titleMeta("catalog.scheme.edit.title");

export default function PriceSchemeEdit() {
  const { id, name, values, grants, options } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div className="space-y-6">
      <BackLink to={`${SCHEMES_PATH}/${id}`}>{name}</BackLink>
      <PageHeader title={t("catalog.scheme.edit.title")} icon={<BadgePercent className="size-6" aria-hidden />} />
      <Card>
        <CardBody>
          <SchemeForm
            id="scheme-edit"
            values={submittedValues(answer) ?? values}
            grants={grants}
            errors={fieldErrors(answer)}
            formErrors={formErrors(answer)}
            options={options}
            submitLabel={t("common.save")}
          />
        </CardBody>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back={SCHEMES_PATH} backLabel="catalog.schemes.title" />;
}
