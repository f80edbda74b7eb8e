import { Package } from "lucide-react";
import { data, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { saveProductForm } from "#app/modules/catalog/product-actions.server.ts";
import { categoryOptions, getProduct, productFormValues } from "#app/modules/catalog/products.server.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { Card, CardBody } from "#app/ui/card.tsx";
import { fieldErrors, formErrors, submittedValues } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { ProductForm } from "#backoffice/components/catalog/product-form.tsx";
import { PRODUCTS_PATH } from "#backoffice/components/catalog/product-screen.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 编辑产品 (/crm/products/:productId/edit): the same form as 新建, filled from the stored product.

const POLICY = { module: "catalog", action: "modify" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaffActor(request, POLICY);
  const product = await getProduct(db, requireIdParam(params.productId));
  if (!product) throw data(null, { status: 404 });
  return {
    id: product.id,
    name: product.name,
    values: productFormValues(product),
    categories: await categoryOptions(db),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, POLICY);
  return saveProductForm(db, actor, requireIdParam(params.productId), await request.formData());
}

export const meta = titleMeta("catalog.product.edit.title");

export default function ProductEdit() {
  const { id, name, values, categories } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div className="space-y-6">
      <BackLink to={`${PRODUCTS_PATH}/${id}`}>{name}</BackLink>
      <PageHeader title={t("catalog.product.edit.title")} icon={<Package className="size-6" aria-hidden />} />
      <Card>
        <CardBody>
          <ProductForm
            id="product-edit"
            values={submittedValues(answer) ?? values}
            errors={fieldErrors(answer)}
            formErrors={formErrors(answer)}
            categories={categories}
            submitLabel={t("common.save")}
          />
        </CardBody>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back={PRODUCTS_PATH} backLabel="catalog.products.title" />;
}
