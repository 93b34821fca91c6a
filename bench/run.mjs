// `npm run bench`: measures the ladder tools against their floors and a peer on a synthetic
// organisation at several sizes, prints a table of medians and the targets of issue 7, and
// writes the same figures to bench/results.json.
//
//   node bench/run.mjs [--sizes 10,100,1000] [--runs 5] [--quick] [--out bench/results.json]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateOrganisation } from './generate.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    runs: { type: 'string' },
    quick: { type: 'boolean' },
    out: { type: 'string' },
  },
});
const quick = values.quick ?? false;
const sizes = (values.sizes ?? (quick ? '2,4' : '10,100,1000')).split(',').map(Number);
const runsFor = (size) => Number(values.runs ?? (quick ? 1 : size >= 1000 ? 3 : 5));
const outFile = resolve(
  root,
  values.out ?? (quick ? join(tmpdir(), 'ladder-bench-quick.json') : 'bench/results.json'),
);
const ladderBin = join(root, 'bin/ladder.js');
const hasTime = existsSync('/usr/bin/time');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s[Math.floor((s.length - 1) / 2)];
};

/** Runs a command `runs` times; medians of wall time (ms) and peak RSS (MB), and the last output. */
function measure(command, args, { cwd, env = {}, runs }) {
  const walls = [];
  const rss = [];
  let last;
  const memFile = join(tmpdir(), `ladder-bench-mem-${process.pid}`);
  for (let i = 0; i < runs; i += 1) {
    const [cmd, argv] = hasTime
      ? ['/usr/bin/time', ['-f', '%M', '-o', memFile, command, ...args]]
      : [command, args];
    const start = performance.now();
    last = spawnSync(cmd, argv, {
      cwd,
      env: { ...process.env, NO_COLOR: '1', ...env },
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    walls.push(performance.now() - start);
    if (hasTime) rss.push(Number(readFileSync(memFile, 'utf8').trim().split('\n').pop()) / 1024);
  }
  const timings = /LADDER_TIMINGS (\{.*\})/.exec(last.stderr ?? '');
  return {
    ms: median(walls),
    rssMb: hasTime ? median(rss) : null,
    status: last.status,
    stdout: last.stdout,
    stages: timings ? JSON.parse(timings[1]) : undefined,
  };
}

function commandExists(name) {
  return (
    spawnSync(process.execPath, [ladderBin, name, '--help'], { encoding: 'utf8' }).status === 0
  );
}

/** Starts the bundled action against a loopback API and times process start to first request. */
async function actionStartup(runs) {
  const bundle = join(root, 'action/dist/index.js');
  if (!existsSync(bundle)) return null;
  const dir = mkdtempSync(join(tmpdir(), 'ladder-bench-action-'));
  const event = join(dir, 'event.json');
  writeFileSync(
    event,
    JSON.stringify({
      action: 'synchronize',
      number: 1,
      pull_request: {
        number: 1,
        head: { sha: 'a'.repeat(40), ref: 'feature', repo: { full_name: 'acme/ladders' } },
        base: { sha: 'b'.repeat(40), ref: 'main', repo: { full_name: 'acme/ladders' } },
      },
      repository: {
        name: 'ladders',
        full_name: 'acme/ladders',
        owner: { login: 'acme' },
        default_branch: 'main',
      },
    }),
  );
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    let resolveFirst;
    const first = new Promise((r) => {
      resolveFirst = r;
    });
    const server = createServer((_req, res) => {
      resolveFirst(performance.now());
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"message":"bench"}');
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    const port = server.address().port;
    const start = performance.now();
    const child = spawn(process.execPath, [bundle], {
      cwd: dir,
      stdio: 'ignore',
      env: {
        ...process.env,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: event,
        GITHUB_REPOSITORY: 'acme/ladders',
        GITHUB_API_URL: `http://127.0.0.1:${port}`,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_WORKSPACE: dir,
        GITHUB_OUTPUT: join(dir, 'output'),
        GITHUB_STEP_SUMMARY: join(dir, 'summary'),
        'INPUT_GITHUB-TOKEN': 'bench-token',
        LADDER_RETRY_DELAY_MS: '1',
      },
    });
    const timeout = new Promise((r) => setTimeout(() => r(Number.NaN), 10_000));
    const at = await Promise.race([first, timeout]);
    times.push(at - start);
    child.kill();
    server.close();
  }
  rmSync(dir, { recursive: true, force: true });
  return { ms: median(times), bytes: statSync(bundle).size };
}

const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  cpus: availableParallelism(),
  quick,
  sizes: {},
};
const nodeFloor = measure(process.execPath, ['-e', '0'], { cwd: root, runs: 10 });
results.nodeStartMs = nodeFloor.ms;

// The shipped ladders: the everyday case.
const shipped = measure(process.execPath, [ladderBin, 'validate'], {
  cwd: root,
  runs: 10,
  env: { LADDER_TIMINGS: '1' },
});
results.shipped = { validateMs: shipped.ms, stages: shipped.stages };

const optional = ['render', 'review', 'check'].filter(commandExists);
for (const size of sizes) {
  const dir = mkdtempSync(join(tmpdir(), `ladder-bench-${size}-`));
  const counts = generateOrganisation(dir, size);
  const runs = runsFor(size);
  const row = { ...counts, runs };
  const floor = measure(
    process.execPath,
    [join(root, 'bench/floors/yaml-ajv.mjs'), join(dir, 'ladders')],
    { cwd: root, runs },
  );
  row.floorYamlAjv = { ms: floor.ms, rssMb: floor.rssMb, inProcessMs: JSON.parse(floor.stdout).ms };
  const remark = measure(
    process.execPath,
    [join(root, 'bench/floors/remark.mjs'), join(dir, 'promotions')],
    { cwd: root, runs },
  );
  row.floorRemark = {
    ms: remark.ms,
    rssMb: remark.rssMb,
    inProcessMs: JSON.parse(remark.stdout).ms,
  };
  const remarkGfm = measure(
    process.execPath,
    [join(root, 'bench/floors/remark.mjs'), join(dir, 'promotions'), '--gfm'],
    { cwd: root, runs },
  );
  row.floorRemarkGfm = {
    ms: remarkGfm.ms,
    rssMb: remarkGfm.rssMb,
    inProcessMs: JSON.parse(remarkGfm.stdout).ms,
  };
  const peer = measure(
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
  row.peerAjvCli = { ms: peer.ms, rssMb: peer.rssMb, status: peer.status };
  const env = { LADDER_TIMINGS: '1' };
  const validate = measure(process.execPath, [ladderBin, 'validate'], { cwd: dir, runs, env });
  row.validate = {
    ms: validate.ms,
    rssMb: validate.rssMb,
    status: validate.status,
    stages: validate.stages,
  };
  // The same on one thread: from 8 MiB of ladder files `validate` checks them on worker threads
  // too (one per spare CPU, up to 3), so this shows what the workers add.
  const oneThread = measure(process.execPath, [ladderBin, 'validate'], {
    cwd: dir,
    runs,
    env: { ...env, LADDER_WORKERS: '0' },
  });
  row.validateOneThread = { ms: oneThread.ms, rssMb: oneThread.rssMb, stages: oneThread.stages };
  for (const name of optional) {
    const args = name === 'review' ? [ladderBin, 'review', 'promotions'] : [ladderBin, name];
    const m = measure(process.execPath, args, { cwd: dir, runs, env });
    row[name] = { ms: m.ms, rssMb: m.rssMb, status: m.status, stages: m.stages };
  }
  results.sizes[size] = row;
  rmSync(dir, { recursive: true, force: true });
}
results.action = await actionStartup(quick ? 1 : 5);

// Ratios and targets.
const ratio = (a, b) => (a && b ? a / b : Number.NaN);
const largest = results.sizes[sizes[sizes.length - 1]];
const targets = [];
// The review's work per packet, as the floor's is (it reads and parses each file): reading the
// packets, parsing and reviewing them, and formatting the report.
const packetWork = (stages) => (stages.packets ?? 0) + stages.review + (stages.report ?? 0);
const target = (name, value, limit, better = 'lower') => {
  targets.push({
    name,
    value: Number(value.toFixed(3)),
    limit,
    met: better === 'lower' ? value <= limit : value >= limit,
  });
};
target('validate shipped / node -e 0', ratio(results.shipped.validateMs, results.nodeStartMs), 2.5);
target(
  `validate ${sizes.at(-1)} ladders / yaml+ajv floor (whole process)`,
  ratio(largest.validate.ms, largest.floorYamlAjv.ms),
  1.3,
);
target(
  `validate ${sizes.at(-1)} ladders / ajv-cli`,
  ratio(largest.validate.ms, largest.peerAjvCli.ms),
  1,
);
if (largest.review?.stages?.review !== undefined) {
  target(
    'review per packet / remark-parse floor per packet (in-process)',
    ratio(packetWork(largest.review.stages), largest.floorRemark.inProcessMs),
    1.5,
  );
}
if (largest.render?.stages?.render !== undefined) {
  target(
    'render level pages per second (in-process)',
    largest.levels / (largest.render.stages.render / 1000),
    2000,
    'higher',
  );
}
for (let i = 1; i < sizes.length; i += 1) {
  const a = results.sizes[sizes[i - 1]];
  const b = results.sizes[sizes[i]];
  const factor = sizes[i] / sizes[i - 1];
  for (const name of ['validate', ...optional]) {
    if (!a[name] || !b[name]) continue;
    // Process start is a constant, not growth: compare the in-process stage totals.
    const stageSum = (m) => Object.values(m.stages ?? {}).reduce((x, y) => x + y, 0) || m.ms;
    target(
      `${name} time growth ${sizes[i - 1]}→${sizes[i]} (in-process)`,
      ratio(stageSum(b[name]), stageSum(a[name])),
      factor * 1.1,
    );
    if (b[name].rssMb && a[name].rssMb)
      target(
        `${name} memory growth ${sizes[i - 1]}→${sizes[i]}`,
        ratio(b[name].rssMb, a[name].rssMb),
        factor,
      );
  }
}
for (const name of ['validate', ...optional]) {
  if (largest[name]?.rssMb)
    target(`${name} ${sizes.at(-1)} ladders peak memory (MB)`, largest[name].rssMb, 1024);
}
if (results.action)
  target(
    'action start-up to first request / node -e 0',
    ratio(results.action.ms, results.nodeStartMs),
    2,
  );
results.targets = targets;
// Context, not a target: validate on one thread against the peer.
results.validateOneThreadOverAjvCli = ratio(largest.validateOneThread.ms, largest.peerAjvCli.ms);
// Context, not a target: the review against parsing with the syntax packets are read with.
if (largest.review?.stages?.review !== undefined)
  results.reviewOverGfmFloor = ratio(
    largest.review.stages.review,
    largest.floorRemarkGfm.inProcessMs,
  );

writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);

// The table.
const f = (x) =>
  x === undefined || x === null || Number.isNaN(x) ? '-' : x >= 100 ? x.toFixed(0) : x.toFixed(1);
const lines = [
  `node ${results.node} on ${results.cpus} × ${results.cpu}; node -e 0: ${f(results.nodeStartMs)} ms; ladder validate (shipped ladders): ${f(results.shipped.validateMs)} ms`,
  '',
];
lines.push(['ladders', 'tool', 'median ms', 'peak MB', 'in-process stages (ms)'].join(' | '));
for (const size of sizes) {
  const row = results.sizes[size];
  const entries = [
    ['floor: yaml+ajv', row.floorYamlAjv, `parse+validate ${f(row.floorYamlAjv.inProcessMs)}`],
    ['floor: remark-parse', row.floorRemark, `parse ${f(row.floorRemark.inProcessMs)}`],
    [
      'remark-parse + GFM + front matter',
      row.floorRemarkGfm,
      `parse ${f(row.floorRemarkGfm.inProcessMs)}`,
    ],
    ['peer: ajv-cli', row.peerAjvCli, ''],
    ['ladder validate, one thread', row.validateOneThread, ''],
    ...['validate', ...optional].map((n) => [
      `ladder ${n}`,
      row[n],
      Object.entries(row[n]?.stages ?? {})
        .map(([k, v]) => `${k} ${f(v)}`)
        .join(', '),
    ]),
  ];
  for (const [name, m, stages] of entries)
    lines.push([size, name, f(m?.ms), f(m?.rssMb), stages].join(' | '));
}
if (results.action)
  lines.push(
    '',
    `action bundle: ${(results.action.bytes / 1024).toFixed(0)} KiB; start-up to first API request: ${f(results.action.ms)} ms`,
  );
lines.push('', 'target | value | limit | met');
for (const t of targets)
  lines.push(`${t.name} | ${f(t.value)} | ${t.limit} | ${t.met ? 'yes' : 'NO'}`);
if (results.reviewOverGfmFloor !== undefined)
  lines.push(
    '',
    `review per packet / remark-parse + GFM + front matter per packet (in-process, context): ${f(results.reviewOverGfmFloor)}`,
  );
lines.push(
  `validate ${sizes.at(-1)} ladders on one thread (LADDER_WORKERS=0) / ajv-cli (context): ${f(results.validateOneThreadOverAjvCli)}`,
);
lines.push('', `Figures written to ${outFile}`);
process.stdout.write(`${lines.join('\n')}\n`);
