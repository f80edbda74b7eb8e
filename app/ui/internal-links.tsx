import { Fragment } from "react";
import { Link } from "react-router";

// Plain text in which back-office paths written by the system (e.g. a forum lead's "帖子：/crm/forum/
// threads/12#post-34") become links. Only same-site `/crm/…` paths: nothing a customer typed can
// turn into an external or `javascript:` link, and everything else stays text (React escapes it).

const INTERNAL_PATH = /(\/crm\/[A-Za-z0-9/_-]+(?:#[A-Za-z0-9_-]+)?)/g;

export function TextWithInternalLinks({ text }: { text: string }) {
  const parts = text.split(INTERNAL_PATH);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <Link key={i} to={part} className="text-blue-700 hover:underline">
            {part}
          </Link>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
