import { Save } from "lucide-react";
import { Form } from "react-router";
import type { FieldErrors } from "#app/lib/service-result.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { CheckboxField, SelectField, SubmitButton, TextareaField, TextField } from "#app/ui/form/index.ts";

const VISIBILITIES = ["everyone", "members", "customers", "partners"] as const;

export interface ClassroomFormValues {
  id: number | null;
  name: string;
  description: string | null;
  sortOrder: number;
  visibility: (typeof VISIBILITIES)[number];
  archivedAt: Date | string | null;
  admins: string;
  moderators: string;
}

/** Create or edit a classroom: fields, level, archive, administrators (e-mails) and moderators (nicknames). */
export function ClassroomForm({ room, errors }: { room: ClassroomFormValues; errors: FieldErrors }) {
  const { t } = useI18n();
  const id = room.id ?? "new";
  return (
    <Form method="post" className="grid gap-4 sm:grid-cols-2" noValidate>
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="classroomId" value={room.id ?? ""} />
      <TextField
        id={`name-${id}`}
        name="name"
        label={t("forum.admin.name")}
        defaultValue={room.name}
        required
        maxLength={60}
        errors={errors.name}
      />
      <SelectField
        id={`visibility-${id}`}
        name="visibility"
        label={t("forum.admin.visibility")}
        defaultValue={room.visibility}
        options={VISIBILITIES.map((v) => ({ value: v, label: t(`forum.visibility.${v}`) }))}
      />
      <TextareaField
        id={`description-${id}`}
        name="description"
        label={t("forum.admin.description")}
        defaultValue={room.description ?? ""}
        rows={2}
        className="sm:col-span-2"
        errors={errors.description}
      />
      <TextField
        id={`admins-${id}`}
        name="admins"
        label={t("forum.admin.admins")}
        defaultValue={room.admins}
        errors={errors.admins}
      />
      <TextField
        id={`moderators-${id}`}
        name="moderators"
        label={t("forum.admin.moderators")}
        defaultValue={room.moderators}
        errors={errors.moderators}
      />
      <TextField
        id={`sort-${id}`}
        name="sortOrder"
        type="number"
        label={t("forum.admin.sortOrder")}
        defaultValue={room.sortOrder}
      />
      <CheckboxField
        id={`archived-${id}`}
        name="archived"
        label={t("forum.admin.archived")}
        defaultChecked={room.archivedAt !== null}
      />
      <div className="flex justify-end sm:col-span-2">
        <SubmitButton icon={Save}>{t("forum.admin.save")}</SubmitButton>
      </div>
    </Form>
  );
}
