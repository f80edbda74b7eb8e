import { CheckCircle2, Flag, Play, Send, Trash2, XCircle } from "lucide-react";
import type { ReactNode } from "react";
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
import { formatMoney } from "#app/lib/format/money.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { respond } from "#app/lib/service-result.ts";
import { decideFromForm } from "#app/modules/approvals/approval-actions.server.ts";
import {
  coverAssetForm,
  isContractTransition,
  saveContractForm,
  transitionContractForm,
  uncoverAssetForm,
} from "#app/modules/service/contract-actions.server.ts";
import { getStaffContractPage } from "#app/modules/service/contract-pages.server.ts";
import type { ContractTransition } from "#app/modules/service/service-contracts.server.ts";
import {
  FailureNotice,
  fieldErrors,
  MoneyField,
  SelectField,
  SubmitButton,
  submittedValues,
} from "#app/ui/form/index.ts";
import { pageTitle } from "#app/ui/meta.ts";
import { ApprovalPanel } from "#app/ui/records/approval-panel.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { ContractHeading } from "#app/ui/service/contract-heading.tsx";
import { CoveredAssets, type CoveredAssetAmount } from "#app/ui/service/covered-assets.tsx";
import { contractTypeKey } from "#app/ui/service/labels.tsx";
import { ContractFormFields } from "#backoffice/components/contract-form.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";
import { RecordDetailsCard } from "#backoffice/components/service/record-details-card.tsx";
import { readServiceRecordPost } from "#backoffice/components/service/service-record-request.server.ts";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// One service contract in the back office: status and approval transitions, the expiry badge,
// editable terms, covered assets with their net and total values.

const pathOf = (id: number) => `/crm/service-contracts/${id}`;

/** Staff see what an asset costs us (net) beside what the customer pays for it (total). */
const STAFF_AMOUNTS: ReadonlyArray<CoveredAssetAmount<LoaderData["contract"]["covered"][number]>> = [
  { key: "net", header: "zones.contract.netValue", amount: (a) => a.netValue },
  { key: "total", header: "zones.contract.totalValue", amount: (a) => a.totalValue },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, { module: "service", action: "browse" }, params.contractId, (database, actor, id) =>
    getStaffContractPage(database, actor, id),
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, id, intent, values } = await readServiceRecordPost(request, params.contractId);
  const successTo = pathOf(id);
  if (isContractTransition(intent)) {
    return respond(await transitionContractForm(db, actor, id, intent), {
      successTo,
      flash: (done) => `flash.service.contract.${done}`,
    });
  }
  switch (intent) {
    case "approval-approve":
    case "approval-reject":
      return respond(await decideFromForm(db, actor, { ...values, intent }), { successTo, flash: "flash.saved" });
    case "cover":
      return respond(await coverAssetForm(db, actor, id, values), { successTo, flash: "flash.service.assetCovered" });
    case "uncover":
      return respond(await uncoverAssetForm(db, actor, id, values), {
        successTo,
        flash: "flash.service.assetUncovered",
      });
    case "edit":
      return respond(await saveContractForm(db, actor, id, values), {
        successTo,
        flash: "flash.service.contractSaved",
      });
    default:
      throw data(null, { status: 400 });
  }
}

export const meta = ({ matches, loaderData }: MetaArgs<typeof loader>) =>
  pageTitle(matches, "zones.contract.pageTitle", { name: loaderData?.contract.name ?? "" });

function Transition({
  intent,
  label,
  icon,
  variant = "secondary",
}: {
  intent: ContractTransition;
  label: string;
  icon: ReactNode;
  variant?: "primary" | "secondary";
}) {
  return (
    <Form method="post">
      <SubmitButton intent={intent} size="sm" variant={variant}>
        {icon}
        {label}
      </SubmitButton>
    </Form>
  );
}

type LoaderData = Awaited<ReturnType<typeof loader>>;

function Transitions({ d }: { d: LoaderData }) {
  const { t } = useI18n();
  const c = d.contract;
  const drafting = c.status === "drafting";
  if (!d.canModify) return null;
  return (
    <>
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
    </>
  );
}

export default function ServiceContractDetail() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const c = d.contract;
  const editable = d.canModify && c.status !== "completed";
  const sent = submittedValues(result)?.intent;
  const errors = fieldErrors(result);
  return (
    <div className="space-y-6">
      <div>
        <BackLink to="/crm/service-contracts">{t("common.backToContracts")}</BackLink>
        <ContractHeading
          contract={c}
          showApproval
          eyebrow={
            <>
              {c.number} · {t(contractTypeKey(c.type))} ·{" "}
              <Link to={`/crm/companies/${c.company.id}/contracts`} className="hover:text-blue-700">
                {c.company.name}
              </Link>
            </>
          }
          subtitle={
            <>
              {c.startDate} — {c.endDate} · {t("zones.bo.contract.ownerIs", { name: c.owner?.name ?? "—" })}
              {d.reminded.length > 0
                ? ` · ${t("zones.bo.contract.reminded", { list: d.reminded.map((r) => r.split("/")[1]).join("/") })}`
                : ""}
            </>
          }
          actions={<Transitions d={d} />}
        />
        {c.status === "drafting" && c.approvalState === "pending" && !d.canApprove ? (
          <p className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-amber-600/15">
            {t("zones.bo.contract.awaiting")}
          </p>
        ) : null}
      </div>

      <FailureNotice result={result} />

      {d.approval || d.approvalFlow ? (
        <ApprovalPanel approval={d.approval} hasFlow={d.approvalFlow} commentErrors={errors.comment} />
      ) : null}

      <CoveredAssets
        assets={c.covered}
        linkBase="/crm/assets"
        amounts={STAFF_AMOUNTS}
        description={t("zones.bo.contract.totals", {
          net: formatMoney(c.totals.net, locale),
          total: formatMoney(c.totals.total, locale),
        })}
        rowAction={
          editable
            ? (a) => (
                <Form method="post">
                  <input type="hidden" name="assetId" value={a.id} />
                  <SubmitButton
                    intent="uncover"
                    size="sm"
                    variant="ghost"
                    pendingLabel={<Trash2 aria-hidden className="size-4" />}
                    aria-label={t("common.removeNamed", { name: a.name })}
                  >
                    <Trash2 aria-hidden className="size-4" />
                  </SubmitButton>
                </Form>
              )
            : undefined
        }
      >
        {editable ? (
          <Form
            method="post"
            className="grid gap-3 border-t border-slate-100 px-5 py-4 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end"
          >
            <SelectField
              name="assetId"
              id="cover-assetId"
              label={t("zones.bo.contract.addAsset")}
              required
              disabled={d.coverable.length === 0}
              placeholder={d.coverable.length === 0 ? t("zones.bo.contract.noAssets") : undefined}
              options={d.coverable.map((a) => ({ value: String(a.id), label: `${a.name}（${a.number}）` }))}
              errors={sent === "cover" ? errors.assetId : undefined}
            />
            <MoneyField
              name="netValue"
              id="cover-netValue"
              label={t("zones.contract.netValue")}
              errors={sent === "cover" ? errors.netValue : undefined}
            />
            <MoneyField
              name="totalValue"
              id="cover-totalValue"
              label={t("zones.contract.totalValue")}
              errors={sent === "cover" ? errors.totalValue : undefined}
            />
            <SubmitButton intent="cover" variant="secondary" disabled={d.coverable.length === 0}>
              {t("common.add")}
            </SubmitButton>
          </Form>
        ) : null}
      </CoveredAssets>

      <RecordDetailsCard title={t("zones.bo.contract.details")} editable={editable}>
        <ContractFormFields values={c} errors={sent === "edit" ? errors : {}} owners={d.owners} />
      </RecordDetailsCard>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/service-contracts" backLabel="common.backToContracts" texts="zones.bo" />;
}
