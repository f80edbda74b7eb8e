import { FileSignature, Plus } from "lucide-react";
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
  ContractError,
  ContractInputSchema,
  createContract,
  listContracts,
  listServiceStaff,
  type ContractInput,
} from "#app/modules/service/service-contracts.server.ts";
import { daysUntil, isoDay } from "#app/modules/service/service-dates.ts";
import { CONTRACT_STATUSES } from "#app/modules/service/service-enums.ts";
import { servedCompanyOptions } from "#app/modules/zones/service-scope.server.ts";
import { Button } from "#app/ui/button.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { Pager } from "#app/ui/list/pager.tsx";
import {
  ApprovalBadge,
  approvalKey,
  ContractStatusBadge,
  contractStatusKey,
  ExpiryBadge,
  responseModeKey,
  responseTimeKey,
} from "#app/ui/service/labels.tsx";
import { ContractFormFields, type ContractFormValues } from "#backoffice/components/contract-form.tsx";
import {
  fieldErrors,
  Flash,
  pageHref,
  Select,
  ServiceErrorBoundary,
  SearchField,
} from "#backoffice/components/zone-admin-ui.tsx";

// 服务合约 (back office): contracts of the customers this CSR serves, soonest end first, with the
// expiry badge (30 days) and a filter for those about to end; draft a new contract.

const PATH = "/crm/service-contracts";
const Query = z.object({
  q: z.string().trim().max(100).catch(""),
  status: z.enum(CONTRACT_STATUSES).optional().catch(undefined),
  expiring: z.enum(["30"]).optional().catch(undefined),
  companyId: z.coerce.number().int().positive().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "service", action: "browse" });
  const query = Query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const now = new Date();
  const list = await listContracts(db, {
    actor,
    q: query.q || undefined,
    status: query.status,
    companyId: query.companyId,
    expiringWithinDays: query.expiring ? 30 : undefined,
    page: query.page,
    now,
  });
  const canAdd = can(actor, "service", "add");
  const [companies, owners] = canAdd
    ? await Promise.all([servedCompanyOptions(db, actor, "add"), listServiceStaff(db)])
    : [[], []];
  return {
    query,
    total: list.total,
    pageSize: list.pageSize,
    rows: list.rows.map((c) => ({
      ...c,
      startDate: isoDay(c.startDate),
      endDate: isoDay(c.endDate),
      daysLeft: c.status === "in_force" ? daysUntil(c.endDate, now) : null,
    })),
    canAdd,
    companies,
    owners,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "service", action: "add" });
  const form = Object.fromEntries(await request.formData()) as Record<string, string>;
  const parsed = ContractInputSchema.safeParse(form);
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
    const created = await createContract(db, form as ContractInput, actor);
    return redirect(`${PATH}/${created.id}`);
  } catch (error) {
    if (error instanceof ContractError) {
      return data(
        { ok: false, message: "zones.bo.asset.error.company" as MessageKey, errors: {}, values: form },
        { status: 403 },
      );
    }
    throw error;
  }
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "zones.bo.contracts.title");

export default function ServiceContractsList() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(d.total / d.pageSize));
  const params = { q: d.query.q, status: d.query.status, expiring: d.query.expiring, companyId: d.query.companyId };
  const values: ContractFormValues = result?.values
    ? ({
        ...result.values,
        companyId: Number(result.values.companyId) || null,
        ownerId: Number(result.values.ownerId) || null,
      } as ContractFormValues)
    : { companyId: d.query.companyId ?? null };
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={t("zones.bo.eyebrow")}
        title={t("zones.bo.contracts.title")}
        description={t("zones.bo.contracts.description")}
        icon={<FileSignature aria-hidden className="size-6" />}
      />
      <Flash result={result} />
      <Card>
        <CardHeader title={t("zones.bo.contracts.cardTitle")} description={t("zones.bo.count", { total: d.total })} />
        <Form method="get" role="search" className="flex flex-wrap items-end gap-3 border-b border-slate-100 px-5 py-4">
          {d.query.companyId ? <input type="hidden" name="companyId" value={d.query.companyId} /> : null}
          <SearchField
            label={t("zones.bo.contracts.search")}
            defaultValue={d.query.q}
            className="min-w-0 flex-1 basis-64"
          />
          <Select
            name="status"
            defaultValue={d.query.status ?? ""}
            aria-label={t("zones.bo.contract.status")}
            className="w-auto"
          >
            <option value="">{t("zones.bo.assets.anyStatus")}</option>
            {CONTRACT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(contractStatusKey(s))}
              </option>
            ))}
          </Select>
          <label className="flex h-9 items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              name="expiring"
              value="30"
              defaultChecked={d.query.expiring === "30"}
              className="size-4 rounded border-slate-300"
            />
            {t("zones.bo.contracts.expiring")}
          </label>
          <Button type="submit" variant="secondary" size="sm" className="h-9">
            {t("zones.bo.search")}
          </Button>
        </Form>
        {d.rows.length === 0 ? (
          <EmptyState
            icon={<FileSignature aria-hidden className="size-5" />}
            title={t("zones.bo.contracts.empty")}
            description={t("zones.bo.contracts.emptyHint")}
          />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead className="border-b border-slate-100 bg-slate-50/60 text-left text-xs font-medium text-slate-500">
                <tr>
                  <th className="px-5 py-2.5">{t("zones.bo.contract.name")}</th>
                  <th className="px-3 py-2.5">{t("zones.contract.level")}</th>
                  <th className="px-3 py-2.5">{t("zones.contract.period")}</th>
                  <th className="px-3 py-2.5">{t("zones.bo.contract.owner")}</th>
                  <th className="px-5 py-2.5 text-right">{t("zones.bo.contract.status")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {d.rows.map((c) => (
                  <tr key={c.id} className="hover:bg-slate-50/70">
                    <td className="px-5 py-3">
                      <Link to={`${PATH}/${c.id}`} className="font-medium text-slate-900 hover:text-blue-700">
                        {c.name}
                      </Link>
                      <span className="block text-xs text-slate-500">
                        {c.number} · {c.company.name} · {t("zones.contract.assetCount", { count: c._count.assets })}
                      </span>
                    </td>
                    <td className="px-3 py-3 text-slate-600">
                      {t(responseModeKey(c.responseMode))}
                      <span className="block text-xs text-slate-500">{t(responseTimeKey(c.responseTime))}</span>
                    </td>
                    <td className="px-3 py-3 whitespace-nowrap text-slate-600">
                      {c.startDate}
                      <span className="block text-xs text-slate-500">
                        {t("zones.contract.until", { date: c.endDate })}
                      </span>
                    </td>
                    <td className="px-3 py-3 text-slate-600">{c.owner?.name ?? "—"}</td>
                    <td className="px-5 py-3 text-right">
                      <span className="inline-flex flex-col items-end gap-1">
                        <ContractStatusBadge status={c.status} label={t(contractStatusKey(c.status))} />
                        {c.status === "drafting" ? (
                          <ApprovalBadge state={c.approvalState} label={t(approvalKey(c.approvalState))} />
                        ) : null}
                        <ExpiryBadge daysLeft={c.daysLeft} t={t} />
                      </span>
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
        <Card id="new-contract">
          <CardHeader
            icon={<Plus aria-hidden className="size-4" />}
            title={t("zones.bo.contracts.create")}
            description={t("zones.bo.contracts.createHint")}
          />
          <Form method="post" className="space-y-4 px-5 py-4">
            <ContractFormFields
              values={values}
              errors={result?.errors ?? {}}
              companies={d.companies}
              owners={d.owners}
            />
            <Button type="submit">{t("zones.bo.contracts.createSubmit")}</Button>
          </Form>
        </Card>
      ) : null}
    </div>
  );
}

export function ErrorBoundary({ error }: { error: unknown }) {
  return <ServiceErrorBoundary error={error} back="/crm" backLabel="zones.bo.backHome" />;
}
