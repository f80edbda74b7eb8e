import { Package, Plus } from "lucide-react";
import {
  data,
  Form,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import {
  AssetError,
  AssetInputSchema,
  assetParentOptions,
  createAsset,
  listAssets,
  type AssetInput,
} from "#app/modules/service/assets.server.ts";
import { isoDay } from "#app/modules/service/service-dates.ts";
import { ASSET_STATUSES } from "#app/modules/service/service-enums.ts";
import { servedCompanyOptions } from "#app/modules/zones/service-scope.server.ts";
import { Button } from "#app/ui/button.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { Pager } from "#app/ui/list/pager.tsx";
import { AssetStatusBadge, assetStatusKey } from "#app/ui/service/labels.tsx";
import { AssetFormFields, type AssetFormValues } from "#backoffice/components/asset-form.tsx";
import {
  fieldErrors,
  Flash,
  pageHref,
  Select,
  ServiceErrorBoundary,
  SearchField,
} from "#backoffice/components/zone-admin-ui.tsx";

// 客户资产 (back office): assets of the customers this CSR serves; search by name, number, S/N, model
// or company; record a new asset (optionally under a parent, for system → unit → part).

const PATH = "/crm/assets";
const Query = z.object({
  q: z.string().trim().max(100).catch(""),
  status: z.enum(ASSET_STATUSES).optional().catch(undefined),
  companyId: z.coerce.number().int().positive().optional().catch(undefined),
  parentId: z.coerce.number().int().positive().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "service", action: "browse" });
  const url = new URL(request.url);
  const query = Query.parse(Object.fromEntries(url.searchParams));
  const list = await listAssets(db, {
    actor,
    q: query.q || undefined,
    status: query.status,
    companyId: query.companyId,
    page: query.page,
  });
  const [companies, parents] = await Promise.all([
    servedCompanyOptions(db, actor, "add"),
    query.companyId ? assetParentOptions(db, actor, query.companyId) : Promise.resolve([]),
  ]);
  return {
    query,
    total: list.total,
    pageSize: list.pageSize,
    rows: list.rows.map((r) => ({ ...r, warrantyEnd: r.warrantyEnd ? isoDay(r.warrantyEnd) : null })),
    canAdd: can(actor, "service", "add"),
    companies,
    parents,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "service", action: "add" });
  const form = Object.fromEntries(await request.formData()) as Record<string, string>;
  const parsed = AssetInputSchema.safeParse(form);
  if (!parsed.success) {
    return data(
      {
        ok: false,
        message: "zones.bo.error.form" as MessageKey,
        errors: fieldErrors(parsed.error.issues),
        values: form,
      },
      { status: 400 },
    );
  }
  try {
    // validated above; the service parses again and owns the rules
    const created = await createAsset(db, form as AssetInput, actor);
    return redirect(`${PATH}/${created.id}`);
  } catch (error) {
    if (error instanceof AssetError) {
      const errors: Record<string, MessageKey> =
        error.code === "bad-parent" ? { parentId: "zones.bo.asset.error.parent" } : {};
      const message: MessageKey = error.code === "forbidden" ? "zones.bo.asset.error.company" : "zones.bo.error.form";
      return data({ ok: false, message, errors, values: form }, { status: 409 });
    }
    throw error;
  }
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "zones.bo.assets.title");

export default function AssetsList() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(d.total / d.pageSize));
  const params = { q: d.query.q, status: d.query.status, companyId: d.query.companyId };
  const values: AssetFormValues = result?.values
    ? ({
        ...result.values,
        companyId: Number(result.values.companyId) || null,
        parentId: Number(result.values.parentId) || null,
        quantity: Number(result.values.quantity) || 1,
      } as AssetFormValues)
    : { companyId: d.query.companyId ?? null, parentId: d.query.parentId ?? null };
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={t("zones.bo.eyebrow")}
        title={t("zones.bo.assets.title")}
        description={t("zones.bo.assets.description")}
        icon={<Package aria-hidden className="size-6" />}
      />
      <Flash result={result} />
      <Card>
        <CardHeader title={t("zones.bo.assets.cardTitle")} description={t("zones.bo.count", { total: d.total })} />
        <Form method="get" role="search" className="flex flex-wrap items-end gap-3 border-b border-slate-100 px-5 py-4">
          {d.query.companyId ? <input type="hidden" name="companyId" value={d.query.companyId} /> : null}
          <SearchField
            label={t("zones.bo.assets.search")}
            defaultValue={d.query.q}
            className="min-w-0 flex-1 basis-64"
          />
          <Select
            name="status"
            defaultValue={d.query.status ?? ""}
            aria-label={t("zones.asset.statusLabel")}
            className="w-auto"
          >
            <option value="">{t("zones.bo.assets.anyStatus")}</option>
            {ASSET_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(assetStatusKey(s))}
              </option>
            ))}
          </Select>
          <Button type="submit" variant="secondary" size="sm" className="h-9">
            {t("zones.bo.search")}
          </Button>
        </Form>
        {d.rows.length === 0 ? (
          <EmptyState
            icon={<Package aria-hidden className="size-5" />}
            title={t("zones.bo.assets.empty")}
            description={t("zones.bo.assets.emptyHint")}
          />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead className="border-b border-slate-100 bg-slate-50/60 text-left text-xs font-medium text-slate-500">
                <tr>
                  <th className="px-5 py-2.5">{t("zones.asset.name")}</th>
                  <th className="px-3 py-2.5">{t("zones.bo.asset.company")}</th>
                  <th className="px-3 py-2.5">{t("zones.asset.serialNumber")}</th>
                  <th className="px-3 py-2.5">{t("zones.asset.warrantyEnd")}</th>
                  <th className="px-5 py-2.5 text-right">{t("zones.asset.statusLabel")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {d.rows.map((r) => (
                  <tr key={r.id} className="hover:bg-slate-50/70">
                    <td className="px-5 py-3">
                      <Link to={`${PATH}/${r.id}`} className="font-medium text-slate-900 hover:text-blue-700">
                        {r.name}
                      </Link>
                      <span className="block text-xs text-slate-500">
                        {[
                          r.number,
                          r.model,
                          r.parent ? t("zones.bo.asset.under", { name: r.parent.name }) : null,
                          r._count.children > 0 ? t("zones.assets.childCount", { count: r._count.children }) : null,
                        ]
                          .filter(Boolean)
                          .join(" · ")}
                      </span>
                    </td>
                    <td className="px-3 py-3 text-slate-600">{r.company.name}</td>
                    <td className="px-3 py-3 font-mono text-xs text-slate-600">{r.serialNumber ?? "—"}</td>
                    <td className="px-3 py-3 text-slate-600">{r.warrantyEnd ?? "—"}</td>
                    <td className="px-5 py-3 text-right">
                      <AssetStatusBadge status={r.status} label={t(assetStatusKey(r.status))} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {pages > 1 ? (
          <Pager
            label={t("zones.bo.pager")}
            summary={t("zones.bo.pageOf", { page: d.query.page, pages })}
            prevLabel={t("zones.bo.prev")}
            nextLabel={t("zones.bo.next")}
            prevTo={d.query.page > 1 ? pageHref(PATH, params, d.query.page - 1) : null}
            nextTo={d.query.page < pages ? pageHref(PATH, params, d.query.page + 1) : null}
          />
        ) : null}
      </Card>

      {d.canAdd ? (
        <Card id="new-asset">
          <CardHeader
            icon={<Plus aria-hidden className="size-4" />}
            title={t("zones.bo.assets.create")}
            description={d.query.companyId ? t("zones.bo.assets.createHintCompany") : t("zones.bo.assets.createHint")}
          />
          <Form method="post" className="space-y-4 px-5 py-4">
            <AssetFormFields
              values={values}
              errors={result?.errors ?? {}}
              companies={d.companies}
              parents={d.parents}
            />
            <Button type="submit">{t("zones.bo.assets.createSubmit")}</Button>
          </Form>
        </Card>
      ) : null}
    </div>
  );
}

export function ErrorBoundary({ error }: { error: unknown }) {
  return <ServiceErrorBoundary error={error} back="/crm" backLabel="zones.bo.backHome" />;
}
