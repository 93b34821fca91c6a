/** Process entry of the `ladder` command: wires the real terminal and file system to `main`. */
import { useColour } from './format';
import type { CliStart } from './io';
import { main } from './main';
import { timingsLine } from './timings';

const io: CliStart = {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  colour: useColour(process.env, Boolean(process.stdout.isTTY)),
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
