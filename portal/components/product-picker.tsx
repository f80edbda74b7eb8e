import { Minus, Package, Plus, type LucideIcon } from "lucide-react";
import { useState, useSyncExternalStore, type ReactNode } from "react";
import { formatMoney } from "#app/lib/format/money.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { MAX_ORDER_QUANTITY, QUANTITY_PREFIX, type FormValues } from "#app/modules/leads/intake/portal-form-fields.ts";
import type { PortalProduct } from "#app/modules/leads/intake/portal-intake.server.ts";
import { cn } from "#app/ui/cn.ts";
import { ErrorList } from "#app/ui/form/error-list.tsx";
import { inputClass } from "#app/ui/form/input-styles.ts";
import { FormSection, type IntakeErrors } from "./intake-form.tsx";

// The product list of 产品订购 (/order): a quantity per product; with JavaScript, steppers and a
// running estimate.

/**
 * One of the − / + buttons beside a quantity. Out of the tab order: the number input itself takes
 * the keyboard (arrow keys step it), so the buttons only add a mouse and touch target.
 */
function StepperButton({
  icon: Icon,
  label,
  onClick,
  hidden,
}: {
  icon: LucideIcon;
  label: string;
  onClick: () => void;
  hidden: boolean;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      hidden={hidden}
      className="flex size-9 items-center justify-center rounded-lg text-slate-500 ring-1 ring-slate-200 hover:bg-slate-50 hover:text-slate-800"
      aria-label={label}
      tabIndex={-1}
    >
      <Icon aria-hidden className="size-4" />
    </button>
  );
}

function noSubscription(): () => void {
  return () => {};
}

/** Products with quantity inputs; with JavaScript, steppers and a running estimate. */
export function ProductPicker({
  products,
  values,
  errors,
  lineNote,
  summary,
}: {
  products: readonly PortalProduct[];
  values: FormValues;
  errors: IntakeErrors;
  /** Under a product's price, given its typed quantity (the basket's tier price and hint, #18). */
  lineNote?: (product: PortalProduct, quantity: string) => ReactNode;
  /** Replaces the running estimate (the basket's priced summary, #18). */
  summary?: (quantities: Readonly<Record<string, string>>) => ReactNode;
}) {
  const { t, locale } = useI18n();
  const [quantities, setQuantities] = useState<Record<string, string>>(() =>
    Object.fromEntries(products.map((p) => [p.sku, values[`${QUANTITY_PREFIX}${p.sku}`] ?? ""])),
  );
  const money = (value: string | number) => formatMoney(value, locale);
  const estimate = products.reduce((sum, p) => {
    const q = Number(quantities[p.sku]);
    return Number.isInteger(q) && q > 0 ? sum + q * Number(p.unitPrice) : sum;
  }, 0);
  // Steppers and the running estimate need JavaScript; without it the plain number inputs remain.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const setQuantity = (sku: string, value: string) => setQuantities((prev) => ({ ...prev, [sku]: value }));
  const step = (sku: string, delta: number) => {
    const current = Number(quantities[sku]);
    const next = Math.min(MAX_ORDER_QUANTITY, Math.max(0, (Number.isInteger(current) ? current : 0) + delta));
    setQuantity(sku, next === 0 ? "" : String(next));
  };

  return (
    <FormSection
      icon={Package}
      title={t("intake.order.section")}
      hint={t("intake.order.sectionHint")}
      errors={errors.items}
    >
      <ul className="divide-y divide-slate-100 overflow-hidden rounded-xl ring-1 ring-slate-200">
        {products.map((product) => {
          const name = `${QUANTITY_PREFIX}${product.sku}`;
          const fieldErrors = errors[name];
          const selected = Number(quantities[product.sku]) > 0;
          return (
            <li
              key={product.sku}
              className={cn(
                "flex flex-col gap-3 px-4 py-4 transition-colors sm:flex-row sm:items-center sm:justify-between",
                selected ? "bg-blue-50/60" : "bg-white",
              )}
            >
              <div className="min-w-0">
                <p className="font-medium text-slate-900">{product.name}</p>
                <p className="mt-0.5 text-sm text-slate-500">
                  <span className="font-mono text-xs text-slate-500">{product.sku}</span>
                  <span aria-hidden className="mx-2 text-slate-400">
                    ·
                  </span>
                  {money(product.unitPrice)} {t("intake.order.perUnit", { unit: product.unit })}
                </p>
                {lineNote?.(product, quantities[product.sku] ?? "")}
                <ErrorList id={`${name}-error`} errors={fieldErrors} />
              </div>
              <div className="flex w-full items-center gap-1.5 sm:w-auto sm:shrink-0">
                <StepperButton
                  icon={Minus}
                  label={t("intake.order.decrease", { product: product.name })}
                  onClick={() => step(product.sku, -1)}
                  hidden={!hydrated}
                />
                <label htmlFor={name} className="sr-only">
                  {t("intake.order.quantityFor", { product: product.name })}
                </label>
                <input
                  id={name}
                  name={name}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={MAX_ORDER_QUANTITY}
                  step={1}
                  placeholder="0"
                  value={quantities[product.sku] ?? ""}
                  onChange={(event) => setQuantity(product.sku, event.target.value)}
                  aria-invalid={fieldErrors ? true : undefined}
                  aria-describedby={fieldErrors ? `${name}-error` : undefined}
                  className={cn(
                    inputClass,
                    "h-9 w-full min-w-0 text-center tabular-nums sm:w-24",
                    // With the steppers shown, the browser's own spin buttons are redundant.
                    hydrated &&
                      "[appearance:textfield] [&::-webkit-inner-spin-button]:appearance-none [&::-webkit-outer-spin-button]:appearance-none",
                  )}
                />
                <StepperButton
                  icon={Plus}
                  label={t("intake.order.increase", { product: product.name })}
                  onClick={() => step(product.sku, 1)}
                  hidden={!hydrated}
                />
                <span className="min-w-10 text-sm whitespace-nowrap text-slate-500">{product.unit}</span>
              </div>
            </li>
          );
        })}
      </ul>
      {summary?.(quantities)}
      <div
        hidden={!hydrated || summary !== undefined}
        className="mt-4 flex flex-col gap-1 rounded-xl bg-slate-50 px-4 py-3 ring-1 ring-slate-100 sm:flex-row sm:items-center sm:justify-between"
      >
        <p className="text-xs text-slate-500">{t("intake.order.estimateNote")}</p>
        <p className="text-sm text-slate-600">
          {t("intake.order.estimate")}{" "}
          <span className="ml-1 text-lg font-semibold text-slate-900 tabular-nums" aria-live="polite">
            {money(estimate)}
          </span>
        </p>
      </div>
    </FormSection>
  );
}
