import { ArrowDown, ArrowUp, BookOpenText, FileDown, Plus, Trash2 } from "lucide-react";
import { Form, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import type { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { parseForm, requireIdParam, runIntent } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { fail, respond, type ServiceResult } from "#app/lib/service-result.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { getProposal, materialChoices, type ResolvedPart } from "#app/modules/contracts/proposal-read.server.ts";
import {
  addRefPart,
  movePart,
  PartMoveSchema,
  PartRemoveSchema,
  RefPartSchema,
  removeProposalPart,
  saveTextPart,
  TextPartSchema,
} from "#app/modules/contracts/proposals.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { ContractLinesTable, Fen } from "#app/ui/contracts/contract-ui.tsx";
import { FailureNotice, fieldErrors, SelectField, SubmitButton } from "#app/ui/form/index.ts";
import { recordMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { PartForm } from "#backoffice/components/contracts/part-form.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";

// One 提议 (/crm/proposals/:id): its parts in order — text, and inserted quotes, contracts and product
// material — shown as one document (PDF beside it); the owner reorders, edits and inserts parts.

const POLICY = { module: "opportunities", action: "browse" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, POLICY, params.proposalId, async (database, actor, id) => {
    const page = await getProposal(database, actor, id);
    if (!page) return null;
    const choices = page.canModify ? await materialChoices(database, actor, page.proposal.company.id) : null;
    return { ...page, choices };
  });
}

interface Args {
  actor: StaffActor;
  id: number;
  form: FormData;
  ipAddress: string;
}

function intent<S extends z.ZodType>(schema: S, call: (a: Args, v: z.output<S>) => Promise<ServiceResult<unknown>>) {
  return async (a: Args) => {
    const parsed = await parseForm(a.form, schema);
    if (parsed.status !== "ok") return fail(parsed);
    return respond(await call(a, parsed.value), { successTo: `/crm/proposals/${a.id}`, flash: "flash.saved" });
  };
}

const m = (a: Args) => ({ ipAddress: a.ipAddress });
const intents = {
  part: intent(TextPartSchema, (a, v) => saveTextPart(db, a.actor, a.id, v, m(a))),
  material: intent(RefPartSchema, (a, v) => addRefPart(db, a.actor, a.id, v, m(a))),
  move: intent(PartMoveSchema, (a, v) => movePart(db, a.actor, a.id, v, m(a))),
  "part-remove": intent(PartRemoveSchema, (a, v) => removeProposalPart(db, a.actor, a.id, v.partId, m(a))),
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, POLICY);
  const id = requireIdParam(params.proposalId);
  const form = await request.formData();
  return runIntent(form, intents, { actor, id, form, ipAddress: clientIp(context) });
}

export const meta = recordMeta<typeof loader>("proposals.title", (d) => [
  "contracts.metaTitle",
  { name: d.proposal.title },
]);

export default function ProposalPage() {
  const { proposal: p, canModify, choices } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const errors = fieldErrors(answer);
  const { t } = useI18n();
  return (
    <div className="space-y-6">
      <BackLink to="/crm/proposals">{t("proposals.back")}</BackLink>
      <PageHeader
        eyebrow={p.company.name}
        title={p.title}
        icon={<BookOpenText className="size-6" aria-hidden />}
        actions={
          <ButtonLink to={`/crm/proposals/${p.id}/pdf`} variant="secondary" icon={FileDown} reloadDocument>
            {t("contracts.pdf")}
          </ButtonLink>
        }
      />
      <FailureNotice result={answer} />
      <Card>
        <CardHeader title={t("contracts.doc.preview")} />
        <CardBody className="space-y-6" data-testid="proposal-document">
          {p.parts.length === 0 ? <p className="text-sm text-slate-400">{t("proposals.partsNone")}</p> : null}
          {p.parts.map((part, i) => (
            <section key={part.id} className="space-y-2">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h3 className="text-base font-semibold text-slate-900">{part.title}</h3>
                {canModify ? <PartTools partId={part.id} first={i === 0} last={i === p.parts.length - 1} /> : null}
              </div>
              <PartBody part={part} />
              {canModify && part.kind === "text" ? (
                <details className="rounded border border-slate-200 p-3">
                  <summary className="cursor-pointer text-sm text-slate-600">{t("common.edit")}</summary>
                  <PartForm part={part} mergeHint={false} />
                </details>
              ) : null}
            </section>
          ))}
        </CardBody>
      </Card>
      {canModify && choices ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <SectionCard title={t("proposals.addText")} icon={Plus}>
            <PartForm part={null} errors={errors} mergeHint={false} />
          </SectionCard>
          <SectionCard title={t("proposals.addRef")} icon={Plus}>
            {(["quote", "contract", "product"] as const).map((kind) => (
              <Form key={kind} method="post" className="flex flex-wrap items-end gap-2 pb-3" noValidate>
                <input type="hidden" name="kind" value={kind} />
                <SelectField
                  name="refId"
                  label={t(`proposals.kind.${kind}` as MessageKey)}
                  options={choices[kind]}
                  placeholder=""
                  className="min-w-64 flex-1"
                />
                <SubmitButton intent="material" variant="secondary" icon={Plus}>
                  {t("common.add")}
                </SubmitButton>
              </Form>
            ))}
          </SectionCard>
        </div>
      ) : null}
    </div>
  );
}

function PartTools({ partId, first, last }: { partId: number; first: boolean; last: boolean }) {
  const { t } = useI18n();
  const moves = [
    { direction: "up", icon: ArrowUp, label: t("proposals.moveUp"), disabled: first },
    { direction: "down", icon: ArrowDown, label: t("proposals.moveDown"), disabled: last },
  ] as const;
  return (
    <div className="flex gap-1">
      {moves.map((m) => (
        <Form key={m.direction} method="post">
          <input type="hidden" name="partId" value={partId} />
          <input type="hidden" name="direction" value={m.direction} />
          <SubmitButton intent="move" size="sm" variant="ghost" icon={m.icon} disabled={m.disabled}>
            {m.label}
          </SubmitButton>
        </Form>
      ))}
      <Form method="post">
        <input type="hidden" name="partId" value={partId} />
        <SubmitButton intent="part-remove" size="sm" variant="ghost" icon={Trash2}>
          {t("common.remove")}
        </SubmitButton>
      </Form>
    </div>
  );
}

function PartBody({ part }: { part: ResolvedPart }) {
  const { t } = useI18n();
  if (part.kind === "text") return <p className="text-sm leading-7 whitespace-pre-wrap text-slate-800">{part.body}</p>;
  if (part.kind === "product")
    return (
      <p className="text-sm leading-7 whitespace-pre-wrap text-slate-800">{part.text ?? t("proposals.missing")}</p>
    );
  if (!part.lines) return <p className="text-sm text-slate-400">{t("proposals.missing")}</p>;
  return (
    <div className="space-y-2">
      <div className="rounded border border-slate-200">
        <ContractLinesTable lines={part.lines.map((l, i) => ({ ...l, id: i, taxFen: 0 }))} amountFen={part.totalFen} />
      </div>
      {part.terms ? <p className="text-sm whitespace-pre-wrap text-slate-600">{part.terms}</p> : null}
      <p className="sr-only">
        <Fen value={part.totalFen} />
      </p>
    </div>
  );
}
