/**
 * Checks many ladder files on several threads, for the CLI: the files are cut into contiguous
 * shares of about equal size, each worker thread checks one share (validate-worker.ts) while
 * this thread checks the first, and the results come back in input order. Files do not depend
 * on each other until the rules across files, which run afterwards (src/validate/index.ts). The
 * outcome is the same as checking every file here; if a worker fails, its share is checked here.
 */
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { type LoadLimits, reopenedYamlFile } from '../load/yaml-document';
import type { RawLadder } from '../model/raw';
import {
  checkLadderFile,
  type FileCheck,
  type InputFile,
  type OutlineCheck,
  outlineLadderFile,
  reopenedOutline,
} from '../validate/file-check';
import type { LadderOutline, SourceLines } from '../validate/rule';

/** What a worker is given: its files, and whether to send back whole data or outlines. */
export interface WorkerInput {
  readonly files: readonly InputFile[];
  readonly limits: LoadLimits;
  readonly keep: 'data' | 'outline';
}

/** What a worker posts back: per file, in order, its diagnostics and the data that passed. */
export type WorkerOutput = readonly {
  readonly diagnostics: readonly Diagnostic[];
  readonly ladder?: RawLadder | LadderOutline;
  readonly lines?: SourceLines;
  /** Whether `ladder` holds only the parts that passed the schema (FileCheck.partial). */
  readonly partial?: boolean | undefined;
}[];

/** Where the worker script is and how many workers to start. */
export interface Threads {
  readonly script: URL;
  readonly workers: number;
  /** Told when a worker failed and its share was checked here instead (for LADDER_DEBUG). */
  readonly onFallback?: (reason: unknown) => void;
}

/** `checkLadderFile` for every file: on this thread, and on `threads.workers` more if given. */
export function checkFiles(
  files: readonly InputFile[],
  limits: LoadLimits,
  threads: Threads | undefined,
): Promise<FileCheck[]> {
  return inShares(
    files,
    { files: [], limits, keep: 'data' },
    threads,
    checkLadderFile,
    (file, out) => {
      if (out.ladder === undefined || out.lines === undefined)
        return { diagnostics: out.diagnostics };
      const ladder = out.ladder as RawLadder;
      const yaml = reopenedYamlFile(file.path, file.bytes, ladder, { ...out.lines });
      const source = { file: yaml, ladder, lines: out.lines };
      return { diagnostics: out.diagnostics, source, partial: out.partial === true };
    },
  );
}

/** `outlineLadderFile` for every file: on this thread, and on `threads.workers` more if given. */
export function outlineFiles(
  files: readonly InputFile[],
  limits: LoadLimits,
  threads: Threads | undefined,
): Promise<OutlineCheck[]> {
  return inShares(
    files,
    { files: [], limits, keep: 'outline' },
    threads,
    outlineLadderFile,
    (file, out) =>
      out.ladder === undefined
        ? { diagnostics: out.diagnostics }
        : {
            diagnostics: out.diagnostics,
            source: reopenedOutline(file, out.ladder),
            partial: out.partial === true,
          },
  );
}

async function inShares<T>(
  files: readonly InputFile[],
  input: WorkerInput,
  threads: Threads | undefined,
  here: (file: InputFile, limits: LoadLimits) => T,
  fromWorker: (file: InputFile, output: WorkerOutput[number]) => T,
): Promise<T[]> {
  if (threads === undefined) return files.map((file) => here(file, input.limits));
  const [own = [], ...shares] = cut(files, threads.workers + 1);
  const pending = shares.map((share) => inWorker(threads.script, { ...input, files: share }));
  const results = own.map((file) => here(file, input.limits));
  for (const [i, output] of (await Promise.all(pending)).entries()) {
    const share = shares[i] ?? [];
    if (!Array.isArray(output) || output.length !== share.length) {
      threads.onFallback?.(output instanceof Error ? output : 'no result');
      results.push(...share.map((file) => here(file, input.limits)));
    } else
      share.forEach((file, k) => results.push(fromWorker(file, output[k] as WorkerOutput[number])));
  }
  return results;
}

/** Runs one share in a worker: its output, or why there is none. Never rejects. */
function inWorker(script: URL, input: WorkerInput): Promise<WorkerOutput | Error | undefined> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(script, { workerData: input });
    } catch (error) {
      resolve(error instanceof Error ? error : undefined);
      return;
    }
    worker.once('message', (output: WorkerOutput) => {
      resolve(output);
      void worker.terminate();
    });
    worker.once('error', (error) => resolve(error));
    worker.once('exit', () => resolve(undefined));
  });
}

/** `files` in `parts` contiguous runs of about equal total size (some may be empty). */
export function cut(files: readonly InputFile[], parts: number): InputFile[][] {
  const total = files.reduce((sum, f) => sum + f.bytes.byteLength, 0);
  const shares: InputFile[][] = Array.from({ length: parts }, () => []);
  let done = 0;
  for (const file of files) {
    const index = Math.min(parts - 1, Math.floor((done * parts) / Math.max(1, total)));
    shares[index]?.push(file);
    done += file.bytes.byteLength;
  }
  return shares;
}
