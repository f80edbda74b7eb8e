import { CheckCircle2 } from "lucide-react";
import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Button } from "#app/ui/button.tsx";
import { useSubmitting } from "#app/ui/form/index.ts";

// 标记为学过 / 取消: one button posting the opposite of the lesson's state.

export function LearnedToggle({ learned }: { learned: boolean }) {
  const { t } = useI18n();
  const busy = useSubmitting();
  return (
    <Form method="post" className="flex flex-wrap items-center gap-3">
      {learned ? (
        <p className="inline-flex items-center gap-1.5 text-sm font-medium text-emerald-700">
          <CheckCircle2 aria-hidden className="size-5" />
          {t("courseware.portal.learnedState")}
        </p>
      ) : null}
      <Button
        type="submit"
        name="intent"
        value={learned ? "unlearned" : "learned"}
        variant={learned ? "ghost" : "primary"}
        disabled={busy}
      >
        {t(learned ? "courseware.portal.unmarkLearned" : "courseware.portal.markLearned")}
      </Button>
    </Form>
  );
}
