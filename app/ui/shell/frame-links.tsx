import { startTransition, useCallback, useContext, type MouseEvent, type ReactNode } from "react";
import { UNSAFE_NavigationContext, useNavigate } from "react-router";

// The frame's navigation (sidebar, portal header and footer) is ~35 links on every page. A <NavLink>
// resolves its path, reads the location and the navigation state, and builds its own click handler,
// per link and per render: 8.5 % of the back office frame's CPU (decision 064). These links are
// absolute paths known in advance, so the frame renders plain anchors with the same markup (href,
// data-discover, aria-current) and one click handler on their container does what <Link> does on
// click: a client-side navigation for a plain left click on an app link, the browser's own behaviour
// otherwise. Without JavaScript they are ordinary links, as <Link>s are.

/** <NavLink>'s rule (case-insensitive): the path itself, or below it unless `end`. */
export function isNavActive(pathname: string, to: string, end = false): boolean {
  const location = pathname.toLowerCase();
  const target = to.toLowerCase();
  const endSlash = target !== "/" && target.endsWith("/") ? target.length - 1 : target.length;
  return location === target || (!end && location.startsWith(target) && location.charAt(endSlash) === "/");
}

/** An app link in the frame: the anchor <Link to={to}> renders, without its per-link hooks. */
export function FrameLink({
  to,
  className,
  current = false,
  children,
  ...rest
}: {
  to: string;
  className?: string;
  /** Adds aria-current="page", as <NavLink> does for the active entry. */
  current?: boolean;
  children: ReactNode;
  "aria-label"?: string;
  title?: string;
}) {
  return (
    <a {...rest} aria-current={current ? "page" : undefined} className={className} href={to} data-discover="true">
      {children}
    </a>
  );
}

/**
 * The click handler for a container of FrameLinks (put it on the <nav>/<footer>): the checks and the
 * navigation <Link> performs for each of its own clicks.
 */
export function useFrameLinkClick(): (event: MouseEvent<HTMLElement>) => void {
  const navigate = useNavigate();
  const { useTransitions } = useContext(UNSAFE_NavigationContext) as { useTransitions?: boolean };
  return useCallback(
    (event: MouseEvent<HTMLElement>) => {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
      const anchor = event.target instanceof Element ? event.target.closest("a[data-discover]") : null;
      if (!(anchor instanceof HTMLAnchorElement) || !event.currentTarget.contains(anchor)) return;
      const target = anchor.getAttribute("target");
      if (target && target !== "_self") return;
      const to = anchor.getAttribute("href");
      if (!to?.startsWith("/") || to.startsWith("//")) return;
      event.preventDefault();
      const here = `${window.location.pathname}${window.location.search}${window.location.hash}`;
      // <Link> replaces the history entry when the link points at the page already shown.
      const go = () => void navigate(to, { replace: here === to });
      if (useTransitions) startTransition(go);
      else go();
    },
    [navigate, useTransitions],
  );
}
