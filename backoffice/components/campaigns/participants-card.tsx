import { Trash2, Users } from "lucide-react";
import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Badge } from "#app/ui/badge.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { CheckboxField, fieldErrors, SelectField, SubmitButton } from "#app/ui/form/index.ts";

// 参与成员: the owner, the participants with their browse/modify right and, for those who manage
// them, the controls to change a right, remove someone and add staff.

export interface Participant {
  canModify: boolean;
  staff: { id: number; name: string; title: string | null };
}

export function ParticipantsCard(props: {
  owner: { id: number; name: string };
  participants: readonly Participant[];
  candidates: ReadonlyArray<{ id: number; name: string; team: { name: string } | null }>;
  canManage: boolean;
  result: { status: string } | undefined;
}) {
  const { t } = useI18n();
  const errors = fieldErrors(props.result);
  return (
    <SectionCard
      labelled
      title={t("sales.participants.title")}
      description={t("sales.participants.hint")}
      icon={Users}
      bodyClassName="space-y-4"
    >
      <ul className="divide-y divide-slate-100 text-sm">
        <li className="flex items-center justify-between gap-2 py-2">
          <span className="font-medium text-slate-900">{props.owner.name}</span>
          <Badge tone="violet">{t("common.owner")}</Badge>
        </li>
        {props.participants.map((p) => (
          <li key={p.staff.id} className="flex items-center justify-between gap-2 py-2">
            <span className="min-w-0 truncate text-slate-900">
              {p.staff.name}
              {p.staff.title ? <span className="ml-2 text-xs text-slate-500">{p.staff.title}</span> : null}
            </span>
            <span className="flex items-center gap-1.5">
              <Badge tone={p.canModify ? "green" : "slate"}>
                {p.canModify ? t("sales.participants.modify") : t("sales.participants.browse")}
              </Badge>
              {props.canManage ? (
                <>
                  <Form method="post">
                    <input type="hidden" name="staffId" value={p.staff.id} />
                    <input type="hidden" name="canModify" value={p.canModify ? "0" : "1"} />
                    <SubmitButton intent="participant" variant="subtle" size="sm">
                      {p.canModify ? t("sales.participants.makeBrowse") : t("sales.participants.makeModify")}
                    </SubmitButton>
                  </Form>
                  <Form method="post">
                    <input type="hidden" name="staffId" value={p.staff.id} />
                    <SubmitButton
                      intent="participant-remove"
                      variant="ghost"
                      size="sm"
                      className="px-2 text-slate-400 hover:bg-red-50 hover:text-red-600"
                      aria-label={t("common.removeNamed", { name: p.staff.name })}
                      pendingLabel={<Trash2 className="size-3.5" aria-hidden />}
                    >
                      <Trash2 className="size-3.5" aria-hidden />
                    </SubmitButton>
                  </Form>
                </>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      {props.canManage && props.candidates.length > 0 ? (
        <Form method="post" className="space-y-3 rounded-lg bg-slate-50 p-4">
          <SelectField
            name="staffId"
            id="participant-staff"
            label={t("sales.participants.add")}
            placeholder={t("sales.participants.pick")}
            defaultValue=""
            options={props.candidates.map((s) => ({
              value: String(s.id),
              label: s.team ? `${s.name} · ${s.team.name}` : s.name,
            }))}
            errors={errors.staffId}
          />
          <div className="flex flex-wrap items-center justify-between gap-2">
            <CheckboxField
              name="canModify"
              value="1"
              id="participant-can-modify"
              label={t("sales.participants.canModify")}
            />
            <SubmitButton intent="participant" size="sm">
              {t("common.add")}
            </SubmitButton>
          </div>
        </Form>
      ) : null}
    </SectionCard>
  );
}
