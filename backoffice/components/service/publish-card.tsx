import { BookPlus, Lightbulb } from "lucide-react";
import { Form } from "react-router";
import { formatMoment } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { FieldErrors } from "#app/lib/service-result.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { SubmitButton } from "#app/ui/form/index.ts";
import { RichTextField } from "#app/ui/rich-text-field.tsx";

/** Publishing a zone request with its solution to the zone (and taking it back), or turning it into a solution. */
export function PublishCard({
  requestId,
  publishedAt,
  solutionHtml,
  canKnowledge,
  errors,
}: {
  requestId: number;
  publishedAt: Date | string | null;
  solutionHtml: string | null;
  canKnowledge: boolean;
  errors: FieldErrors;
}) {
  const { t, locale } = useI18n();
  return (
    <Card className="p-5">
      <h2 className="flex items-center gap-2 text-sm font-semibold text-slate-900">
        <Lightbulb aria-hidden className="size-4 text-emerald-600" />
        {t("service.staff.publish")}
      </h2>
      <p className="mt-1 text-sm text-slate-500">
        {publishedAt
          ? t("service.staff.publishedAt", { time: formatMoment(publishedAt, locale) })
          : t("service.staff.publishLead")}
      </p>
      <Form method="post" className="mt-4 space-y-3" key={publishedAt ? String(publishedAt) : "draft"}>
        <RichTextField
          name="solution"
          label={t("service.staff.solution")}
          defaultValue={solutionHtml ?? ""}
          minRows={4}
          errors={errors.solution}
        />
        <div className="flex flex-wrap justify-end gap-2">
          {canKnowledge ? (
            <ButtonLink to={`/crm/knowledge/new?fromRequest=${requestId}`} variant="ghost">
              <BookPlus aria-hidden className="size-4" />
              {t("service.staff.toKnowledge")}
            </ButtonLink>
          ) : null}
          {publishedAt ? (
            <SubmitButton intent="unpublish" variant="secondary">
              {t("service.staff.unpublish")}
            </SubmitButton>
          ) : null}
          <SubmitButton intent="publish">
            {t(publishedAt ? "service.staff.updateSolution" : "service.staff.publishSubmit")}
          </SubmitButton>
        </div>
      </Form>
    </Card>
  );
}
