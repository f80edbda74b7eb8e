import type { ReactNode } from "react";
import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { FormNotice, SubmitButton } from "#app/ui/form/index.ts";

/** The frame of the catalog's record forms (product, price scheme): intent "save", the form's errors, submit. */
export function RecordForm({
  id,
  formErrors,
  submitLabel,
  children,
}: {
  id: string;
  formErrors?: readonly MessageKey[];
  submitLabel: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Form method="post" id={id} className="space-y-6" noValidate>
      <input type="hidden" name="intent" value="save" />
      {formErrors && formErrors.length > 0 ? (
        <FormNotice tone="error" role="alert">
          {formErrors.map((k) => t(k)).join(" ")}
        </FormNotice>
      ) : null}
      {children}
      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  );
}
