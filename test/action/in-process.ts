/**
 * Runs the action in this process: its entry logic (`main` of action/src/entry.ts, what the
 * bundle's top level awaits) from the TypeScript source, against the same stand-in, with the
 * same temp files and exactly the environment that `runAction` gives the bundle's process. The
 * result is the same `RunResult`: `code` is what the process would exit with (0, or 1 after
 * `core.setFailed`), `stdout` and `stderr` everything written to them during the run (the
 * toolkit's workflow commands, `console`, anything else).
 *
 * The process is shared, so for the length of a run this takes it over and gives it back in
 * `finally`: the whole of `process.env`, the working folder (`process.chdir` works in vitest's
 * `forks` pool, its default), `process.stdout.write`, `process.stderr.write`, the global `console`
 * and `process.exitCode`. Hence one run at a time: runs at once (races between two jobs) use
 * the bundle.
 *
 * What a module keeps from one run to the next, and why it cannot change a result:
 * - `core.summary` (@actions/core) caches the summary file's path at its first write and keeps
 *   its buffer until written: both are reset before each run (a process makes one run, so this
 *   is no bug of the bundle).
 * - `@actions/github/lib/utils`, loaded only when a proxy applies, reads the API's URL and the
 *   proxy at its import: the proxy test runs the bundle.
 * - The throttling plugin's shared limiter groups (10 requests at once across clients) only
 *   queue; the action's own spacing groups are made per client.
 * - The engine's caches (src/model/lookup.ts, src/review/*.ts, src/load/yaml-document.ts,
 *   src/model/tokenise.ts) are keyed by the objects or characters they describe: the same
 *   answer for the same key, whichever run asked first.
 */
import { Console } from 'node:console';
import { rmSync } from 'node:fs';
import * as core from '@actions/core';
import { collectRun, prepareRun, type RunResult, type RunSpec } from './harness';

let running = false;

/** Sets `process.env` to exactly `env` (the object itself stays: modules may hold it). */
function replaceEnv(env: Readonly<Record<string, string | undefined>>): void {
  for (const name of Object.keys(process.env)) delete process.env[name];
  for (const [name, value] of Object.entries(env))
    if (value !== undefined) process.env[name] = value;
}

/** A stream's `write`, appending to `sink` instead. */
function capture(sink: (text: string) => void): typeof process.stdout.write {
  const decoder = new TextDecoder();
  return ((chunk: string | Uint8Array, encoding?: unknown, callback?: unknown) => {
    sink(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') queueMicrotask(() => done());
    return true;
  }) as typeof process.stdout.write;
}

/** What @actions/core's summary keeps between writes: the file's path and the buffer. */
function resetSummary(): void {
  (core.summary as unknown as { _filePath?: string | undefined })._filePath = undefined;
  core.summary.emptyBuffer();
}

/** Runs the action's entry logic once in this process and returns what it left behind. */
export async function runInProcess(spec: RunSpec): Promise<RunResult> {
  if (running)
    throw new Error(
      'One in-process run at a time: run the bundle for runs at once (bundle: true).',
    );
  running = true;
  const prepared = prepareRun(spec);
  const saved = {
    env: { ...process.env },
    cwd: process.cwd(),
    exitCode: process.exitCode,
    stdout: process.stdout.write,
    stderr: process.stderr.write,
    console: globalThis.console,
  };
  let stdout = '';
  let stderr = '';
  let code: number;
  try {
    const { main } = await import('../../action/src/entry');
    replaceEnv(prepared.env);
    process.chdir(spec.workspace);
    process.exitCode = undefined;
    resetSummary();
    process.stdout.write = capture((text) => {
      stdout += text;
    });
    process.stderr.write = capture((text) => {
      stderr += text;
    });
    globalThis.console = new Console({ stdout: process.stdout, stderr: process.stderr });
    await main(process.env);
    // What the process would exit with: 1 once `core.setFailed` set it, else 0.
    code = Number(process.exitCode ?? 0);
  } catch (error) {
    rmSync(prepared.temp, { recursive: true, force: true });
    throw error;
  } finally {
    globalThis.console = saved.console;
    process.stdout.write = saved.stdout;
    process.stderr.write = saved.stderr;
    process.exitCode = saved.exitCode;
    process.chdir(saved.cwd);
    replaceEnv(saved.env);
    resetSummary();
    running = false;
  }
  return collectRun(spec, prepared, { code, stdout, stderr });
}
