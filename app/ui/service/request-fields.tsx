import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { FieldErrors } from "#app/lib/service-result.ts";
import { TextField } from "#app/ui/form/index.ts";
import { RichTextField } from "#app/ui/rich-text-field.tsx";

// The text fields every new service request has, whoever files it (the customer in the zone, staff
// taking a phone call): the subject and the rich-text description, refilled after a refused submit.

interface RequestFieldProps {
  /** What was typed before a refused submit. */
  sent: Record<string, string> | null;
  errors: FieldErrors;
}

export function RequestSubjectField({ sent, errors }: RequestFieldProps) {
  const { t } = useI18n();
  return (
    <TextField
      name="subject"
      label={t("service.field.subject")}
      maxLength={200}
      defaultValue={sent?.subject}
      errors={errors.subject}
    />
  );
}

export function RequestDescriptionField({ sent, errors, minRows }: RequestFieldProps & { minRows?: number }) {
  const { t } = useI18n();
  return (
    <RichTextField
      name="description"
      label={t("service.field.description")}
      defaultValue={sent?.description ?? ""}
      minRows={minRows}
      errors={errors.description}
    />
  );
}
