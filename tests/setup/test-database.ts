// Names and URLs of the per-worker test databases. Base URL from TEST_DATABASE_URL or DATABASE_URL.
export function baseDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "mysql://relay:relay@127.0.0.1:3307/relay";
}

export function workerDatabaseUrl(workerId: string): string {
  const url = new URL(baseDatabaseUrl());
  url.pathname = `/relay_test_${workerId}`;
  return url.toString();
}
