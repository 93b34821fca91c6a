#!/usr/bin/env node
// The `ladder` command. The CLI is bundled into dist/ by `npm ci` (the `prepare` script).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write(
    'ladder: the CLI is not built yet; run `npm ci` (or `npm run build`) first.\n',
  );
  process.exit(2);
}
await import(bundle.href);
