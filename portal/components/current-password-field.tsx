import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { TextField } from "#app/ui/form/index.ts";

/**
 * The "当前密码" field that account changes ask for before they act (password, e-mail, 注销帐户).
 * `id` tells two such fields on one page apart.
 */
export function CurrentPasswordField({
  name = "currentPassword",
  id,
  errors,
  className,
}: {
  name?: string;
  id?: string;
  errors?: readonly MessageKey[];
  className?: string;
}) {
  const { t } = useI18n();
  return (
    <TextField
      id={id}
      name={name}
      type="password"
      autoComplete="current-password"
      label={t("common.currentPassword")}
      errors={errors}
      className={className}
      required
    />
  );
}
