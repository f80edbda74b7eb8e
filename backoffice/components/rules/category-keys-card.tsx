import { KeyRound, RefreshCw, Trash2 } from "lucide-react";
import { Form } from "react-router";
import { formatDateTime } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Badge } from "#app/ui/badge.tsx";
import { cn } from "#app/ui/cn.ts";
import { SubmitButton } from "#app/ui/form/submit-button.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { ConfirmAction, errorText, NameField, type UiError } from "#backoffice/components/rules-ui.tsx";

// A registration category's channel API keys: each key's state and use, rotate and revoke behind a
// second click, and the form that issues a new one (its secret is shown once, above the page).

export interface ChannelKeyView {
  id: number;
  name: string;
  prefix: string;
  createdBy: string | null;
  createdAt: Date | string;
  lastUsedAt: Date | string | null;
  revokedAt: Date | string | null;
}

export function CategoryKeysCard({
  keys,
  formKey,
  nameError,
  typedName,
}: {
  keys: ChannelKeyView[];
  /** Changes after each issued key, for a fresh, empty name field. */
  formKey: string | number;
  nameError?: UiError;
  typedName?: string;
}) {
  const { t, locale } = useI18n();
  const error = errorText(t, nameError);
  return (
    <SectionCard
      id="keys"
      icon={KeyRound}
      title={t("rules.keys.title")}
      description={t("rules.keys.description")}
      flush
    >
      {keys.length === 0 ? (
        <p className="px-5 py-6 text-sm text-slate-500">{t("rules.keys.empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {keys.map((key) => (
            <li
              key={key.id}
              data-testid={`key-${key.prefix}`}
              className={cn(
                "flex flex-col gap-3 px-5 py-4 sm:flex-row sm:items-center",
                key.revokedAt && "bg-slate-50/60",
              )}
            >
              <div className="min-w-0 flex-1">
                <p className="flex flex-wrap items-center gap-2">
                  <span className={cn("font-medium", key.revokedAt ? "text-slate-500" : "text-slate-900")}>
                    {key.name}
                  </span>
                  {key.revokedAt ? (
                    <Badge tone="slate">{t("rules.keys.revoked")}</Badge>
                  ) : (
                    <Badge tone="green">{t("rules.keys.valid")}</Badge>
                  )}
                </p>
                <p className="mt-1 font-mono text-xs text-slate-500">rk_{key.prefix}_…</p>
                <p className="mt-1 text-xs leading-5 text-slate-500">
                  {t("rules.keys.createdBy", {
                    name: key.createdBy ?? t("rules.keys.system"),
                    at: formatDateTime(key.createdAt, locale),
                  })}
                  {" · "}
                  {key.lastUsedAt
                    ? t("rules.keys.lastUsed", { at: formatDateTime(key.lastUsedAt, locale) })
                    : t("rules.keys.neverUsed")}
                  {key.revokedAt
                    ? ` · ${t("rules.keys.revokedAt", { at: formatDateTime(key.revokedAt, locale) })}`
                    : ""}
                </p>
              </div>
              {key.revokedAt ? null : (
                <div className="flex shrink-0 gap-2">
                  <ConfirmAction
                    testId={`rotate-${key.prefix}`}
                    label={t("rules.keys.rotate")}
                    icon={<RefreshCw aria-hidden className="size-4" />}
                    title={t("rules.keys.rotate.title", { name: key.name })}
                    body={t("rules.keys.rotate.body")}
                    confirmLabel={t("rules.keys.rotate.confirm")}
                    fields={{ intent: "key-rotate", keyId: key.id }}
                    tone="primary"
                  />
                  <ConfirmAction
                    testId={`revoke-${key.prefix}`}
                    label={t("rules.keys.revoke")}
                    icon={<Trash2 aria-hidden className="size-4" />}
                    title={t("rules.keys.revoke.title", { name: key.name })}
                    body={t("rules.keys.revoke.body")}
                    confirmLabel={t("rules.keys.revoke.confirm")}
                    fields={{ intent: "key-revoke", keyId: key.id }}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <Form
        key={formKey}
        method="post"
        noValidate
        className="flex flex-col gap-3 border-t border-slate-100 bg-slate-50/50 px-5 py-4 sm:flex-row sm:items-start"
      >
        <NameField
          id="key-name"
          label={<span className="sr-only sm:not-sr-only">{t("rules.keys.name")}</span>}
          error={error}
          defaultValue={typedName ?? ""}
          placeholder={t("rules.keys.name.placeholder")}
          className="flex-1"
        />
        <SubmitButton intent="key-create" className="sm:mt-7">
          <KeyRound aria-hidden className="size-4" />
          {t("rules.keys.generate")}
        </SubmitButton>
      </Form>
    </SectionCard>
  );
}
