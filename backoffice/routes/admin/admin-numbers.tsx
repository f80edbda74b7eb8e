import { Hash } from "lucide-react";
import { useState } from "react";
import { Form, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { parseForm } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { fail, respond } from "#app/lib/service-result.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import {
  formatRecordNumber,
  NUMBER_DATE_PARTS,
  periodFor,
  type RecordNumberKind,
} from "#app/modules/settings/record-number-format.ts";
import { listNumberFormats, updateNumberFormat } from "#app/modules/settings/record-number.server.ts";
import { Card } from "#app/ui/card.tsx";
import { FailureNotice, fieldErrors, SelectField, SubmitButton, TextField } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";
import { runPageIntent, type PageIntentArgs } from "#backoffice/components/record-action.server.ts";

// 编号前缀 (/crm/admin/numbers): prefix, date part and sequence width per numbered record kind, with a
// live preview of the next number. The numbers themselves come from nextRecordNumber().

const PATH = "/crm/admin/numbers";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffActor(request, { module: "admin", action: "browse" });
  return { formats: await listNumberFormats(db) };
}

const FormatForm = z.object({
  kind: z.string(),
  prefix: z.string().default(""),
  datePart: z.string(),
  width: z.coerce.number().int().catch(0),
});

async function save({ actor, form: formData }: PageIntentArgs) {
  const parsed = await parseForm(formData, FormatForm);
  if (parsed.status !== "ok") return fail(parsed);
  const result = await updateNumberFormat(db, actor, parsed.value);
  if (result.status === "invalid") return fail({ ...result, kind: parsed.value.kind });
  return respond(result, { successTo: PATH, flash: "flash.saved" });
}

export async function action(args: ActionFunctionArgs) {
  return runPageIntent(args, { module: "admin", action: "modify" }, { save });
}

export const meta = titleMeta("adminSystem.numbers.title");

export default function AdminNumbersPage() {
  const { formats } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const failedKind = result && "kind" in result ? result.kind : null;
  return (
    <div className="space-y-6">
      <BackLink to="/crm/admin">{t("adminStaff.home.title")}</BackLink>
      <PageHeader
        title={t("adminSystem.numbers.title")}
        description={t("adminSystem.numbers.intro")}
        icon={<Hash className="size-6" aria-hidden />}
      />
      <FailureNotice result={result} refusalsOnly />
      <Card className="divide-y divide-slate-100">
        <div className="hidden grid-cols-[10rem_7rem_11rem_6rem_1fr_auto] gap-3 px-5 py-3 text-xs font-medium text-slate-500 md:grid">
          <span>{t("adminSystem.numbers.kind")}</span>
          <span>{t("adminSystem.numbers.prefix")}</span>
          <span>{t("adminSystem.numbers.datePart")}</span>
          <span>{t("adminSystem.numbers.width")}</span>
          <span>{t("adminSystem.numbers.preview")}</span>
          <span />
        </div>
        {formats.map((f) => (
          <FormatRow key={f.kind} format={f} errors={failedKind === f.kind ? fieldErrors(result) : {}} />
        ))}
      </Card>
    </div>
  );
}

function FormatRow({
  format,
  errors,
}: {
  format: {
    kind: RecordNumberKind;
    prefix: string;
    datePart: (typeof NUMBER_DATE_PARTS)[number];
    width: number;
    preview: string;
  };
  errors: ReturnType<typeof fieldErrors>;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState({ prefix: format.prefix, datePart: format.datePart, width: format.width });
  const unchanged =
    draft.prefix === format.prefix && draft.datePart === format.datePart && draft.width === format.width;
  // The saved format shows the real next number; an edited one shows the shape with sequence 1.
  const preview = unchanged
    ? format.preview
    : formatRecordNumber(
        {
          prefix: draft.prefix.toUpperCase(),
          datePart: draft.datePart,
          width: Math.min(16, Math.max(1, draft.width || 1)),
        },
        periodFor(draft.datePart, new Date()),
        1,
      );
  const id = (field: string) => `${format.kind}-${field}`;
  return (
    <Form
      method="post"
      className="grid grid-cols-2 items-start gap-3 px-5 py-4 md:grid-cols-[10rem_7rem_11rem_6rem_1fr_auto]"
    >
      <input type="hidden" name="kind" value={format.kind} />
      <span className="col-span-2 pt-2 text-sm font-medium text-slate-900 md:col-span-1">
        {t(`adminSystem.numbers.kind.${format.kind}`)}
      </span>
      <TextField
        labelHidden
        id={id("prefix")}
        name="prefix"
        label={t("adminSystem.numbers.prefix")}
        value={draft.prefix}
        maxLength={8}
        onChange={(e) => setDraft({ ...draft, prefix: e.target.value })}
        errors={errors.prefix}
        className="[&_input]:uppercase"
      />
      <SelectField
        labelHidden
        id={id("datePart")}
        name="datePart"
        label={t("adminSystem.numbers.datePart")}
        value={draft.datePart}
        onChange={(e) => setDraft({ ...draft, datePart: e.target.value as typeof draft.datePart })}
        options={NUMBER_DATE_PARTS.map((d) => ({ value: d, label: t(`adminSystem.numbers.datePart.${d}`) }))}
      />
      <TextField
        labelHidden
        id={id("width")}
        name="width"
        label={t("adminSystem.numbers.width")}
        type="number"
        min={3}
        max={16}
        value={draft.width}
        onChange={(e) => setDraft({ ...draft, width: Number(e.target.value) })}
        errors={errors.width}
      />
      <output
        htmlFor={`${id("prefix")} ${id("datePart")} ${id("width")}`}
        aria-label={t("adminSystem.numbers.preview")}
        className="pt-2 font-mono text-sm break-all text-slate-700"
      >
        {preview}
      </output>
      <SubmitButton intent="save" size="sm" variant="secondary">
        {t("common.save")}
      </SubmitButton>
    </Form>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/admin" backLabel="adminStaff.home.title" />;
}
