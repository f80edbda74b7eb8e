import { MessageSquareText } from "lucide-react";
import { Form } from "react-router";
import type { DateValue } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { Card, CardBody, CardHeader } from "../card.tsx";
import { SubmitButton } from "../form/submit-button.tsx";
import { TextareaField } from "../form/textarea-field.tsx";
import { RelativeTime } from "../relative-time.tsx";
import { widgetErrors } from "./widget-errors.ts";

/**
 * NotesCard — the notes (便笺 / 跟进记录) of any record, newest first, with an add form.
 *
 * Props:
 * - `notes`: `NoteItem[]` from `listNotes(db, target)` (app/modules/notes/notes.server.ts).
 * - `canWrite`: the record's domain says the actor may add notes (shows the form).
 * - `now`: the loader's `Date.now()`, for "3 小时前" that hydrates identically.
 * - `result`: the page's `useActionData()`; errors show only when it refused the `note` intent.
 * - `texts`: optional wording for this record type (defaults `records.notes.*`), e.g. leads pass
 *   `{ title: "leadWork.notes.title", … }` to keep 跟进记录.
 *
 * The form posts `intent=note` and `body`; the route hands it to `runRecordWidgetIntent`
 * (app/modules/notes/record-widget-actions.server.ts). The card is a region named by its title.
 */

export interface NoteItem {
  id: number;
  body: string;
  createdAt: DateValue;
  author: { id: number; name: string } | null;
}

export interface NotesTexts {
  title: MessageKey;
  label: MessageKey;
  placeholder: MessageKey;
  submit: MessageKey;
  none: MessageKey;
}

const DEFAULT_TEXTS: NotesTexts = {
  title: "records.notes.title",
  label: "records.notes.label",
  placeholder: "records.notes.placeholder",
  submit: "records.notes.submit",
  none: "records.notes.none",
};

export function NotesCard({
  notes,
  canWrite,
  now,
  result,
  texts,
  className,
}: {
  notes: readonly NoteItem[];
  canWrite: boolean;
  now: DateValue;
  result?: unknown;
  texts?: Partial<NotesTexts>;
  className?: string;
}) {
  const { t } = useI18n();
  const words = { ...DEFAULT_TEXTS, ...texts };
  const errors = widgetErrors(result, "note");
  return (
    <Card aria-label={t(words.title)} className={className}>
      <CardHeader title={t(words.title)} icon={<MessageSquareText className="size-4" aria-hidden />} />
      <CardBody className="space-y-4">
        {canWrite ? (
          // A new key per saved note empties the box after a successful add (a refusal keeps the text).
          <Form method="post" className="space-y-2" key={notes.length}>
            <TextareaField
              name="body"
              id="record-note-body"
              label={t(words.label)}
              placeholder={t(words.placeholder)}
              rows={3}
              maxLength={5000}
              errors={errors.body}
            />
            <SubmitButton intent="note" size="sm">
              {t(words.submit)}
            </SubmitButton>
          </Form>
        ) : null}
        {notes.length === 0 ? (
          <p className="text-sm text-slate-400">{t(words.none)}</p>
        ) : (
          <ul className="space-y-3">
            {notes.map((n) => (
              <li key={n.id} className="rounded-lg bg-slate-50 px-3 py-2.5">
                <p className="text-sm break-words whitespace-pre-wrap text-slate-800">{n.body}</p>
                <p className="mt-1 text-xs text-slate-500">
                  {n.author?.name ?? t("records.someone")} · <RelativeTime value={n.createdAt} now={now} />
                </p>
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
