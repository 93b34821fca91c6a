/** Process entry of the `ladder` command: wires the real terminal and file system to `main`. */
import { useColour } from './format';
import type { CliStart } from './io';
import { main } from './main';
import { timingsLine } from './timings';

/** A standard stream as the CLI writes to it. */
interface Writer {
  readonly write: (text: string) => void;
  readonly open: () => boolean;
  /** Why writing failed, other than its reader going away. */
  readonly failure: () => Error | undefined;
}

/**
 * Writes to a standard stream until its reader goes away (`ladder review | head`): then the rest
 * is dropped, as a closed pipe drops it for `git log`, and the command still ends with its own
 * exit code instead of an unhandled EPIPE and a stack trace.
 */
function writer(stream: NodeJS.WriteStream): Writer {
  let open = true;
  let failure: Error | undefined;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    open = false;
    if (error.code !== 'EPIPE') failure ??= error;
  });
  return {
    write: (text) => {
      if (open) stream.write(text);
    },
    open: () => open,
    failure: () => failure,
  };
}

const out = writer(process.stdout);
const err = writer(process.stderr);
const io: CliStart = {
  cwd: process.cwd(),
  env: process.env,
  stdout: out.write,
  stderr: err.write,
  colour: useColour(process.env, Boolean(process.stdout.isTTY)),
  // A pipe takes writes asynchronously: past its buffer they queue until the reader catches up.
  drained: () =>
    out.open() && process.stdout.writableNeedDrain
      ? new Promise((done) => {
          const finish = () => {
            for (const event of ['drain', 'error', 'close']) process.stdout.off(event, finish);
            done();
          };
          for (const event of ['drain', 'error', 'close']) process.stdout.once(event, finish);
        })
      : Promise.resolve(),
};
const code = await main(process.argv.slice(2), io);
err.write(timingsLine());
// A stream reports a failed write on a later turn of the event loop. A disk that filled up
// under `ladder review > report.txt` is not a clean run.
await new Promise((done) => setImmediate(done));
const failure = out.failure();
if (failure) err.write(`ladder: could not write the output: ${failure.message}\n`);
process.exitCode = failure && code === 0 ? 1 : code;
