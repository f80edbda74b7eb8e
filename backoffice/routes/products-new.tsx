import { Package } from "lucide-react";
import { useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { saveProductForm } from "#app/modules/catalog/product-actions.server.ts";
import { NEW_PRODUCT_VALUES } from "#app/modules/catalog/product-input.ts";
import { categoryOptions } from "#app/modules/catalog/products.server.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { Card, CardBody } from "#app/ui/card.tsx";
import { fieldErrors, formErrors, submittedValues } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { ProductForm } from "#backoffice/components/catalog/product-form.tsx";
import { PRODUCTS_PATH } from "#backoffice/components/catalog/product-screen.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 新建产品 (/crm/products/new).

const POLICY = { module: "catalog", action: "add" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffActor(request, POLICY);
  return { categories: await categoryOptions(db) };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, POLICY);
  return saveProductForm(db, actor, null, await request.formData());
}

export const meta = titleMeta("catalog.product.new.title");

export default function ProductNew() {
  const { categories } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div className="space-y-6">
      <BackLink to={PRODUCTS_PATH}>{t("catalog.products.title")}</BackLink>
      <PageHeader title={t("catalog.product.new.title")} icon={<Package className="size-6" aria-hidden />} />
      <Card>
        <CardBody>
          <ProductForm
            id="product-new"
            values={submittedValues(answer) ?? NEW_PRODUCT_VALUES}
            errors={fieldErrors(answer)}
            formErrors={formErrors(answer)}
            categories={categories}
            submitLabel={t("common.create")}
          />
        </CardBody>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back={PRODUCTS_PATH} backLabel="catalog.products.title" />;
}
