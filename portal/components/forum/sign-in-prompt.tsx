import { LogIn } from "lucide-react";
import { useLocation } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { ButtonLink } from "#app/ui/button.tsx";

/** Visitors read titles; this asks them to sign in (back to the page they were on) or register. */
export function SignInPrompt({ message }: { message: "forum.signInToAsk" | "forum.signInToRead" }) {
  const { t } = useI18n();
  const location = useLocation();
  const back = encodeURIComponent(location.pathname + location.search);
  return (
    <div className="flex flex-wrap items-center gap-3" data-testid="forum-sign-in">
      <p className="text-sm text-slate-600">{t(message)}</p>
      <ButtonLink to={`/login?redirectTo=${back}`} icon={LogIn} size="sm">
        {t("forum.signIn")}
      </ButtonLink>
      <ButtonLink to="/register" variant="secondary" size="sm">
        {t("forum.register")}
      </ButtonLink>
    </div>
  );
}
