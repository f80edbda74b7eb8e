import { MessageSquareText, UserPlus } from "lucide-react";
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

// 来宾登记: visitors and members leave their contact and company details (and an optional message);
// the lead goes to the WEB-GUEST category's owner.

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "intake.guest.title");

export const loader = (args: LoaderFunctionArgs) => loadIntakePage(args, "guest");

export const action = (args: ActionFunctionArgs) => submitIntakePage(args, "guest");

export default function GuestRegistrationPage() {
  const { t } = useI18n();
  return (
    <IntakePage
      path="/guest-registration"
      hero={useIntakeHero(UserPlus, "guest")}
      submitLabel={t("intake.guest.submit")}
      page={useLoaderData<typeof loader>()}
      result={useActionData<typeof action>()}
      after={(slots) => (
        <TextSection
          {...slots}
          icon={MessageSquareText}
          title={t("intake.guest.message")}
          label={t("intake.guest.message")}
          placeholder={t("intake.guest.messagePlaceholder")}
          rows={4}
          maxLength={REQUIREMENT_MAX}
        />
      )}
    />
  );
}
