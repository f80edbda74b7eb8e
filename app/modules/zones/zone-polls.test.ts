import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestPoll } from "#tests/factories/knowledge.ts";
import { createTestZone, createZoneMember } from "#tests/factories/zones.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { castVote, closePoll, createPoll, listPollsForMember, listPollsForStaff } from "./zone-polls.server.ts";

describe("zone polls", () => {
  beforeEach(() => resetDatabase());

  it("validates a new poll: a question and 2–10 distinct options; a closing time in the future", async () => {
    const { zone, csr } = await createTestZone(db);
    const actor = { staffId: csr.staff.id };
    expect(await createPoll(db, actor, zone.id, { question: "", options: ["a", "b"] })).toMatchObject({
      ok: false,
      fieldErrors: { question: "knowledge.poll.error.questionRequired" },
    });
    expect(await createPoll(db, actor, zone.id, { question: "Q", options: ["只有一个", " "] })).toMatchObject({
      ok: false,
      fieldErrors: { options: "knowledge.poll.error.optionsMin" },
    });
    expect(await createPoll(db, actor, zone.id, { question: "Q", options: ["A", "a"] })).toMatchObject({
      ok: false,
      fieldErrors: { options: "knowledge.poll.error.optionsDuplicate" },
    });
    expect(
      await createPoll(db, actor, zone.id, { question: "Q", options: ["A", "B"], closesAt: "2020-01-01T00:00" }),
    ).toMatchObject({ ok: false, fieldErrors: { closesAt: "knowledge.poll.error.closesAtPast" } });
    expect(await createPoll(db, actor, zone.id + 999, { question: "Q", options: ["A", "B"] })).toEqual({
      ok: false,
      reason: "not-found",
    });

    const created = await createPoll(db, actor, zone.id, {
      question: "最关心什么？",
      options: ["响应速度", "备件", "培训"],
    });
    expect(created.ok).toBe(true);
    const [poll] = await listPollsForStaff(db, { zoneId: zone.id });
    expect(poll).toMatchObject({ question: "最关心什么？", open: true, totalVotes: 0, eligibleVoters: 1 });
    expect(poll!.options.map((o) => o.label)).toEqual(["响应速度", "备件", "培训"]);
  });

  it("one vote per member; results only after voting or closing", async () => {
    const { zone, company, admin } = await createTestZone(db);
    const colleague = await createZoneMember(db, company.id, { zoneId: zone.id });
    const poll = await createTestPoll(db, zone.id);
    const [first, second] = poll.options;

    const before = await listPollsForMember(db, zone.id, colleague.member.id);
    expect(before[0]!.options.every((o) => o.votes === null)).toBe(true);

    expect(await castVote(db, { memberId: admin.member.id, zoneId: zone.id }, poll.id, first!.id)).toEqual({
      ok: true,
    });
    expect(await castVote(db, { memberId: admin.member.id, zoneId: zone.id }, poll.id, second!.id)).toEqual({
      ok: false,
      reason: "already-voted",
    });
    // An option of another poll is not a valid choice.
    const other = await createTestPoll(db, zone.id);
    expect(
      await castVote(db, { memberId: colleague.member.id, zoneId: zone.id }, poll.id, other.options[0]!.id),
    ).toEqual({
      ok: false,
      reason: "invalid-option",
    });

    const mine = (await listPollsForMember(db, zone.id, admin.member.id)).find((p) => p.id === poll.id)!;
    expect(mine.myOptionId).toBe(first!.id);
    expect(mine.options.map((o) => o.votes)).toEqual([1, 0, 0]);
    const theirs = (await listPollsForMember(db, zone.id, colleague.member.id)).find((p) => p.id === poll.id)!;
    expect(theirs.options.every((o) => o.votes === null)).toBe(true);
    expect(await db.zonePollVote.count({ where: { pollId: poll.id } })).toBe(1);
  });

  it("only active members of the poll's own zone vote", async () => {
    const a = await createTestZone(db);
    const b = await createTestZone(db);
    const pending = await createZoneMember(db, a.company.id, { zoneId: a.zone.id, status: "customer_confirmed" });
    const poll = await createTestPoll(db, a.zone.id);
    const option = poll.options[0]!.id;

    expect(await castVote(db, { memberId: pending.member.id, zoneId: a.zone.id }, poll.id, option)).toEqual({
      ok: false,
      reason: "not-member",
    });
    // A member of zone B cannot reach zone A's poll through their own zone id…
    expect(await castVote(db, { memberId: b.admin.member.id, zoneId: b.zone.id }, poll.id, option)).toEqual({
      ok: false,
      reason: "not-found",
    });
    // …nor by claiming zone A (the service checks the membership itself).
    expect(await castVote(db, { memberId: b.admin.member.id, zoneId: a.zone.id }, poll.id, option)).toEqual({
      ok: false,
      reason: "not-member",
    });
    await db.zoneMembership.updateMany({ where: { memberId: a.admin.member.id }, data: { status: "removed" } });
    expect(await castVote(db, { memberId: a.admin.member.id, zoneId: a.zone.id }, poll.id, option)).toEqual({
      ok: false,
      reason: "not-member",
    });
    expect(await db.zonePollVote.count()).toBe(0);
  });

  it("closed polls (closed by staff or past their closing time) reject votes and show results", async () => {
    const { zone, company, admin, csr } = await createTestZone(db);
    const colleague = await createZoneMember(db, company.id, { zoneId: zone.id });
    const poll = await createTestPoll(db, zone.id);
    await castVote(db, { memberId: admin.member.id, zoneId: zone.id }, poll.id, poll.options[1]!.id);

    expect(await closePoll(db, { staffId: csr.staff.id }, zone.id, poll.id)).toEqual({ ok: true });
    expect(
      await castVote(db, { memberId: colleague.member.id, zoneId: zone.id }, poll.id, poll.options[0]!.id),
    ).toEqual({
      ok: false,
      reason: "closed",
    });
    const seen = (await listPollsForMember(db, zone.id, colleague.member.id))[0]!;
    expect(seen).toMatchObject({ open: false, totalVotes: 1, myOptionId: null });
    expect(seen.options.map((o) => o.votes)).toEqual([0, 1, 0]);

    const expired = await createTestPoll(db, zone.id, { closesAt: new Date(Date.now() - 1000) });
    expect(
      await castVote(db, { memberId: colleague.member.id, zoneId: zone.id }, expired.id, expired.options[0]!.id),
    ).toEqual({
      ok: false,
      reason: "closed",
    });
    // Closing through another zone's id finds nothing.
    const other = await createTestZone(db);
    expect(await closePoll(db, { staffId: csr.staff.id }, other.zone.id, expired.id)).toEqual({
      ok: false,
      reason: "not-found",
    });
  });

  it("concurrent double votes by one member leave exactly one vote", async () => {
    const { zone, admin } = await createTestZone(db);
    const poll = await createTestPoll(db, zone.id);
    const voter = { memberId: admin.member.id, zoneId: zone.id };
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => castVote(db, voter, poll.id, poll.options[i % 3]!.id)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === "already-voted")).toBe(true);
    expect(await db.zonePollVote.count({ where: { pollId: poll.id } })).toBe(1);
  });

  it("votes racing a close: each is either counted or refused as closed, and none lands after", async () => {
    const { zone, company, csr } = await createTestZone(db);
    const members = await Promise.all(
      Array.from({ length: 6 }, () => createZoneMember(db, company.id, { zoneId: zone.id })),
    );
    const poll = await createTestPoll(db, zone.id);
    const votes = members.map((m) =>
      castVote(db, { memberId: m.member.id, zoneId: zone.id }, poll.id, poll.options[0]!.id),
    );
    const [closed, ...results] = await Promise.all([
      closePoll(db, { staffId: csr.staff.id }, zone.id, poll.id),
      ...votes,
    ]);
    expect(closed).toEqual({ ok: true });
    expect(results.every((r) => r.ok || r.reason === "closed")).toBe(true);
    expect(await db.zonePollVote.count({ where: { pollId: poll.id } })).toBe(results.filter((r) => r.ok).length);
    const late = await castVote(db, { memberId: members[0]!.member.id, zoneId: zone.id }, poll.id, poll.options[1]!.id);
    expect(late.ok).toBe(false);
  });
});
