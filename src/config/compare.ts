/**
 * What a change to `ladder.config.yml` changes, setting by setting, and the config a pull request
 * is reviewed under. A pull request must not choose the rules it is judged by: where it cannot be
 * trusted (from a fork, or on `pull_request_target`) the base branch's config applies whole; and
 * whatever applies, no limit rises above the base's.
 */
import type { Config } from './config';

/** One setting that differs, by its name in the file (`rules.dimension-missing`). */
export interface ConfigChange {
  readonly setting: string;
  /** The value before and after; undefined is the default (a rule at its own severity). */
  readonly before: string | undefined;
  readonly after: string | undefined;
}

/** The settings of `Config`, by their name in the file. */
const SETTINGS: readonly (readonly [string, (c: Config) => string])[] = [
  ['ladders', (c) => c.ladders],
  ['packets', (c) => c.packets],
  ['pages', (c) => c.pages],
  ['evidence.minimum', (c) => String(c.evidenceMinimum)],
  ['review.failOn', (c) => c.failOn],
  ['health.staleAfterDays', (c) => String(c.staleAfterDays)],
  ['limits.maxFileBytes', (c) => String(c.maxFileBytes)],
  ['limits.maxPacketBytes', (c) => String(c.maxPacketBytes)],
];

/** Every setting that differs between two configs, rules by code, in a stable order. */
export function compareConfigs(base: Config, head: Config): ConfigChange[] {
  const changes: ConfigChange[] = [];
  for (const [setting, read] of SETTINGS) {
    const before = read(base);
    const after = read(head);
    if (before !== after) changes.push({ setting, before, after });
  }
  const codes = [...new Set([...Object.keys(base.severities), ...Object.keys(head.severities)])];
  for (const code of codes.sort()) {
    const before = base.severities[code];
    const after = head.severities[code];
    if (before !== after) changes.push({ setting: `rules.${code}`, before, after });
  }
  return changes;
}

/**
 * The config a pull request is reviewed under: the base's when the pull request cannot be
 * trusted. One from this repository keeps its own folders, rule severities (for the ladder files
 * it proposes) and health settings, but never its own bar for packets: what counts as evidence
 * (`evidence`), when the check fails (`review.failOn`) and how links are verified (`review.verify`,
 * `cycles`) stay the base's, as do limits above the base's. Otherwise a packet and a config change
 * in one pull request could pass the check that the packet alone would fail.
 */
export function reviewConfig(base: Config, head: Config, trusted: boolean): Config {
  if (!trusted) return base;
  return {
    ...head,
    evidenceMinimum: base.evidenceMinimum,
    trackers: base.trackers,
    failOn: base.failOn,
    verify: base.verify,
    cycles: base.cycles,
    maxVerifiedLinks: Math.min(head.maxVerifiedLinks, base.maxVerifiedLinks),
    maxFileBytes: Math.min(head.maxFileBytes, base.maxFileBytes),
    maxPacketBytes: Math.min(head.maxPacketBytes, base.maxPacketBytes),
  };
}
