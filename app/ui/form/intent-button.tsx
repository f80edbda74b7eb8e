import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { SubmitButton, type SubmitButtonProps } from "./submit-button.tsx";

/**
 * One small button in its own form that posts `intent` (and the id it acts on) to the page's
 * action: the per-row actions of a list (sign a device out, confirm a member, remove an asset).
 */
export function IntentButton({
  intent,
  field,
  ...button
}: Omit<SubmitButtonProps, "intent"> & { intent: string; field?: { name: string; value: number | string } }) {
  return (
    <Form method="post">
      {field ? <input type="hidden" name={field.name} value={field.value} /> : null}
      <SubmitButton intent={intent} size="sm" {...button} />
    </Form>
  );
}

/**
 * A row's ghost "移除" button (a member, an assignee, a line): named after the row for screen
 * readers, posting `intent` with the row's id.
 */
export function RemoveButton({
  name,
  intent = "remove",
  ...button
}: Omit<Parameters<typeof IntentButton>[0], "intent" | "children"> & { name: string; intent?: string }) {
  const { t } = useI18n();
  return (
    <IntentButton intent={intent} variant="ghost" aria-label={t("common.removeNamed", { name })} {...button}>
      {t("common.remove")}
    </IntentButton>
  );
}
