import type { TeamKind } from "#app/generated/prisma/enums.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { fieldErrors, SelectField, submittedValues, TextField } from "#app/ui/form/index.ts";

// The fields of the team forms (new team, edit team), refilled from a refused submit.

const KINDS: readonly TeamKind[] = ["company", "branch", "office", "department"];

export function TeamFields({
  parents,
  defaults = {},
  result,
}: {
  parents: Array<{ id: number; name: string; depth: number }>;
  defaults?: { name?: string; kind?: TeamKind; parentId?: number | null; position?: number };
  result?: { status: string } | null;
}) {
  const { t } = useI18n();
  const errors = fieldErrors(result);
  const typed = submittedValues(result);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField
        name="name"
        label={t("common.name")}
        defaultValue={typed?.name ?? defaults.name}
        errors={errors.name}
        required
        maxLength={100}
      />
      <SelectField
        name="kind"
        label={t("adminStaff.teams.kind")}
        defaultValue={typed?.kind ?? defaults.kind ?? "department"}
        options={KINDS.map((k) => ({ value: k, label: t(`adminStaff.team.kind.${k}`) }))}
        errors={errors.kind}
      />
      <SelectField
        name="parentId"
        label={t("adminStaff.teams.parent")}
        placeholder={t("adminStaff.teams.noParent")}
        defaultValue={typed?.parentId ?? (defaults.parentId ? String(defaults.parentId) : "")}
        options={parents.map((p) => ({ value: String(p.id), label: `${"　".repeat(p.depth)}${p.name}` }))}
        errors={errors.parentId}
      />
      <TextField
        name="position"
        type="number"
        min={0}
        max={9999}
        label={t("adminStaff.teams.position")}
        defaultValue={typed?.position ?? String(defaults.position ?? 0)}
        errors={errors.position}
      />
    </div>
  );
}
