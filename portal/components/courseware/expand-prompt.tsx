import { LockKeyhole, LogIn, UserPlus } from "lucide-react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";

// What a visitor sees instead of a lesson's body: the seed's rule "学员登录后方可展开" with a sign-in
// that comes back to this lesson. A signed-in member still awaiting verification is told why instead.

export function ExpandPrompt({ redirectTo, signedIn }: { redirectTo: string; signedIn: boolean }) {
  const { t } = useI18n();
  const back = encodeURIComponent(redirectTo);
  return (
    <Card
      aria-labelledby="expand-prompt-title"
      className="flex flex-col items-start gap-4 border-blue-200 bg-blue-50/40 p-5 sm:flex-row sm:items-center sm:p-6"
    >
      <LockKeyhole aria-hidden className="size-8 shrink-0 text-blue-600" />
      <div className="min-w-0 flex-1">
        <h2 id="expand-prompt-title" className="font-semibold text-slate-900">
          {t("courseware.portal.signInToExpand")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          {t(signedIn ? "courseware.portal.levelBody" : "courseware.portal.signInBody")}
        </p>
      </div>
      {signedIn ? null : (
        <div className="flex flex-wrap gap-2">
          <ButtonLink to={`/login?redirectTo=${back}`} icon={LogIn}>
            {t("common.signIn")}
          </ButtonLink>
          <ButtonLink to="/register" variant="secondary" icon={UserPlus}>
            {t("courseware.portal.register")}
          </ButtonLink>
        </div>
      )}
    </Card>
  );
}
