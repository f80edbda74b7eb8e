// Every foreign key that points at a Contact or a Company, and what a merge does with it. The
// integration test compares this list with the Prisma DMMF of schema.prisma, so a relation added
// later fails the test until someone decides here whether a merge re-points it.

export type MergeEntity = "contact" | "company";
export const MERGE_TARGET = { contact: "Contact", company: "Company" } as const;

export interface MergeRelation {
  /** Model (= table: the schema maps no table names) holding the foreign key. */
  model: string;
  column: string;
  target: (typeof MERGE_TARGET)[MergeEntity];
  /**
   * "repoint": every row moves to the survivor. "single": the column is unique (one-to-one), so at
   * most one row may end up on the survivor; a second one is a conflict the user resolves first.
   * "self": a self-reference; the survivor must not end up pointing at itself.
   */
  rule: "repoint" | "single" | "self";
}

export const MERGE_RELATIONS: readonly MergeRelation[] = [
  { model: "Company", column: "parentId", target: "Company", rule: "self" },
  { model: "Contact", column: "companyId", target: "Company", rule: "repoint" },
  { model: "Contact", column: "reportsToId", target: "Contact", rule: "self" },
  { model: "ContactCompanyHistory", column: "contactId", target: "Contact", rule: "repoint" },
  { model: "ContactCompanyHistory", column: "companyId", target: "Company", rule: "repoint" },
  // Member.contactId is unique: a person has one portal account. Two members → conflict.
  { model: "Member", column: "contactId", target: "Contact", rule: "single" },
  { model: "Member", column: "companyId", target: "Company", rule: "repoint" },
  { model: "Lead", column: "convertedContactId", target: "Contact", rule: "repoint" },
  { model: "Lead", column: "convertedCompanyId", target: "Company", rule: "repoint" },
  { model: "Opportunity", column: "companyId", target: "Company", rule: "repoint" },
  { model: "Opportunity", column: "contactId", target: "Contact", rule: "repoint" },
  { model: "Task", column: "companyId", target: "Company", rule: "repoint" },
  { model: "Task", column: "contactId", target: "Contact", rule: "repoint" },
  { model: "Note", column: "companyId", target: "Company", rule: "repoint" },
  { model: "Note", column: "contactId", target: "Contact", rule: "repoint" },
  // Zone.companyId is unique: a company has one customer zone (with its members, requests and
  // polls). A loser's zone moves to a survivor without one; two zones → conflict (merging two zones'
  // members and confirmations is a decision for people, not for a merge).
  { model: "Zone", column: "companyId", target: "Company", rule: "single" },
  { model: "Asset", column: "companyId", target: "Company", rule: "repoint" },
  { model: "Asset", column: "contactId", target: "Contact", rule: "repoint" },
  { model: "ServiceContract", column: "companyId", target: "Company", rule: "repoint" },
  { model: "ServiceRequest", column: "companyId", target: "Company", rule: "repoint" },
  { model: "ServiceRequest", column: "contactId", target: "Contact", rule: "repoint" },
  // A customer's own price schemes (价格方案) keep applying to the merged customer.
  { model: "PriceScheme", column: "companyId", target: "Company", rule: "repoint" },
  // Sales documents (issue #18) belong to the customer: they follow the merged customer.
  { model: "Quote", column: "companyId", target: "Company", rule: "repoint" },
  { model: "Quote", column: "contactId", target: "Contact", rule: "repoint" },
  { model: "SalesContract", column: "companyId", target: "Company", rule: "repoint" },
  { model: "SalesContract", column: "contactId", target: "Contact", rule: "repoint" },
  { model: "Proposal", column: "companyId", target: "Company", rule: "repoint" },
  { model: "SalesOrder", column: "companyId", target: "Company", rule: "repoint" },
  { model: "SalesOrder", column: "contactId", target: "Contact", rule: "repoint" },
];

/**
 * Foreign keys to Contact/Company a merge deliberately leaves alone, each with its reason. Empty
 * today: every declared foreign key is re-pointed (above). Keep the reason when adding one.
 */
export const NOT_REPOINTED: ReadonlyArray<MergeRelation & { reason: string }> = [];

/**
 * References without a declared foreign key (polymorphic `entityType + recordId` pairs). The merge
 * moves the first three; the rest stay on purpose.
 *  - RecordShare: shares move so colleagues keep their access (a share the survivor already has stays).
 *  - AccessRequest: pending requests follow the record.
 *  - Attachment (ownerType "company" | "contact"): files follow the record.
 *  - DuplicatePair: pairs involving a loser are closed as "merged" (not moved).
 *  - AuditLog: history stays under the id it was written for (the merge's own audit row links both).
 *  - Lead.matches (JSON evidence at intake): a snapshot of what the matcher said then.
 */
export const POLYMORPHIC_MOVED = ["RecordShare", "AccessRequest", "Attachment"] as const;

export function relationsTo(entity: MergeEntity): MergeRelation[] {
  return MERGE_RELATIONS.filter((r) => r.target === MERGE_TARGET[entity]);
}
