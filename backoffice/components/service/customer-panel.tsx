import { Building2, FileSignature, History, Package, User } from "lucide-react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { formatMediumDate } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { ServiceRequestWorkspace } from "#app/modules/service/service-workspace.server.ts";
import { cn } from "#app/ui/cn.ts";
import { SectionCard } from "#app/ui/section-card.tsx";
import { ServiceStatusBadge } from "#app/ui/service/request-badges.tsx";

// The customer's 360° panel beside a service request: company, contact person (or the member who
// wrote), their assets (the request's own highlighted), contracts and earlier requests.

type Item = ServiceRequestWorkspace["item"];

function Section({ title, icon, children }: { title: string; icon?: ReactNode; children: ReactNode }) {
  return (
    <section>
      <h3 className="mb-1 flex items-center gap-1.5 text-xs font-medium tracking-wide text-slate-500 uppercase">
        {icon}
        {title}
      </h3>
      {children}
    </section>
  );
}

function List<T>({ items, render }: { items: readonly T[]; render: (item: T) => ReactNode }) {
  const { t } = useI18n();
  if (items.length === 0) return <p className="text-slate-400">{t("service.staff.none")}</p>;
  return <ul className="space-y-1">{items.map(render)}</ul>;
}

export function CustomerPanel({
  item,
}: {
  item: Pick<Item, "company" | "contact" | "member" | "customer" | "assetId">;
}) {
  const { t, locale } = useI18n();
  const c = item.company;
  return (
    <SectionCard icon={Building2} title={t("service.staff.customer")} flush>
      <div className="space-y-4 p-4 text-sm">
        <Section title={t("service.staff.company")}>
          <Link to={`/crm/companies/${c.id}`} className="font-medium text-blue-700 hover:underline">
            {c.name}
          </Link>
          <p className="text-xs text-slate-500">
            {[c.number, c.phone, [c.province, c.city].filter(Boolean).join(" ")].filter(Boolean).join(" · ")}
          </p>
        </Section>
        <Section title={t("service.staff.contactPerson")} icon={<User className="size-3.5" aria-hidden />}>
          {item.contact ? (
            <>
              <p className="text-slate-800">
                <Link to={`/crm/contacts/${item.contact.id}`} className="text-blue-700 hover:underline">
                  {item.contact.fullName}
                </Link>
                {item.contact.title ? <span className="text-slate-500"> · {item.contact.title}</span> : null}
              </p>
              <p className="text-xs text-slate-500">
                {[item.contact.mobile, item.contact.phone, item.contact.email].filter(Boolean).join(" · ")}
              </p>
            </>
          ) : item.member ? (
            <p className="text-slate-800">
              {item.member.nickname} <span className="text-xs text-slate-500">{item.member.email}</span>
            </p>
          ) : (
            <p className="text-slate-400">{t("service.staff.none")}</p>
          )}
        </Section>
        <Section title={t("service.staff.assets")} icon={<Package className="size-3.5" aria-hidden />}>
          <List
            items={item.customer.assets}
            render={(a) => (
              <li key={a.id} className={cn(a.id === item.assetId && "rounded bg-blue-50 px-1.5 py-0.5")}>
                <Link to={`/crm/assets/${a.id}`} className="text-slate-800 hover:text-blue-700">
                  {a.name}
                </Link>
                <span className="text-xs text-slate-500">
                  {a.serialNumber ? ` · ${a.serialNumber}` : ""}
                  {a.warrantyEnd ? ` · ${formatMediumDate(a.warrantyEnd, locale)}` : ""}
                </span>
              </li>
            )}
          />
        </Section>
        <Section title={t("service.staff.contracts")} icon={<FileSignature className="size-3.5" aria-hidden />}>
          <List
            items={item.customer.contracts}
            render={(k) => (
              <li key={k.id}>
                <Link to={`/crm/service-contracts/${k.id}`} className="text-slate-800 hover:text-blue-700">
                  {k.name}
                </Link>
                <span className="text-xs text-slate-500">
                  {" "}
                  · {t(`service.mode.${k.responseMode}`)} · {formatMediumDate(k.endDate, locale)}
                </span>
              </li>
            )}
          />
        </Section>
        <Section title={t("service.staff.otherRequests")} icon={<History className="size-3.5" aria-hidden />}>
          <List
            items={item.customer.history}
            render={(h) => (
              <li key={h.id} className="flex items-start justify-between gap-2">
                <Link to={`/crm/service/${h.id}`} className="min-w-0 truncate text-slate-800 hover:text-blue-700">
                  {h.subject}
                </Link>
                <ServiceStatusBadge status={h.status} />
              </li>
            )}
          />
        </Section>
      </div>
    </SectionCard>
  );
}
