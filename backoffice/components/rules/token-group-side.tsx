import { Pencil, Trash2, TriangleAlert } from "lucide-react";
import { Form, Link, useNavigation } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Badge } from "#app/ui/badge.tsx";
import { Button } from "#app/ui/button.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { ConfirmAction, errorText, NameField, RULES_PATHS, type UiError } from "#backoffice/components/rules-ui.tsx";

// The side column of a token group: rename it, the categories that route through it, and deleting it
// (only once no category uses it).

export function TokenGroupSide({
  group,
  rename,
}: {
  group: { name: string; categories: Array<{ id: number; name: string; code: string; active: boolean }> };
  rename: { error?: UiError; name?: string };
}) {
  const { t } = useI18n();
  const pending = useNavigation().state !== "idle";
  const renameError = errorText(t, rename.error);
  return (
    <div className="space-y-6">
      <SectionCard icon={Pencil} title={t("common.rename")} flush>
        <Form method="post" noValidate className="space-y-4 p-5">
          <input type="hidden" name="intent" value="rename" />
          <NameField
            id="group-name"
            label={t("rules.groups.name")}
            error={renameError}
            defaultValue={rename.name ?? group.name}
          />
          <Button type="submit" variant="secondary" disabled={pending} className="w-full">
            {t("common.save")}
          </Button>
        </Form>
      </SectionCard>

      <SectionCard title={t("rules.group.usedBy")} description={t("rules.group.usedBy.description")} flush>
        {group.categories.length === 0 ? (
          <p className="px-5 py-4 text-sm text-slate-500">{t("rules.groups.unused")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {group.categories.map((c) => (
              <li key={c.id}>
                <Link
                  to={`${RULES_PATHS.categories}/${c.id}`}
                  className="flex items-center justify-between gap-3 px-5 py-3 text-sm hover:bg-slate-50"
                >
                  <span className="min-w-0">
                    <span className="block truncate font-medium text-slate-900">{c.name}</span>
                    <span className="font-mono text-xs text-slate-500">{c.code}</span>
                  </span>
                  {c.active ? null : <Badge tone="slate">{t("rules.active.off")}</Badge>}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </SectionCard>

      <Card className="border-red-200/80">
        <CardHeader
          icon={<TriangleAlert aria-hidden className="size-4 text-red-600" />}
          title={t("rules.group.delete")}
          description={
            group.categories.length > 0
              ? t("rules.group.delete.blocked", { count: group.categories.length })
              : t("rules.group.delete.description")
          }
        />
        <div className="flex justify-end px-5 py-4">
          {group.categories.length > 0 ? (
            <Button variant="secondary" size="sm" disabled>
              <Trash2 aria-hidden className="size-4" />
              {t("rules.group.delete")}
            </Button>
          ) : (
            <ConfirmAction
              label={t("rules.group.delete")}
              icon={<Trash2 aria-hidden className="size-4" />}
              title={t("rules.group.delete.title", { name: group.name })}
              body={t("rules.group.delete.body")}
              confirmLabel={t("rules.group.delete.confirm")}
              fields={{ intent: "delete" }}
            />
          )}
        </div>
      </Card>
    </div>
  );
}
