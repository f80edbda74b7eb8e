import { CheckCircle2, ClipboardCheck, Undo2, XCircle } from "lucide-react";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { formatDateTime } from "#app/lib/format/dates.ts";
import { runIntent } from "#app/lib/forms.server.ts";
import { safeRedirectPath } from "#app/lib/safe-redirect.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { fail, respond } from "#app/lib/service-result.ts";
import { decideFromForm, withdrawFromForm } from "#app/modules/approvals/approval-actions.server.ts";
import { APPROVAL_INTENTS, type ApprovalItemType } from "#app/modules/approvals/approval-types.ts";
import { awaitingMyApproval, myPendingSubmissions } from "#app/modules/approvals/approvals.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Card } from "#app/ui/card.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { ErrorList, FailureNotice, fieldErrors, inputClass, SubmitButton } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 待我审核 (/crm/approvals): every request whose current step names the signed-in staff member, in
// person or through a role. Any staff member may open it: it lists only their own work, and a vote
// is checked against the request's step by the approval service. Below, the requests they submitted
// that are still pending, each with 撤回; the approval panel of record pages posts its 撤回 here too
// (with `returnTo`, kept to a /crm path).

const PATH = "/crm/approvals";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, "signedIn");
  const [rows, mine] = await Promise.all([awaitingMyApproval(db, actor), myPendingSubmissions(db, actor)]);
  return { rows, mine };
}

async function decideIntent({ actor, formData }: { actor: StaffActor; formData: FormData }) {
  const result = await decideFromForm(db, actor, formData);
  const requestId = String(formData.get("requestId") ?? "");
  if (result.status !== "ok") return fail({ ...result, requestId });
  return respond(result, { successTo: PATH, flash: "flash.saved" });
}

async function withdrawIntent({ actor, formData }: { actor: StaffActor; formData: FormData }) {
  const back = safeRedirectPath(formData.get("returnTo"), PATH, { under: "/crm" });
  return respond(await withdrawFromForm(db, actor, formData), { successTo: back, flash: "flash.saved" });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, "signedIn");
  const formData = await request.formData();
  return runIntent(
    formData,
    {
      [APPROVAL_INTENTS.approve]: decideIntent,
      [APPROVAL_INTENTS.reject]: decideIntent,
      [APPROVAL_INTENTS.withdraw]: withdrawIntent,
    },
    { actor, formData },
  );
}

export const meta = titleMeta("adminSystem.queue.title");

export default function ApprovalsQueuePage() {
  const { rows, mine } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const failedId = result && "requestId" in result ? Number(result.requestId) : null;
  return (
    <div className="space-y-6">
      <PageHeader title={t("adminSystem.queue.title")} icon={<ClipboardCheck className="size-6" aria-hidden />} />
      <FailureNotice result={result} refusalsOnly />
      {rows.length === 0 ? (
        <EmptyState title={t("adminSystem.queue.empty")} />
      ) : (
        <ul className="space-y-4">
          {rows.map((r) => {
            const errors = failedId === r.requestId ? fieldErrors(result) : {};
            const commentId = `comment-${r.requestId}`;
            return (
              <li key={r.requestId} id={`request-${r.requestId}`}>
                <Card className="p-5">
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <div className="min-w-0">
                      <ItemTitle item={r} as="h2" className="font-semibold text-slate-900" />
                      <p className="mt-1 text-sm text-slate-600">
                        {t("adminSystem.queue.author")}：{r.authorName} · {t("adminSystem.queue.submittedAt")}：
                        {formatDateTime(r.submittedAt, locale)}
                      </p>
                    </div>
                    <Badge tone="amber">
                      {t("adminSystem.queue.progress", { step: r.step + 1, count: r.stepCount })} ·{" "}
                      {t(`adminSystem.approvals.mode.${r.mode}`)}
                    </Badge>
                  </div>
                  <Form method="post" className="mt-4 space-y-2">
                    <input type="hidden" name="requestId" value={r.requestId} />
                    <label htmlFor={commentId} className="block text-sm font-medium text-slate-700">
                      {t("adminSystem.queue.comment")}
                    </label>
                    <textarea
                      id={commentId}
                      name="comment"
                      rows={2}
                      maxLength={1000}
                      aria-invalid={errors.comment ? true : undefined}
                      aria-describedby={errors.comment ? `${commentId}-error` : undefined}
                      className={inputClass}
                    />
                    <ErrorList id={`${commentId}-error`} errors={errors.comment} />
                    <div className="flex gap-2">
                      <SubmitButton intent={APPROVAL_INTENTS.approve} size="sm" icon={CheckCircle2}>
                        {t("adminSystem.queue.approve")}
                      </SubmitButton>
                      <SubmitButton intent={APPROVAL_INTENTS.reject} size="sm" variant="danger" icon={XCircle}>
                        {t("adminSystem.queue.reject")}
                      </SubmitButton>
                    </div>
                  </Form>
                </Card>
              </li>
            );
          })}
        </ul>
      )}
      {mine.length > 0 ? <MySubmissions rows={mine} /> : null}
    </div>
  );
}

/** The item's type, then its title (linked to its page when it has one). */
function ItemTitle({
  item,
  as: Tag,
  className,
}: {
  item: { itemType: ApprovalItemType; title: string; link: string | null };
  as: "h2" | "p";
  className: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <p className="text-xs text-slate-500">{t(`adminSystem.approvals.itemType.${item.itemType}`)}</p>
      <Tag className={className}>
        {item.link ? (
          <Link to={item.link} className="hover:text-blue-700 hover:underline">
            {item.title}
          </Link>
        ) : (
          item.title
        )}
      </Tag>
    </>
  );
}

/** 我提交的: the actor's own pending requests, each with 撤回. */
function MySubmissions({ rows }: { rows: ReturnType<typeof useLoaderData<typeof loader>>["mine"] }) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="my-submissions" className="space-y-3">
      <h2 id="my-submissions" className="text-base font-semibold text-slate-900">
        {t("adminSystem.queue.mine")}
      </h2>
      <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
        {rows.map((r) => (
          <li key={r.requestId} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3 text-sm">
            <div className="min-w-0">
              <ItemTitle item={r} as="p" className="font-medium text-slate-900" />
              <p className="text-slate-600">
                {formatDateTime(r.submittedAt, locale)} ·{" "}
                {t("adminSystem.queue.progress", { step: r.step + 1, count: r.stepCount })}
              </p>
            </div>
            <Form method="post">
              <input type="hidden" name="requestId" value={r.requestId} />
              <SubmitButton intent={APPROVAL_INTENTS.withdraw} size="sm" variant="secondary" icon={Undo2}>
                {t("adminSystem.queue.withdraw")}
              </SubmitButton>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary />;
}
