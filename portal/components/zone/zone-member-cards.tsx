import { ShieldCheck, UserPlus, Users } from "lucide-react";
import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Badge } from "#app/ui/badge.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { CardRows } from "#app/ui/card-rows.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { SelectField, SubmitButton } from "#app/ui/form/index.ts";
import { RemoveButton } from "#app/ui/form/intent-button.tsx";
import { membershipStatusKey, type MembershipStatusValue } from "#app/ui/service/labels.tsx";
import { MembershipAnswer } from "#app/ui/service/membership-answer.tsx";

// The zone's members as the portal shows them: for customer admins the entries waiting for their
// confirmation (and an invitation form), for everyone the confirmed members.

export interface ZoneMemberRow {
  id: number;
  status: MembershipStatusValue;
  isCustomerAdmin: boolean;
  initiatedBy: string;
  since: string;
  customerConfirmed: boolean;
  memberId: number;
  nickname: string;
  realName: string | null;
  title: string | null;
}

export function PendingMembers({
  pending,
  invitable,
}: {
  pending: readonly ZoneMemberRow[];
  invitable: ReadonlyArray<{ id: number; label: string }>;
}) {
  const { t } = useI18n();
  return (
    <Card className={pending.length > 0 ? "border-amber-200" : undefined}>
      <CardHeader
        icon={<ShieldCheck aria-hidden className="size-4" />}
        title={t("zones.members.pending")}
        description={t("zones.members.pendingHint")}
      />
      <CardRows items={pending} empty={t("zones.members.pendingEmpty")}>
        {(m) => <PendingMemberRow key={m.id} member={m} />}
      </CardRows>
      <Form method="post" className="flex flex-col gap-2 border-t border-slate-100 px-5 py-4 sm:flex-row sm:items-end">
        <SelectField
          name="memberId"
          label={t("zones.members.invite")}
          required
          disabled={invitable.length === 0}
          placeholder={invitable.length === 0 ? t("zones.members.inviteNone") : undefined}
          options={invitable.map((m) => ({ value: String(m.id), label: m.label }))}
          className="flex-1"
        />
        <SubmitButton intent="invite" variant="secondary" disabled={invitable.length === 0} icon={UserPlus}>
          {t("zones.members.inviteSubmit")}
        </SubmitButton>
      </Form>
    </Card>
  );
}

export function ActiveMembers({
  active,
  me,
}: {
  active: readonly ZoneMemberRow[];
  me: { memberId: number; isCustomerAdmin: boolean };
}) {
  const { t } = useI18n();
  return (
    <Card>
      <CardHeader
        icon={<Users aria-hidden className="size-4" />}
        title={t("zones.members.active", { count: active.length })}
      />
      {active.length === 0 ? (
        <EmptyState title={t("zones.members.empty")} />
      ) : (
        <ul className="divide-y divide-slate-100">
          {active.map((m) => (
            <li key={m.id} className="flex items-center gap-3 px-5 py-3">
              <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-blue-50 text-sm font-semibold text-blue-700">
                {m.nickname.slice(0, 1)}
              </span>
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium text-slate-900">
                  {m.nickname}
                  {m.memberId === me.memberId ? (
                    <span className="ml-1 text-sm text-slate-500">{t("zones.members.you")}</span>
                  ) : null}
                </p>
                {m.realName || m.title ? (
                  <p className="truncate text-xs text-slate-500">{[m.realName, m.title].filter(Boolean).join(" · ")}</p>
                ) : null}
              </div>
              {m.isCustomerAdmin ? <Badge tone="violet">{t("zones.members.customerAdmin")}</Badge> : null}
              {me.isCustomerAdmin && !m.isCustomerAdmin && m.memberId !== me.memberId ? (
                <RemoveButton field={{ name: "membershipId", value: m.id }} name={m.nickname} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** One entry waiting for the customer admin: who, how it started, and confirm / decline. */
function PendingMemberRow({ member: m }: { member: ZoneMemberRow }) {
  const { t } = useI18n();
  return (
    <li className="flex flex-col gap-3 px-5 py-3.5 sm:flex-row sm:items-center">
      <div className="min-w-0 flex-1">
        <p className="font-medium text-slate-900">
          {m.nickname}
          {m.realName ? <span className="ml-2 text-sm font-normal text-slate-500">{m.realName}</span> : null}
        </p>
        <p className="mt-0.5 text-xs text-slate-500">
          {t(m.initiatedBy === "member" ? "zones.members.asked" : "zones.members.invited", { date: m.since })}
          {" · "}
          {t(membershipStatusKey(m.status))}
        </p>
      </div>
      <MembershipAnswer
        membershipId={m.id}
        name={m.nickname}
        confirmed={m.customerConfirmed}
        confirmedNote={<Badge tone="green">{t("zones.members.youConfirmed")}</Badge>}
      />
    </li>
  );
}
