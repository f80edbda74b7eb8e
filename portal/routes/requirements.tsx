import { ClipboardList, Send } from "lucide-react";
import {
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { REQUIREMENT_MAX } from "#app/modules/leads/lead-submission.ts";
import { pageTitle } from "#app/ui/meta.ts";
import { TextSection } from "#portal/components/intake-form.tsx";
import { IntakePage, useIntakeHero } from "#portal/components/intake-page.tsx";
import { loadIntakePage, submitIntakePage } from "#portal/components/intake-route.server.ts";

// 在线需求: visitors and members describe what they need; the lead goes to the WEB-REQ category's owner.

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "intake.requirements.title");

export const loader = (args: LoaderFunctionArgs) => loadIntakePage(args, "requirement");

export const action = (args: ActionFunctionArgs) => submitIntakePage(args, "requirement");

export default function RequirementsPage() {
  const { t } = useI18n();
  return (
    <IntakePage
      path="/requirements"
      hero={useIntakeHero(Send, "requirements")}
      submitLabel={t("intake.requirements.submit")}
      page={useLoaderData<typeof loader>()}
      result={useActionData<typeof action>()}
      before={(slots) => (
        <TextSection
          {...slots}
          icon={ClipboardList}
          title={t("intake.requirements.section")}
          label={t("intake.requirements.requirement")}
          placeholder={t("intake.requirements.requirementPlaceholder")}
          rows={6}
          maxLength={REQUIREMENT_MAX}
          required
        />
      )}
    />
  );
}
