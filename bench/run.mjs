// `npm run bench`: measures the ladder tools against floors that do the same work with the
// parsers the product uses, on a synthetic organisation at several sizes; prints medians with
// their spread and the targets of issue 16, and writes the figures to bench/results.json.
// Start-up figures come from paired, alternating runs (a floor, then the tool, n times), so a
// busy machine slows both sides of a pair alike.
//
//   node bench/run.mjs [--sizes 10,100,1000] [--runs 3] [--pairs 15] [--floors-up-to 100]
//                      [--quick] [--out file]
//
// The review and render floors and ajv-cli run at the sizes up to --floors-up-to (default 100:
// at 1,000 ladders the to-markdown floor alone takes minutes); the review and render targets are
// judged at the largest size that has them. validate's floor runs at every size.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateOrganisation } from './generate.mjs';
import { hostileRepository, removeRepository } from './hostile.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    runs: { type: 'string' },
    pairs: { type: 'string' },
    quick: { type: 'boolean' },
    out: { type: 'string' },
    'floors-up-to': { type: 'string' },
  },
});
const quick = values.quick ?? false;
const sizes = (values.sizes ?? (quick ? '2,4' : '10,100,1000')).split(',').map(Number);
// Three runs of each command (one at 1,000 ladders: minutes each), at least three pairs for
// validate's ratio.
const runsFor = (size) => Number(values.runs ?? (quick ? 1 : size >= 1000 ? 1 : 3));
const validatePairsFor = (size) => Math.max(runsFor(size), quick ? 1 : 3);
// The review / remark floor verdict swung between 1.4× and 1.8× across runs of 3 pairs on the
// same code, and single pairs of one run of 7 spread over 1.33–1.71×: it gets 11 pairs, as
// many as the start-up figures get at least (a review at 100 ladders and its floor take about
// 15 s together).
const reviewPairsFor = (size) => Math.max(runsFor(size), quick ? 1 : 11);
const floorsUpTo = Number(values['floors-up-to'] ?? (quick ? Number.POSITIVE_INFINITY : 100));
const startPairs = Number(values.pairs ?? (quick ? 2 : 15));
const outFile = resolve(
  root,
  values.out ?? (quick ? join(tmpdir(), 'ladder-bench-quick.json') : 'bench/results.json'),
);
const ladderBin = join(root, 'bin/ladder.js');
const hasTime = existsSync('/usr/bin/time');

/** Median, least and greatest of a list of numbers. */
function spread(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor((s.length - 1) / 2)] ?? Number.NaN, min: s[0], max: s.at(-1) };
}

/** Runs a command once: wall time (ms), peak RSS (MB), status, output, stage timings. */
function once(command, args, { cwd, env = {} }) {
  const memFile = join(tmpdir(), `ladder-bench-mem-${process.pid}`);
  const [cmd, argv] = hasTime
    ? ['/usr/bin/time', ['-f', '%M', '-o', memFile, command, ...args]]
    : [command, args];
  const start = performance.now();
  const run = spawnSync(cmd, argv, {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const ms = performance.now() - start;
  const rssMb = hasTime
    ? Number(readFileSync(memFile, 'utf8').trim().split('\n').pop()) / 1024
    : null;
  const timings = /LADDER_TIMINGS (\{.*\})/.exec(run.stderr ?? '');
  return {
    ms,
    rssMb,
    status: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    stages: timings ? JSON.parse(timings[1]) : undefined,
  };
}

/** Runs a command `runs` times: median wall time and peak RSS, the last run's output. */
function measure(command, args, options) {
  return summary(Array.from({ length: options.runs }, () => once(command, args, options)));
}

/** Several runs of one command: median wall time and peak RSS, the last run's output. */
function summary(all) {
  const last = all.at(-1);
  return {
    ms: spread(all.map((r) => r.ms)).median,
    rssMb: hasTime ? spread(all.map((r) => r.rssMb)).median : null,
    status: last.status,
    stdout: last.stdout,
    stages: last.stages,
  };
}

/** `n` alternating pairs (a floor, then a tool): both sides' times and the per-pair ratios. */
function paired(floor, tool, n) {
  const a = [];
  const b = [];
  let last;
  for (let i = 0; i < n; i += 1) {
    a.push(once(...floor).ms);
    last = once(...tool);
    b.push(last.ms);
  }
  return {
    floor: spread(a),
    tool: spread(b),
    ratio: spread(b.map((x, i) => x / a[i])),
    status: last.status,
    stages: last.stages,
    rssMb: last.rssMb,
  };
}

/**
 * Bundles a TypeScript script of bench/ into bench/.out/ (two folders below the root, so that
 * the tests' harness finds the repository as it does in test/); `swaps` maps a package to the
 * module that stands in for it in src/.
 */
async function bundleScript(entry, swaps = {}) {
  const { build } = await import('esbuild');
  const script = join(root, 'bench/.out', entry.replace(/^.*\//, '').replace(/\.ts$/, '.mjs'));
  mkdirSync(dirname(script), { recursive: true });
  const src = join(root, 'src');
  await build({
    entryPoints: [join(root, entry)],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    plugins: [
      {
        name: 'swaps',
        setup(b) {
          for (const [name, stand] of Object.entries(swaps))
            b.onResolve({ filter: new RegExp(`^${name}$`) }, (a) =>
              a.importer.startsWith(src) ? { path: join(root, stand) } : undefined,
            );
        },
      },
    ],
  });
  return script;
}

/**
 * The floor of the action's run (bench/floors/action-libraries.ts), bundled and minified as the
 * action's bundle is, into one file: the packages alone, cold.
 */
async function bundleActionFloor() {
  const { build } = await import('esbuild');
  const outfile = join(root, 'bench/.out/action-libraries.mjs');
  await build({
    entryPoints: [join(root, 'bench/floors/action-libraries.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    charset: 'ascii',
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  return outfile;
}

/** Bundles bench/action-run.ts (it uses the tests' API stand-in) and runs it. */
async function actionRun(pairs) {
  const bundle = join(root, 'action/dist/index.js');
  if (!existsSync(bundle)) return null;
  const script = await bundleScript('bench/action-run.ts');
  const floor = await bundleActionFloor();
  const run = spawnSync(process.execPath, [script, String(pairs), floor], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0) throw new Error(`bench/action-run.ts failed:\n${run.stderr}`);
  const { pairs: rows, requests, verified } = JSON.parse(run.stdout);
  return {
    node: spread(rows.map((r) => r.node)),
    run: spread(rows.map((r) => r.run)),
    firstRequest: spread(rows.map((r) => r.firstRequest)),
    ratio: spread(rows.map((r) => r.run / r.node)),
    floor: spread(rows.map((r) => r.floor)),
    floorRatio: spread(rows.map((r) => r.floor / r.node)),
    overFloor: spread(rows.map((r) => r.run / r.floor)),
    firstRequestRatio: spread(rows.map((r) => r.firstRequest / r.node)),
    requests,
    verified,
    bytes: statSync(bundle).size,
  };
}

// The review's work per packet, as the floor's is (it reads and parses each file): reading the
// packets, parsing and reviewing them, and formatting the report.
const packetWork = (stages) => (stages.packets ?? 0) + stages.review + (stages.report ?? 0);
const floorJson = (m) => {
  const { ms, ...rest } = JSON.parse(m.stdout);
  return { ms: m.ms, rssMb: m.rssMb, inProcessMs: ms, ...rest };
};
const node = (script, ...args) => [process.execPath, [join(root, script), ...args]];

const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  cpus: availableParallelism(),
  quick,
  sizes: {},
};

// The shipped ladders, the everyday case: paired with node's own start.
results.shipped = paired(
  [process.execPath, ['-e', '0'], { cwd: root }],
  [process.execPath, [ladderBin, 'validate'], { cwd: root, env: { LADDER_TIMINGS: '1' } }],
  startPairs,
);

// The to-markdown floor runs in-process inside `ladder render --check` (see its header).
const toMarkdownFloor = await bundleScript('bench/floors/to-markdown.ts', {
  'mdast-util-to-markdown': 'bench/floors/timed-to-markdown.ts',
});

const commands = ['validate', 'render', 'review', 'check'];
// The previous size's organisation, kept until the next size is measured: growth is judged on
// runs of the two sizes made one right after the other, as the machine's speed drifts over the
// minutes between sizes.
let previous;
const PAGES = 'docs/ladders';
const stageSum = (m) => Object.values(m.stages ?? {}).reduce((x, y) => x + y, 0);
for (const size of sizes) {
  const dir = mkdtempSync(join(tmpdir(), `ladder-bench-${size}-`));
  const counts = generateOrganisation(dir, size);
  const runs = runsFor(size);
  const env = { LADDER_TIMINGS: '1' };
  const row = { ...counts, runs };
  // validate against its floor, paired: the same files, `yaml` with positions and ajv.
  const validate = paired(
    [...node('bench/floors/yaml-ajv.mjs', join(dir, 'ladders')), { cwd: root }],
    [process.execPath, [ladderBin, 'validate'], { cwd: dir, env }],
    validatePairsFor(size),
  );
  row.validate = {
    ms: validate.tool.median,
    spread: validate.tool,
    rssMb: validate.rssMb,
    status: validate.status,
    stages: validate.stages,
  };
  row.floorYamlAjv = { ms: validate.floor.median, spread: validate.floor };
  row.validateOverFloor = validate.ratio;
  // The other commands, `runs` times; with the floors, review and render each paired with its
  // floor, alternating (the remark floor, then review; render, then the to-markdown floor, which
  // serialises the pages render has just written).
  const floors = size <= floorsUpTo;
  const all = { render: [], review: [], check: [], floorRemark: [], floorToMarkdown: [] };
  const remarkFloor = [...node('bench/floors/remark.mjs', join(dir, 'promotions')), { cwd: root }];
  const growth = { validate: [], render: [], review: [], check: [] };
  for (let i = 0; i < runs; i += 1)
    for (const name of commands) {
      const args = name === 'review' ? [ladderBin, 'review', 'promotions'] : [ladderBin, name];
      // Growth: this size right after the previous one, in the same state: the first render
      // of a size writes every page, later ones compare them.
      if (previous && name === 'render' && !existsSync(join(dir, PAGES)))
        rmSync(join(previous.dir, PAGES), { recursive: true, force: true });
      const before = previous && once(process.execPath, args, { cwd: previous.dir, env });
      const run =
        name === 'validate' && before ? once(process.execPath, args, { cwd: dir, env }) : undefined;
      if (name === 'validate') {
        if (before && run) growth.validate.push(stageSum(run) / stageSum(before));
        continue;
      }
      if (floors && name === 'review') all.floorRemark.push(once(...remarkFloor));
      all[name].push(once(process.execPath, args, { cwd: dir, env }));
      if (before) growth[name].push(stageSum(all[name].at(-1)) / stageSum(before));
      if (floors && name === 'render')
        all.floorToMarkdown.push(once(process.execPath, [toMarkdownFloor], { cwd: dir }));
    }
  // More pairs of review and its floor than of the other commands (see reviewPairsFor).
  if (floors)
    for (let i = runs; i < reviewPairsFor(size); i += 1) {
      all.floorRemark.push(once(...remarkFloor));
      all.review.push(
        once(process.execPath, [ladderBin, 'review', 'promotions'], { cwd: dir, env }),
      );
    }
  for (const name of commands.slice(1)) {
    const m = summary(all[name]);
    row[name] = { ms: m.ms, rssMb: m.rssMb, status: m.status, stages: m.stages };
  }
  if (floors) {
    row.floorRemark = floorJson(summary(all.floorRemark));
    row.floorToMarkdown = floorJson(summary(all.floorToMarkdown));
    const inProcess = (r) => JSON.parse(r.stdout).ms;
    row.reviewOverFloor = spread(
      all.review.map((r, i) => packetWork(r.stages) / inProcess(all.floorRemark[i])),
    );
    row.renderOverFloor = spread(
      all.render.map((r, i) => r.stages.render / inProcess(all.floorToMarkdown[i])),
    );
  }
  // Context, not a target: ajv-cli (it reports no positions).
  const peer =
    floors &&
    measure(
      process.execPath,
      [
        fileURLToPath(import.meta.resolve('ajv-cli/dist/index.js')),
        'validate',
        '--spec=draft2020',
        '--strict=false',
        '-s',
        join(root, 'schema/ladder.schema.json'),
        '-d',
        join(dir, 'ladders/*.yml'),
      ],
      { cwd: root, runs },
    );
  if (peer) row.peerAjvCli = { ms: peer.ms, rssMb: peer.rssMb, status: peer.status };
  if (previous)
    row.growth = {
      from: previous.size,
      ...Object.fromEntries(Object.entries(growth).map(([name, ratios]) => [name, spread(ratios)])),
    };
  results.sizes[size] = row;
  if (previous) rmSync(previous.dir, { recursive: true, force: true });
  previous = { size, dir };
}
if (previous) rmSync(previous.dir, { recursive: true, force: true });

// `check`'s memory as the packets grow tenfold at a fixed number of ladders.
const packetLadders = quick ? 2 : 100;
results.packetGrowth = {};
for (const perLadder of [8, 80]) {
  const dir = mkdtempSync(join(tmpdir(), `ladder-bench-packets-${perLadder}-`));
  const counts = generateOrganisation(dir, packetLadders, perLadder);
  const m = measure(process.execPath, [ladderBin, 'check'], { cwd: dir, runs: 1 });
  results.packetGrowth[perLadder] = { packets: counts.packets, ms: m.ms, rssMb: m.rssMb };
  rmSync(dir, { recursive: true, force: true });
}

results.action = await actionRun(quick ? 1 : 10);
// API requests of a first run on a one-packet pull request whose 100 evidence links are verified.
results.verifiedRun = results.action?.verified ?? null;

// Hostile packet shapes (issue 14): each reviewed alone; the slowest is the figure.
{
  const hostile = hostileRepository(root);
  results.hostile = Object.fromEntries(
    hostile.packets.map((packet) => {
      const m = measure(process.execPath, [ladderBin, 'review', packet], {
        cwd: hostile.dir,
        runs: quick ? 1 : 3,
      });
      return [packet, { ms: m.ms, rssMb: m.rssMb }];
    }),
  );
  removeRepository(hostile.dir);
}

// Targets.
const ratio = (a, b) => (a && b ? a / b : Number.NaN);
const largest = results.sizes[sizes.at(-1)];
// The largest size measured with the review and render floors.
const flooredSize = sizes.filter((size) => size <= floorsUpTo).at(-1) ?? sizes.at(-1);
const floored = results.sizes[flooredSize];
const targets = [];
const target = (name, value, limit, detail) => {
  targets.push({ name, value: Number(value.toFixed(3)), limit, met: value <= limit, detail });
};
const range = (s, digits = 2) => `${s.min.toFixed(digits)}–${s.max.toFixed(digits)}`;
target(
  'validate shipped / node -e 0 (paired)',
  results.shipped.ratio.median,
  2.5,
  `${results.shipped.tool.median.toFixed(0)} / ${results.shipped.floor.median.toFixed(0)} ms; ratios ${range(results.shipped.ratio)}`,
);
if (results.action) {
  const a = results.action;
  target(
    'action whole run, one-packet pull request / node -e 0 (paired)',
    a.ratio.median,
    3,
    `${a.run.median.toFixed(0)} / ${a.node.median.toFixed(0)} ms; ratios ${range(a.ratio)}; start to first request ${a.firstRequest.median.toFixed(0)} ms = ${a.firstRequestRatio.median.toFixed(2)}× (${range(a.firstRequestRatio)}); the packages alone (floor) ${a.floor.median.toFixed(0)} ms = ${a.floorRatio.median.toFixed(2)}× node -e 0 (${range(a.floorRatio)}), the action ${a.overFloor.median.toFixed(2)}× that floor (${range(a.overFloor)})`,
  );
  target(
    'API requests, one-packet pull request (first run)',
    a.requests.length,
    4,
    a.requests.join(', '),
  );
}
target(
  `validate ${sizes.at(-1)} ladders, one thread / yaml+ajv floor (whole process, paired)`,
  largest.validateOverFloor.median,
  1.3,
  `${largest.validate.ms.toFixed(0)} / ${largest.floorYamlAjv.ms.toFixed(0)} ms; ratios ${range(largest.validateOverFloor)}`,
);
if (floored.reviewOverFloor)
  target(
    'review / floor: remark-parse with GFM and front matter, the front matter read by yaml + ajv (in-process, paired)',
    floored.reviewOverFloor.median,
    1.5,
    `${packetWork(floored.review.stages).toFixed(0)} / ${floored.floorRemark.inProcessMs.toFixed(0)} ms for ${floored.packets} packets (last pair); ratios ${range(floored.reviewOverFloor)}`,
  );
if (floored.renderOverFloor)
  target(
    'render / mdast-util-to-markdown serialising the same pages (in-process, paired)',
    floored.renderOverFloor.median,
    2,
    `${floored.render.stages.render.toFixed(0)} / ${floored.floorToMarkdown.inProcessMs.toFixed(0)} ms for the ${floored.floorToMarkdown.files} pages of ${flooredSize} ladders (last pair); ratios ${range(floored.renderOverFloor)}; to-markdown with the product's text handler: ${floored.floorToMarkdown.productMs.toFixed(0)} ms (render / that: ${ratio(floored.render.stages.render, floored.floorToMarkdown.productMs).toFixed(2)}); pages the same as written: ${floored.floorToMarkdown.current}`,
  );
for (let i = 1; i < sizes.length; i += 1) {
  const { growth } = results.sizes[sizes[i]];
  const factor = sizes[i] / sizes[i - 1];
  // Process start is a constant, not growth: the in-process stage totals are compared, per pair
  // of runs made one after the other (the median, and the spread, of their ratios).
  for (const name of commands)
    target(
      `${name} time growth ${sizes[i - 1]}→${sizes[i]} ladders (in-process, paired)`,
      growth[name].median / (factor / 10),
      11,
      `ratios ${(growth[name].min / (factor / 10)).toFixed(2)}–${(growth[name].max / (factor / 10)).toFixed(2)}`,
    );
}
const [fewPackets, manyPackets] = [results.packetGrowth[8], results.packetGrowth[80]];
if (fewPackets.rssMb && manyPackets.rssMb)
  target(
    `check peak memory, ${fewPackets.packets}→${manyPackets.packets} packets at ${packetLadders} ladders`,
    ratio(manyPackets.rssMb, fewPackets.rssMb),
    1.5,
    `${fewPackets.rssMb.toFixed(0)} → ${manyPackets.rssMb.toFixed(0)} MB`,
  );
for (const name of commands)
  if (largest[name]?.rssMb)
    target(`${name} ${sizes.at(-1)} ladders peak memory (MB)`, largest[name].rssMb, 1024);
if (results.verifiedRun)
  target(
    `API requests, pull request with one packet and ${results.verifiedRun.links} verified links (first run)`,
    results.verifiedRun.code === 0 ? results.verifiedRun.requests.length : Number.NaN,
    5,
  );
if (results.hostile)
  target(
    'slowest hostile packet shape, whole review (ms)',
    Math.max(...Object.values(results.hostile).map((h) => h.ms)),
    2000,
  );
results.targets = targets;
// Context, not a target: validate against ajv-cli, which reports no positions.
results.validateOverAjvCli = ratio(floored.validate.ms, floored.peerAjvCli?.ms);

mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);

// The table.
const f = (x) =>
  x === undefined || x === null || Number.isNaN(x) ? '-' : x >= 100 ? x.toFixed(0) : x.toFixed(1);
const lines = [
  `node ${results.node} on ${results.cpus} × ${results.cpu}; node -e 0: ${f(results.shipped.floor.median)} ms (${f(results.shipped.floor.min)}–${f(results.shipped.floor.max)}); ladder validate (shipped ladders): ${f(results.shipped.tool.median)} ms (${f(results.shipped.tool.min)}–${f(results.shipped.tool.max)}); ${startPairs} pairs`,
  '',
  ['ladders', 'tool', 'median ms', 'peak MB', 'in-process (ms)'].join(' | '),
];
for (const size of sizes) {
  const row = results.sizes[size];
  const entries = [
    [
      'floor: yaml + ajv',
      row.floorYamlAjv,
      `${f(row.floorYamlAjv.spread.min)}–${f(row.floorYamlAjv.spread.max)} ms`,
    ],
    [
      'floor: remark-parse + GFM + front matter, yaml + ajv on it',
      row.floorRemark,
      `parse and read ${f(row.floorRemark?.inProcessMs)}`,
    ],
    [
      'floor: mdast-util-to-markdown',
      row.floorToMarkdown,
      `serialise ${f(row.floorToMarkdown?.inProcessMs)} (with the product's text handler ${f(row.floorToMarkdown?.productMs)})`,
    ],
    ['context: ajv-cli', row.peerAjvCli, ''],
    ...commands.map((n) => [
      `ladder ${n}`,
      row[n],
      Object.entries(row[n]?.stages ?? {})
        .map(([k, v]) => `${k} ${f(v)}`)
        .join(', '),
    ]),
  ];
  for (const [name, m, detail] of entries)
    lines.push([size, name, f(m?.ms), f(m?.rssMb), detail].join(' | '));
}
if (results.action)
  lines.push(
    '',
    `action bundle: ${(results.action.bytes / 1024).toFixed(0)} KiB; one-packet pull request: whole run ${f(results.action.run.median)} ms (${f(results.action.run.min)}–${f(results.action.run.max)}), start to first API request ${f(results.action.firstRequest.median)} ms, node -e 0 ${f(results.action.node.median)} ms, the packages alone (floor: bench/floors/action-libraries.ts) ${f(results.action.floor.median)} ms`,
  );
if (results.verifiedRun)
  lines.push(
    `API requests of a verified run (one packet, ${results.verifiedRun.links} GitHub links, first run): ${results.verifiedRun.requests.length} (${results.verifiedRun.requests.join(', ')})`,
  );
if (results.hostile)
  lines.push(
    '',
    'hostile packet | median ms | peak MB',
    ...Object.entries(results.hostile).map(([p, h]) => `${p} | ${f(h.ms)} | ${f(h.rssMb)}`),
  );
lines.push('', 'target | value | limit | met | detail');
for (const t of targets)
  lines.push(
    `${t.name} | ${f(t.value)} | ${t.limit} | ${t.met ? 'yes' : 'NO'} | ${t.detail ?? ''}`,
  );
lines.push(
  '',
  `validate ${flooredSize} ladders / ajv-cli (context, not a target): ${f(results.validateOverAjvCli)}`,
  '',
  `Figures written to ${outFile}`,
);
process.stdout.write(`${lines.join('\n')}\n`);
