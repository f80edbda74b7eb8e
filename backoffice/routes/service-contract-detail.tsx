import { ArrowLeft, CheckCircle2, Flag, Package, Play, Send, Trash2, XCircle } from "lucide-react";
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
  ContractError,
  ContractInputSchema,
  contractTotals,
  CoveredAssetSchema,
  canApproveContracts,
  getContractForStaff,
  mayModifyContract,
  listServiceStaff,
  removeCoveredAsset,
  setCoveredAsset,
  transitionContract,
  updateContract,
  type ContractInput,
  type ContractTransition,
} from "#app/modules/service/service-contracts.server.ts";
import { daysUntil, isoDay } from "#app/modules/service/service-dates.ts";
import { Button } from "#app/ui/button.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import {
  ApprovalBadge,
  approvalKey,
  AssetStatusBadge,
  assetStatusKey,
  ContractStatusBadge,
  contractStatusKey,
  contractTypeKey,
  ExpiryBadge,
} from "#app/ui/service/labels.tsx";
import { ContractFormFields } from "#backoffice/components/contract-form.tsx";
import {
  Field,
  fieldErrors,
  Flash,
  Select,
  ServiceErrorBoundary,
  TextInput,
} from "#backoffice/components/zone-admin-ui.tsx";

// One service contract in the back office: status and approval transitions, the expiry badge,
// editable terms, covered assets with their net and total values.

const Params = z.object({ contractId: z.coerce.number().int().positive().max(2_147_483_647) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "service", action: "browse" });
  const parsed = Params.safeParse(params);
  const c = parsed.success ? await getContractForStaff(db, parsed.data.contractId, actor) : null;
  if (!c) throw data(null, { status: 404 });
  const canModify = await mayModifyContract(db, actor, c.id);
  const [assets, owners] = canModify
    ? await Promise.all([
        db.asset.findMany({
          where: { companyId: c.companyId, id: { notIn: c.assets.map((a) => a.asset.id) } },
          orderBy: { id: "asc" },
          take: 300,
          select: { id: true, number: true, name: true },
        }),
        listServiceStaff(db),
      ])
    : [[], []];
  const reminded = Array.isArray(c.remindedDays)
    ? c.remindedDays.filter((v): v is string => typeof v === "string")
    : [];
  return {
    canModify,
    // approving is for whoever sees every contract (service scope "all", e.g. the service manager or an admin)
    canApprove: canApproveContracts(actor),
    assets,
    owners,
    contract: {
      id: c.id,
      number: c.number,
      name: c.name,
      companyId: c.companyId,
      company: c.company,
      type: c.type,
      status: c.status,
      approvalState: c.approvalState,
      responseMode: c.responseMode,
      responseTime: c.responseTime,
      startDate: isoDay(c.startDate),
      endDate: isoDay(c.endDate),
      terms: c.terms,
      ownerId: c.ownerId,
      owner: c.owner,
      daysLeft: c.status === "in_force" ? daysUntil(c.endDate, new Date()) : null,
      reminded,
      totals: contractTotals(c.assets),
      covered: c.assets.map((a) => ({
        ...a.asset,
        netValue: a.netValue?.toFixed(2) ?? null,
        totalValue: a.totalValue?.toFixed(2) ?? null,
      })),
    },
  };
}

const TRANSITIONS = [
  "submit",
  "approve",
  "reject",
  "activate",
  "complete",
] as const satisfies readonly ContractTransition[];

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "service", action: "modify" });
  const contractId = Params.parse(params).contractId;
  const form = Object.fromEntries(await request.formData()) as Record<string, string>;
  try {
    if ((TRANSITIONS as readonly string[]).includes(form.intent ?? "")) {
      await transitionContract(db, {
        contractId,
        transition: form.intent as ContractTransition,
        actor,
        canApprove: canApproveContracts(actor),
      });
      return data({ ok: true, message: `zones.bo.contract.done.${form.intent}` as MessageKey, errors: {} });
    }
    if (form.intent === "cover") {
      const parsed = CoveredAssetSchema.safeParse(form);
      if (!parsed.success)
        return data(
          { ok: false, message: "zones.bo.error.form" as MessageKey, errors: fieldErrors(parsed.error.issues) },
          { status: 400 },
        );
      await setCoveredAsset(db, contractId, parsed.data, actor);
      return data({ ok: true, message: "zones.bo.contract.done.covered" as MessageKey, errors: {} });
    }
    if (form.intent === "uncover") {
      const assetId = z.coerce.number().int().positive().safeParse(form.assetId);
      if (!assetId.success)
        return data({ ok: false, message: "zones.bo.error.form" as MessageKey, errors: {} }, { status: 400 });
      await removeCoveredAsset(db, contractId, assetId.data, actor);
      return data({ ok: true, message: "zones.bo.contract.done.uncovered" as MessageKey, errors: {} });
    }
    const parsed = ContractInputSchema.safeParse(form);
    if (!parsed.success)
      return data(
        { ok: false, message: "zones.bo.error.form" as MessageKey, errors: fieldErrors(parsed.error.issues) },
        { status: 400 },
      );
    // validated above; the service parses again and owns the rules
    await updateContract(db, contractId, form as ContractInput, actor);
    return data({ ok: true, message: "zones.bo.contract.done.saved" as MessageKey, errors: {} });
  } catch (error) {
    if (error instanceof ContractError) {
      if (error.code === "not-found") throw data(null, { status: 404 });
      const message: MessageKey =
        error.code === "forbidden"
          ? "zones.bo.contract.error.approve"
          : error.code === "wrong-company"
            ? "zones.bo.contract.error.company"
            : "zones.bo.contract.error.state";
      return data({ ok: false, message, errors: {} }, { status: 409 });
    }
    throw error;
  }
}

export const meta = ({ matches, data: d }: MetaArgs) => {
  const name = d && typeof d === "object" && "contract" in d ? (d as { contract: { name: string } }).contract.name : "";
  return pageTitle(matches, "zones.contract.pageTitle", { name });
};

function Transition({
  intent,
  label,
  icon,
  variant = "secondary",
}: {
  intent: ContractTransition;
  label: string;
  icon: React.ReactNode;
  variant?: "primary" | "secondary";
}) {
  const busy = useNavigation().state !== "idle";
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <Button type="submit" size="sm" variant={variant} disabled={busy}>
        {icon}
        {label}
      </Button>
    </Form>
  );
}

export default function ServiceContractDetail() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const { t } = useI18n();
  const c = d.contract;
  const drafting = c.status === "drafting";
  return (
    <div className="space-y-6">
      <div>
        <Link
          to="/crm/service-contracts"
          className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-800"
        >
          <ArrowLeft aria-hidden className="size-4" />
          {t("zones.bo.contract.back")}
        </Link>
        <div className="mt-3 flex flex-col gap-3 lg:flex-row lg:items-end lg:justify-between">
          <div>
            <p className="text-sm text-slate-500">
              {c.number} · {t(contractTypeKey(c.type))} ·{" "}
              <Link to={`/crm/service-contracts?companyId=${c.company.id}`} className="hover:text-blue-700">
                {c.company.name}
              </Link>
            </p>
            <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight text-slate-900">
              {c.name}
              <ContractStatusBadge status={c.status} label={t(contractStatusKey(c.status))} />
              <ApprovalBadge state={c.approvalState} label={t(approvalKey(c.approvalState))} />
              <ExpiryBadge daysLeft={c.daysLeft} t={t} />
            </h1>
            <p className="mt-1 text-sm text-slate-500">
              {c.startDate} — {c.endDate} · {t("zones.bo.contract.ownerIs", { name: c.owner?.name ?? "—" })}
              {c.reminded.length > 0
                ? ` · ${t("zones.bo.contract.reminded", { list: c.reminded.map((r) => r.split("/")[1]).join("/") })}`
                : ""}
            </p>
          </div>
          {d.canModify ? (
            <div className="flex flex-wrap gap-2">
              {drafting && c.approvalState === "pending" && d.canApprove ? (
                <>
                  <Transition
                    intent="approve"
                    variant="primary"
                    label={t("zones.bo.contract.approve")}
                    icon={<CheckCircle2 aria-hidden className="size-4" />}
                  />
                  <Transition
                    intent="reject"
                    label={t("zones.bo.contract.reject")}
                    icon={<XCircle aria-hidden className="size-4" />}
                  />
                </>
              ) : null}
              {drafting && c.approvalState === "rejected" ? (
                <Transition
                  intent="submit"
                  label={t("zones.bo.contract.submit")}
                  icon={<Send aria-hidden className="size-4" />}
                />
              ) : null}
              {drafting && c.approvalState === "approved" ? (
                <Transition
                  intent="activate"
                  variant="primary"
                  label={t("zones.bo.contract.activate")}
                  icon={<Play aria-hidden className="size-4" />}
                />
              ) : null}
              {c.status === "in_force" ? (
                <Transition
                  intent="complete"
                  label={t("zones.bo.contract.complete")}
                  icon={<Flag aria-hidden className="size-4" />}
                />
              ) : null}
            </div>
          ) : null}
        </div>
        {drafting && c.approvalState === "pending" && !d.canApprove ? (
          <p className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-amber-600/15">
            {t("zones.bo.contract.awaiting")}
          </p>
        ) : null}
      </div>

      <Flash result={result} />

      <Card>
        <CardHeader
          icon={<Package aria-hidden className="size-4" />}
          title={t("zones.contract.covered", { count: c.covered.length })}
          description={t("zones.bo.contract.totals", { net: c.totals.net, total: c.totals.total })}
        />
        {c.covered.length === 0 ? (
          <p className="px-5 py-6 text-center text-sm text-slate-500">{t("zones.contract.coveredEmpty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead className="border-b border-slate-100 bg-slate-50/60 text-left text-xs font-medium text-slate-500">
                <tr>
                  <th className="px-5 py-2.5">{t("zones.asset.name")}</th>
                  <th className="px-3 py-2.5">{t("zones.asset.serialNumber")}</th>
                  <th className="px-3 py-2.5 text-right">{t("zones.contract.netValue")}</th>
                  <th className="px-3 py-2.5 text-right">{t("zones.contract.totalValue")}</th>
                  <th className="px-3 py-2.5">{t("zones.asset.statusLabel")}</th>
                  <th className="px-5 py-2.5" />
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {c.covered.map((a) => (
                  <tr key={a.id}>
                    <td className="px-5 py-3">
                      <Link to={`/crm/assets/${a.id}`} className="font-medium text-slate-900 hover:text-blue-700">
                        {a.name}
                      </Link>
                      <span className="block text-xs text-slate-500">
                        {[a.number, a.model].filter(Boolean).join(" · ")}
                      </span>
                    </td>
                    <td className="px-3 py-3 font-mono text-xs text-slate-600">{a.serialNumber ?? "—"}</td>
                    <td className="px-3 py-3 text-right tabular-nums">{a.netValue ?? "—"}</td>
                    <td className="px-3 py-3 text-right tabular-nums">{a.totalValue ?? "—"}</td>
                    <td className="px-3 py-3">
                      <AssetStatusBadge status={a.status} label={t(assetStatusKey(a.status))} />
                    </td>
                    <td className="px-5 py-3 text-right">
                      {d.canModify && c.status !== "completed" ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="uncover" />
                          <input type="hidden" name="assetId" value={a.id} />
                          <Button
                            type="submit"
                            size="sm"
                            variant="ghost"
                            disabled={busy}
                            aria-label={t("zones.bo.contract.uncover", { name: a.name })}
                          >
                            <Trash2 aria-hidden className="size-4" />
                          </Button>
                        </Form>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {d.canModify && c.status !== "completed" ? (
          <Form
            method="post"
            className="grid gap-3 border-t border-slate-100 px-5 py-4 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end"
          >
            <input type="hidden" name="intent" value="cover" />
            <Field label={t("zones.bo.contract.addAsset")}>
              <Select name="assetId" required disabled={d.assets.length === 0}>
                {d.assets.length === 0 ? <option value="">{t("zones.bo.contract.noAssets")}</option> : null}
                {d.assets.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}（{a.number}）
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t("zones.contract.netValue")}>
              <TextInput name="netValue" inputMode="decimal" />
            </Field>
            <Field label={t("zones.contract.totalValue")}>
              <TextInput name="totalValue" inputMode="decimal" />
            </Field>
            <Button type="submit" variant="secondary" disabled={busy || d.assets.length === 0}>
              {t("zones.bo.contract.addAssetSubmit")}
            </Button>
          </Form>
        ) : null}
      </Card>

      <Card>
        <CardHeader title={t("zones.bo.contract.details")} />
        <Form method="post" className="space-y-4 px-5 py-4">
          <input type="hidden" name="intent" value="edit" />
          <fieldset disabled={!d.canModify || c.status === "completed"} className="contents">
            <ContractFormFields
              values={c}
              errors={result?.errors ?? {}}
              owners={d.owners.length > 0 ? d.owners : c.owner ? [c.owner] : []}
            />
          </fieldset>
          {d.canModify && c.status !== "completed" ? (
            <Button type="submit" disabled={busy}>
              {t("zones.bo.save")}
            </Button>
          ) : null}
        </Form>
      </Card>
    </div>
  );
}

export function ErrorBoundary({ error }: { error: unknown }) {
  return <ServiceErrorBoundary error={error} back="/crm/service-contracts" backLabel="zones.bo.contract.back" />;
}
