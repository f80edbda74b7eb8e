import { Trash2 } from "lucide-react";
import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { FieldErrors } from "#app/lib/service-result.ts";
import { MERGE_FIELD_HINT } from "#app/modules/contracts/contract-document.ts";
import { SubmitButton, TextareaField, TextField } from "#app/ui/form/index.ts";

// One part (node) of a multi-part document — a contract's, a template's or a proposal's text part:
// title and plain text with merge fields; posts intent "part" (save or add) or "part-remove".

export function PartForm({
  part,
  revision,
  errors,
  mergeHint = true,
}: {
  part: { id: number; title: string; body: string | null } | null;
  /** The record's revision, when its edits are checked against a stale page. */
  revision?: number;
  errors?: FieldErrors<string>;
  mergeHint?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Form method="post" className="space-y-3" noValidate>
      {revision !== undefined ? <input type="hidden" name="revision" value={revision} /> : null}
      {part ? <input type="hidden" name="partId" value={part.id} /> : null}
      <TextField
        name="title"
        label={t("contracts.doc.partTitle")}
        defaultValue={part?.title ?? ""}
        errors={part ? undefined : errors?.title}
      />
      <TextareaField
        name="body"
        label={t("contracts.doc.partBody")}
        defaultValue={part?.body ?? ""}
        rows={6}
        hint={mergeHint ? t("contracts.doc.mergeHint", { fields: MERGE_FIELD_HINT }) : undefined}
      />
      <div className="flex gap-2">
        <SubmitButton intent="part" variant="secondary">
          {part ? t("common.save") : t("contracts.doc.addPart")}
        </SubmitButton>
        {part ? (
          <SubmitButton intent="part-remove" variant="ghost" icon={Trash2}>
            {t("common.remove")}
          </SubmitButton>
        ) : null}
      </div>
    </Form>
  );
}
