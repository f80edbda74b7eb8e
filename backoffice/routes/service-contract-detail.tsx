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
import { formIntent, requireIdParam } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { respond } from "#app/lib/service-result.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import {
  coverAssetForm,
  isContractTransition,
  saveContractForm,
  transitionContractForm,
  uncoverAssetForm,
} from "#app/modules/service/contract-actions.server.ts";
import { getStaffContractPage } from "#app/modules/service/contract-pages.server.ts";
import type { ContractTransition } from "#app/modules/service/service-contracts.server.ts";
import { formStrings } from "#app/modules/service/service-form-results.server.ts";
import { Card, CardHeader } from "#app/ui/card.tsx";
import {
  FailureNotice,
  fieldErrors,
  MoneyField,
  SelectField,
  SubmitButton,
  submittedValues,
} from "#app/ui/form/index.ts";
import { pageTitle } from "#app/ui/meta.ts";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { ContractHeading } from "#app/ui/service/contract-heading.tsx";
import { CoveredAssets } from "#app/ui/service/covered-assets.tsx";
import { contractTypeKey } from "#app/ui/service/labels.tsx";
import { ContractFormFields } from "#backoffice/components/contract-form.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// One service contract in the back office: status and approval transitions, the expiry badge,
// editable terms, covered assets with their net and total values.

const pathOf = (id: number) => `/crm/service-contracts/${id}`;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "service", action: "browse" });
  const page = await getStaffContractPage(db, actor, requireIdParam(params.contractId));
  if (!page) throw data(null, { status: 404 });
  return page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "service", action: "modify" });
  const id = requireIdParam(params.contractId);
  const form = await request.formData();
  const intent = formIntent(form);
  const values = formStrings(form);
  const successTo = pathOf(id);
  if (isContractTransition(intent)) {
    return respond(await transitionContractForm(db, actor, id, intent), {
      successTo,
      flash: (done) => `flash.service.contract.${done}`,
    });
  }
  switch (intent) {
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
        <BackLink to="/crm/service-contracts">{t("zones.bo.contract.back")}</BackLink>
        <ContractHeading
          contract={c}
          showApproval
          eyebrow={
            <>
              {c.number} · {t(contractTypeKey(c.type))} ·{" "}
              <Link to={`/crm/service-contracts?companyId=${c.company.id}`} className="hover:text-blue-700">
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

      <CoveredAssets
        assets={c.covered}
        linkBase="/crm/assets"
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
                    aria-label={t("zones.bo.contract.uncover", { name: a.name })}
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
              {t("zones.bo.contract.addAssetSubmit")}
            </SubmitButton>
          </Form>
        ) : null}
      </CoveredAssets>

      <Card>
        <CardHeader title={t("zones.bo.contract.details")} />
        <Form method="post" className="space-y-4 px-5 py-4">
          <fieldset disabled={!editable} className="contents">
            <ContractFormFields values={c} errors={sent === "edit" ? errors : {}} owners={d.owners} />
          </fieldset>
          {editable ? <SubmitButton intent="edit">{t("zones.bo.save")}</SubmitButton> : null}
        </Form>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/service-contracts" backLabel="zones.bo.contract.back" texts="zones.bo" />;
}
