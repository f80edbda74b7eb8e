import { ArrowLeft, FileSignature, Plus, Wrench } from "lucide-react";
import {
  data,
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import {
  addMaintenance,
  AssetError,
  AssetInputSchema,
  getAssetForStaff,
  mayModifyAsset,
  type AssetInput,
  listParentCandidates,
  MaintenanceInputSchema,
  updateAsset,
} from "#app/modules/service/assets.server.ts";
import { isoDay } from "#app/modules/service/service-dates.ts";
import { MAINTENANCE_METHODS } from "#app/modules/service/service-enums.ts";
import { Button, ButtonLink } from "#app/ui/button.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { pageTitle } from "#app/ui/meta.ts";
import {
  ApprovalBadge,
  approvalKey,
  AssetStatusBadge,
  assetStatusKey,
  ContractStatusBadge,
  contractStatusKey,
  methodKey,
} from "#app/ui/service/labels.tsx";
import { AssetFormFields } from "#backoffice/components/asset-form.tsx";
import {
  Field,
  fieldErrors,
  Flash,
  inputClass,
  Select,
  ServiceErrorBoundary,
  TextInput,
} from "#backoffice/components/zone-admin-ui.tsx";

// One customer asset in the back office: edit its fields, see its parts, log maintenance.

const Params = z.object({ assetId: z.coerce.number().int().positive().max(2_147_483_647) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "service", action: "browse" });
  const parsed = Params.safeParse(params);
  const asset = parsed.success ? await getAssetForStaff(db, parsed.data.assetId, actor) : null;
  if (!asset) throw data(null, { status: 404 });
  const canModify = await mayModifyAsset(db, actor, asset.id);
  const parents = canModify ? await listParentCandidates(db, asset.companyId, asset.id) : [];
  const staffNames = new Map(
    (
      await db.staff.findMany({
        where: { id: { in: asset.maintenance.map((m) => m.staffId).filter((v): v is number => v !== null) } },
        select: { id: true, name: true },
      })
    ).map((s) => [s.id, s.name]),
  );
  const day = (v: Date | null) => (v ? isoDay(v) : null);
  return {
    canModify,
    today: isoDay(new Date()),
    parents,
    asset: {
      ...asset,
      installedOn: day(asset.installedOn),
      warrantyStart: day(asset.warrantyStart),
      warrantyEnd: day(asset.warrantyEnd),
      maintenance: asset.maintenance.map((m) => ({
        id: m.id,
        performedOn: isoDay(m.performedOn),
        method: m.method,
        summary: m.summary,
        staff: m.staffId ? (staffNames.get(m.staffId) ?? null) : null,
      })),
      contracts: asset.contracts.map((c) => ({
        ...c.contract,
        endDate: isoDay(c.contract.endDate),
        netValue: c.netValue?.toFixed(2) ?? null,
        totalValue: c.totalValue?.toFixed(2) ?? null,
      })),
    },
  };
}

const NO_ERRORS: Record<string, MessageKey> = {};

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "service", action: "modify" });
  const assetId = Params.parse(params).assetId;
  const form = Object.fromEntries(await request.formData()) as Record<string, string>;
  try {
    if (form.intent === "maintenance") {
      const parsed = MaintenanceInputSchema.safeParse(form);
      if (!parsed.success) {
        return data(
          {
            ok: false,
            message: "zones.bo.error.form" as MessageKey,
            errors: fieldErrors(parsed.error.issues),
            form: "maintenance",
          },
          { status: 400 },
        );
      }
      await addMaintenance(db, assetId, form as z.input<typeof MaintenanceInputSchema>, actor);
      return data({
        ok: true,
        message: "zones.bo.asset.done.logged" as MessageKey,
        errors: NO_ERRORS,
        form: "maintenance",
      });
    }
    const parsed = AssetInputSchema.safeParse(form);
    if (!parsed.success) {
      return data(
        {
          ok: false,
          message: "zones.bo.error.form" as MessageKey,
          errors: fieldErrors(parsed.error.issues),
          form: "edit",
        },
        { status: 400 },
      );
    }
    // validated above; the service parses again and owns the rules
    await updateAsset(db, assetId, form as AssetInput, actor);
    return data({ ok: true, message: "zones.bo.asset.done.saved" as MessageKey, errors: NO_ERRORS, form: "edit" });
  } catch (error) {
    if (error instanceof AssetError) {
      if (error.code === "not-found") throw data(null, { status: 404 });
      const errors: Record<string, MessageKey> =
        error.code === "bad-parent" ? { parentId: "zones.bo.asset.error.parent" } : {};
      return data({ ok: false, message: "zones.bo.error.form" as MessageKey, errors, form: "edit" }, { status: 409 });
    }
    throw error;
  }
}

export const meta = ({ matches, data: d }: MetaArgs) => {
  const name = d && typeof d === "object" && "asset" in d ? (d as { asset: { name: string } }).asset.name : "";
  return pageTitle(matches, "zones.asset.pageTitle", { name });
};

export default function AssetDetail() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const { t } = useI18n();
  const a = d.asset;
  return (
    <div className="space-y-6">
      <div>
        <Link to="/crm/assets" className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-800">
          <ArrowLeft aria-hidden className="size-4" />
          {t("zones.bo.asset.back")}
        </Link>
        <div className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
          <div>
            <p className="text-sm text-slate-500">
              {a.number} ·{" "}
              <Link to={`/crm/assets?companyId=${a.company.id}`} className="hover:text-blue-700">
                {a.company.name}
              </Link>
            </p>
            <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight text-slate-900">
              {a.name}
              <AssetStatusBadge status={a.status} label={t(assetStatusKey(a.status))} />
            </h1>
            {a.parent ? (
              <p className="mt-1 text-sm text-slate-500">
                {t("zones.asset.partOf")}{" "}
                <Link to={`/crm/assets/${a.parent.id}`} className="text-blue-700 hover:underline">
                  {a.parent.name}
                </Link>
              </p>
            ) : null}
          </div>
          {d.canModify ? (
            <ButtonLink
              to={`/crm/assets?companyId=${a.company.id}&parentId=${a.id}#new-asset`}
              variant="secondary"
              size="sm"
            >
              <Plus aria-hidden className="size-4" />
              {t("zones.bo.asset.addChild")}
            </ButtonLink>
          ) : null}
        </div>
      </div>

      <Flash result={result} />

      <Card>
        <CardHeader title={t("zones.bo.asset.details")} />
        <Form method="post" className="space-y-4 px-5 py-4">
          <input type="hidden" name="intent" value="edit" />
          <fieldset disabled={!d.canModify} className="contents">
            <AssetFormFields
              values={a}
              errors={result?.form === "edit" ? result.errors : {}}
              parents={d.parents.length > 0 ? d.parents : a.parent ? [a.parent] : []}
            />
          </fieldset>
          {d.canModify ? (
            <Button type="submit" disabled={busy}>
              {t("zones.bo.save")}
            </Button>
          ) : null}
        </Form>
      </Card>

      {a.children.length > 0 ? (
        <Card>
          <CardHeader title={t("zones.asset.children", { count: a.children.length })} />
          <ul className="divide-y divide-slate-100">
            {a.children.map((c) => (
              <li key={c.id}>
                <Link to={`/crm/assets/${c.id}`} className="flex items-center gap-3 px-5 py-3 hover:bg-slate-50">
                  <span className="min-w-0 flex-1">
                    <span className="block font-medium text-slate-900">{c.name}</span>
                    <span className="block text-xs text-slate-500">
                      {[c.number, c.model].filter(Boolean).join(" · ")}
                    </span>
                  </span>
                  <AssetStatusBadge status={c.status} label={t(assetStatusKey(c.status))} />
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Card>
          <CardHeader icon={<Wrench aria-hidden className="size-4" />} title={t("zones.asset.log")} />
          {a.maintenance.length === 0 ? (
            <p className="px-5 py-6 text-center text-sm text-slate-500">{t("zones.asset.logEmpty")}</p>
          ) : (
            <ol className="px-5 py-4">
              {a.maintenance.map((m) => (
                <li key={m.id} className="relative border-l-2 border-slate-200 pb-5 pl-5 last:pb-0">
                  <span
                    aria-hidden
                    className="absolute top-1 -left-[7px] size-3 rounded-full border-2 border-white bg-blue-500"
                  />
                  <p className="text-xs text-slate-500">
                    <time>{m.performedOn}</time> ·{" "}
                    <span className="font-medium text-slate-700">{t(methodKey(m.method))}</span>
                    {m.staff ? ` · ${m.staff}` : ""}
                  </p>
                  <p className="mt-1 text-sm leading-6 text-slate-800">{m.summary}</p>
                </li>
              ))}
            </ol>
          )}
          {d.canModify ? (
            <Form method="post" className="grid gap-3 border-t border-slate-100 px-5 py-4 sm:grid-cols-2">
              <input type="hidden" name="intent" value="maintenance" />
              <Field
                label={t("zones.bo.asset.performedOn")}
                error={
                  result?.form === "maintenance" && result.errors.performedOn ? t(result.errors.performedOn) : null
                }
              >
                <TextInput type="date" name="performedOn" required defaultValue={d.today} />
              </Field>
              <Field label={t("zones.bo.asset.method")}>
                <Select name="method" defaultValue="maintain">
                  {MAINTENANCE_METHODS.map((m) => (
                    <option key={m} value={m}>
                      {t(methodKey(m))}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field
                label={t("zones.bo.asset.summary")}
                className="sm:col-span-2"
                error={result?.form === "maintenance" && result.errors.summary ? t(result.errors.summary) : null}
              >
                <textarea name="summary" required maxLength={1000} rows={3} className={cn(inputClass, "h-auto py-2")} />
              </Field>
              <div>
                <Button type="submit" disabled={busy}>
                  <Wrench aria-hidden className="size-4" />
                  {t("zones.bo.asset.logSubmit")}
                </Button>
              </div>
            </Form>
          ) : null}
        </Card>

        <Card>
          <CardHeader icon={<FileSignature aria-hidden className="size-4" />} title={t("zones.asset.contracts")} />
          {a.contracts.length === 0 ? (
            <p className="px-5 py-6 text-center text-sm text-slate-500">{t("zones.asset.contractsEmpty")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {a.contracts.map((c) => (
                <li key={c.id}>
                  <Link to={`/crm/service-contracts/${c.id}`} className="block px-5 py-3 hover:bg-slate-50">
                    <span className="block text-sm font-medium text-slate-900">{c.name}</span>
                    <span className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
                      <ContractStatusBadge status={c.status} label={t(contractStatusKey(c.status))} />
                      <ApprovalBadge state={c.approvalState} label={t(approvalKey(c.approvalState))} />
                      {t("zones.contract.until", { date: c.endDate })}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}

export function ErrorBoundary({ error }: { error: unknown }) {
  return <ServiceErrorBoundary error={error} back="/crm/assets" backLabel="zones.bo.asset.back" />;
}
