import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

// One app instance (scripts/serve.mjs over a production build), as a deployment runs it.

export interface AppInstance {
  name: string;
  port: number;
  process: ChildProcess;
  output: string[];
}

const ROOT = path.resolve(import.meta.dirname, "../..");

export function startInstance(name: string, port: number, env: Record<string, string>): AppInstance {
  const output: string[] = [];
  const child = spawn(process.execPath, ["scripts/serve.mjs"], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim()) output.push(line);
    if (output.length > 5_000) output.splice(0, output.length - 5_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return { name, port, process: child, output };
}

export async function waitReady(port: number, timeoutMs = 120_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`instance on ${port} not ready after ${timeoutMs} ms`);
}

/** kill -9: no shutdown hook runs, claimed work is left as a crash leaves it. */
export async function killHard(instance: AppInstance): Promise<void> {
  const exited = new Promise<void>((resolve) => instance.process.once("exit", () => resolve()));
  instance.process.kill("SIGKILL");
  await exited;
}

export async function stopGracefully(instance: AppInstance): Promise<void> {
  if (instance.process.exitCode !== null || instance.process.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => instance.process.once("exit", () => resolve()));
  instance.process.kill("SIGTERM");
  await exited;
}
