import type { LucideIcon } from "lucide-react";
import { createElement, type ReactElement } from "react";

// The frame (sidebar, top bar, portal header) draws ~40 decorative icons on every page. A lucide icon
// is two forwardRef components that rebuild the <svg> attributes and merge class names on each render:
// 7.6 % of the back office frame's CPU (decision 064). The markup depends only on the icon and its
// class, so the element is built once per (icon, class) and React reuses it.

interface IconData {
  name?: string;
  size?: number;
  aliases?: unknown[];
  node: ReadonlyArray<readonly [string, Record<string, string>]>;
}

const elements = new WeakMap<LucideIcon, Map<string, ReactElement>>();
// Class names come from source code (a handful per icon); the cap only guards against a caller that
// builds them from data.
const MAX_CLASSES_PER_ICON = 32;

/** lucide-react 1.x: the outer forwardRef hands its icon data to the inner `Icon` as `props.icon` (no hooks). */
function iconData(Icon: LucideIcon): IconData | null {
  const render = (Icon as unknown as { render?: (props: object, ref: null) => unknown }).render;
  if (typeof render !== "function") return null;
  const element = render({}, null) as { props?: { icon?: IconData } } | null;
  const data = element?.props?.icon;
  return data && Array.isArray(data.node) ? data : null;
}

/** The same <svg> lucide renders for `<Icon aria-hidden className={className} />`, built without it. */
function build(Icon: LucideIcon, className: string): ReactElement {
  const data = iconData(Icon);
  if (!data) return createElement(Icon, { "aria-hidden": true, className });
  const size = data.size ?? 24;
  const names = [
    "lucide",
    ...(data.name ? [`lucide-${data.name}`] : []),
    ...(data.aliases ?? [])
      .filter((alias): alias is string => typeof alias === "string" && alias.trim() !== "")
      .map((alias) => `lucide-${alias}`),
    ...className.split(/\s+/),
  ];
  return createElement(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      width: 24,
      height: 24,
      viewBox: `0 0 ${size} ${size}`,
      fill: "none",
      stroke: "currentColor",
      strokeWidth: 2,
      strokeLinecap: "round",
      strokeLinejoin: "round",
      className: [...new Set(names.filter(Boolean))].join(" "),
      "aria-hidden": true,
    },
    data.node.map(([tag, attrs]) => createElement(tag, attrs)),
  );
}

/** A decorative (aria-hidden) lucide icon as a cached element: `{frameIcon(Bell, "size-5")}`. */
export function frameIcon(Icon: LucideIcon, className = ""): ReactElement {
  let byClass = elements.get(Icon);
  if (!byClass) elements.set(Icon, (byClass = new Map()));
  const cached = byClass.get(className);
  if (cached) return cached;
  const element = build(Icon, className);
  if (byClass.size < MAX_CLASSES_PER_ICON) byClass.set(className, element);
  return element;
}
