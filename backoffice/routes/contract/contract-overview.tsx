import { Ban, CheckCircle2, Globe, Pencil, Send, Wrench, XCircle } from "lucide-react";
import { Form, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { hasActiveFlow } from "#app/modules/approvals/approvals.server.ts";
import { overviewIntents } from "#app/modules/contracts/contract-actions.server.ts";
import { IMPLEMENTATION_STATES, type ContractTransition } from "#app/modules/contracts/contract-model.ts";
import { contractFormOptions } from "#app/modules/contracts/contract-options.server.ts";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { FailureNotice, fieldErrors, SelectField, SubmitButton, TextareaField, TextField } from "#app/ui/form/index.ts";
import { ApprovalPanel } from "#app/ui/records/approval-panel.tsx";
import { FactList } from "#app/ui/records/fact-list.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { ContractFields } from "#backoffice/components/contracts/contract-fields.tsx";
import { contractTabAction, loadContractTab } from "#backoffice/components/contracts/contract-route.server.ts";
import { CreateOrderButton } from "#backoffice/components/orders/create-order-button.tsx";

// The contract's 概要 tab: its facts, the guarded status changes (submit, the built-in approve/reject
// without a flow, complete, terminate with a reason), the approval panel, 实施情况, publishing to the
// customer's zone, and — while it is a draft — its details form.

export async function loader(args: LoaderFunctionArgs) {
  return loadContractTab(args, async (database, page, actor) => {
    const [options, hasFlow] = await Promise.all([
      contractFormOptions(database, actor, page.contract.company.id),
      hasActiveFlow(database, "contract"),
    ]);
    return { contacts: options.contacts, opportunities: options.opportunities, hasFlow };
  });
}

export async function action(args: ActionFunctionArgs) {
  return contractTabAction(args, "", overviewIntents);
}

const ICONS: Record<ContractTransition, typeof Send> = {
  submit: Send,
  approve: CheckCircle2,
  reject: XCircle,
  complete: CheckCircle2,
  terminate: Ban,
};

export default function ContractOverviewTab() {
  const d = useLoaderData<typeof loader>();
  const c = d.contract;
  const answer = useActionData<typeof action>();
  const errors = fieldErrors(answer);
  const { t } = useI18n();
  const label = (pick: { labels: Record<string, string> }, code: string | null) =>
    code ? (pick.labels[code] ?? code) : null;
  const simple = d.transitions.filter((x) => x !== "terminate");
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <FailureNotice result={answer} />
        <Card>
          <CardBody>
            <FactList
              layout="grid"
              facts={[
                { label: t("contracts.field.company"), value: c.company.name },
                { label: t("contracts.field.contact"), value: c.contact?.fullName },
                { label: t("contracts.field.opportunity"), value: c.opportunity?.name },
                { label: t("contracts.field.type"), value: label(d.lookups.type, c.typeCode) },
                { label: t("contracts.field.settlement"), value: label(d.lookups.settlement, c.settlementCode) },
                { label: t("contracts.field.delivery"), value: label(d.lookups.delivery, c.deliveryCode) },
                { label: t("contracts.field.signedOn"), value: c.signedOn },
                { label: t("contracts.field.startDate"), value: c.startDate },
                { label: t("contracts.field.endDate"), value: c.endDate },
                { label: t("contracts.field.template"), value: c.template?.name },
                { label: t("contracts.impl.label"), value: t(`contracts.impl.${c.implementation}` as MessageKey) },
                { label: t("contracts.field.published"), value: c.publishedAt ? t("common.yes") : t("common.no") },
                {
                  label: t("contracts.field.terminationReason"),
                  value: c.terminationReason,
                  hidden: !c.terminationReason,
                },
              ]}
            />
          </CardBody>
        </Card>
        {d.editable ? (
          <SectionCard title={t("contracts.action.edit")} icon={Pencil}>
            <Form method="post" className="space-y-4" noValidate>
              <input type="hidden" name="revision" value={c.revision} />
              <ContractFields
                values={c}
                errors={errors}
                options={{
                  type: d.lookups.type.options,
                  settlement: d.lookups.settlement.options,
                  delivery: d.lookups.delivery.options,
                  contacts: d.contacts.map((x) => ({ value: String(x.id), label: x.fullName })),
                  opportunities: d.opportunities.map((o) => ({ value: String(o.id), label: `${o.number} ${o.name}` })),
                }}
              />
              <SubmitButton intent="edit">{t("common.save")}</SubmitButton>
            </Form>
          </SectionCard>
        ) : null}
      </div>
      <div className="space-y-6">
        {d.transitions.length > 0 || d.canModify ? (
          <Card>
            <CardHeader title={t("common.status")} />
            <CardBody className="space-y-4">
              {simple.length > 0 ? (
                <div className="flex flex-wrap gap-2">
                  {simple.map((x) => (
                    <Form key={x} method="post">
                      <input type="hidden" name="transition" value={x} />
                      <SubmitButton
                        intent="transition"
                        variant={x === "reject" ? "secondary" : "primary"}
                        icon={ICONS[x]}
                      >
                        {t(`contracts.action.${x}` as MessageKey)}
                      </SubmitButton>
                    </Form>
                  ))}
                </div>
              ) : null}
              {d.transitions.includes("terminate") ? (
                <Form method="post" className="space-y-2" noValidate>
                  <TextField name="reason" label={t("contracts.field.terminationReason")} errors={errors.reason} />
                  <SubmitButton intent="terminate" variant="danger" icon={Ban}>
                    {t("contracts.action.terminate")}
                  </SubmitButton>
                </Form>
              ) : null}
              {d.canModify && (c.status === "in_execution" || c.status === "completed") ? (
                <Form method="post">
                  <input type="hidden" name="published" value={c.publishedAt ? "no" : "yes"} />
                  <SubmitButton intent="publish" variant="secondary" icon={Globe}>
                    {t(c.publishedAt ? "contracts.action.unpublish" : "contracts.action.publish")}
                  </SubmitButton>
                </Form>
              ) : null}
              {d.canModify && c.status === "in_execution" ? (
                <CreateOrderButton source="contract" sourceId={c.id} />
              ) : null}
            </CardBody>
          </Card>
        ) : null}
        <ApprovalPanel approval={d.approval} hasFlow={d.hasFlow} commentErrors={errors.comment} />
        {d.canModify && (c.status === "in_execution" || c.status === "completed") ? (
          <SectionCard title={t("contracts.impl.label")} icon={Wrench}>
            <Form method="post" className="space-y-3" noValidate>
              <SelectField
                name="implementation"
                label={t("contracts.impl.label")}
                options={IMPLEMENTATION_STATES.map((s) => ({
                  value: s,
                  label: t(`contracts.impl.${s}` as MessageKey),
                }))}
                defaultValue={c.implementation}
              />
              <TextareaField
                name="implementationNote"
                label={t("contracts.impl.note")}
                defaultValue={c.implementationNote ?? ""}
                rows={3}
                errors={errors.implementationNote}
              />
              <SubmitButton intent="implementation" variant="secondary">
                {t("common.save")}
              </SubmitButton>
            </Form>
          </SectionCard>
        ) : null}
      </div>
    </div>
  );
}
