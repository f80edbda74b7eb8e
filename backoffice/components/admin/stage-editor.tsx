import { ArrowDown, ArrowUp, Trash2 } from "lucide-react";
import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { AdminMethod, AdminStage } from "#app/modules/crm/opportunities/sales-method-admin.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { checkboxClass, ErrorList, inputClass, SubmitButton, type fieldErrors } from "#app/ui/form/index.ts";

// The stage editor's pieces (backoffice/routes/admin/sales-methods.tsx): one card per sales method
// with its name form, one form row per stage (save, move up/down, delete — delete only offered while
// nothing uses the stage) and a last row adding a stage. Every form names its method and stage.

type Errors = ReturnType<typeof fieldErrors>;
type Method = Omit<AdminMethod, "stages"> & { stages: readonly AdminStage[] };

const OPEN_PHASES = ["prospecting", "qualification", "proposal", "negotiation"] as const;
const KINDS = ["open", "won", "lost"] as const;
const COLUMNS = "md:grid-cols-[1fr_1fr_5rem_7rem_8rem_4rem_4rem_auto]";

function Input({
  id,
  name,
  label,
  defaultValue,
  errors,
  type = "text",
}: {
  id: string;
  name: string;
  label: string;
  defaultValue: string | number;
  errors?: Errors[string];
  type?: "text" | "number";
}) {
  return (
    <div>
      <label htmlFor={id} className="text-xs text-slate-500 md:sr-only">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        required
        {...(type === "number" ? { min: 0, max: 100 } : { maxLength: 100 })}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? `${id}-error` : undefined}
        className={inputClass}
      />
      <ErrorList id={`${id}-error`} errors={errors} />
    </div>
  );
}

/** A method's or a stage's two names (中文 and English), each required. */
function NameInputs({
  idPrefix,
  labels: [zh, en],
  record,
  errors,
}: {
  idPrefix: string;
  labels: readonly [string, string];
  record: { nameZh: string; nameEn: string } | null;
  errors: Errors;
}) {
  return (
    <>
      <Input
        id={`${idPrefix}-nameZh`}
        name="nameZh"
        label={zh}
        defaultValue={record?.nameZh ?? ""}
        errors={errors.nameZh}
      />
      <Input
        id={`${idPrefix}-nameEn`}
        name="nameEn"
        label={en}
        defaultValue={record?.nameEn ?? ""}
        errors={errors.nameEn}
      />
    </>
  );
}

function Check({ name, label, defaultChecked }: { name: string; label: string; defaultChecked: boolean }) {
  return (
    <label className="flex items-center gap-2 pt-2 text-sm text-slate-700">
      <input type="checkbox" name={name} defaultChecked={defaultChecked} className={checkboxClass} />
      <span className="md:sr-only">{label}</span>
    </label>
  );
}

export function StageRow({
  methodId,
  stage,
  first = false,
  last = false,
  errors,
}: {
  methodId: number;
  stage: AdminStage | null;
  first?: boolean;
  last?: boolean;
  errors: Errors;
}) {
  const { t } = useI18n();
  const key = `m${methodId}-${stage?.id ?? "new"}`;
  const select = (name: "kind" | "phase", options: readonly string[], value: string) => (
    <div>
      <label htmlFor={`${key}-${name}`} className="text-xs text-slate-500 md:sr-only">
        {t(`stageEditor.column.${name}`)}
      </label>
      <select id={`${key}-${name}`} name={name} defaultValue={value} className={inputClass}>
        {options.map((o) => (
          <option key={o} value={o}>
            {t(
              name === "kind"
                ? `stageEditor.kind.${o as (typeof KINDS)[number]}`
                : `sales.stage.${o as (typeof OPEN_PHASES)[number]}`,
            )}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <Form
      method="post"
      aria-label={stage ? t("stageEditor.stageLabel", { name: stage.nameZh }) : t("stageEditor.addStage")}
      className={cn("grid grid-cols-2 items-start gap-3 px-5 py-3", COLUMNS, !stage && "bg-slate-50/60")}
    >
      <input type="hidden" name="methodId" value={methodId} />
      {stage ? <input type="hidden" name="stageId" value={stage.id} /> : null}
      <NameInputs
        idPrefix={key}
        labels={[t("stageEditor.column.nameZh"), t("stageEditor.column.nameEn")]}
        record={stage}
        errors={errors}
      />
      <Input
        id={`${key}-probability`}
        name="probability"
        type="number"
        label={t("stageEditor.column.probability")}
        defaultValue={stage?.probability ?? 50}
        errors={errors.probability}
      />
      {select("kind", KINDS, stage?.kind ?? "open")}
      {select("phase", OPEN_PHASES, stage && stage.kind === "open" ? stage.legacyStage : "proposal")}
      <Check name="forecast" label={t("stageEditor.column.forecast")} defaultChecked={stage?.forecast ?? true} />
      <Check name="active" label={t("stageEditor.column.active")} defaultChecked={stage?.active ?? true} />
      <div className="col-span-2 flex flex-wrap items-center gap-1 md:col-span-1">
        {stage ? (
          <>
            <SubmitButton intent="save-stage" size="sm" variant="secondary">
              {t("common.save")}
            </SubmitButton>
            <SubmitButton
              intent="stage-up"
              size="sm"
              variant="ghost"
              disabled={first}
              aria-label={t("stageEditor.up", { name: stage.nameZh })}
            >
              <ArrowUp className="size-4" aria-hidden />
            </SubmitButton>
            <SubmitButton
              intent="stage-down"
              size="sm"
              variant="ghost"
              disabled={last}
              aria-label={t("stageEditor.down", { name: stage.nameZh })}
            >
              <ArrowDown className="size-4" aria-hidden />
            </SubmitButton>
            {stage.inUse ? (
              <Badge tone="slate" title={t("stageEditor.inUseHint")}>
                {t("stageEditor.inUse", { count: stage.opportunities })}
              </Badge>
            ) : (
              <SubmitButton
                intent="delete-stage"
                size="sm"
                variant="ghost"
                aria-label={t("stageEditor.delete", { name: stage.nameZh })}
              >
                <Trash2 className="size-4" aria-hidden />
              </SubmitButton>
            )}
          </>
        ) : (
          <SubmitButton intent="add-stage" size="sm">
            {t("stageEditor.addStage")}
          </SubmitButton>
        )}
      </div>
    </Form>
  );
}

export function MethodForm({ method, errors }: { method: Method | null; errors: Errors }) {
  const { t } = useI18n();
  const key = `method-${method?.id ?? "new"}`;
  return (
    <Form method="post" className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_auto_auto_auto]">
      {method ? <input type="hidden" name="methodId" value={method.id} /> : null}
      <NameInputs
        idPrefix={key}
        labels={[t("stageEditor.method.nameZh"), t("stageEditor.method.nameEn")]}
        record={method}
        errors={errors}
      />
      <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
        <input type="checkbox" name="active" defaultChecked={method?.active ?? true} className={checkboxClass} />
        {t("stageEditor.column.active")}
      </label>
      <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
        <input type="checkbox" name="isDefault" defaultChecked={method?.isDefault ?? false} className={checkboxClass} />
        {t("stageEditor.method.default")}
      </label>
      <SubmitButton intent={method ? "save-method" : "add-method"} size="sm" variant={method ? "secondary" : "primary"}>
        {method ? t("common.save") : t("stageEditor.method.add")}
      </SubmitButton>
    </Form>
  );
}

export function MethodCard({
  method,
  errorsFor,
}: {
  method: Method;
  /** The errors of one form of this card: "method", a stage id, or "new" (the add row). */
  errorsFor: (form: string) => Errors;
}) {
  const { t, locale } = useI18n();
  return (
    <Card aria-label={locale === "en" ? method.nameEn : method.nameZh}>
      <CardHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {locale === "en" ? method.nameEn : method.nameZh}
            {method.isDefault ? <Badge tone="blue">{t("stageEditor.method.default")}</Badge> : null}
            {method.active ? null : <Badge tone="slate">{t("stageEditor.inactive")}</Badge>}
          </span>
        }
        description={t("stageEditor.method.usage", { count: method.opportunities })}
      />
      <div className="border-b border-slate-100 px-5 py-3">
        <MethodForm method={method} errors={errorsFor("method")} />
      </div>
      <div className="divide-y divide-slate-100">
        <div className={cn("hidden gap-3 px-5 py-3 text-xs font-medium text-slate-500 md:grid", COLUMNS)}>
          <span>{t("stageEditor.column.nameZh")}</span>
          <span>{t("stageEditor.column.nameEn")}</span>
          <span>{t("stageEditor.column.probability")}</span>
          <span>{t("stageEditor.column.kind")}</span>
          <span>{t("stageEditor.column.phase")}</span>
          <span>{t("stageEditor.column.forecast")}</span>
          <span>{t("stageEditor.column.active")}</span>
          <span />
        </div>
        {method.stages.map((stage, i) => (
          <StageRow
            key={`${stage.id}-${stage.sortOrder}`}
            methodId={method.id}
            stage={stage}
            first={i === 0}
            last={i === method.stages.length - 1}
            errors={errorsFor(String(stage.id))}
          />
        ))}
        <StageRow methodId={method.id} stage={null} errors={errorsFor("new")} />
      </div>
    </Card>
  );
}
