import type { ReactNode } from "react";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { cn } from "../cn.ts";
import { ErrorList } from "./error-list.tsx";

export interface ChoiceCardOption {
  value: string | number;
  label: ReactNode;
}

const TONES = {
  blue: { card: "has-[:checked]:border-blue-500 has-[:checked]:bg-blue-50/50", input: "accent-blue-600" },
  amber: { card: "has-[:checked]:border-amber-400 has-[:checked]:bg-amber-50", input: "accent-amber-500" },
} as const;

/**
 * A radio group drawn as bordered cards (one per option) under a legend: the picked card is
 * highlighted. For short lists where every option should be visible at once (a kind, a rating, a
 * poll answer), instead of a select.
 */
export function ChoiceCards({
  name,
  legend,
  hideLegend = false,
  options,
  defaultValue,
  required,
  errors,
  tone = "blue",
  className,
  cardClassName,
}: {
  name: string;
  legend: ReactNode;
  /** The legend still names the group for screen readers, e.g. when a heading above says the same. */
  hideLegend?: boolean;
  options: readonly ChoiceCardOption[];
  defaultValue?: string | number;
  required?: boolean;
  errors?: readonly MessageKey[] | null;
  tone?: keyof typeof TONES;
  /** Layout of the cards (a grid, a wrapping row, a column). */
  className?: string;
  cardClassName?: string;
}) {
  return (
    <fieldset>
      <legend className={hideLegend ? "sr-only" : "text-sm font-medium text-slate-700"}>{legend}</legend>
      <div className={cn(!hideLegend && "mt-2", className)}>
        {options.map((option) => (
          <label
            key={option.value}
            className={cn(
              "flex cursor-pointer items-center gap-2 rounded-lg border border-slate-200 px-3 py-2 text-sm",
              TONES[tone].card,
              cardClassName,
            )}
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              defaultChecked={defaultValue === undefined ? undefined : String(defaultValue) === String(option.value)}
              required={required}
              className={TONES[tone].input}
            />
            {option.label}
          </label>
        ))}
      </div>
      <ErrorList errors={errors} className="mt-1" />
    </fieldset>
  );
}
