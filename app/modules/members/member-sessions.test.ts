import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { signedIn } from "./member-account.test-helpers.ts";
import { memberSessions } from "./member-session.server.ts";
import { listMemberSessions, signOutOtherSessions, signOutSession } from "./member-sessions.server.ts";

describe("member sessions", () => {
  beforeEach(() => resetDatabase());

  it("lists this device first and signs out the others", async () => {
    const { member, actor } = await signedIn();
    await memberSessions.create(db, member.id, {
      ipAddress: "198.51.100.7",
      userAgent:
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile Safari/604.1",
    });
    const sessions = await listMemberSessions(db, member.id, actor.sessionId);
    expect(sessions).toHaveLength(2);
    expect(sessions[0]).toMatchObject({ id: actor.sessionId, current: true });
    expect(sessions[1]).toMatchObject({
      current: false,
      ipAddress: "198.51.100.7",
      device: { browser: "Safari", os: "iOS" },
    });

    expect(await signOutOtherSessions(db, actor)).toBe(1);
    expect((await listMemberSessions(db, member.id, actor.sessionId)).map((s) => s.id)).toEqual([actor.sessionId]);
    expect(await db.auditLog.count({ where: { action: "member.sessions_revoked" } })).toBe(1);
  });

  it("signs out one other device, never the current one or someone else's", async () => {
    const { member, actor } = await signedIn();
    const stranger = await signedIn();
    const other = await memberSessions.create(db, member.id, {});
    expect(await signOutSession(db, actor, actor.sessionId)).toBe(false);
    expect(await signOutSession(db, actor, stranger.actor.sessionId)).toBe(false);
    expect(await signOutSession(db, actor, other.session.id)).toBe(true);
    expect(await db.memberSession.count()).toBe(2);
  });
});
