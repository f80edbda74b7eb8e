import { Layers } from "lucide-react";
import { MemberLevel, type MemberStatus } from "#app/generated/prisma/enums.ts";
import { formatDateTime } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { Locale } from "#app/lib/i18n/locales.ts";
import type { Translate } from "#app/lib/i18n/translate.ts";
import type { AuditValue, MemberAuditEntry } from "#app/modules/members/member-directory.server.ts";
import { Avatar } from "#backoffice/components/avatar.tsx";

// A member's audit trail: who did what, and each changed field as before → after in words (statuses,
// levels and dates localised; unknown fields shown as stored and unknown actions named with their code,
// so nothing is hidden).

/** Every action recorded against a member (guarded by audit-trail.test.ts, which scans the code base). */
export const MEMBER_AUDIT_ACTIONS = [
  "member.registered",
  "member.registration_duplicate_email",
  "member.activation_resent",
  "member.activated",
  "member.sign_in",
  "member.sign_in_failed",
  "member.sign_out",
  "member.profile_updated",
  "member.password_changed",
  "member.password_reset_requested",
  "member.password_reset",
  "member.email_change_requested",
  "member.email_changed",
  "member.session_revoked",
  "member.sessions_revoked",
  "member.deregistered",
  "member.verified",
  "member.level_changed",
  "member.linked",
  "member.unlinked",
  "member.suspended",
  "member.suspension_lifted",
  "member.suspension_expired",
  "member.terminated",
  "setting.updated",
] as const;

const KNOWN_FIELDS = [
  "email",
  "nickname",
  "realName",
  "phone",
  "title",
  "companyName",
  "address",
  "level",
  "status",
  "resumeStatus",
  "suspendedUntil",
  "suspensionReason",
  "realNameVerifiedAt",
  "contact",
  "company",
  "reason",
  "sessionsEnded",
  "notifyByEmail",
  "value",
] as const;

const STATUS_VALUES: readonly string[] = ["pending", "active", "verified", "suspended", "terminated", "deregistered"];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export function auditActionLabel(t: Translate, action: string): string {
  const known = MEMBER_AUDIT_ACTIONS.find((a) => a === action);
  // A code added later without a label still reads as a sentence, with the code for support.
  return known ? t(`memberAdmin.audit.action.${known}`) : t("memberAdmin.audit.action.unknown", { code: action });
}

export function auditFieldLabel(t: Translate, field: string): string {
  const known = KNOWN_FIELDS.find((f) => f === field);
  return known ? t(`memberAdmin.field.${known}`) : field;
}

export function auditValueLabel(t: Translate, locale: Locale, field: string, value: AuditValue): string {
  if (value === null || value === "") return t("memberAdmin.value.empty");
  if (typeof value === "boolean") return t(value ? "common.yes" : "common.no");
  if ((field === "status" || field === "resumeStatus") && STATUS_VALUES.includes(String(value))) {
    return t(`memberAdmin.status.${value as MemberStatus}`);
  }
  if (field === "level" && (Object.values(MemberLevel) as string[]).includes(String(value))) {
    return t(`memberAdmin.level.${value as MemberLevel}`);
  }
  if (typeof value === "string" && ISO_DATE.test(value)) return formatDateTime(value, locale);
  return String(value);
}

function actorLabel(t: Translate, entry: MemberAuditEntry): string {
  if (entry.actorType === "system") return t("memberAdmin.audit.system");
  if (entry.actorType === "member") return t("memberAdmin.audit.memberSelf", { name: entry.actorName ?? "?" });
  return entry.actorName ?? t("memberAdmin.audit.unknownActor");
}

/** The trail as an ordered list, newest first; `entries` come from `getMemberAuditTrail`. */
export function AuditTrail({ entries }: { entries: ReadonlyArray<MemberAuditEntry> }) {
  const { t, locale } = useI18n();
  return (
    <ol className="divide-y divide-slate-100">
      {entries.map((entry) => (
        <li key={entry.id} className="flex gap-3 px-5 py-4">
          {entry.actorType === "staff" && entry.actorName ? (
            <Avatar name={entry.actorName} className="size-7 text-xs" />
          ) : (
            <span className="flex size-7 shrink-0 items-center justify-center rounded-full bg-slate-100 text-slate-500">
              <Layers className="size-3.5" aria-hidden />
            </span>
          )}
          <div className="min-w-0 flex-1">
            <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
              <span className="font-medium text-slate-900">{actorLabel(t, entry)}</span>
              <span className="text-slate-700">{auditActionLabel(t, entry.action)}</span>
              <time className="text-xs text-slate-400 tabular-nums" dateTime={new Date(entry.createdAt).toISOString()}>
                {formatDateTime(entry.createdAt, locale)}
              </time>
            </p>
            {entry.changes.length > 0 ? (
              <dl className="mt-2 space-y-1 text-xs">
                {entry.changes.map((change) => (
                  <div key={change.field} className="flex flex-wrap gap-x-2">
                    <dt className="text-slate-500">{auditFieldLabel(t, change.field)}</dt>
                    <dd className="min-w-0 break-words text-slate-700">
                      <span className="text-slate-400 line-through decoration-slate-300">
                        {auditValueLabel(t, locale, change.field, change.before)}
                      </span>
                      <span aria-hidden className="mx-1.5 text-slate-400">
                        →
                      </span>
                      <span className="font-medium text-slate-900">
                        {auditValueLabel(t, locale, change.field, change.after)}
                      </span>
                    </dd>
                  </div>
                ))}
              </dl>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
