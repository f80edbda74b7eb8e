import { Building2, CircleCheck, UserRound, type LucideIcon } from "lucide-react";
import { Link } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { CompanyEvidence, ContactCandidate, ContactEvidence } from "#app/modules/members/member-linking.server.ts";
import { cn } from "#app/ui/cn.ts";
import { MetaItem } from "#app/ui/record-meta.tsx";

// Pieces of the member ↔ CRM link: the current link (profile and links tabs) and the candidates staff
// choose from, each with the evidence that suggested it.

export interface CurrentLinks {
  contact: { id: number; number: string; fullName: string } | null;
  company: { id: number; number: string; name: string } | null;
}

/** One linked CRM record: what kind it is (icon, named for screen readers), its number and name. */
function LinkedRecord(props: { icon: LucideIcon; kind: string; to: string; number: string; name: string }) {
  return (
    <p className="flex min-w-0 items-center gap-2 text-sm">
      <props.icon className="size-4 shrink-0 text-slate-400" aria-label={props.kind} />
      <Link to={props.to} className="group inline-flex min-w-0 items-baseline gap-2 hover:text-blue-700">
        <span className="font-mono text-xs text-slate-500">{props.number}</span>
        <span className="truncate font-medium text-slate-900 group-hover:text-blue-700 group-hover:underline">
          {props.name}
        </span>
      </Link>
    </p>
  );
}

/** The contact and company the member is linked to, or "not linked yet". */
export function CurrentLink({ links }: { links: CurrentLinks }) {
  const { t } = useI18n();
  if (!links.contact && !links.company) return <p className="text-sm text-slate-500">{t("memberAdmin.link.none")}</p>;
  return (
    <div className="min-w-0 space-y-1.5">
      {links.contact ? (
        <LinkedRecord
          icon={UserRound}
          kind={t("memberAdmin.field.contact")}
          to={`/crm/contacts/${links.contact.id}`}
          number={links.contact.number}
          name={links.contact.fullName}
        />
      ) : null}
      {links.company ? (
        <LinkedRecord
          icon={Building2}
          kind={t("memberAdmin.field.company")}
          to={`/crm/companies/${links.company.id}`}
          number={links.company.number}
          name={links.company.name}
        />
      ) : null}
    </div>
  );
}

export function EvidenceList({ evidence }: { evidence: ReadonlyArray<ContactEvidence | CompanyEvidence> }) {
  const { t } = useI18n();
  if (evidence.length === 0) return null;
  return (
    <span className="flex flex-wrap gap-1.5">
      {evidence.map((e) => (
        <span
          key={e}
          className="inline-flex items-center gap-1 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700 ring-1 ring-emerald-600/20 ring-inset"
        >
          <CircleCheck className="size-3" aria-hidden />
          {t(`memberAdmin.evidence.${e}`)}
        </span>
      ))}
    </span>
  );
}

/** One contact as a radio option; a contact another member holds is shown but cannot be chosen. */
export function CandidateOption(props: {
  candidate: ContactCandidate;
  memberId: number;
  currentId: number | undefined;
  selected: string | undefined;
}) {
  const { t } = useI18n();
  const c = props.candidate;
  const holder = c.linkedMember && c.linkedMember.id !== props.memberId ? c.linkedMember : null;
  const id = `contact-${c.id}`;
  return (
    <li>
      <label
        htmlFor={id}
        className={cn(
          "flex gap-3 rounded-lg border px-4 py-3 text-sm transition-colors",
          holder
            ? "cursor-pointer border-slate-200 bg-slate-50 text-slate-500 has-[:checked]:border-amber-500 has-[:checked]:ring-1 has-[:checked]:ring-amber-500"
            : "cursor-pointer border-slate-200 hover:border-blue-300 hover:bg-blue-50/40 has-[:checked]:border-blue-500 has-[:checked]:bg-blue-50/60 has-[:checked]:ring-1 has-[:checked]:ring-blue-500",
        )}
      >
        <input
          id={id}
          type="radio"
          name="contactId"
          value={c.id}
          // A taken contact stays choosable: submitting it gets the server's "already linked to …" answer
          // (a disabled radio submitted nothing and got "请选择一个联系人", which did not say why).
          defaultChecked={props.selected === String(c.id)}
          className="mt-1 size-4 shrink-0 accent-blue-600"
        />
        <span className="min-w-0 flex-1 space-y-1">
          <span className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
            <span className="font-medium text-slate-900">{c.fullName}</span>
            <span className="font-mono text-xs text-slate-500">{c.number}</span>
            {c.title ? <span className="text-xs text-slate-500">{c.title}</span> : null}
            {props.currentId === c.id ? (
              <span className="text-xs font-medium text-emerald-700">{t("memberAdmin.link.currentMark")}</span>
            ) : null}
            {holder ? (
              <span className="text-xs font-medium text-amber-700">
                {t("memberAdmin.link.takenBy", { nickname: holder.nickname })}
              </span>
            ) : null}
          </span>
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
            <MetaItem icon={Building2} compact>
              {c.company ? c.company.name : t("memberAdmin.link.noCompany")}
            </MetaItem>
            {c.email ? <span className="break-all">{c.email}</span> : null}
            {c.phone ? <span className="tabular-nums">{c.phone}</span> : null}
          </span>
          <EvidenceList evidence={c.evidence} />
        </span>
      </label>
    </li>
  );
}
