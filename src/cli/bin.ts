/** Process entry of the `ladder` command: wires the real terminal and file system to `main`. */
import { availableParallelism } from 'node:os';
import type { CliIo, ValidateWorkers } from './io';
import { main } from './main';
import { timingsLine } from './timings';

const colour =
  Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
/**
 * Validate worker threads: `LADDER_WORKERS=n` asks for n (0: none; at most 16) whatever the size;
 * by default one per spare CPU, up to 3, once the ladder files add up to 8 MiB (about 250 ladders
 * of 8 levels). Below that a worker's start-up (~40 ms) costs more than it saves (issue 7).
 */
function validateWorkers(): ValidateWorkers {
  const script = new URL('./validate-worker.js', import.meta.url);
  const asked = process.env.LADDER_WORKERS?.trim();
  if (asked !== undefined && /^\d+$/.test(asked))
    return { script, threads: Math.min(16, Number(asked)), minBytes: 0 };
  if (asked !== undefined && asked !== '')
    process.stderr.write('ladder: LADDER_WORKERS must be a whole number (0: none); ignored.\n');
  return { script, threads: Math.min(3, availableParallelism() - 1), minBytes: 8 * 1024 * 1024 };
}

const io: CliIo = {
  root: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  colour,
  // A pipe takes writes asynchronously: past its buffer they queue until the reader catches up.
  drained: () =>
    process.stdout.writableNeedDrain
      ? new Promise((done) => {
          const finish = () => {
            for (const event of ['drain', 'error', 'close']) process.stdout.off(event, finish);
            done();
          };
          for (const event of ['drain', 'error', 'close']) process.stdout.once(event, finish);
        })
      : Promise.resolve(),
  validateWorkers: validateWorkers(),
  env: process.env,
};
process.exitCode = await main(process.argv.slice(2), io);
process.stderr.write(timingsLine());
