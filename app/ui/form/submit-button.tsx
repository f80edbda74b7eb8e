import type { LucideIcon } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { useNavigation } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Button, type ButtonSize, type ButtonVariant } from "../button.tsx";

export type SubmitButtonProps = Omit<ComponentProps<"button">, "type" | "value"> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Sent as `intent` (the action dispatches on it); also tells this button's submission from others. */
  intent?: string;
  /** Shown while this submission is in flight; defaults to "正在提交…". */
  pendingLabel?: ReactNode;
  /** For a `fetcher.Form`: pass the fetcher so its state, not the page navigation, drives the button. */
  fetcher?: { state: "idle" | "submitting" | "loading"; formData?: FormData };
  /** A leading icon, hidden with the label while pending. */
  icon?: LucideIcon;
};

/** Whether a submission (of this intent, if given) is in flight, by page navigation or a fetcher. */
export function useSubmitting(intent?: string, fetcher?: SubmitButtonProps["fetcher"]): boolean {
  const navigation = useNavigation();
  const state = fetcher ?? navigation;
  if (state.state !== "submitting") return false;
  return intent === undefined || state.formData?.get("intent") === intent;
}

/** The submit button with a pending state: disabled and relabelled while its form is being sent. */
export function SubmitButton({
  intent,
  pendingLabel,
  fetcher,
  icon: Icon,
  children,
  disabled,
  ...button
}: SubmitButtonProps) {
  const { t } = useI18n();
  const submitting = useSubmitting(intent, fetcher);
  return (
    <Button
      {...button}
      type="submit"
      name={intent === undefined ? button.name : "intent"}
      value={intent}
      disabled={disabled || submitting}
      aria-busy={submitting || undefined}
    >
      {submitting ? (
        (pendingLabel ?? t("form.submitting"))
      ) : (
        <>
          {Icon ? <Icon aria-hidden className="size-4" /> : null}
          {children}
        </>
      )}
    </Button>
  );
}
