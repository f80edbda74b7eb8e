import { Building2, Mail, MapPin, Package, Phone, Sparkles, UserRound, Users } from "lucide-react";
import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { TextWithInternalLinks } from "#app/ui/internal-links.tsx";
import { FactList, FactRow, type Fact } from "#app/ui/records/fact-list.tsx";
import { LineItemsTable } from "#backoffice/components/line-items-table.tsx";
import { routedByLabel, sourceLabel } from "#backoffice/components/lead-ui.tsx";
import { formatDateTime } from "#app/lib/format/dates.ts";
import type { LeadView as Lead } from "./use-lead-workspace.ts";

// What the lead says: contact, company, requirement with ordered items, where it came from, and the
// existing contacts/companies it probably is. Each card takes an optional edit form below its facts.

function Muted({ children }: { children: ReactNode }) {
  return <span className="text-slate-400">{children}</span>;
}

/** A card of the lead's contact or company facts, or a line saying there are none; an edit form may follow. */
function FactsCard({
  area,
  icon,
  facts,
  edit,
}: {
  area: "contact" | "company";
  icon: LucideIcon;
  facts: Fact[] | null;
  edit?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <SectionCard title={t(`leadInbox.detail.${area}.title`)} icon={icon}>
      {facts ? (
        <FactList labelWidth="6.5rem" facts={facts} omitBlank />
      ) : (
        <p className="text-sm text-slate-400">{t(`leadInbox.detail.${area}.none`)}</p>
      )}
      {edit ? <div className="mt-4">{edit}</div> : null}
    </SectionCard>
  );
}

export function ContactCard({ lead, edit }: { lead: Lead; edit?: ReactNode }) {
  const { t } = useI18n();
  const has = lead.contactName || lead.contactEmail || lead.contactPhone || lead.contactMobile;
  const facts: Fact[] = [
    {
      label: t("leadInbox.detail.contact.name"),
      value: (
        <>
          {lead.contactName ?? <Muted>—</Muted>}
          {lead.contactTitle ? <span className="text-slate-500"> · {lead.contactTitle}</span> : null}
        </>
      ),
    },
    {
      label: t("common.email"),
      value: lead.contactEmail && (
        <a
          href={`mailto:${lead.contactEmail}`}
          className="inline-flex items-center gap-1 break-all text-blue-700 hover:underline"
        >
          <Mail className="size-3.5 shrink-0" aria-hidden />
          {lead.contactEmail}
        </a>
      ),
    },
    {
      label: t("leadInbox.detail.contact.mobile"),
      value: lead.contactMobile && <PhoneLink value={lead.contactMobile} />,
    },
    { label: t("common.phone"), value: lead.contactPhone && <PhoneLink value={lead.contactPhone} /> },
    { label: t("common.fax"), value: lead.contactFax },
  ];
  return <FactsCard area="contact" icon={UserRound} facts={has ? facts : null} edit={edit} />;
}

function PhoneLink({ value }: { value: string }) {
  return (
    <a
      href={`tel:${value.replace(/[^\d+]/g, "")}`}
      className="inline-flex items-center gap-1 text-blue-700 hover:underline"
    >
      <Phone className="size-3.5 shrink-0" aria-hidden />
      {value}
    </a>
  );
}

export function CompanyCard({ lead, edit }: { lead: Lead; edit?: ReactNode }) {
  const { t } = useI18n();
  const address = [lead.companyProvince, lead.companyCity, lead.companyAddress].filter(Boolean).join(" ");
  const facts: Fact[] = [
    { label: t("leadInbox.detail.company.name"), value: lead.companyName },
    {
      label: t("common.address"),
      value: address && (
        <span className="inline-flex items-start gap-1">
          <MapPin className="mt-0.5 size-3.5 shrink-0 text-slate-400" aria-hidden />
          {address}
        </span>
      ),
    },
    { label: t("leadInbox.detail.company.phone"), value: lead.companyPhone && <PhoneLink value={lead.companyPhone} /> },
    { label: t("common.fax"), value: lead.companyFax },
  ];
  return <FactsCard area="company" icon={Building2} facts={lead.companyName ? facts : null} edit={edit} />;
}

export function RequirementCard({ lead, edit }: { lead: Lead; edit?: ReactNode }) {
  const { t } = useI18n();
  return (
    <SectionCard title={t("leadInbox.detail.requirement.title")} icon={Package} bodyClassName="space-y-4">
      {lead.requirement ? (
        <p className="text-[15px] leading-7 whitespace-pre-wrap text-slate-800">
          <TextWithInternalLinks text={lead.requirement} />
        </p>
      ) : (
        <p className="text-sm text-slate-400">{t("leadInbox.detail.requirement.none")}</p>
      )}
      {lead.items.length > 0 ? (
        <div className="rounded-lg ring-1 ring-slate-200">
          <LineItemsTable
            caption={t("leadInbox.detail.items.caption")}
            items={lead.items.map((item) => ({ sku: item.sku, name: item.productName, quantity: item.quantity }))}
          />
        </div>
      ) : null}
      {edit}
    </SectionCard>
  );
}

export function MatchesCard({ lead }: { lead: Lead }) {
  const { t } = useI18n();
  return (
    <Card aria-label={t("leadInbox.detail.matches.title")}>
      <CardHeader
        title={t("leadInbox.detail.matches.title")}
        description={t("leadInbox.detail.matches.description")}
        icon={<Users className="size-4" aria-hidden />}
      />
      {lead.matches.length === 0 ? (
        <p className="px-5 py-6 text-center text-sm text-slate-400">{t("leadInbox.detail.matches.none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {lead.matches.map((m) => (
            <li key={`${m.type}-${m.id}`} className="flex items-start gap-3 px-5 py-3 text-sm">
              <span className="mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full bg-slate-100 text-slate-500">
                {m.type === "contact" ? (
                  <UserRound className="size-3.5" aria-hidden />
                ) : (
                  <Building2 className="size-3.5" aria-hidden />
                )}
              </span>
              <div className="min-w-0 flex-1">
                <p className="font-medium text-slate-900">
                  {m.name}
                  {m.companyName ? <span className="font-normal text-slate-500"> @ {m.companyName}</span> : null}
                </p>
                <p className="mt-0.5 text-xs text-slate-500">
                  {t(m.type === "contact" ? "leads.match.contact" : "leads.match.company")} ·{" "}
                  <span className="font-mono">{m.number}</span>
                  {m.email ? ` · ${m.email}` : ""}
                  {m.phone ? ` · ${m.phone}` : ""}
                </p>
              </div>
              <span
                className="shrink-0 rounded-full bg-blue-50 px-2 py-0.5 text-xs font-medium text-blue-700 tabular-nums"
                title={t("leadInbox.detail.matches.score")}
              >
                {Math.round(m.score * 100)}%
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function SourceCard({ lead }: { lead: Lead }) {
  const { t, locale } = useI18n();
  return (
    <SectionCard labelled title={t("leadInbox.detail.source.title")} icon={Sparkles}>
      <FactList labelWidth="6.5rem">
        <FactRow label={t("leadInbox.detail.source.category")}>
          {lead.category ? lead.category.name : <Muted>{t("leadInbox.noCategory")}</Muted>}
        </FactRow>
        <FactRow label={t("leadInbox.detail.source.campaign")}>
          {lead.campaign ? lead.campaign.name : <Muted>{t("common.none")}</Muted>}
        </FactRow>
        <FactRow label={t("leadInbox.detail.source.channel")}>{sourceLabel(lead.source, t)}</FactRow>
        <FactRow label={t("common.routedBy")}>
          {routedByLabel(lead.routedBy, t)}
          {lead.tokenGroupName ? (
            <span className="text-slate-500">
              {" · "}
              {lead.routedPosition !== null
                ? t("leadInbox.detail.source.groupPosition", {
                    group: lead.tokenGroupName,
                    position: lead.routedPosition + 1,
                  })
                : lead.tokenGroupName}
            </span>
          ) : null}
        </FactRow>
        <FactRow label={t("leadInbox.detail.source.member")}>
          {lead.member ? (
            <Link to={`/crm/members/${lead.member.id}`} className="text-blue-700 hover:underline">
              {lead.member.nickname}
            </Link>
          ) : (
            <Muted>{t("leadInbox.detail.source.noMember")}</Muted>
          )}
        </FactRow>
        <FactRow label={t("leadInbox.detail.source.ip")}>
          {lead.submitterIp ? <span className="font-mono text-[13px]">{lead.submitterIp}</span> : <Muted>—</Muted>}
        </FactRow>
        {lead.userAgent ? (
          <FactRow label={t("leadInbox.detail.source.userAgent")}>
            <span className="block truncate text-xs text-slate-500" title={lead.userAgent}>
              {lead.userAgent}
            </span>
          </FactRow>
        ) : null}
        <FactRow label={t("common.createdAt")}>{formatDateTime(new Date(lead.createdAt), locale)}</FactRow>
        <FactRow label={t("leadInbox.detail.source.seen")}>
          {lead.ownerSeenAt ? (
            formatDateTime(new Date(lead.ownerSeenAt), locale)
          ) : (
            <Muted>{t("leadInbox.detail.source.notSeen")}</Muted>
          )}
        </FactRow>
      </FactList>
    </SectionCard>
  );
}
