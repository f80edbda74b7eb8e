import type { ClassroomVisibility, MemberLevel } from "#app/generated/prisma/client.ts";
import type { Db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import type { ForumViewer } from "./forum-access.ts";

// Test fixtures for the forum: classrooms, member and staff viewers.

export async function createClassroom(db: Db, options: { name?: string; visibility?: ClassroomVisibility } = {}) {
  return db.classroom.create({
    data: { name: options.name ?? "产品入门", visibility: options.visibility ?? "everyone" },
  });
}

/**
 * A signed-in member. By default an established one (forum-trusted, so the new-member hold and link
 * limit of decision 041 do not apply); `newcomer: true` gives a member with no standing yet.
 */
export async function memberViewer(
  db: Db,
  options: { level?: MemberLevel; nickname?: string; newcomer?: boolean } = {},
): Promise<Extract<ForumViewer, { kind: "member" }> & { nickname: string }> {
  const { member } = await createTestMember(db, { level: options.level, nickname: options.nickname });
  if (!options.newcomer) await db.member.update({ where: { id: member.id }, data: { forumTrustedAt: new Date() } });
  return { kind: "member", memberId: member.id, audience: member.level, nickname: member.nickname };
}

export async function staffViewer(db: Db) {
  const { staff } = await createTestStaff(db, {
    grants: [
      { module: "forum", action: "browse", scope: "all" },
      { module: "forum", action: "modify", scope: "all" },
    ],
  });
  const actor = staffActorFor(staff, { grants: { forum: { browse: "all", modify: "all" } } });
  const viewer: ForumViewer = { kind: "staff", staffId: staff.id };
  return { staff, actor, viewer };
}
