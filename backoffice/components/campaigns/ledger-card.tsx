import { Clock, Coins } from "lucide-react";
import { Form } from "react-router";
import { formatCalendarDate } from "#app/lib/format/dates.ts";
import { formatMoney } from "#app/lib/format/money.ts";
import { formatNumber } from "#app/lib/format/numbers.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey, Translate } from "#app/lib/i18n/translate.ts";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { Badge } from "#app/ui/badge.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import {
  DateField,
  fieldErrors,
  MoneyField,
  SelectField,
  SubmitButton,
  submittedValues,
  TextField,
} from "#app/ui/form/index.ts";

// A campaign's 费用 or 工作量: the lines (description, date, who, amount or hours) under a total, and
// the form that adds one. The two ledgers differ only in wording, field names and the unit.

export type LedgerKind = "expenses" | "work";

export interface LedgerLine {
  id: number;
  description: string;
  /** Yuan or hours, a decimal string with two places. */
  quantity: string;
  on: Date | string;
  by: string | null;
  /** Expenses: the 费用类型 code, if any. */
  typeCode?: string | null;
}

interface LedgerConfig {
  intent: "expense" | "worklog";
  icon: typeof Coins;
  title: MessageKey;
  empty: MessageKey;
  add: MessageKey;
  description: MessageKey;
  quantityLabel: MessageKey;
  dateLabel: MessageKey;
  /** Form field names, as the campaign services read them. */
  quantityField: "amount" | "hours";
  dateField: "spentOn" | "workedOn";
  total: (t: Translate, locale: Locale, total: string) => string;
  quantity: (t: Translate, locale: Locale, value: string) => string;
}

const LEDGERS: Record<LedgerKind, LedgerConfig> = {
  expenses: {
    intent: "expense",
    icon: Coins,
    title: "sales.expenses.title",
    empty: "sales.expenses.empty",
    add: "sales.expenses.add",
    description: "sales.expenses.description",
    quantityLabel: "common.amountCny",
    dateLabel: "common.date",
    quantityField: "amount",
    dateField: "spentOn",
    total: (t, locale, total) => t("sales.expenses.total", { amount: formatMoney(total, locale) }),
    quantity: (_t, locale, value) => formatMoney(value, locale),
  },
  work: {
    intent: "worklog",
    icon: Clock,
    title: "sales.work.title",
    empty: "sales.work.empty",
    add: "sales.work.add",
    description: "sales.work.description",
    quantityLabel: "sales.work.hours",
    dateLabel: "common.date",
    quantityField: "hours",
    dateField: "workedOn",
    total: (t, locale, total) => t("sales.work.total", { hours: formatNumber(total, locale) }),
    quantity: (t, locale, value) => t("sales.hours", { hours: formatNumber(value, locale) }),
  },
};

export function LedgerCard(props: {
  kind: LedgerKind;
  lines: readonly LedgerLine[];
  /** The campaign's total (actuals), a decimal string. */
  total: string;
  canAdd: boolean;
  /** Today as YYYY-MM-DD (from the loader), the date field's default. */
  today: string;
  result: { status: string } | undefined;
  /** Expenses only: 费用类型 from the system table — the active options and every code's label. */
  types?: { options: Array<{ value: string; label: string }>; labels: Record<string, string> };
  /** Expenses only: each line's latest approval status (审核), when approvals are in use. */
  approval?: { statuses: Record<number, "pending" | "approved" | "rejected" | "withdrawn"> };
  /** Show "submit for approval" on lines not pending or approved. */
  canSubmitApproval?: boolean;
}) {
  const { t, locale } = useI18n();
  const config = LEDGERS[props.kind];
  const Icon = config.icon;
  const errors = fieldErrors(props.result);
  const sent = submittedValues(props.result);
  const prefix = props.kind === "expenses" ? "expense" : "work";
  return (
    <SectionCard
      labelled
      title={t(config.title)}
      description={config.total(t, locale, props.total)}
      icon={Icon}
      bodyClassName="space-y-4"
    >
      {props.canAdd ? (
        // A new key per added line empties the form after a successful add (a refusal keeps it).
        <Form method="post" className="grid gap-3 rounded-lg bg-slate-50 p-4 sm:grid-cols-4" key={props.lines.length}>
          <TextField
            name="description"
            id={`${prefix}-description`}
            label={t(config.description)}
            defaultValue={sent?.description}
            errors={errors.description}
            maxLength={255}
            className="sm:col-span-2"
          />
          {props.kind === "expenses" ? (
            <MoneyField
              name={config.quantityField}
              id={`${prefix}-amount`}
              label={t(config.quantityLabel)}
              defaultValue={sent?.amount}
              errors={errors.amount}
            />
          ) : (
            <TextField
              name={config.quantityField}
              id={`${prefix}-hours`}
              label={t(config.quantityLabel)}
              inputMode="decimal"
              defaultValue={sent?.hours}
              errors={errors.hours}
            />
          )}
          {props.types ? (
            <SelectField
              name="expenseType"
              id="expense-type"
              label={t("adminSystem.tables.table.expense_type")}
              options={props.types.options}
              placeholder="—"
              defaultValue={sent?.expenseType ?? ""}
              errors={errors.expenseType}
            />
          ) : null}
          <DateField
            name={config.dateField}
            id={`${prefix}-date`}
            label={t(config.dateLabel)}
            defaultValue={sent?.[config.dateField] ?? props.today}
            errors={errors[config.dateField]}
          />
          <div className="sm:col-span-4">
            <SubmitButton intent={config.intent} size="sm">
              {t(config.add)}
            </SubmitButton>
          </div>
        </Form>
      ) : null}
      {props.lines.length === 0 ? (
        <p className="text-sm text-slate-400">{t(config.empty)}</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {props.lines.map((line) => (
            <li key={line.id} className="flex justify-between gap-3 py-2.5">
              <div className="min-w-0">
                <p className="break-words text-slate-900">
                  {line.typeCode ? (
                    <Badge tone="slate" className="mr-2">
                      {props.types?.labels[line.typeCode] ?? line.typeCode}
                    </Badge>
                  ) : null}
                  {line.description}
                </p>
                <p className="text-xs text-slate-500">
                  {formatCalendarDate(line.on, locale)}
                  {line.by ? ` · ${line.by}` : ""}
                </p>
              </div>
              <span className="flex shrink-0 flex-col items-end gap-1">
                <span className="font-medium text-slate-900 tabular-nums">
                  {config.quantity(t, locale, line.quantity)}
                </span>
                <LineApproval
                  lineId={line.id}
                  status={props.approval?.statuses[line.id]}
                  canSubmit={props.canSubmitApproval ?? false}
                />
              </span>
            </li>
          ))}
        </ul>
      )}
    </SectionCard>
  );
}

const APPROVAL_TONE = { pending: "amber", approved: "green", rejected: "red", withdrawn: "slate" } as const;

/** An expense line's approval status, and the button that submits it (when allowed and not under way). */
function LineApproval({
  lineId,
  status,
  canSubmit,
}: {
  lineId: number;
  status: keyof typeof APPROVAL_TONE | undefined;
  canSubmit: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      {status ? <Badge tone={APPROVAL_TONE[status]}>{t(`adminSystem.panel.status.${status}`)}</Badge> : null}
      {canSubmit && status !== "pending" && status !== "approved" ? (
        <Form method="post">
          <input type="hidden" name="expenseId" value={lineId} />
          <SubmitButton intent="approval-submit" size="sm" variant="ghost">
            {t("adminSystem.panel.submit")}
          </SubmitButton>
        </Form>
      ) : null}
    </>
  );
}
