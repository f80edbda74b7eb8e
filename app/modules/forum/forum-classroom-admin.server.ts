import { z } from "zod";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { checkbox } from "#app/lib/schemas.ts";
import { invalid, notFound, ok, forbidden, type ServiceResult } from "#app/lib/service-result.ts";
import { staffAuditWriter, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";

// Classroom administration (back office): name, description, order, visibility level, archive, the
// staff administrators (by e-mail) and member moderators (by nickname). Audited.

const audit = staffAuditWriter("Classroom", "forum.classroom");

export const ClassroomInputSchema = z.object({
  name: z.string().trim().min(1, "forum.error.name").max(60, "forum.error.name"),
  description: z.string().trim().max(1000, "forum.error.tooLong").optional().default(""),
  sortOrder: z.coerce.number().int().min(-9999).max(9999).optional().default(0),
  visibility: z.enum(["everyone", "members", "customers", "partners"]),
  archived: checkbox(),
  admins: z.string().max(2000, "forum.error.tooLong").optional().default(""),
  moderators: z.string().max(2000, "forum.error.tooLong").optional().default(""),
});
export type ClassroomInput = z.output<typeof ClassroomInputSchema>;

function list(raw: string): string[] {
  return [
    ...new Set(
      raw
        .split(/[,，、;；\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ].slice(0, 50);
}

async function resolvePeople(db: DbOrTx, input: ClassroomInput) {
  const emails = list(input.admins).map((e) => e.toLowerCase());
  const nicknames = list(input.moderators);
  const [staff, members] = await Promise.all([
    db.staff.findMany({
      where: { email: { in: emails }, status: { not: "inactive" } },
      select: { id: true, email: true },
    }),
    db.member.findMany({
      where: { nickname: { in: nicknames }, deregisteredAt: null },
      select: { id: true, nickname: true },
    }),
  ]);
  const errors: Record<string, ["validation.invalid"]> = {};
  if (staff.length !== emails.length) errors.admins = ["validation.invalid"];
  if (members.length !== nicknames.length) errors.moderators = ["validation.invalid"];
  return { staffIds: staff.map((s) => s.id), memberIds: members.map((m) => m.id), errors };
}

/** Creates (id null) or updates a classroom. */
export async function saveClassroom(
  db: Db,
  actor: StaffActor,
  id: number | null,
  input: ClassroomInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ classroomId: number }>> {
  if (!can(actor, "forum", "modify")) return forbidden("form.forbidden");
  const people = await resolvePeople(db, input);
  if (Object.keys(people.errors).length > 0) return invalid(people.errors);
  const before = id ? await db.classroom.findUnique({ where: { id } }) : null;
  if (id && !before) return notFound("forum.error.notFound");
  const data = {
    name: input.name,
    description: input.description || null,
    sortOrder: input.sortOrder,
    visibility: input.visibility,
    archivedAt: input.archived ? (before?.archivedAt ?? new Date()) : null,
  };
  const classroomId = await db.$transaction(async (tx) => {
    const row = id
      ? await tx.classroom.update({ where: { id }, data, select: { id: true } })
      : await tx.classroom.create({ data, select: { id: true } });
    await tx.classroomAdmin.deleteMany({ where: { classroomId: row.id, staffId: { notIn: people.staffIds } } });
    await tx.classroomModerator.deleteMany({ where: { classroomId: row.id, memberId: { notIn: people.memberIds } } });
    await tx.classroomAdmin.createMany({
      data: people.staffIds.map((staffId) => ({ classroomId: row.id, staffId })),
      skipDuplicates: true,
    });
    await tx.classroomModerator.createMany({
      data: people.memberIds.map((memberId) => ({ classroomId: row.id, memberId })),
      skipDuplicates: true,
    });
    await audit(
      tx,
      actor,
      meta,
      id ? "update" : "create",
      row.id,
      before ? { name: before.name, visibility: before.visibility } : null,
      {
        ...data,
        admins: people.staffIds,
        moderators: people.memberIds,
      },
    );
    return row.id;
  });
  return ok({ classroomId });
}

/** Every classroom (archived too) with its people, for the admin page. */
export async function classroomsForAdmin(db: DbOrTx) {
  const rows = await db.classroom.findMany({
    orderBy: [{ archivedAt: "asc" }, { sortOrder: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      description: true,
      sortOrder: true,
      visibility: true,
      archivedAt: true,
      threadCount: true,
      admins: { select: { staff: { select: { email: true, name: true } } } },
      moderators: { select: { member: { select: { nickname: true } } } },
    },
  });
  return rows.map(({ admins, moderators, ...room }) => ({
    ...room,
    admins: admins.map((a) => a.staff.email).join(", "),
    adminNames: admins.map((a) => a.staff.name),
    moderators: moderators.map((m) => m.member.nickname).join(", "),
  }));
}
