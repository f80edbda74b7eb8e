import { BookPlus, Handshake } from "lucide-react";
import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { FieldErrors } from "#app/lib/service-result.ts";
import { authorName, type ForumAuthor } from "#app/modules/forum/forum-authors.ts";
import { SelectField, SubmitButton, TextField } from "#app/ui/form/index.ts";
import { checkboxClass } from "#app/ui/form/input-styles.ts";

export interface HandOverChoices {
  categories: Array<{ id: number; name: string }>;
  owners: Array<{ id: number; name: string }>;
}

/** 转交销售: route by a registration category's token rules, or to a chosen salesperson. */
export function HandToSalesForm({
  choices,
  postId,
  memberId,
  errors,
}: {
  choices: HandOverChoices;
  postId?: number;
  memberId?: number;
  errors: FieldErrors;
}) {
  const { t } = useI18n();
  const key = postId ?? memberId ?? 0;
  return (
    <Form method="post" className="grid gap-3 sm:grid-cols-2" data-testid="hand-to-sales">
      <input type="hidden" name="intent" value="handToSales" />
      {postId ? <input type="hidden" name="postId" value={postId} /> : null}
      {memberId ? <input type="hidden" name="memberId" value={memberId} /> : null}
      <SelectField
        id={`category-${key}`}
        name="categoryId"
        label={t("forum.crm.category")}
        placeholder="—"
        options={choices.categories.map((c) => ({ value: String(c.id), label: c.name }))}
        errors={errors.categoryId}
      />
      <SelectField
        id={`owner-${key}`}
        name="ownerStaffId"
        label={t("forum.crm.salesperson")}
        placeholder="—"
        options={choices.owners.map((o) => ({ value: String(o.id), label: o.name }))}
        errors={errors.ownerStaffId}
      />
      <TextField
        id={`note-${key}`}
        name="note"
        label={t("forum.crm.note")}
        maxLength={1000}
        className="sm:col-span-2"
      />
      <div className="sm:col-span-2">
        <SubmitButton icon={Handshake}>{t("forum.crm.handToSales")}</SubmitButton>
      </div>
    </Form>
  );
}

/** 整理为知识: pick the answers that go into the draft article. */
export function CurateForm({
  answers,
}: {
  answers: Array<{ id: number; author: ForumAuthor; excerpt: string; accepted: boolean }>;
}) {
  const { t } = useI18n();
  return (
    <Form method="post" className="space-y-3" data-testid="curate">
      <input type="hidden" name="intent" value="curate" />
      <p className="text-sm font-medium text-slate-700">{t("forum.crm.chooseAnswers")}</p>
      <ul className="space-y-2">
        {answers.map((a) => (
          <li key={a.id}>
            <label className="flex items-start gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                name="postIds"
                value={a.id}
                defaultChecked={a.accepted}
                className={checkboxClass}
              />
              <span>
                <strong>{authorName(a.author)}</strong>: {a.excerpt}
              </span>
            </label>
          </li>
        ))}
      </ul>
      <SubmitButton icon={BookPlus}>{t("forum.crm.curate")}</SubmitButton>
    </Form>
  );
}
