import type { ReactNode } from "react";
import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { SubmitButton } from "#app/ui/form/index.ts";
import { SectionCard } from "#app/ui/section-card.tsx";

/**
 * The editable fields of a service record (asset, contract) on its page, posted with intent "edit".
 * Read-only (fields disabled, no save button) when the viewer may not change the record.
 */
export function RecordDetailsCard({
  title,
  editable,
  children,
}: {
  title: string;
  editable: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <SectionCard title={title} flush>
      <Form method="post" className="space-y-4 px-5 py-4">
        <fieldset disabled={!editable} className="contents">
          {children}
        </fieldset>
        {editable ? <SubmitButton intent="edit">{t("common.save")}</SubmitButton> : null}
      </Form>
    </SectionCard>
  );
}
