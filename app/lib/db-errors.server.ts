// Prisma error codes the services react to, read in one place (the driver adapter and the classic
// engines both put them on `error.code`).

export function prismaErrorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
}

/** P2034: deadlock or write conflict — InnoDB rolled the whole transaction back, so it can run again. */
export function isWriteConflict(error: unknown): boolean {
  return prismaErrorCode(error) === "P2034";
}
