import { FolderOpen, LogIn, PiggyBank, Save, Trash2 } from "lucide-react";
import { Form, Link } from "react-router";
import { formatCompactDate, type DateValue } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { SubmitButton } from "#app/ui/form/submit-button.tsx";
import { TextField } from "#app/ui/form/text-field.tsx";
import type { IntakeSlots } from "#portal/components/intake-page.tsx";

// 自助预算 on the order page: the save bar inside the order form (after its submit button, so Enter
// still sends the order) and the list of the member's saved baskets below it.

interface Opened {
  id: number;
  name: string;
  dropped: number;
}

export function SaveBasketBar({
  slots,
  signedIn,
  opened,
}: {
  slots: IntakeSlots;
  signedIn: boolean;
  opened: Opened | null;
}) {
  const { t } = useI18n();
  return (
    <section
      aria-label={t("portalCatalog.basket.saveTitle")}
      className="border-t border-slate-100 px-5 py-5 sm:px-7"
      data-print-hide
    >
      <h2 className="flex items-center gap-2 text-sm font-semibold text-slate-900">
        <PiggyBank aria-hidden className="size-4 text-blue-600" />
        {t("portalCatalog.basket.saveTitle")}
      </h2>
      {opened ? (
        <p className="mt-1 text-sm text-slate-600" role="status">
          {t("portalCatalog.basket.opened", { name: opened.name })}
          {opened.dropped > 0 ? ` ${t("portalCatalog.basket.dropped", { count: opened.dropped })}` : null}
        </p>
      ) : null}
      {signedIn ? (
        <div className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end">
          <TextField
            id="basket-name"
            name="basketName"
            label={t("portalCatalog.basket.name")}
            maxLength={100}
            defaultValue={slots.values.basketName ?? opened?.name ?? ""}
            errors={slots.errors.basketName}
            className="sm:w-80"
          />
          <SubmitButton intent="save-basket" variant="secondary" formNoValidate>
            <Save aria-hidden className="size-4" />
            {t("portalCatalog.basket.save")}
          </SubmitButton>
        </div>
      ) : (
        <p className="mt-2 text-sm text-slate-600">
          {t("portalCatalog.basket.signInHint")}{" "}
          <Link to="/login?redirectTo=%2Forder" className="inline-flex items-center gap-1 font-medium text-blue-700">
            <LogIn aria-hidden className="size-3.5" />
            {t("portalCatalog.basket.signInToSave")}
          </Link>
        </p>
      )}
    </section>
  );
}

export function SavedBasketsPanel({
  saved,
  openedId,
}: {
  saved: ReadonlyArray<{ id: number; name: string; lines: number; updatedAt: DateValue }>;
  openedId: number | null;
}) {
  const { t, locale } = useI18n();
  if (saved.length === 0) return null;
  return (
    <div className="mx-auto max-w-6xl px-4 pb-10 sm:px-6 lg:px-8">
      <Card aria-labelledby="saved-baskets-title">
        <h2
          id="saved-baskets-title"
          className="border-b border-slate-100 px-5 py-4 text-[15px] font-semibold text-slate-900"
        >
          {t("portalCatalog.basket.savedTitle")}
        </h2>
        <ul className="divide-y divide-slate-100">
          {saved.map((basket) => (
            <li key={basket.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3 text-sm">
              <div className="min-w-0">
                <p className="font-medium break-words text-slate-900">{basket.name}</p>
                <p className="text-xs text-slate-500">
                  {t("portalCatalog.basket.lines", { count: basket.lines })} ·{" "}
                  {formatCompactDate(basket.updatedAt, locale)}
                </p>
              </div>
              <div className="flex items-center gap-2">
                <ButtonLink
                  to={`/order?basket=${basket.id}`}
                  size="sm"
                  variant={basket.id === openedId ? "primary" : "secondary"}
                  icon={FolderOpen}
                  aria-label={t("portalCatalog.basket.openOne", { name: basket.name })}
                >
                  {t("portalCatalog.basket.open")}
                </ButtonLink>
                <Form method="post">
                  <input type="hidden" name="basketId" value={basket.id} />
                  <SubmitButton
                    intent="delete-basket"
                    size="sm"
                    variant="ghost"
                    aria-label={t("portalCatalog.basket.deleteOne", { name: basket.name })}
                  >
                    <Trash2 aria-hidden className="size-4" />
                  </SubmitButton>
                </Form>
              </div>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
