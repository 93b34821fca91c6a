/**
 * A validate worker thread (bundled as dist/validate-worker.js): checks its share of the ladder
 * files (src/validate/file-check.ts) and posts back what the main thread needs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkLadderFile, outlineLadderFile } from '../validate/file-check';
import type { WorkerInput, WorkerOutput } from './validate-threads';

const { files, limits, keep } = workerData as WorkerInput;
const output: WorkerOutput = files.map((file) => {
  if (keep === 'outline') {
    const { diagnostics, source, partial } = outlineLadderFile(file, limits);
    return source ? { diagnostics, ladder: source.ladder, partial } : { diagnostics };
  }
  const { diagnostics, source, partial } = checkLadderFile(file, limits);
  return source
    ? { diagnostics, ladder: source.ladder, lines: source.lines, partial }
    : { diagnostics };
});
parentPort?.postMessage(output);
