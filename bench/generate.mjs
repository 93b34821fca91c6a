// A deterministic synthetic organisation for the benchmark: N ladders of 8 levels x 12
// dimensions x 3 statements, and 8 promotion packets per ladder, written as real files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LEVELS = 8;
const DIMENSIONS = 12;
const STATEMENTS = 3;
const PACKETS_PER_LADDER = 8;
const WORDS =
  'plans designs operates automates reviews mentors scales secures documents improves leads owns'.split(
    ' ',
  );
const NOUNS =
  'systems services incidents runbooks pipelines alerts capacity projects standards teams releases tooling'.split(
    ' ',
  );

/** A small deterministic pseudo-random generator (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(rand, level, dimension, k) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  return `At level ${level + 1} in dimension ${dimension + 1}, statement ${k + 1} — ${pick(WORDS)} ${pick(NOUNS)} and ${pick(WORDS)} ${pick(NOUNS)} with care.`;
}

function ladderYaml(index) {
  const rand = random(index + 1);
  const id = `track-${String(index).padStart(4, '0')}`;
  const out = [
    '# yaml-language-server: $schema=../schema/ladder.schema.json',
    `id: ${id}`,
    `title: Track ${index}`,
    'version: 1.0.0',
    `description: Synthetic track ${index} for the benchmark.`,
    'groups:',
    '  - id: skill',
    '    title: Skill',
    '  - id: engagement',
    '    title: Engagement',
    '  - id: coachability',
    '    title: Coachability',
    'dimensions:',
  ];
  for (let d = 0; d < DIMENSIONS; d += 1) {
    out.push(
      `  - id: dim-${d}`,
      `    title: Dimension ${d}`,
      `    group: ${['skill', 'engagement', 'coachability'][d % 3]}`,
    );
  }
  out.push('levels:');
  for (let l = 0; l < LEVELS; l += 1) {
    out.push(
      `  - id: L${l + 1}`,
      `    title: Level ${l + 1} of track ${index}`,
      `    theme: Theme ${l + 1}`,
      '    expectations:',
    );
    for (let d = 0; d < DIMENSIONS; d += 1) {
      out.push(`      dim-${d}:`);
      for (let k = 0; k < STATEMENTS; k += 1) out.push(`        - ${sentence(rand, l, d, k)}`);
    }
  }
  out.push('threads:', '  - id: security', '    title: Security', '    steps:');
  for (let l = 0; l < LEVELS; l += 1) out.push(`      L${l + 1}: Security at level ${l + 1}`);
  return { id, text: `${out.join('\n')}\n` };
}

function packetMarkdown(ladderId, p) {
  const to = (p % (LEVELS - 1)) + 2;
  const lines = [
    '---',
    `candidate: person-${p}`,
    `ladder: ${ladderId}`,
    `from: L${to - 1}`,
    `to: L${to}`,
    'cycle: 2026-H2',
    '---',
    '',
    `# Promotion packet: person ${p}`,
    '',
  ];
  for (let d = 0; d < DIMENSIONS; d += 1) {
    lines.push(`## Dimension ${d}`, '');
    for (let k = 0; k < 2; k += 1) {
      lines.push(
        `- Led the work on ${NOUNS[(d + k) % NOUNS.length]} that ${WORDS[(p + k) % WORDS.length]} the team ([PR](https://github.com/acme/infra/pull/${1000 + d * 10 + k}))`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** Writes an organisation of `ladders` ladders (`packets` packets each) into `root`; counts. */
export function generateOrganisation(root, ladders, packets = PACKETS_PER_LADDER) {
  mkdirSync(join(root, 'ladders'), { recursive: true });
  mkdirSync(join(root, 'promotions'), { recursive: true });
  for (let i = 0; i < ladders; i += 1) {
    const { id, text } = ladderYaml(i);
    writeFileSync(join(root, 'ladders', `${id}.yml`), text);
    for (let p = 0; p < packets; p += 1) {
      writeFileSync(join(root, 'promotions', `${id}-person-${p}.md`), packetMarkdown(id, p));
    }
  }
  return { ladders, levels: ladders * LEVELS, packets: ladders * packets };
}
