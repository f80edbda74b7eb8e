import { Search } from "lucide-react";
import { Form } from "react-router";
import { Button } from "#app/ui/button.tsx";
import { cn } from "#app/ui/cn.ts";

/**
 * The knowledge-base search box (home page band, 知识库 hero, zone search): a plain GET form (to /knowledge, or the zone search), so
 * the query lives in the URL and works without JavaScript.
 */
export function KnowledgeSearchForm({
  id,
  action = "/knowledge",
  label,
  placeholder,
  submitLabel,
  defaultValue,
  category,
  size = "md",
  className,
}: {
  id: string;
  /** Where the query goes: the public 知识库, or the zone's own search. */
  action?: string;
  label: string;
  placeholder: string;
  submitLabel: string;
  defaultValue?: string;
  /** Keeps the chosen category when searching from inside it. */
  category?: string | null;
  /** `lg`: the bigger box on the home page's blue band. */
  size?: "md" | "lg";
  className?: string;
}) {
  const large = size === "lg";
  return (
    <Form
      method="get"
      action={action}
      role="search"
      className={cn(
        "flex gap-2 bg-white",
        large
          ? "rounded-2xl p-2 shadow-lg shadow-blue-950/20 focus-within:outline-3 focus-within:outline-offset-2 focus-within:outline-white"
          : "rounded-xl p-1.5 shadow-sm ring-1 ring-slate-200 focus-within:ring-2 focus-within:ring-blue-600",
        className,
      )}
    >
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <div className="relative flex-1">
        <Search
          aria-hidden
          className="pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-slate-400"
        />
        <input
          id={id}
          name="q"
          type="search"
          defaultValue={defaultValue}
          maxLength={100}
          placeholder={placeholder}
          className={cn(
            "w-full min-w-0 bg-transparent pr-3 pl-10 text-[15px] text-slate-900 placeholder:text-slate-500 focus:outline-none",
            large ? "h-12 rounded-xl" : "h-11 rounded-lg",
          )}
        />
      </div>
      {category ? <input type="hidden" name="category" value={category} /> : null}
      <Button type="submit" size={large ? "lg" : "md"} className={large ? "rounded-xl px-5 sm:px-6" : "h-11"}>
        {submitLabel}
      </Button>
    </Form>
  );
}
