import { ArrowRight, Link2, UserRound } from "lucide-react";
import { Link } from "react-router";
import { formatDateTime, type DateValue } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { FactList } from "#app/ui/records/fact-list.tsx";
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
      <SectionCard
        icon={UserRound}
        title={t("memberAdmin.detail.profile.title")}
        description={t("memberAdmin.detail.profile.description")}
      >
        <FactList
          layout="grid"
          className="lg:grid-cols-2"
          facts={[
            { label: t("memberAdmin.field.nickname"), value: member.nickname },
            { label: t("memberAdmin.field.email"), value: member.email },
            { label: t("memberAdmin.field.realName"), value: member.realName },
            { label: t("memberAdmin.field.phone"), value: member.phone },
            { label: t("memberAdmin.field.companyName"), value: member.companyName },
            { label: t("memberAdmin.field.title"), value: member.title },
            { label: t("memberAdmin.field.region"), value: region },
            { label: t("memberAdmin.field.address"), value: member.address },
            { label: t("memberAdmin.field.activatedAt"), value: when(member.activatedAt) },
            {
              label: t("memberAdmin.field.lastSignInAt"),
              value: when(member.lastSignInAt) ?? t("memberAdmin.value.never"),
            },
            {
              label: t("memberAdmin.field.notifyByEmail"),
              value: t(member.notifyByEmail ? "common.yes" : "common.no"),
            },
            {
              label: t("memberAdmin.field.deregisteredAt"),
              value: when(member.deregisteredAt),
              hidden: !member.deregisteredAt,
            },
          ]}
        />
      </SectionCard>

      <SectionCard
        icon={Link2}
        title={t("memberAdmin.link.current")}
        action={
          <Link
            to={`/crm/members/${member.id}/links`}
            className="inline-flex items-center gap-1 text-sm font-medium text-blue-700 hover:underline"
          >
            {" "}
            {t("memberAdmin.tabs.links")} <ArrowRight className="size-3.5" aria-hidden />{" "}
          </Link>
        }
      >
        <CurrentLink links={member} />
      </SectionCard>
    </>
  );
}
