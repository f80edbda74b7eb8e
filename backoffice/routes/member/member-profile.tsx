import { ArrowRight, Link2, UserRound } from "lucide-react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { formatDateTime, type DateValue } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { CurrentLink } from "#backoffice/components/members/member-link-ui.tsx";
import { useMemberWorkspace } from "#backoffice/components/members/use-member-workspace.ts";

// The member page's index tab: what the member filled in, and their current CRM link. Read-only; the
// data comes from the layout's loader.

export default function MemberProfileTab() {
  const { member } = useMemberWorkspace();
  const { t, locale } = useI18n();
  const region = [member.province, member.city].filter(Boolean).join(" ");
  const when = (d: DateValue | null) => (d ? formatDateTime(d, locale) : null);
  return (
    <>
      <Card>
        <CardHeader
          icon={<UserRound className="size-4" aria-hidden />}
          title={t("memberAdmin.detail.profile.title")}
          description={t("memberAdmin.detail.profile.description")}
        />
        <CardBody>
          <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
            <Fact label={t("memberAdmin.field.nickname")} value={member.nickname} />
            <Fact label={t("memberAdmin.field.email")} value={member.email} />
            <Fact label={t("memberAdmin.field.realName")} value={member.realName} />
            <Fact label={t("memberAdmin.field.phone")} value={member.phone} />
            <Fact label={t("memberAdmin.field.companyName")} value={member.companyName} />
            <Fact label={t("memberAdmin.field.title")} value={member.title} />
            <Fact label={t("memberAdmin.field.region")} value={region || null} />
            <Fact label={t("memberAdmin.field.address")} value={member.address} />
            <Fact label={t("memberAdmin.field.activatedAt")} value={when(member.activatedAt)} />
            <Fact
              label={t("memberAdmin.field.lastSignInAt")}
              value={when(member.lastSignInAt) ?? t("memberAdmin.value.never")}
            />
            <Fact
              label={t("memberAdmin.field.notifyByEmail")}
              value={t(member.notifyByEmail ? "memberAdmin.value.yes" : "memberAdmin.value.no")}
            />
            {member.deregisteredAt ? (
              <Fact label={t("memberAdmin.field.deregisteredAt")} value={when(member.deregisteredAt)} />
            ) : null}
          </dl>
        </CardBody>
      </Card>

      <Card>
        <CardHeader
          icon={<Link2 className="size-4" aria-hidden />}
          title={t("memberAdmin.link.current")}
          action={
            <Link
              to={`/crm/members/${member.id}/links`}
              className="inline-flex items-center gap-1 text-sm font-medium text-blue-700 hover:underline"
            >
              {t("memberAdmin.tabs.links")}
              <ArrowRight className="size-3.5" aria-hidden />
            </Link>
          }
        />
        <CardBody>
          <CurrentLink links={member} />
        </CardBody>
      </Card>
    </>
  );
}

function Fact({ label, value }: { label: string; value: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm break-words text-slate-900">
        {value ?? <span className="text-slate-300">{t("memberAdmin.value.empty")}</span>}
      </dd>
    </div>
  );
}
