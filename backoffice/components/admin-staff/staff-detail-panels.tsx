import { ArrowLeftRight, KeyRound, MonitorSmartphone, Shuffle, UserCog } from "lucide-react";
import { Form } from "react-router";
import type { StaffStatus } from "#app/generated/prisma/enums.ts";
import { formatMoment } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Badge } from "#app/ui/badge.tsx";
import { ButtonLink } from "#app/ui/button.tsx";
import { DateField, dateControlValue, fieldErrors, SelectField, SubmitButton } from "#app/ui/form/index.ts";
import { SectionCard } from "#app/ui/section-card.tsx";
import { STAFF_PATH } from "./staff-ui.tsx";

// The cards of the staff detail page below the profile form: status, password and sessions,
// rotation groups, hand-over. Each posts its own intent to the page's action.

type Result = { status: string; intent?: string } | null | undefined;

export function StatusPanel({
  status,
  awayUntil,
  result,
}: {
  status: StaffStatus;
  awayUntil: Date | string | null;
  result: Result;
}) {
  const { t } = useI18n();
  const errors = result?.intent === "status" ? fieldErrors(result) : {};
  return (
    <SectionCard
      icon={UserCog}
      title={t("adminStaff.detail.status")}
      description={t("adminStaff.detail.statusHint")}
      labelled
    >
      <Form method="post" className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="status"
          label={t("adminStaff.field.status")}
          defaultValue={status}
          options={(["active", "away", "inactive"] as const).map((s) => ({
            value: s,
            label: t(`adminStaff.status.${s}`),
          }))}
          errors={errors.status}
        />
        <DateField
          name="awayUntil"
          label={t("adminStaff.field.awayUntil")}
          hint={t("adminStaff.field.awayUntilHint")}
          defaultValue={dateControlValue(awayUntil ? new Date(awayUntil) : null, "date")}
          errors={errors.awayUntil}
          optional
        />
        <div className="sm:col-span-2">
          <SubmitButton intent="status">{t("common.save")}</SubmitButton>
        </div>
      </Form>
    </SectionCard>
  );
}

export function SecurityPanel({
  invitationPending,
  inactive,
  sessions,
}: {
  invitationPending: boolean;
  inactive: boolean;
  sessions: Array<{ key: string; lastVerifiedAt: Date | string; ipAddress: string | null; userAgent: string | null }>;
}) {
  const { t, locale } = useI18n();
  return (
    <SectionCard
      icon={KeyRound}
      title={t("adminStaff.detail.security")}
      description={t("adminStaff.detail.securityHint")}
      labelled
    >
      <Form method="post" className="flex flex-wrap gap-2">
        {inactive ? null : (
          <SubmitButton intent="password-link" variant="secondary">
            {t(invitationPending ? "adminStaff.detail.resendInvite" : "adminStaff.detail.sendReset")}
          </SubmitButton>
        )}
        <SubmitButton intent="sign-out-all" variant="secondary">
          <MonitorSmartphone aria-hidden className="size-4" />
          {t("adminStaff.detail.signOutAll")}
        </SubmitButton>
      </Form>
      <h3 className="mt-5 text-sm font-medium text-slate-700">
        {t("adminStaff.detail.sessions", { count: sessions.length })}
      </h3>
      {sessions.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">{t("adminStaff.detail.noSessions")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100 text-sm">
          {sessions.map((s) => (
            <li key={s.key} className="py-2">
              <p className="truncate text-slate-700">{s.userAgent ?? "—"}</p>
              <p className="text-xs text-slate-500">
                {t("adminStaff.detail.sessionSeen", {
                  time: formatMoment(s.lastVerifiedAt, locale),
                  ip: s.ipAddress ?? "—",
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </SectionCard>
  );
}

export function TokenGroupsPanel({
  groups,
}: {
  groups: Array<{ active: boolean; position: number; group: { id: number; name: string } }>;
}) {
  const { t } = useI18n();
  return (
    <SectionCard icon={Shuffle} title={t("adminStaff.detail.tokenGroups")} labelled>
      {groups.length === 0 ? (
        <p className="text-sm text-slate-500">{t("adminStaff.detail.noTokenGroups")}</p>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {groups.map((g) => (
            <li key={g.group.id}>
              <a href={`/crm/rules/token-groups/${g.group.id}`} className="hover:underline">
                <Badge tone={g.active ? "blue" : "slate"}>{g.group.name}</Badge>
              </a>
            </li>
          ))}
        </ul>
      )}
    </SectionCard>
  );
}

export function HandOverPanel({ staffId }: { staffId: number }) {
  const { t } = useI18n();
  return (
    <SectionCard
      icon={ArrowLeftRight}
      title={t("adminStaff.detail.handover")}
      description={t("adminStaff.detail.handoverHint")}
      labelled
    >
      <ButtonLink to={`${STAFF_PATH}/${staffId}/handover`} variant="secondary" icon={ArrowLeftRight}>
        {t("adminStaff.detail.startHandover")}
      </ButtonLink>
    </SectionCard>
  );
}
