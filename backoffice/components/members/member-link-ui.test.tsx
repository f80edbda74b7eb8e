import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "#app/lib/i18n/i18n-context.tsx";
import { DICTIONARIES } from "#app/lib/i18n/translate.ts";
import type { ContactCandidate } from "#app/modules/members/member-linking.server.ts";
import { CandidateOption } from "./member-link-ui.tsx";

// #14 item 19: a contact linked to another member was a disabled radio, so "关联" submitted no contact
// and the answer was "请选择一个联系人". It must submit, so the server can say who holds the contact.

const candidate = (linkedMember: ContactCandidate["linkedMember"]): ContactCandidate => ({
  id: 42,
  number: "C-0042",
  fullName: "王芳",
  title: null,
  email: "wang@example.com",
  phone: null,
  company: null,
  evidence: [],
  linkedMember,
});

const render = (c: ContactCandidate) =>
  renderToStaticMarkup(
    <I18nProvider locale="zh-CN" messages={DICTIONARIES["zh-CN"]}>
      <ul>
        <CandidateOption candidate={c} memberId={1} currentId={undefined} selected={undefined} />
      </ul>
    </I18nProvider>,
  );

describe("CandidateOption", () => {
  it("keeps a contact held by another member choosable and names the holder", () => {
    const html = render(candidate({ id: 7, nickname: "先到的会员", email: "first@example.com" }));
    expect(html).toMatch(/<input[^>]*name="contactId"[^>]*value="42"/);
    expect(html).not.toMatch(/<input[^>]*disabled/);
    expect(html).toContain("先到的会员");
  });

  it("renders a free contact as a plain choice", () => {
    const html = render(candidate(null));
    expect(html).toMatch(/<input[^>]*name="contactId"[^>]*value="42"/);
    expect(html).not.toContain("先到的会员");
  });
});
