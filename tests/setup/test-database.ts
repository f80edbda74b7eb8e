// Names and URLs of the test databases. Base URL from TEST_DATABASE_URL or DATABASE_URL.
// Each vitest run gets its own set (`relay_test_<run>_<worker>`), so two runs at once never share data.
export function baseDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "mysql://relay:relay@127.0.0.1:3307/relay";
}

export function testRunId(): string {
  return process.env.RELAY_TEST_RUN ?? "0";
}

export function workerDatabaseUrl(workerId: string): string {
  const url = new URL(baseDatabaseUrl());
  url.pathname = `/relay_test_${testRunId()}_${workerId}`;
  return url.toString();
}
