// Floor: parse every ladder file with `yaml` alone (with positions) and validate it with the
// precompiled ajv validator alone. Prints {"files", "ms"} (in-process time).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { ladder } from '../../src/validate/schemas.gen.js';

const dir = process.argv[2];
const start = performance.now();
let valid = 0;
const names = readdirSync(dir)
  .filter((n) => n.endsWith('.yml'))
  .sort();
for (const name of names) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(join(dir, name), 'utf8'), {
    lineCounter,
    prettyErrors: false,
  });
  if (ladder(doc.toJS({ maxAliasCount: 100 }))) valid += 1;
}
process.stdout.write(
  `${JSON.stringify({ files: names.length, valid, ms: performance.now() - start })}\n`,
);
