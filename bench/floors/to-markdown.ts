// Floor: mdast-util-to-markdown alone serialising the pages `ladder render` builds, the same
// trees with the same options as src/markdown/serialise.ts, text escaped by to-markdown itself.
// Bundled by bench/run.mjs with `mdast-util-to-markdown` swapped, for src/, for
// ./timed-to-markdown.ts, and run in a folder where `ladder render` has written the pages: it
// runs `ladder render --check`, which builds every page's tree and hands it to the serialiser;
// each tree is serialised there twice, timed apart: with to-markdown's own text handler (the
// floor), and with the product's options as they are (its text handler included; the page it
// returns is the product's, so the check confirms the pages are the ones written). One page at
// a time, as the product does, so no tree outlives its page. Prints {"files", "bytes", "ms",
// "productMs", "current"} (in-process).
import { main } from '../../src/cli/main';
import { figures } from './timed-to-markdown';

const code = await main(['render', '--check'], {
  cwd: process.cwd(),
  env: { ...process.env, LADDER_TIMINGS: undefined },
  stdout: () => {},
  stderr: (text) => process.stderr.write(text),
  colour: false,
});
process.stdout.write(`${JSON.stringify({ ...figures, current: code === 0 })}\n`);
