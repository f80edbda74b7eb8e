import type { TeamKind } from "#app/generated/prisma/enums.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { bindFields } from "#app/ui/form/field-binder.ts";
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
  const field = bindFields<"name" | "kind" | "parentId" | "position">("team", errors, {
    name: typed?.name ?? defaults.name,
    kind: typed?.kind ?? defaults.kind ?? "department",
    parentId: typed?.parentId ?? (defaults.parentId ? String(defaults.parentId) : ""),
    position: typed?.position ?? String(defaults.position ?? 0),
  });
  const bind = (name: Parameters<typeof field>[0]) => field(name, name);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField {...bind("name")} label={t("common.name")} required maxLength={100} />
      <SelectField
        {...bind("kind")}
        label={t("adminStaff.teams.kind")}
        options={KINDS.map((k) => ({ value: k, label: t(`adminStaff.team.kind.${k}`) }))}
      />
      <SelectField
        {...bind("parentId")}
        label={t("adminStaff.teams.parent")}
        placeholder={t("adminStaff.teams.noParent")}
        options={parents.map((p) => ({ value: String(p.id), label: `${"　".repeat(p.depth)}${p.name}` }))}
      />
      <TextField {...bind("position")} type="number" min={0} max={9999} label={t("adminStaff.teams.position")} />
    </div>
  );
}
