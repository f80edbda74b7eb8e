import { ListTree } from "lucide-react";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { parseForm, runIntent } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { checkbox } from "#app/lib/schemas.ts";
import { fail, respond } from "#app/lib/service-result.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import {
  EXPENSE_REPORT_CLASSES,
  FIXED_CODE_TABLES,
  isLookupTableKey,
  LOOKUP_TABLES,
  type LookupTableKey,
} from "#app/modules/settings/lookup-defaults.ts";
import { lookupValues, saveLookupValue, type LookupEntry } from "#app/modules/settings/lookup-values.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { checkboxClass, FailureNotice, fieldErrors, SelectField, SubmitButton, TextField } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 系统表 (/crm/admin/tables?table=industry): the editable enumerations, one table at a time. Each row
// is its own small form; the last row adds a value. Codes are fixed once created.

const PATH = "/crm/admin/tables";

function tableOf(request: Request): LookupTableKey {
  const key = new URL(request.url).searchParams.get("table") ?? "";
  return isLookupTableKey(key) ? key : LOOKUP_TABLES[0];
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffActor(request, { module: "admin", action: "browse" });
  const table = tableOf(request);
  return { table, values: await lookupValues(db, table), fixed: FIXED_CODE_TABLES.includes(table) };
}

const ValueForm = z.object({
  code: z.string().default(""),
  labelZh: z.string().default(""),
  labelEn: z.string().default(""),
  position: z.coerce.number().int().catch(-1),
  active: checkbox(),
  personal: checkbox(),
  reportClass: z.string().optional(),
});

async function save({ actor, formData, table }: { actor: StaffActor; formData: FormData; table: LookupTableKey }) {
  const parsed = await parseForm(formData, ValueForm);
  if (parsed.status !== "ok") return fail(parsed);
  const v = parsed.value;
  const reportClass = EXPENSE_REPORT_CLASSES.find((c) => c === v.reportClass) ?? null;
  const result = await saveLookupValue(db, actor, table, { ...v, reportClass });
  if (result.status === "invalid") return fail({ ...result, row: v.code });
  return respond(result, { successTo: `${PATH}?table=${table}`, flash: "flash.saved" });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "admin", action: "modify" });
  const formData = await request.formData();
  return runIntent(formData, { save, add: save }, { actor, formData, table: tableOf(request) });
}

export const meta = titleMeta("adminSystem.tables.title");

const COLUMNS = "md:grid-cols-[9rem_1fr_1fr_5rem_4rem_auto]";
const EXPENSE_COLUMNS = "md:grid-cols-[9rem_1fr_1fr_5rem_4rem_5rem_9rem_auto]";

export default function AdminTablesPage() {
  const { table, values, fixed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const failedRow = result && "row" in result ? result.row : null;
  const expense = table === "expense_type";
  const nextPosition = (values.at(-1)?.position ?? 0) + 10;
  return (
    <div className="space-y-6">
      <BackLink to="/crm/admin">{t("adminStaff.home.title")}</BackLink>
      <PageHeader
        title={t("adminSystem.tables.title")}
        description={t("adminSystem.tables.intro")}
        icon={<ListTree className="size-6" aria-hidden />}
      />
      <nav aria-label={t("adminSystem.tables.title")}>
        <ul className="flex flex-wrap gap-2">
          {LOOKUP_TABLES.map((key) => (
            <li key={key}>
              <Link
                to={`${PATH}?table=${key}`}
                aria-current={key === table ? "page" : undefined}
                className={cn(
                  "inline-flex rounded-full px-3 py-1.5 text-sm font-medium ring-1 ring-inset",
                  key === table
                    ? "bg-blue-600 text-white ring-blue-600"
                    : "bg-white text-slate-700 ring-slate-200 hover:bg-slate-50",
                )}
              >
                {t(`adminSystem.tables.table.${key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <FailureNotice result={result} refusalsOnly />
      <Card>
        <CardHeader
          title={t(`adminSystem.tables.table.${table}`)}
          description={fixed ? t("adminSystem.tables.fixedNote") : undefined}
        />
        <div className="divide-y divide-slate-100">
          <div
            className={cn(
              "hidden gap-3 px-5 py-3 text-xs font-medium text-slate-500 md:grid",
              expense ? EXPENSE_COLUMNS : COLUMNS,
            )}
          >
            <span>{t("adminSystem.tables.code")}</span>
            <span>{t("adminSystem.tables.labelZh")}</span>
            <span>{t("adminSystem.tables.labelEn")}</span>
            <span>{t("adminSystem.tables.position")}</span>
            <span>{t("adminSystem.tables.activeFlag")}</span>
            {expense ? <span>{t("adminSystem.tables.personal")}</span> : null}
            {expense ? <span>{t("adminSystem.tables.reportClass")}</span> : null}
            <span />
          </div>
          {values.map((v) => (
            <ValueRow
              key={v.code}
              value={v}
              expense={expense}
              fixed={fixed}
              errors={failedRow === v.code ? fieldErrors(result) : {}}
            />
          ))}
          {fixed ? null : (
            <ValueRow
              value={null}
              expense={expense}
              fixed={false}
              nextPosition={nextPosition}
              errors={failedRow !== null && !values.some((v) => v.code === failedRow) ? fieldErrors(result) : {}}
            />
          )}
        </div>
      </Card>
    </div>
  );
}

function ValueRow({
  value,
  expense,
  fixed,
  nextPosition = 0,
  errors,
}: {
  value: LookupEntry | null;
  expense: boolean;
  fixed: boolean;
  nextPosition?: number;
  errors: ReturnType<typeof fieldErrors>;
}) {
  const { t } = useI18n();
  const key = value?.code ?? "__new";
  const id = (field: string) => `${key}-${field}`;
  const text = (field: "code" | "labelZh" | "labelEn", label: string, defaultValue: string) => (
    <TextField
      labelHidden
      id={id(field)}
      name={field}
      label={label}
      defaultValue={defaultValue}
      required
      maxLength={field === "code" ? 40 : 100}
      placeholder={value ? undefined : label}
      errors={errors[field]}
    />
  );
  return (
    <Form
      method="post"
      className={cn("grid grid-cols-2 items-start gap-3 px-5 py-3", expense ? EXPENSE_COLUMNS : COLUMNS)}
    >
      {value ? (
        <span className="col-span-2 pt-2 font-mono text-sm break-all text-slate-700 md:col-span-1">
          <input type="hidden" name="code" value={value.code} />
          {value.code}
          {value.active ? null : (
            <Badge tone="slate" className="ml-2">
              {t("adminSystem.tables.inactive")}
            </Badge>
          )}
        </span>
      ) : (
        text("code", t("adminSystem.tables.code"), "")
      )}
      {text("labelZh", t("adminSystem.tables.labelZh"), value?.labelZh ?? "")}
      {text("labelEn", t("adminSystem.tables.labelEn"), value?.labelEn ?? "")}
      <TextField
        labelHidden
        id={id("position")}
        name="position"
        label={t("adminSystem.tables.position")}
        type="number"
        min={0}
        defaultValue={value?.position ?? nextPosition}
      />
      <label className="flex items-center gap-2 pt-2 text-sm text-slate-700">
        <input
          type="checkbox"
          name="active"
          defaultChecked={value?.active ?? true}
          disabled={fixed}
          className={checkboxClass}
        />
        <span className="md:sr-only">{t("adminSystem.tables.activeFlag")}</span>
      </label>
      {fixed ? <input type="hidden" name="active" value="on" /> : null}
      {expense ? (
        <label className="flex items-center gap-2 pt-2 text-sm text-slate-700">
          <input type="checkbox" name="personal" defaultChecked={value?.personal ?? false} className={checkboxClass} />
          <span className="md:sr-only">{t("adminSystem.tables.personal")}</span>
        </label>
      ) : null}
      {expense ? (
        <SelectField
          labelHidden
          id={id("reportClass")}
          name="reportClass"
          label={t("adminSystem.tables.reportClass")}
          defaultValue={value?.reportClass ?? ""}
          placeholder="—"
          options={EXPENSE_REPORT_CLASSES.map((c) => ({ value: c, label: t(`adminSystem.tables.reportClass.${c}`) }))}
        />
      ) : null}
      <SubmitButton intent={value ? "save" : "add"} size="sm" variant={value ? "secondary" : "primary"}>
        {value ? t("common.save") : t("adminSystem.tables.addValue")}
      </SubmitButton>
    </Form>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/admin" backLabel="adminStaff.home.title" />;
}
