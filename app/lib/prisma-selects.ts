// How queries select a linked record they only show by name (an owner, a company, a campaign),
// so every list and detail page reads the same two shapes.

/** A linked record shown as a link: its id and its name. */
export const selectIdAndName = { select: { id: true, name: true } } as const;

/** A linked record shown by its name only. */
export const selectName = { select: { name: true } } as const;
