import { CheckCircle2, ClipboardCheck, Send, Undo2, XCircle } from "lucide-react";
import { Form, useLocation } from "react-router";
import { formatDateTime, type DateValue } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { Badge, type BadgeTone } from "../badge.tsx";
import { Card, CardBody, CardHeader } from "../card.tsx";
import { ErrorList, SubmitButton } from "../form/index.ts";
import { inputClass } from "../form/input-styles.ts";

/**
 * ApprovalPanel — the 审核 card of a record page (seed §2.P.4): status, progress, every decision with
 * its comment, and — for an approver of the current step — approve / reject with a comment. Posts to
 * the page's own action with intents "approval-approve" / "approval-reject" (handled by
 * `decideFromForm` in app/modules/approvals/approval-actions.server.ts) and, when `canSubmit`,
 * "approval-submit" (the route authorises and calls `submitItem`). The author's 撤回 ("approval-withdraw")
 * posts to the approvals queue (/crm/approvals), which returns to this page.
 * Props: `approval` (from `latestApprovalFor`, or null), `canSubmit`, `hasFlow`, `commentErrors`.
 */

export interface ApprovalPanelData {
  requestId: number;
  status: "pending" | "approved" | "rejected" | "withdrawn";
  step: number;
  stepCount: number;
  authorName: string;
  submittedAt: DateValue;
  decisions: Array<{
    staffName: string;
    vote: "approve" | "reject";
    comment: string | null;
    step: number;
    at: DateValue;
  }>;
  mayDecide: boolean;
  /** The viewer submitted the pending request and may take it back. */
  mayWithdraw?: boolean;
}

const TONE: Record<ApprovalPanelData["status"], BadgeTone> = {
  pending: "amber",
  approved: "green",
  rejected: "red",
  withdrawn: "slate",
};

export function ApprovalPanel({
  approval,
  canSubmit = false,
  hasFlow = true,
  commentErrors,
}: {
  approval: ApprovalPanelData | null;
  canSubmit?: boolean;
  hasFlow?: boolean;
  commentErrors?: readonly MessageKey[] | null;
}) {
  const { t, locale } = useI18n();
  const { pathname, search } = useLocation();
  const open = approval?.status === "pending";
  return (
    <Card>
      <CardHeader
        icon={<ClipboardCheck className="size-4" aria-hidden />}
        title={t("adminSystem.panel.title")}
        action={
          approval ? (
            <Badge tone={TONE[approval.status]} dot>
              {t(`adminSystem.panel.status.${approval.status}`)}
            </Badge>
          ) : null
        }
      />
      <CardBody className="space-y-4 text-sm">
        {approval ? (
          <p className="text-slate-600">
            {t("adminSystem.panel.submittedBy", {
              name: approval.authorName,
              date: formatDateTime(approval.submittedAt, locale),
            })}
            {open
              ? ` · ${t("adminSystem.queue.progress", { step: approval.step + 1, count: approval.stepCount })}`
              : null}
          </p>
        ) : (
          <p className="text-slate-500">{hasFlow ? t("adminSystem.panel.none") : t("adminSystem.panel.noFlow")}</p>
        )}
        {approval && approval.decisions.length > 0 ? (
          <ol className="space-y-2">
            {approval.decisions.map((d, i) => (
              <li key={i} className="flex gap-2">
                {d.vote === "approve" ? (
                  <CheckCircle2 aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-600" />
                ) : (
                  <XCircle aria-hidden className="mt-0.5 size-4 shrink-0 text-red-600" />
                )}
                <div className="min-w-0">
                  <p className="text-slate-800">
                    {t("adminSystem.approvals.step", { n: d.step + 1 })} · {d.staffName} ·{" "}
                    {t(`adminSystem.panel.vote.${d.vote}`)}
                    <span className="ml-2 text-xs text-slate-500">{formatDateTime(d.at, locale)}</span>
                  </p>
                  {d.comment ? <p className="whitespace-pre-line text-slate-600">{d.comment}</p> : null}
                </div>
              </li>
            ))}
          </ol>
        ) : null}
        {approval?.mayDecide ? (
          <Form method="post" className="space-y-2">
            <input type="hidden" name="requestId" value={approval.requestId} />
            <label htmlFor="approval-comment" className="block font-medium text-slate-700">
              {t("adminSystem.queue.comment")}
            </label>
            <textarea
              id="approval-comment"
              name="comment"
              rows={2}
              maxLength={1000}
              aria-invalid={commentErrors?.length ? true : undefined}
              aria-describedby={commentErrors?.length ? "approval-comment-error" : undefined}
              className={inputClass}
            />
            <ErrorList id="approval-comment-error" errors={commentErrors} />
            <div className="flex gap-2">
              <SubmitButton intent="approval-approve" size="sm" icon={CheckCircle2}>
                {t("adminSystem.queue.approve")}
              </SubmitButton>
              <SubmitButton intent="approval-reject" size="sm" variant="danger" icon={XCircle}>
                {t("adminSystem.queue.reject")}
              </SubmitButton>
            </div>
          </Form>
        ) : null}
        {approval?.mayWithdraw && open ? (
          <Form method="post" action="/crm/approvals">
            <input type="hidden" name="requestId" value={approval.requestId} />
            <input type="hidden" name="returnTo" value={`${pathname}${search}`} />
            <SubmitButton intent="approval-withdraw" size="sm" variant="secondary" icon={Undo2}>
              {t("adminSystem.queue.withdraw")}
            </SubmitButton>
          </Form>
        ) : null}
        {canSubmit && hasFlow && !open ? (
          <Form method="post">
            <SubmitButton intent="approval-submit" size="sm" variant="secondary" icon={Send}>
              {t("adminSystem.panel.submit")}
            </SubmitButton>
          </Form>
        ) : null}
      </CardBody>
    </Card>
  );
}
