import { describe, expect, it } from "vitest";
import { devInboxEnabled, requireDevInbox } from "./dev-inbox.server.ts";

describe("the dev inbox in production", () => {
  it("is off in production unless DEV_MAIL_INBOX=1, on in development and tests", () => {
    expect(devInboxEnabled({ NODE_ENV: "production", DEV_MAIL_INBOX: undefined })).toBe(false);
    expect(devInboxEnabled({ NODE_ENV: "production", DEV_MAIL_INBOX: "0" })).toBe(false);
    expect(devInboxEnabled({ NODE_ENV: "production", DEV_MAIL_INBOX: "1" })).toBe(true);
    expect(devInboxEnabled({ NODE_ENV: "development", DEV_MAIL_INBOX: undefined })).toBe(true);
    expect(devInboxEnabled({ NODE_ENV: "test", DEV_MAIL_INBOX: undefined })).toBe(true);
  });

  it("answers 404 where it is off", () => {
    let thrown: unknown = null;
    try {
      requireDevInbox({ NODE_ENV: "production", DEV_MAIL_INBOX: undefined });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ init: { status: 404 } });
  });
});
