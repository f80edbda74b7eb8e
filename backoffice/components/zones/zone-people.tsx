import { Headset, ShieldCheck, UserPlus, Users } from "lucide-react";
import type { ReactNode } from "react";
import { Form, Link } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { ZoneWorkspace } from "#app/modules/zones/zone-workspace.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { SelectField, SubmitButton } from "#app/ui/form/index.ts";
import { SectionCard } from "#app/ui/section-card.tsx";
import { membershipStatusKey } from "#app/ui/service/labels.tsx";
import { MembershipAnswer } from "#app/ui/service/membership-answer.tsx";
import { IntentButton, RemoveButton } from "#app/ui/form/intent-button.tsx";

// The people of one zone on its back-office page: entries waiting for the CSR's confirmation (the
// second key of the double confirmation, so they are highlighted), the members, and the zone's CSRs.

type Zone = ZoneWorkspace["zone"];
type Member = Zone["active"][number]["member"];

function memberLine(m: Member) {
  return [m.realName, m.title, m.email].filter(Boolean).join(" · ");
}

function initiatedKey(by: string) {
  return by === "member"
    ? "zones.bo.zone.initiated.member"
    : by === "staff"
      ? "zones.bo.zone.initiated.staff"
      : "zones.bo.zone.initiated.customer";
}

/** A zone's people, or one line saying there are none. `render` returns each person's `<li>`. */
function ListOrEmpty<T>({
  items,
  empty,
  className,
  render,
}: {
  items: readonly T[];
  empty: string;
  className: string;
  render: (item: T) => ReactNode;
}) {
  if (items.length === 0) return <p className="px-5 py-6 text-center text-sm text-slate-500">{empty}</p>;
  return <ul className={cn("divide-y", className)}>{items.map(render)}</ul>;
}

function MemberLink({ member, className }: { member: { id: number; nickname: string }; className?: string }) {
  return (
    <Link to={`/crm/members/${member.id}`} className={cn("hover:text-blue-700", className)}>
      {member.nickname}
    </Link>
  );
}

export function PendingEntries({ pending, canModify }: { pending: Zone["pending"]; canModify: boolean }) {
  const { t } = useI18n();
  return (
    <Card className={cn(pending.length > 0 && "border-amber-300 ring-1 ring-amber-200")}>
      <CardHeader
        icon={<ShieldCheck aria-hidden className="size-4" />}
        title={t("zones.bo.zone.pending", { count: pending.length })}
        description={t("zones.bo.zone.pendingHint")}
      />
      <ListOrEmpty
        items={pending}
        empty={t("zones.bo.zone.pendingEmpty")}
        className="divide-amber-100 bg-amber-50/30"
        render={(m) => (
          <li key={m.id} className="flex flex-col gap-3 px-5 py-3.5 lg:flex-row lg:items-center">
            <div className="min-w-0 flex-1">
              <p className="font-medium text-slate-900">
                <MemberLink member={m.member} />
                <span className="ml-2 text-sm font-normal text-slate-500">{memberLine(m.member)}</span>
              </p>
              <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
                <span>{t(initiatedKey(m.initiatedBy), { date: m.createdAt })}</span>
                <Badge tone={m.customerConfirmed ? "green" : "slate"}>
                  {t(m.customerConfirmed ? "zones.bo.zone.customerYes" : "zones.bo.zone.customerNo")}
                </Badge>
                <Badge tone={m.staffConfirmed ? "green" : "amber"}>
                  {t(m.staffConfirmed ? "zones.bo.zone.staffYes" : "zones.bo.zone.staffNo")}
                </Badge>
              </p>
            </div>
            {canModify ? (
              <MembershipAnswer membershipId={m.id} name={m.member.nickname} confirmed={m.staffConfirmed} />
            ) : (
              <Badge tone="slate">{t(membershipStatusKey(m.status))}</Badge>
            )}
          </li>
        )}
      />
    </Card>
  );
}

export function ZoneMembers({
  active,
  invitable,
  canModify,
}: {
  active: Zone["active"];
  invitable: ZoneWorkspace["pickers"]["invitable"];
  canModify: boolean;
}) {
  const { t } = useI18n();
  return (
    <SectionCard icon={Users} title={t("zones.bo.zone.members", { count: active.length })} flush>
      <ListOrEmpty
        items={active}
        empty={t("zones.bo.zone.membersEmpty")}
        className="divide-slate-100"
        render={(m) => (
          <li key={m.id} className="flex flex-wrap items-center gap-3 px-5 py-3">
            <div className="min-w-0 flex-1">
              <MemberLink member={m.member} className="font-medium text-slate-900" />
              <p className="truncate text-xs text-slate-500">{memberLine(m.member)}</p>
            </div>
            {m.isCustomerAdmin ? <Badge tone="violet">{t("zones.members.customerAdmin")}</Badge> : null}
            {canModify ? (
              <div className="flex gap-1">
                <IntentButton
                  intent={m.isCustomerAdmin ? "revoke" : "appoint"}
                  field={{ name: "memberId", value: m.member.id }}
                  variant="ghost"
                >
                  {t(m.isCustomerAdmin ? "zones.bo.zone.revoke" : "zones.bo.zone.appoint")}
                </IntentButton>
                <RemoveButton field={{ name: "membershipId", value: m.id }} name={m.member.nickname} />
              </div>
            ) : null}
          </li>
        )}
      />
      {canModify ? (
        <PickerForm
          intent="invite"
          name="memberId"
          label={t("zones.bo.zone.invite")}
          placeholder={invitable.length === 0 ? t("zones.bo.zone.inviteNone") : undefined}
          options={invitable.map((m) => ({
            value: String(m.id),
            label: `${m.nickname}${m.realName ? `（${m.realName}）` : ""} · ${m.email}`,
          }))}
          submit={
            <>
              <UserPlus aria-hidden className="size-4" />
              {t("zones.bo.zone.inviteSubmit")}
            </>
          }
        />
      ) : null}
    </SectionCard>
  );
}

export function ZoneCsrs({
  managers,
  candidates,
  canModify,
}: {
  managers: Zone["managers"];
  candidates: ZoneWorkspace["pickers"]["csrCandidates"];
  canModify: boolean;
}) {
  const { t } = useI18n();
  return (
    <SectionCard icon={Headset} title={t("zones.bo.zone.csrs")} description={t("zones.bo.zone.csrsHint")} flush>
      <ul className="divide-y divide-slate-100">
        {managers.map((m) => (
          <li key={m.id} className="flex items-center gap-3 px-5 py-3">
            <div className="min-w-0 flex-1">
              <p className="font-medium text-slate-900">{m.name}</p>
              <p className="truncate text-xs text-slate-500">{m.email}</p>
            </div>
            {canModify && managers.length > 1 ? (
              <RemoveButton intent="removeManager" field={{ name: "staffId", value: m.id }} name={m.name} />
            ) : null}
          </li>
        ))}
      </ul>
      {canModify ? (
        <PickerForm
          intent="addManager"
          name="staffId"
          label={t("zones.bo.zone.addCsr")}
          placeholder={t("common.choose")}
          options={candidates.map((s) => ({ value: String(s.id), label: `${s.name} · ${s.email}` }))}
          submit={t("common.add")}
        />
      ) : null}
    </SectionCard>
  );
}

/** A select of people and one button, under a card. An empty list disables both. */
function PickerForm({
  intent,
  name,
  label,
  placeholder,
  options,
  submit,
}: {
  intent: string;
  name: string;
  label: string;
  placeholder?: string;
  options: Array<{ value: string; label: string }>;
  submit: ReactNode;
}) {
  return (
    <Form method="post" className="flex flex-col gap-2 border-t border-slate-100 px-5 py-4 sm:flex-row sm:items-end">
      <SelectField
        name={name}
        id={`${intent}-${name}`}
        label={label}
        required
        defaultValue=""
        placeholder={placeholder}
        disabled={options.length === 0}
        options={options}
        className="flex-1"
      />
      <SubmitButton intent={intent} variant="secondary" disabled={options.length === 0}>
        {submit}
      </SubmitButton>
    </Form>
  );
}
