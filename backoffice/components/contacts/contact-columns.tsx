import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { listDay } from "#app/modules/crm/contacts/list-day.ts";
import { personColumn, titleColumn } from "#app/ui/list/column-kinds.tsx";
import type { Column } from "#app/ui/list/data-table.tsx";
import { RecordLink } from "#app/ui/list/record-link.tsx";
import { codeColumn, textColumn } from "../list-columns.tsx";

// The contact list's columns (ids in CONTACT_COLUMNS, contact-list-query.ts). Every sortable column
// walks an index (contact-list-query.ts); the owner column groups by owner (the owner id's index).

export const CONTACTS_PATH = "/crm/contacts";
export const contactPath = (id: number) => `${CONTACTS_PATH}/${id}`;

export interface ContactRow {
  id: number;
  number: string;
  fullName: string;
  title: string | null;
  department: string | null;
  mobile: string | null;
  phone: string | null;
  email: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  noCompany: boolean;
  updatedAt: Date | string;
  company: { id: number; name: string } | null;
  owner: { id: number; name: string } | null;
}

const muted = <span className="text-slate-400">—</span>;

export const contactColumns: Array<Column<ContactRow>> = [
  titleColumn("name", "contacts.field.name", (c, card) => <ContactName row={c} card={card} />, {
    sortKey: "name",
    className: "min-w-36",
  }),
  codeColumn("number", "contacts.field.number", (c) => c.number),
  textColumn("company", "contacts.field.company", (c) => <CompanyCell row={c} />),
  textColumn("title", "contacts.field.title", (c) => [c.title, c.department].filter(Boolean).join(" · ") || muted, {
    muted: true,
  }),
  textColumn("mobile", "contacts.field.mobile", (c) => c.mobile ?? c.phone ?? muted, { nowrap: true, digits: true }),
  textColumn("email", "contacts.field.email", (c) => c.email ?? muted, { mobile: "hidden" }),
  textColumn(
    "region",
    "contacts.field.region",
    (c) => [c.province, c.city, c.district].filter(Boolean).join(" ") || muted,
    {
      nowrap: true,
      muted: true,
      mobile: "hidden",
    },
  ),
  { ...personColumn("owner", "contacts.field.owner", (c: ContactRow) => c.owner?.name ?? muted), sortKey: "owner" },
  {
    id: "updated",
    header: "contacts.field.updated",
    sortKey: "updated",
    mobile: "hidden",
    className: "whitespace-nowrap text-slate-500 tabular-nums",
    cell: (c) => <Day value={c.updatedAt} />,
  },
];

function ContactName({ row, card }: { row: ContactRow; card: boolean }) {
  return (
    <>
      <RecordLink to={contactPath(row.id)} card={card}>
        {row.fullName}
      </RecordLink>
      <p className="font-mono text-xs text-slate-400">{row.number}</p>
    </>
  );
}

function CompanyCell({ row }: { row: ContactRow }) {
  const { t } = useI18n();
  if (row.company) return <>{row.company.name}</>;
  return <span className="text-slate-400">{row.noCompany ? t("contacts.list.noCompany") : "—"}</span>;
}

function Day({ value }: { value: Date | string }) {
  const { locale } = useI18n();
  return <>{listDay(value, locale)}</>;
}
