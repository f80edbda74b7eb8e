import { CalendarClock, Coins, Divide, ListOrdered } from "lucide-react";
import { Form, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { fenToDecimalString } from "#app/modules/catalog/pricing.ts";
import { planIntents } from "#app/modules/contracts/contract-actions.server.ts";
import { MAX_INSTALMENTS } from "#app/modules/contracts/contract-model.ts";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { Fen, PaymentPlanTable } from "#app/ui/contracts/contract-ui.tsx";
import {
  DateField,
  ErrorList,
  FailureNotice,
  FormNotice,
  fieldErrors,
  SelectField,
  SubmitButton,
  TextField,
} from "#app/ui/form/index.ts";
import { inputClass } from "#app/ui/form/input-styles.ts";
import { SectionCard } from "#app/ui/section-card.tsx";
import { contractTabAction, loadContractTab } from "#backoffice/components/contracts/contract-route.server.ts";

// The contract's 收款计划 tab: instalments with due dates and amounts summing to the contract amount
// (edited on a draft: row by row or split evenly), their state today (paid / part paid / due /
// overdue), and — once the contract is in execution — the money received against each.

export async function loader(args: LoaderFunctionArgs) {
  return loadContractTab(args);
}

export async function action(args: ActionFunctionArgs) {
  return contractTabAction(args, "plan", planIntents);
}

const cell = `${inputClass} h-9`;

export default function ContractPlanTab() {
  const { contract: c, editable, canModify } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const errors = fieldErrors(answer);
  const { t } = useI18n();
  const mismatch = c.planFen !== c.amountFen;
  const rows = [...c.instalments, ...Array.from({ length: 2 }, () => null)].slice(0, MAX_INSTALMENTS);
  const receiving = canModify && c.status === "in_execution";
  return (
    <div className="space-y-6">
      <FailureNotice result={answer} />
      <Card>
        <CardHeader title={t("contracts.tabs.plan")} icon={<CalendarClock className="size-4" aria-hidden />} />
        <PaymentPlanTable instalments={c.instalments} />
        <CardBody className="space-y-2 text-sm text-slate-600">
          <p data-testid="plan-sum">
            {t("contracts.field.amount")} <Fen value={c.amountFen} /> · {t("contracts.field.received")}{" "}
            <Fen value={c.receivedFen} /> · {t("contracts.field.overdue")} <Fen value={c.overdueFen} />
          </p>
          {mismatch && c.instalments.length > 0 ? (
            <FormNotice tone="warning">{t("contracts.plan.mismatch")}</FormNotice>
          ) : null}
          {!editable ? <p className="text-xs text-slate-400">{t("contracts.plan.locked")}</p> : null}
        </CardBody>
      </Card>
      {c.instalments.some((i) => i.receipts.length > 0) ? (
        <SectionCard title={t("contracts.plan.receipts")} icon={Coins}>
          <ul className="divide-y divide-slate-100 text-sm">
            {c.instalments.flatMap((i) =>
              i.receipts.map((r) => (
                <li key={r.id} className="flex flex-wrap justify-between gap-2 py-2">
                  <span>
                    {i.label} · {r.receivedOn}
                    {r.note ? <span className="text-slate-500"> · {r.note}</span> : null}
                  </span>
                  <span className="tabular-nums">
                    <Fen value={r.amountFen} />
                    <span className="ml-2 text-xs text-slate-400">
                      {t("contracts.plan.recordedBy", { name: r.recordedBy.name })}
                    </span>
                  </span>
                </li>
              )),
            )}
          </ul>
        </SectionCard>
      ) : null}
      {receiving ? (
        <SectionCard title={t("contracts.plan.receive")} icon={Coins}>
          <Form method="post" className="grid gap-4 sm:grid-cols-2" noValidate>
            <SelectField
              name="instalmentId"
              label={t("contracts.plan.label")}
              options={c.instalments
                .filter((i) => i.outstandingFen > 0)
                .map((i) => ({
                  value: String(i.id),
                  label: `${i.label} · ${i.dueDate} · ${fenToDecimalString(i.outstandingFen)}`,
                }))}
              errors={errors.instalmentId}
            />
            <TextField
              name="amount"
              label={t("contracts.plan.receiptAmount")}
              inputMode="decimal"
              errors={errors.amount}
            />
            <DateField name="receivedOn" label={t("contracts.plan.receivedOn")} errors={errors.receivedOn} />
            <TextField name="note" label={t("contracts.plan.note")} errors={errors.note} />
            <div>
              <SubmitButton intent="receipt" icon={Coins}>
                {t("contracts.plan.receive")}
              </SubmitButton>
            </div>
          </Form>
        </SectionCard>
      ) : null}
      {editable ? (
        <>
          <SectionCard title={t("contracts.plan.edit")} icon={ListOrdered}>
            <Form method="post" className="space-y-3" noValidate>
              <input type="hidden" name="revision" value={c.revision} />
              <p className="text-sm text-slate-500">{t("contracts.plan.editHint")}</p>
              <ErrorList errors={errors.instalments} />
              <div className="space-y-2">
                {rows.map((row, i) => (
                  <div key={row?.id ?? `new-${i}`} className="grid gap-2 sm:grid-cols-3">
                    <input
                      name={`instalments[${i}].label`}
                      defaultValue={row?.label ?? ""}
                      aria-label={t("contracts.plan.label")}
                      className={cell}
                    />
                    <input
                      name={`instalments[${i}].dueDate`}
                      type="date"
                      defaultValue={row?.dueDate ?? ""}
                      aria-label={t("contracts.plan.dueDate")}
                      className={cell}
                    />
                    <input
                      name={`instalments[${i}].amount`}
                      inputMode="decimal"
                      defaultValue={row ? fenToDecimalString(row.amountFen) : ""}
                      aria-label={t("contracts.plan.amount")}
                      className={`${cell} text-right tabular-nums`}
                    />
                  </div>
                ))}
              </div>
              <SubmitButton intent="plan">{t("common.save")}</SubmitButton>
            </Form>
          </SectionCard>
          <SectionCard title={t("contracts.plan.even")} icon={Divide}>
            <Form method="post" className="grid gap-4 sm:grid-cols-4" noValidate>
              <input type="hidden" name="revision" value={c.revision} />
              <TextField
                name="count"
                label={t("contracts.plan.count")}
                defaultValue="3"
                inputMode="numeric"
                errors={errors.count}
              />
              <DateField name="firstDue" label={t("contracts.plan.firstDue")} errors={errors.firstDue} />
              <TextField
                name="monthsApart"
                label={t("contracts.plan.monthsApart")}
                defaultValue="1"
                inputMode="numeric"
                errors={errors.monthsApart}
              />
              <div className="flex items-end">
                <SubmitButton intent="plan-even" variant="secondary" icon={Divide}>
                  {t("contracts.plan.even")}
                </SubmitButton>
              </div>
            </Form>
          </SectionCard>
        </>
      ) : null}
    </div>
  );
}
