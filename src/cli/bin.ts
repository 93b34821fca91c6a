/** Process entry of the `ladder` command: wires the real terminal and file system to `main`. */
import type { CliIo } from './io';
import { main } from './main';
import { timingsLine } from './timings';

const colour =
  Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
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
};
process.exitCode = await main(process.argv.slice(2), io);
process.stderr.write(timingsLine());
