import { Form } from "react-router";
import { SubmitButton, type SubmitButtonProps } from "#app/ui/form/submit-button.tsx";

/** One button that posts `intent` (and the id it acts on) to the page's action. */
export function IntentButton({
  intent,
  field,
  ...button
}: Omit<SubmitButtonProps, "intent"> & { intent: string; field?: { name: string; value: number } }) {
  return (
    <Form method="post">
      {field ? <input type="hidden" name={field.name} value={field.value} /> : null}
      <SubmitButton intent={intent} size="sm" {...button} />
    </Form>
  );
}
