/** A postal address on a company or a contact: its columns are edited, audited and merged as one block. */
export const ADDRESS_COLUMNS = ["province", "city", "district", "regionCode", "address", "postcode"] as const;
