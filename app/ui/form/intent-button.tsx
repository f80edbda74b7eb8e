import { Form } from "react-router";
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
