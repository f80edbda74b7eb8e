import { PackageCheck, Truck } from "lucide-react";
import { Form } from "react-router";
import type { SalesOrderStatus } from "#app/generated/prisma/enums.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { NEXT_STEP, type AdvanceStep } from "#app/modules/orders/order-status.ts";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { DateField, ErrorList, SubmitButton, TextareaField, TextField } from "#app/ui/form/index.ts";

// The fulfilment tab's two forms: the next step (with the invoice number when invoicing, and
// cancelling before shipping), and a (partial) delivery — quantities, serial numbers, warranty per
// line — whose units become customer assets. Both carry the order's version.

type Errors = Partial<Record<string, readonly MessageKey[]>>;

export function AdvanceCard({
  status,
  version,
  errors,
}: {
  status: SalesOrderStatus;
  version: string;
  errors: Errors;
}) {
  const { t } = useI18n();
  const next = NEXT_STEP[status];
  const steps: AdvanceStep[] = [];
  if (next && next !== "delivered" && next !== "confirmed") steps.push(next);
  if (status === "confirmed") steps.push("cancelled");
  if (steps.length === 0) return null;
  return (
    <Card>
      <CardHeader title={t("orders.tabs.fulfilment")} icon={<Truck className="size-4" aria-hidden />} />
      <CardBody>
        <Form method="post" className="grid gap-3 sm:grid-cols-2">
          <input type="hidden" name="version" value={version} />
          {next === "invoiced" ? (
            <TextField
              name="invoiceNumber"
              id="order-invoice"
              label={t("orders.advance.invoiceNumber")}
              maxLength={60}
              errors={errors.invoiceNumber}
            />
          ) : null}
          <TextField name="note" id="order-note" label={t("orders.advance.note")} optional maxLength={1000} />
          <div className="flex flex-wrap gap-2 sm:col-span-2">
            {steps.map((step) => (
              <SubmitButton key={step} intent={`to-${step}`} variant={step === "cancelled" ? "danger" : "primary"}>
                {t(`orders.advance.${step}`)}
              </SubmitButton>
            ))}
          </div>
        </Form>
      </CardBody>
    </Card>
  );
}

export interface DeliverableLine {
  id: number;
  position: number;
  name: string;
  sku: string;
  unit: string | null;
  quantity: number;
  deliveredQuantity: number;
  warrantyMonths: number | null;
}

export function DeliveryCard({
  lines,
  version,
  today,
  errors,
}: {
  lines: readonly DeliverableLine[];
  version: string;
  today: string;
  errors: Errors;
}) {
  const { t } = useI18n();
  const open = lines.filter((l) => l.deliveredQuantity < l.quantity);
  return (
    <Card>
      <CardHeader
        title={t("orders.deliver.title")}
        description={t("orders.deliver.help")}
        icon={<PackageCheck className="size-4" aria-hidden />}
      />
      <CardBody>
        <Form method="post" className="space-y-5" aria-label={t("orders.deliver.title")}>
          <input type="hidden" name="version" value={version} />
          <ErrorList errors={errors.lines} />
          {open.map((line, i) => {
            const remaining = line.quantity - line.deliveredQuantity;
            return (
              <fieldset key={line.id} className="grid gap-3 border-t border-slate-100 pt-4 sm:grid-cols-[2fr_1fr_1fr]">
                <legend className="text-sm font-medium text-slate-900">
                  {line.position}. {line.name} <span className="font-mono text-xs text-slate-500">{line.sku}</span>
                </legend>
                <input type="hidden" name={`lines[${i}].lineId`} value={line.id} />
                <TextareaField
                  name={`lines[${i}].serials`}
                  label={t("orders.deliver.serials")}
                  optional
                  rows={2}
                  errors={errors[`lines[${i}].serials`]}
                />
                <TextField
                  name={`lines[${i}].quantity`}
                  label={t("orders.deliver.quantity", { remaining })}
                  inputMode="numeric"
                  defaultValue={String(remaining)}
                  errors={errors[`lines[${i}].quantity`]}
                />
                <TextField
                  name={`lines[${i}].warrantyMonths`}
                  label={t("orders.deliver.warranty")}
                  inputMode="numeric"
                  optional
                  defaultValue={line.warrantyMonths === null ? "" : String(line.warrantyMonths)}
                  errors={errors[`lines[${i}].warrantyMonths`]}
                />
              </fieldset>
            );
          })}
          <div className="grid gap-3 border-t border-slate-100 pt-4 sm:grid-cols-2">
            <DateField
              name="deliveredOn"
              id="order-delivered-on"
              label={t("orders.deliver.date")}
              defaultValue={today}
              errors={errors.deliveredOn}
            />
            <TextField
              name="note"
              id="order-delivery-note"
              label={t("orders.advance.note")}
              optional
              maxLength={1000}
            />
          </div>
          <SubmitButton intent="deliver">
            <PackageCheck aria-hidden className="size-4" />
            {t("orders.deliver.submit")}
          </SubmitButton>
        </Form>
      </CardBody>
    </Card>
  );
}
