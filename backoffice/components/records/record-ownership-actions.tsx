import { ArrowRightLeft, Merge, Share2, Trash2, Undo2, Wrench } from "lucide-react";
import { Link, useFetcher } from "react-router";
import { formatDateTime } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { OwnershipPanel } from "#app/modules/crm/sharing/sharing.server.ts";
import { CheckboxField, FailureNotice, SubmitButton } from "#app/ui/form/index.ts";
import { ShareFields, TransferFields } from "./ownership-fields.tsx";

// The record actions menu for company and contact pages (transfer, share, delete to the bin, merge,
// undo a recent merge). Drop it into the page header: <RecordOwnershipActions entity="contact" id={id} />.
// It loads what it offers from /crm/record-actions each time it is opened and posts there; the server decides
// every right again.

const ENDPOINT = "/crm/record-actions";

type Entity = "contact" | "company";

function ActionForm({ intent, children }: { intent: string; children: React.ReactNode }) {
  const fetcher = useFetcher();
  return (
    <fetcher.Form method="post" action={ENDPOINT} className="space-y-3" data-intent={intent}>
      {children}
      <FailureNotice result={fetcher.data as { status: string } | undefined} />
    </fetcher.Form>
  );
}

export function RecordOwnershipActions({ entity, id }: { entity: Entity; id: number }) {
  const { t, locale } = useI18n();
  const panel = useFetcher<OwnershipPanel>();
  const { data } = panel;
  const hidden = (
    <>
      <input type="hidden" name="entity" value={entity} />
      <input type="hidden" name="id" value={id} />
    </>
  );

  return (
    <details
      className="relative"
      // Loaded on every opening, so shares and rights are current after a change.
      onToggle={(e) => {
        if ((e.currentTarget as HTMLDetailsElement).open) void panel.load(`${ENDPOINT}?entity=${entity}&id=${id}`);
      }}
      data-testid="record-actions"
    >
      <summary className="inline-flex cursor-pointer list-none items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50">
        <Wrench className="size-4" aria-hidden />
        {t("recordAdmin.actions.label")}
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-[22rem] max-w-[90vw] space-y-5 rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-lg">
        {!data ? (
          <p className="text-slate-500">…</p>
        ) : (
          <>
            {data.canTransfer ? (
              <section className="space-y-2">
                <h3 className="flex items-center gap-2 font-medium text-slate-900">
                  <ArrowRightLeft className="size-4" aria-hidden /> {t("recordAdmin.transfer.title")}
                </h3>
                <ActionForm intent="transfer">
                  {hidden}
                  <TransferFields staff={data.staff} />
                  <SubmitButton intent="transfer" size="sm">
                    {t("recordAdmin.transfer.title")}
                  </SubmitButton>
                </ActionForm>
              </section>
            ) : null}
            {data.canTransfer ? (
              <section className="space-y-2">
                <h3 className="flex items-center gap-2 font-medium text-slate-900">
                  <Share2 className="size-4" aria-hidden /> {t("recordAdmin.share.title")}
                </h3>
                {data.shares.length > 0 ? (
                  <ul className="space-y-1">
                    {data.shares.map((s) => (
                      <li key={s.id} className="flex items-center justify-between gap-2">
                        <span>
                          {s.staffName ?? s.teamName} ·{" "}
                          {s.canEdit ? t("recordAdmin.share.canEdit") : t("recordAdmin.share.readOnly")}
                        </span>
                        <ActionForm intent="revoke">
                          <input type="hidden" name="shareId" value={s.id} />
                          <SubmitButton intent="revoke" size="sm" variant="ghost">
                            {t("recordAdmin.share.revoke")}
                          </SubmitButton>
                        </ActionForm>
                      </li>
                    ))}
                  </ul>
                ) : null}
                <ActionForm intent="share">
                  {hidden}
                  <ShareFields staff={data.staff} teams={data.teams} />
                  <SubmitButton intent="share" size="sm">
                    {t("recordAdmin.share.title")}
                  </SubmitButton>
                </ActionForm>
              </section>
            ) : null}
            {data.canMerge ? (
              <section className="space-y-2">
                <Link
                  to={`/crm/merge?entity=${entity}&ids=${id}`}
                  className="inline-flex items-center gap-2 font-medium text-blue-700 hover:underline"
                >
                  <Merge className="size-4" aria-hidden /> {t("recordAdmin.merge.action")}
                </Link>
                {data.merges.map((m) => (
                  <form
                    key={m.id}
                    method="post"
                    action="/crm/merge"
                    className="flex items-center justify-between gap-2"
                  >
                    <input type="hidden" name="mergeId" value={m.id} />
                    <input type="hidden" name="entity" value={entity} />
                    <span className="text-xs text-slate-500">
                      {t("recordAdmin.merge.undoHint", { count: m.count, date: formatDateTime(m.createdAt, locale) })}
                    </span>
                    <SubmitButton intent="undo" size="sm" variant="secondary" icon={Undo2}>
                      {t("recordAdmin.merge.undo")}
                    </SubmitButton>
                  </form>
                ))}
              </section>
            ) : null}
            {data.canDelete ? (
              <section className="space-y-2 border-t border-slate-100 pt-3">
                <p className="text-xs text-slate-500">{t("recordAdmin.delete.confirm")}</p>
                <ActionForm intent="delete">
                  {hidden}
                  {entity === "company" ? (
                    <CheckboxField name="withContacts" label={t("recordAdmin.delete.withContacts")} />
                  ) : null}
                  <SubmitButton intent="delete" size="sm" variant="danger" icon={Trash2}>
                    {t("recordAdmin.delete.title")}
                  </SubmitButton>
                </ActionForm>
              </section>
            ) : null}
          </>
        )}
      </div>
    </details>
  );
}
