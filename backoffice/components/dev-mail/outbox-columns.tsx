import { Link } from "react-router";
import { formatDateTime } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { Column } from "#app/ui/list/data-table.tsx";
import { StatusBadge, templateLabel, type OutboxStatus } from "./dev-inbox-ui.tsx";

// The dev inbox's columns: one row per outbox message, its subject linking to the message page.

export const DEV_MAIL_PATH = "/crm/dev/mail";

export interface OutboxRow {
  id: number;
  toAddress: string;
  subject: string;
  template: string;
  status: OutboxStatus;
  attempts: number;
  createdAt: Date;
}

export const outboxColumns: Array<Column<OutboxRow>> = [
  { id: "status", header: "mail.inbox.col.status", mobile: "hidden", cell: (m) => <Delivery message={m} /> },
  {
    id: "to",
    header: "mail.inbox.col.to",
    mobile: "meta",
    className: "max-w-56 truncate text-slate-700",
    cell: (m) => <span title={m.toAddress}>{m.toAddress}</span>,
  },
  {
    id: "subject",
    header: "common.subject",
    mobile: "title",
    className: "min-w-48",
    cell: (m) => (
      <Link
        to={`${DEV_MAIL_PATH}/${m.id}`}
        className="font-medium text-slate-900 group-hover:text-blue-700 hover:underline"
      >
        {m.subject}
      </Link>
    ),
  },
  {
    id: "template",
    header: "common.template",
    mobile: "meta",
    className: "whitespace-nowrap text-slate-500",
    cell: (m) => <TemplateName template={m.template} />,
  },
  {
    id: "time",
    header: "common.createdAt",
    mobile: "meta",
    className: "whitespace-nowrap text-slate-500 tabular-nums",
    cell: (m) => <CreatedAt at={m.createdAt} />,
  },
];

/** The delivery state, with the number of tries once a message has been retried. */
export function Delivery({ message }: { message: Pick<OutboxRow, "status" | "attempts"> }) {
  const { t } = useI18n();
  return (
    <>
      <StatusBadge status={message.status} />
      {message.attempts > 1 ? (
        <p className="mt-1 text-xs text-slate-400">{t("mail.inbox.attempts", { count: message.attempts })}</p>
      ) : null}
    </>
  );
}

function TemplateName({ template }: { template: string }) {
  const { t } = useI18n();
  return <>{templateLabel(template, t)}</>;
}

function CreatedAt({ at }: { at: Date }) {
  const { locale } = useI18n();
  return <>{formatDateTime(at, locale)}</>;
}
