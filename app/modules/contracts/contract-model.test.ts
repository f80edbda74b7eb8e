import { describe, expect, it } from "vitest";
import {
  instalmentState,
  planIssues,
  reminderKindFor,
  splitEvenly,
  transitionAllowed,
  transitionsFrom,
} from "./contract-model.ts";

describe("contract status transitions", () => {
  it("follows drafting → approval → in execution → completed / terminated and nothing else", () => {
    expect(transitionsFrom("drafting")).toEqual(["submit", "terminate"]);
    expect(transitionsFrom("approval")).toEqual(["approve", "reject"]);
    expect(transitionsFrom("in_execution")).toEqual(["complete", "terminate"]);
    expect(transitionsFrom("completed")).toEqual([]);
    expect(transitionsFrom("terminated")).toEqual([]);
    expect(transitionAllowed("drafting", "complete")).toBe(false);
    expect(transitionAllowed("approval", "terminate")).toBe(false);
  });
});

describe("payment plan", () => {
  const plan = (amounts: number[], dates?: string[]) =>
    amounts.map((amountFen, i) => ({ label: `第${i + 1}期`, dueDate: dates?.[i] ?? `2027-0${i + 1}-15`, amountFen }));

  it("accepts instalments that sum to the contract amount to the fen", () => {
    expect(planIssues(100_000_01, plan([30_000_00, 70_000_01]))).toEqual([]);
  });

  it("refuses a plan one fen off, an empty plan, a zero instalment and dates out of order", () => {
    expect(planIssues(100_000_00, plan([30_000_00, 70_000_01]))).toEqual([
      { code: "sum", planFen: 100_000_01, contractFen: 100_000_00 },
    ]);
    expect(planIssues(100, [])).toEqual([{ code: "empty" }]);
    expect(planIssues(100, plan([0, 100])).map((i) => i.code)).toContain("amount");
    expect(planIssues(200, plan([100, 100], ["2027-03-01", "2027-02-01"])).map((i) => i.code)).toEqual(["order"]);
    expect(planIssues(100, plan([100], ["2027-02-30"])).map((i) => i.code)).toContain("date");
  });

  it("splits evenly with the odd fen on the last instalment, always summing exactly", () => {
    expect(splitEvenly(100_00, 3)).toEqual([33_33, 33_33, 33_34]);
    for (const total of [1, 7, 99_999, 1_234_567_89]) {
      for (const n of [1, 2, 3, 7, 12, 24]) {
        const shares = splitEvenly(total, n);
        expect(shares).toHaveLength(n);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
      }
    }
    expect(() => splitEvenly(100, 0)).toThrow(RangeError);
  });

  it("states paid, partial, due, open and overdue on a given day", () => {
    const i = { dueDate: "2027-03-10", amountFen: 1000, receivedFen: 0 };
    expect(instalmentState(i, "2027-03-01")).toBe("open");
    expect(instalmentState(i, "2027-03-10")).toBe("due");
    expect(instalmentState(i, "2027-03-11")).toBe("overdue");
    expect(instalmentState({ ...i, receivedFen: 400 }, "2027-03-01")).toBe("partial");
    expect(instalmentState({ ...i, receivedFen: 400 }, "2027-03-11")).toBe("overdue");
    expect(instalmentState({ ...i, receivedFen: 1000 }, "2027-04-11")).toBe("paid");
  });

  it("owes an upcoming reminder from 7 days before, a due one on the day, an overdue one after", () => {
    const i = { dueDate: "2027-03-10", amountFen: 1000, receivedFen: 0 };
    expect(reminderKindFor(i, "2027-03-02")).toBeNull();
    expect(reminderKindFor(i, "2027-03-03")).toBe("upcoming");
    expect(reminderKindFor(i, "2027-03-09")).toBe("upcoming");
    expect(reminderKindFor(i, "2027-03-10")).toBe("due");
    expect(reminderKindFor(i, "2027-03-11")).toBe("overdue");
    expect(reminderKindFor({ ...i, receivedFen: 1000 }, "2027-03-11")).toBeNull();
  });
});
