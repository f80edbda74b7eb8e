import { BadgePercent } from "lucide-react";
import { useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { saveSchemeForm } from "#app/modules/catalog/price-scheme-actions.server.ts";
import { schemeFormOptions } from "#app/modules/catalog/price-schemes.server.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { Card, CardBody } from "#app/ui/card.tsx";
import { fieldErrors, formErrors, submittedValues } from "#app/ui/form/index.ts";
import { listFilters } from "#app/ui/list/list-query.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { SchemeForm } from "#backoffice/components/catalog/scheme-form.tsx";
import { SCHEMES_PATH } from "#backoffice/components/catalog/scheme-screen.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 新建价格方案 (/crm/price-schemes/new); `?product=` starts it for that product.

const POLICY = { module: "catalog", action: "add" } as const;
const ProductParam = listFilters.id();

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffActor(request, POLICY);
  const product = ProductParam.parse(new URL(request.url).searchParams.get("product") ?? undefined);
  const values = { target: "product", shared: "on", productId: product ? String(product) : "" };
  return { options: await schemeFormOptions(db), values };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, POLICY);
  return saveSchemeForm(db, actor, null, await request.formData());
}

export const meta = titleMeta("catalog.scheme.new.title");

export default function PriceSchemeNew() {
  const { options, values } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div className="space-y-6">
      <BackLink to={SCHEMES_PATH}>{t("catalog.schemes.title")}</BackLink>
      <PageHeader title={t("catalog.scheme.new.title")} icon={<BadgePercent className="size-6" aria-hidden />} />
      <Card>
        <CardBody>
          <SchemeForm
            id="scheme-new"
            values={submittedValues(answer) ?? values}
            grants={[]}
            errors={fieldErrors(answer)}
            formErrors={formErrors(answer)}
            options={options}
            submitLabel={t("common.create")}
          />
        </CardBody>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back={SCHEMES_PATH} backLabel="catalog.schemes.title" />;
}
