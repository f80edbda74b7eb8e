import { ArrowLeft } from "lucide-react";
import { Link } from "react-router";

/** The "← back to the list" link above a record page. */
export function BackLink({ to, children }: { to: string; children: string }) {
  return (
    <Link to={to} className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-800">
      <ArrowLeft aria-hidden className="size-4" />
      {children}
    </Link>
  );
}
