import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { SubmitButton, TextField } from "#app/ui/form/index.ts";

/**
 * One whole-number system setting on an admin page (audit retention days, approval reminder hours):
 * a card with the field and its save button, posting `intent` with the value under `name`.
 */
export function NumberSettingCard(props: {
  icon: LucideIcon;
  title: string;
  name: string;
  label: string;
  hint: string;
  max: number;
  value: number;
  intent: string;
  saveLabel: string;
  errors?: readonly MessageKey[];
  /** Shown above the field (e.g. the page's refusal notice). */
  notice?: ReactNode;
}) {
  const { t } = useI18n();
  const Icon = props.icon;
  return (
    <Card className="max-w-2xl">
      <CardHeader icon={<Icon className="size-4" aria-hidden />} title={props.title} />
      <Form method="post">
        <CardBody className="space-y-4">
          {props.notice}
          <TextField
            name={props.name}
            type="number"
            min={0}
            max={props.max}
            inputMode="numeric"
            label={props.label}
            hint={props.hint}
            defaultValue={props.value}
            errors={props.errors}
          />
          <SubmitButton intent={props.intent} variant="secondary" pendingLabel={t("common.saving")}>
            {props.saveLabel}
          </SubmitButton>
        </CardBody>
      </Form>
    </Card>
  );
}
