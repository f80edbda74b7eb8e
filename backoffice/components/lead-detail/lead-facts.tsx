import { Building2, Mail, MapPin, Package, Phone, Sparkles, UserRound, Users } from "lucide-react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { FactList, FactRow } from "#app/ui/records/fact-list.tsx";
import { routedByLabel, sourceLabel } from "#backoffice/components/lead-ui.tsx";
import { formatDateTime } from "#app/lib/format/dates.ts";
import type { LeadView as Lead } from "./use-lead-workspace.ts";

// What the lead says: contact, company, requirement with ordered items, where it came from, and the
// existing contacts/companies it probably is. Each card takes an optional edit form below its facts.

export function Muted({ children }: { children: ReactNode }) {
  return <span className="text-slate-400">{children}</span>;
}

/** A labelled fact of the lead, on the shared fact list's row layout. */
export const Fact = ({ label, children }: { label: string; children: ReactNode }) => (
  <FactRow label={label}>{children}</FactRow>
);

export function ContactCard({ lead, edit }: { lead: Lead; edit?: ReactNode }) {
  const { t } = useI18n();
  const has = lead.contactName || lead.contactEmail || lead.contactPhone || lead.contactMobile;
  return (
    <Card>
      <CardHeader title={t("leadInbox.detail.contact.title")} icon={<UserRound className="size-4" aria-hidden />} />
      <CardBody>
        {has ? (
          <FactList labelWidth="6.5rem">
            <Fact label={t("leadInbox.detail.contact.name")}>
              {lead.contactName ?? <Muted>—</Muted>}
              {lead.contactTitle ? <span className="text-slate-500"> · {lead.contactTitle}</span> : null}
            </Fact>
            {lead.contactEmail ? (
              <Fact label={t("leadInbox.detail.contact.email")}>
                <a
                  href={`mailto:${lead.contactEmail}`}
                  className="inline-flex items-center gap-1 break-all text-blue-700 hover:underline"
                >
                  <Mail className="size-3.5 shrink-0" aria-hidden />
                  {lead.contactEmail}
                </a>
              </Fact>
            ) : null}
            {lead.contactMobile ? (
              <Fact label={t("leadInbox.detail.contact.mobile")}>
                <PhoneLink value={lead.contactMobile} />
              </Fact>
            ) : null}
            {lead.contactPhone ? (
              <Fact label={t("leadInbox.detail.contact.phone")}>
                <PhoneLink value={lead.contactPhone} />
              </Fact>
            ) : null}
            {lead.contactFax ? <Fact label={t("leadInbox.detail.contact.fax")}>{lead.contactFax}</Fact> : null}
          </FactList>
        ) : (
          <p className="text-sm text-slate-400">{t("leadInbox.detail.contact.none")}</p>
        )}
        {edit ? <div className="mt-4">{edit}</div> : null}
      </CardBody>
    </Card>
  );
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
  const place = [lead.companyProvince, lead.companyCity].filter(Boolean).join(" ");
  return (
    <Card>
      <CardHeader title={t("leadInbox.detail.company.title")} icon={<Building2 className="size-4" aria-hidden />} />
      <CardBody>
        {lead.companyName ? (
          <FactList labelWidth="6.5rem">
            <Fact label={t("leadInbox.detail.company.name")}>{lead.companyName}</Fact>
            {place || lead.companyAddress ? (
              <Fact label={t("leadInbox.detail.company.address")}>
                <span className="inline-flex items-start gap-1">
                  <MapPin className="mt-0.5 size-3.5 shrink-0 text-slate-400" aria-hidden />
                  {[place, lead.companyAddress].filter(Boolean).join(" ")}
                </span>
              </Fact>
            ) : null}
            {lead.companyPhone ? (
              <Fact label={t("leadInbox.detail.company.phone")}>
                <PhoneLink value={lead.companyPhone} />
              </Fact>
            ) : null}
            {lead.companyFax ? <Fact label={t("leadInbox.detail.company.fax")}>{lead.companyFax}</Fact> : null}
          </FactList>
        ) : (
          <p className="text-sm text-slate-400">{t("leadInbox.detail.company.none")}</p>
        )}
        {edit ? <div className="mt-4">{edit}</div> : null}
      </CardBody>
    </Card>
  );
}

export function RequirementCard({ lead, edit }: { lead: Lead; edit?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Card>
      <CardHeader title={t("leadInbox.detail.requirement.title")} icon={<Package className="size-4" aria-hidden />} />
      <CardBody className="space-y-4">
        {lead.requirement ? (
          <p className="text-[15px] leading-7 whitespace-pre-wrap text-slate-800">{lead.requirement}</p>
        ) : (
          <p className="text-sm text-slate-400">{t("leadInbox.detail.requirement.none")}</p>
        )}
        {lead.items.length > 0 ? (
          <div className="overflow-x-auto rounded-lg ring-1 ring-slate-200">
            <table className="min-w-full text-left text-sm">
              <caption className="sr-only">{t("leadInbox.detail.items.caption")}</caption>
              <thead className="bg-slate-50 text-xs font-medium text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">
                    {t("leadInbox.detail.items.sku")}
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    {t("leadInbox.detail.items.product")}
                  </th>
                  <th scope="col" className="px-4 py-2 text-right font-medium">
                    {t("leadInbox.detail.items.quantity")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {lead.items.map((item) => (
                  <tr key={item.id}>
                    <td className="px-4 py-2 font-mono text-[13px] text-slate-700">{item.sku}</td>
                    <td className="px-4 py-2 text-slate-900">{item.productName ?? <Muted>—</Muted>}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{item.quantity}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {edit}
      </CardBody>
    </Card>
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
    <Card aria-label={t("leadInbox.detail.source.title")}>
      <CardHeader title={t("leadInbox.detail.source.title")} icon={<Sparkles className="size-4" aria-hidden />} />
      <CardBody>
        <FactList labelWidth="6.5rem">
          <Fact label={t("leadInbox.detail.source.category")}>
            {lead.category ? lead.category.name : <Muted>{t("leadInbox.noCategory")}</Muted>}
          </Fact>
          <Fact label={t("leadInbox.detail.source.campaign")}>
            {lead.campaign ? lead.campaign.name : <Muted>{t("leadInbox.detail.none")}</Muted>}
          </Fact>
          <Fact label={t("leadInbox.detail.source.channel")}>{sourceLabel(lead.source, t)}</Fact>
          <Fact label={t("leadInbox.detail.source.routedBy")}>
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
          </Fact>
          <Fact label={t("leadInbox.detail.source.member")}>
            {lead.member ? (
              <Link to={`/crm/members/${lead.member.id}`} className="text-blue-700 hover:underline">
                {lead.member.nickname}
              </Link>
            ) : (
              <Muted>{t("leadInbox.detail.source.noMember")}</Muted>
            )}
          </Fact>
          <Fact label={t("leadInbox.detail.source.ip")}>
            {lead.submitterIp ? <span className="font-mono text-[13px]">{lead.submitterIp}</span> : <Muted>—</Muted>}
          </Fact>
          {lead.userAgent ? (
            <Fact label={t("leadInbox.detail.source.userAgent")}>
              <span className="block truncate text-xs text-slate-500" title={lead.userAgent}>
                {lead.userAgent}
              </span>
            </Fact>
          ) : null}
          <Fact label={t("leadInbox.detail.source.created")}>{formatDateTime(new Date(lead.createdAt), locale)}</Fact>
          <Fact label={t("leadInbox.detail.source.seen")}>
            {lead.ownerSeenAt ? (
              formatDateTime(new Date(lead.ownerSeenAt), locale)
            ) : (
              <Muted>{t("leadInbox.detail.source.notSeen")}</Muted>
            )}
          </Fact>
        </FactList>
      </CardBody>
    </Card>
  );
}
