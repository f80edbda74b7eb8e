import { cn } from "#app/ui/cn.ts";

/** Initials avatar: the first character for Chinese names, up to two initials for Latin ones. */
export function initials(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) return "?";
  const words = trimmed.split(/\s+/);
  if (words.length > 1 && /^[A-Za-z]/.test(trimmed))
    return (words[0]!.charAt(0) + words[words.length - 1]!.charAt(0)).toUpperCase();
  return Array.from(trimmed)[0]!.toUpperCase();
}

export function Avatar({ name, className }: { name: string; className?: string }) {
  return (
    <span
      aria-hidden
      className={cn(
        "flex size-8 shrink-0 items-center justify-center rounded-full bg-gradient-to-br from-blue-500 to-indigo-600 text-sm font-semibold text-white",
        className,
      )}
    >
      {initials(name)}
    </span>
  );
}
