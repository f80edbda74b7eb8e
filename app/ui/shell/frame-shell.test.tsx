import { Bell, ChevronDown, LayoutDashboard, LogOut, Magnet, Menu, X, type LucideIcon } from "lucide-react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { frameIcon } from "./frame-icon.ts";
import { isNavActive } from "./frame-links.tsx";

describe("frameIcon", () => {
  const cases: Array<[LucideIcon, string]> = [
    [Bell, "size-5"],
    [Magnet, "size-[18px] shrink-0 text-blue-400"],
    [LayoutDashboard, "size-[18px] shrink-0 text-slate-500 group-hover:text-slate-300"],
    [Menu, "size-5 group-open:hidden"],
    [X, "hidden size-5 group-open:block"],
    [ChevronDown, "hidden size-4 text-slate-400 sm:block"],
    [LogOut, ""],
  ];

  it.each(cases)("renders the markup lucide renders for %o", (Icon, className) => {
    expect(renderToStaticMarkup(frameIcon(Icon, className))).toBe(
      renderToStaticMarkup(<Icon aria-hidden className={className} />),
    );
  });

  it("reuses one element per icon and class", () => {
    expect(frameIcon(Bell, "size-5")).toBe(frameIcon(Bell, "size-5"));
    expect(frameIcon(Bell, "size-4")).not.toBe(frameIcon(Bell, "size-5"));
  });
});

describe("isNavActive (NavLink's rule)", () => {
  it("matches the path and below it, not a longer sibling", () => {
    expect(isNavActive("/crm/leads", "/crm/leads")).toBe(true);
    expect(isNavActive("/crm/leads/12", "/crm/leads")).toBe(true);
    expect(isNavActive("/crm/leadsx", "/crm/leads")).toBe(false);
    expect(isNavActive("/CRM/Leads", "/crm/leads")).toBe(true);
  });

  it("matches only the path itself with end", () => {
    expect(isNavActive("/crm", "/crm", true)).toBe(true);
    expect(isNavActive("/crm/leads", "/crm", true)).toBe(false);
    expect(isNavActive("/forum", "/", true)).toBe(false);
    expect(isNavActive("/", "/", true)).toBe(true);
  });
});
