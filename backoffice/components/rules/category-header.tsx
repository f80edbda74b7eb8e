import { Power, PowerOff } from "lucide-react";
import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Button } from "#app/ui/button.tsx";
import { ActiveBadge, KindBadge } from "../rules-ui.tsx";

// The header parts of a 登记分类 record page: what the category is under its name, and the switch
// that stops or resumes its intake.

/** Its kind, whether it takes leads, and how many leads and live API keys it has. */
export function CategorySummary({
  kind,
  active,
  leadCount,
  activeKeyCount,
}: {
  kind: "guest" | "requirement" | "order" | "service";
  active: boolean;
  leadCount: number;
  activeKeyCount: number;
}) {
  const { t } = useI18n();
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <KindBadge kind={kind} />
      <ActiveBadge active={active} />
      <span className="text-sm text-slate-500">
        {t("rules.category.summary", { leads: leadCount, keys: activeKeyCount })}
      </span>
    </span>
  );
}

/** Posts `deactivate` for an active category, `activate` for a stopped one. */
export function CategoryActiveToggle({ active }: { active: boolean }) {
  const { t } = useI18n();
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={active ? "deactivate" : "activate"} />
      <Button type="submit" variant={active ? "secondary" : "primary"}>
        {active ? <PowerOff aria-hidden className="size-4" /> : <Power aria-hidden className="size-4" />}
        {t(active ? "rules.category.deactivate" : "rules.category.activate")}
      </Button>
    </Form>
  );
}
