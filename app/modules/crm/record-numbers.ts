// Record numbers in the seeds' style: a prefix and a zero-padded sequence, e.g. ACNT000000000001.
export const RECORD_PREFIX = {
  company: "ACNT",
  contact: "CONT",
  lead: "LEAD",
  opportunity: "OPPT",
  asset: "ASST",
  serviceContract: "SCON",
  serviceRequest: "SREQ",
  knowledge: "SOLN",
} as const;

export function recordNumber(kind: keyof typeof RECORD_PREFIX, sequence: number): string {
  return `${RECORD_PREFIX[kind]}${String(sequence).padStart(12, "0")}`;
}
