// How a batch item ended, as the batch page groups it: done as asked, or left alone (and why).

const SUCCESS = new Set(["transferred", "distributed", "recalled"]);

/** Outcomes that did what the batch asked ("rule:3+5" is a distribution by those rules). */
export function isBatchSuccess(outcome: string): boolean {
  return SUCCESS.has(outcome) || outcome.startsWith("rule:");
}
