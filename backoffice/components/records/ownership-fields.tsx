import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { CheckboxField, SelectField } from "#app/ui/form/index.ts";

// The fields of a transfer and of a share, the same on one record's actions menu and on a list's bulk
// actions (the forms around them post to different actions).

type Choice = { id: number; name: string };
const options = (rows: readonly Choice[]) => rows.map((r) => ({ value: String(r.id), label: r.name }));

/** 移交给 (a colleague, required) and "also transfer open leads and opportunities". */
export function TransferFields({ staff }: { staff: readonly Choice[] }) {
  const { t } = useI18n();
  return (
    <>
      <SelectField
        name="toStaffId"
        label={t("recordAdmin.transfer.to")}
        placeholder="—"
        required
        options={options(staff)}
      />
      <CheckboxField name="includeOpen" label={t("recordAdmin.transfer.includeOpen")} />
    </>
  );
}

/** 共享给 a colleague or a team (one of the two), read-only or for editing. */
export function ShareFields({ staff, teams }: { staff: readonly Choice[]; teams: readonly Choice[] }) {
  const { t } = useI18n();
  return (
    <>
      <SelectField name="staffId" label={t("recordAdmin.share.with")} placeholder="—" options={options(staff)} />
      <SelectField name="teamId" label={t("recordAdmin.share.withTeam")} placeholder="—" options={options(teams)} />
      <CheckboxField name="canEdit" label={t("recordAdmin.share.canEdit")} />
    </>
  );
}
