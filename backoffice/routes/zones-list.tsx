import { Building2, Plus } from "lucide-react";
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
import { servedCompanyOptions } from "#app/modules/zones/service-scope.server.ts";
import { listZones, openZoneFor, ZoneError } from "#app/modules/zones/zones.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Button } from "#app/ui/button.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { Pager } from "#app/ui/list/pager.tsx";
import {
  Field,
  Flash,
  pageHref,
  Select,
  ServiceErrorBoundary,
  SearchField,
  TextInput,
} from "#backoffice/components/zone-admin-ui.tsx";

// 用户专区 (back office): the zones this CSR co-manages (or, with a wider service scope, their team's
// or all), with pending entries to confirm; open a zone for a customer company.

const PATH = "/crm/zones";
const Query = z.object({
  q: z.string().trim().max(100).catch(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "service", action: "browse" });
  const url = new URL(request.url);
  const query = Query.parse({ q: url.searchParams.get("q") ?? "", page: url.searchParams.get("page") ?? 1 });
  const [list, companies] = await Promise.all([
    listZones(db, { actor, q: query.q || undefined, page: query.page }),
    servedCompanyOptions(db, actor, "add", { zone: null }),
  ]);
  return { ...list, query, canAdd: can(actor, "service", "add"), companies };
}

const CreateSchema = z.object({
  companyId: z.coerce.number().int().positive(),
  name: z.string().trim().max(200).optional(),
});

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "service", action: "add" });
  const parsed = CreateSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success)
    return data({ ok: false, message: "zones.bo.zones.error.company" as MessageKey }, { status: 400 });
  try {
    const zone = await openZoneFor(db, actor, parsed.data);
    return redirect(`${PATH}/${zone.id}`);
  } catch (error) {
    if (error instanceof ZoneError && error.code === "zone-exists") {
      return data({ ok: false, message: "zones.bo.zones.error.exists" as MessageKey }, { status: 409 });
    }
    if (error instanceof ZoneError && (error.code === "wrong-company" || error.code === "no-company")) {
      return data({ ok: false, message: "zones.bo.zones.error.company" as MessageKey }, { status: 403 });
    }
    throw error;
  }
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "zones.bo.zones.title");

export default function ZonesList() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(d.total / d.pageSize));
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={t("zones.bo.eyebrow")}
        title={t("zones.bo.zones.title")}
        description={t("zones.bo.zones.description")}
        icon={<Building2 aria-hidden className="size-6" />}
      />
      <Flash result={result} />
      <Card>
        <CardHeader title={t("zones.bo.zones.cardTitle")} description={t("zones.bo.count", { total: d.total })} />
        <Form method="get" role="search" className="flex gap-3 border-b border-slate-100 px-5 py-4">
          <SearchField label={t("zones.bo.zones.search")} defaultValue={d.query.q} className="flex-1" />
          <Button type="submit" variant="secondary" size="sm" className="h-9">
            {t("zones.bo.search")}
          </Button>
        </Form>
        {d.rows.length === 0 ? (
          <EmptyState
            icon={<Building2 aria-hidden className="size-5" />}
            title={t("zones.bo.zones.empty")}
            description={t("zones.bo.zones.emptyHint")}
          />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead className="border-b border-slate-100 bg-slate-50/60 text-left text-xs font-medium text-slate-500">
                <tr>
                  <th className="px-5 py-2.5">{t("zones.bo.zones.zone")}</th>
                  <th className="px-3 py-2.5">{t("zones.bo.zones.csrs")}</th>
                  <th className="px-3 py-2.5 text-right">{t("zones.bo.zones.members")}</th>
                  <th className="px-5 py-2.5 text-right">{t("zones.bo.zones.pending")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {d.rows.map((z) => (
                  <tr key={z.id} className="hover:bg-slate-50/70">
                    <td className="px-5 py-3">
                      <Link to={`${PATH}/${z.id}`} className="font-medium text-slate-900 hover:text-blue-700">
                        {z.name}
                      </Link>
                      <span className="block text-xs text-slate-500">
                        {z.company.number} · {z.company.name}
                      </span>
                    </td>
                    <td className="px-3 py-3 text-slate-600">{z.managers.map((m) => m.name).join("、") || "—"}</td>
                    <td className="px-3 py-3 text-right tabular-nums">{z.activeMembers}</td>
                    <td className="px-5 py-3 text-right">
                      {z.pending > 0 ? (
                        <Badge tone="amber">{t("zones.bo.zones.pendingCount", { count: z.pending })}</Badge>
                      ) : (
                        <span className="text-slate-400">0</span>
                      )}
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
            prevTo={d.query.page > 1 ? pageHref(PATH, { q: d.query.q }, d.query.page - 1) : null}
            nextTo={d.query.page < pages ? pageHref(PATH, { q: d.query.q }, d.query.page + 1) : null}
          />
        ) : null}
      </Card>

      {d.canAdd ? (
        <Card>
          <CardHeader
            icon={<Plus aria-hidden className="size-4" />}
            title={t("zones.bo.zones.create")}
            description={t("zones.bo.zones.createHint")}
          />
          <Form method="post" className="grid gap-4 px-5 py-4 sm:grid-cols-[2fr_2fr_auto] sm:items-end">
            <Field label={t("zones.bo.zones.company")}>
              <Select name="companyId" required defaultValue="">
                <option value="" disabled>
                  {t("zones.bo.choose")}
                </option>
                {d.companies.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}（{c.number}）
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t("zones.bo.zones.name")}>
              <TextInput name="name" maxLength={200} placeholder={t("zones.bo.zones.namePlaceholder")} />
            </Field>
            <Button type="submit">{t("zones.bo.zones.createSubmit")}</Button>
          </Form>
        </Card>
      ) : null}
    </div>
  );
}

export function ErrorBoundary({ error }: { error: unknown }) {
  return <ServiceErrorBoundary error={error} back="/crm" backLabel="zones.bo.backHome" />;
}
