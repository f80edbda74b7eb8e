import { ArrowDown, ArrowUp, BookOpenText, FileDown, Globe, Plus, Send, Trash2, Undo2 } from "lucide-react";
import { Form, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import type { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { formatDateTime } from "#app/lib/format/dates.ts";
import { parseForm } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { fail, respond, type ServiceResult } from "#app/lib/service-result.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { decideFromForm, withdrawFromForm } from "#app/modules/approvals/approval-actions.server.ts";
import { getProposal, materialChoices } from "#app/modules/contracts/proposal-read.server.ts";
import { publishProposal, reopenProposal, submitProposal } from "#app/modules/contracts/proposal-workflow.server.ts";
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
import { ProposalDocument, ProposalStatusBadge } from "#app/ui/contracts/proposal-parts.tsx";
import { FailureNotice, fieldErrors, FormNotice, SelectField, SubmitButton } from "#app/ui/form/index.ts";
import { recordMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { ApprovalPanel } from "#app/ui/records/approval-panel.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { PartForm } from "#backoffice/components/contracts/part-form.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";
import { runRecordIntent } from "#backoffice/components/record-action.server.ts";

// One 提议 (/crm/proposals/:id): its parts in order — text, and inserted quotes, contracts and product
// material — shown as one document (PDF beside it); while drafting the owner reorders, edits and inserts
// parts, then submits it for approval, publishes the approved proposal to the customer's zone, or
// reopens it (decision 050).

const POLICY = { module: "opportunities", action: "browse" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, POLICY, params.proposalId, async (database, actor, id) => {
    const page = await getProposal(database, actor, id);
    if (!page) return null;
    const choices = page.may.edit ? await materialChoices(database, actor, page.proposal.company.id) : null;
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
const here = (a: Args) => `/crm/proposals/${a.id}`;
const intents = {
  part: intent(TextPartSchema, (a, v) => saveTextPart(db, a.actor, a.id, v, m(a))),
  material: intent(RefPartSchema, (a, v) => addRefPart(db, a.actor, a.id, v, m(a))),
  move: intent(PartMoveSchema, (a, v) => movePart(db, a.actor, a.id, v, m(a))),
  "part-remove": intent(PartRemoveSchema, (a, v) => removeProposalPart(db, a.actor, a.id, v.partId, m(a))),
  submit: async (a: Args) =>
    respond(await submitProposal(db, a.actor, a.id, m(a)), { successTo: here(a), flash: "flash.quotes.submitted" }),
  publish: async (a: Args) =>
    respond(await publishProposal(db, a.actor, a.id, m(a)), { successTo: here(a), flash: "flash.quotes.published" }),
  reopen: async (a: Args) =>
    respond(await reopenProposal(db, a.actor, a.id, m(a)), { successTo: here(a), flash: "flash.saved" }),
  "approval-approve": async (a: Args) =>
    respond(await decideFromForm(db, a.actor, a.form), { successTo: here(a), flash: "flash.saved" }),
  "approval-reject": async (a: Args) =>
    respond(await decideFromForm(db, a.actor, a.form), { successTo: here(a), flash: "flash.saved" }),
  "approval-withdraw": async (a: Args) =>
    respond(await withdrawFromForm(db, a.actor, a.form), { successTo: here(a), flash: "flash.saved" }),
};

export async function action(args: ActionFunctionArgs) {
  return runRecordIntent(args, POLICY, "proposalId", intents);
}

export const meta = recordMeta<typeof loader>("proposals.title", (d) => [
  "contracts.metaTitle",
  { name: d.proposal.title },
]);

export default function ProposalPage() {
  const { proposal: p, canModify, may, approval, choices } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const errors = fieldErrors(answer);
  const { t, locale } = useI18n();
  return (
    <div className="space-y-6">
      <BackLink to="/crm/proposals">{t("proposals.back")}</BackLink>
      <PageHeader
        eyebrow={p.company.name}
        title={p.title}
        icon={<BookOpenText className="size-6" aria-hidden />}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <ProposalStatusBadge status={p.status} />
            <ButtonLink to={`/crm/proposals/${p.id}/pdf`} variant="secondary" icon={FileDown} reloadDocument>
              {t("contracts.pdf")}
            </ButtonLink>
            <WorkflowButtons may={may} />
          </div>
        }
      />
      <FailureNotice result={answer} />
      {p.status === "drafting" && p.reviewComment ? (
        <FormNotice tone="warning">{t("proposals.reviewComment", { comment: p.reviewComment })}</FormNotice>
      ) : null}
      {p.status !== "drafting" && canModify ? (
        <p className="text-sm text-slate-500">{t("proposals.readOnlyNote")}</p>
      ) : null}
      {p.publishedAt ? (
        <p className="text-sm text-slate-500">
          {t("proposals.publishedOn", { date: formatDateTime(p.publishedAt, locale) })}
        </p>
      ) : null}
      {!p.company.hasZone ? <p className="text-sm text-slate-500">{t("proposals.noZoneNote")}</p> : null}
      <Card>
        <CardHeader title={t("contracts.doc.preview")} />
        <CardBody className="space-y-6" data-testid="proposal-document">
          <ProposalDocument
            parts={p.parts}
            tools={(part, i) =>
              may.edit
                ? {
                    beside: <PartTools partId={part.id} first={i === 0} last={i === p.parts.length - 1} />,
                    below:
                      part.kind === "text" ? (
                        <details className="rounded border border-slate-200 p-3">
                          <summary className="cursor-pointer text-sm text-slate-600">{t("common.edit")}</summary>
                          <PartForm part={part} mergeHint={false} />
                        </details>
                      ) : null,
                  }
                : {}
            }
          />
        </CardBody>
      </Card>
      {approval || p.status === "pending_approval" ? <ApprovalPanel approval={approval} hasFlow /> : null}
      {may.edit && choices ? (
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
                  id={`ref-${kind}`}
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

function WorkflowButtons({ may }: { may: { submit: boolean; publish: boolean; reopen: boolean } }) {
  const { t } = useI18n();
  const buttons = [
    { intent: "submit", show: may.submit, icon: Send, label: t("proposals.action.submit"), variant: "primary" },
    { intent: "publish", show: may.publish, icon: Globe, label: t("proposals.action.publish"), variant: "primary" },
    { intent: "reopen", show: may.reopen, icon: Undo2, label: t("proposals.action.reopen"), variant: "secondary" },
  ] as const;
  return (
    <>
      {buttons
        .filter((b) => b.show)
        .map((b) => (
          <Form key={b.intent} method="post">
            <SubmitButton intent={b.intent} icon={b.icon} variant={b.variant}>
              {b.label}
            </SubmitButton>
          </Form>
        ))}
    </>
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
