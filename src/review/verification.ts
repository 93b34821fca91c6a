/**
 * Evidence verified on GitHub, applied to the dimension reviews: each evidence item gets the
 * checks of its GitHub links, each dimension the number of items GitHub confirms, and under
 * `review.verify: require` a dimension that would be evidenced but has no confirmed item is
 * thin. A link the token cannot read, or one not checked, never makes a dimension thin.
 */
import { type JudgeContext, judge } from '../verify/judge';
import { resultKey } from '../verify/run';
import { itemTargets } from '../verify/targets';
import type { LinkCheck, VerificationData } from '../verify/types';
import type { DimensionReview, EvidenceItem, VerificationSummary } from './types';

/** The verification of one packet: its dimensions with checks, and the counts. */
export function verifyDimensions(
  dimensions: readonly DimensionReview[],
  data: VerificationData,
  fields: Readonly<Record<string, string>>,
): { dimensions: DimensionReview[]; summary: VerificationSummary } {
  const login = fields.github;
  const cycle = fields.cycle === undefined ? undefined : cycleDays(data, fields.cycle);
  const context: JudgeContext = {
    ...(login === undefined ? {} : { login }),
    ...(cycle === undefined ? {} : { cycle }),
  };
  const checkItem = (e: EvidenceItem): EvidenceItem => {
    if (e.placeholder !== undefined) return e;
    const targets = itemTargets(e.links, e.references, data.scope);
    if (targets.length === 0) return e;
    const verification = targets.map((t) =>
      judge(t, data.results.get(resultKey(login, t.key)), context),
    );
    return { ...e, verification };
  };
  const out = dimensions.map((d) => {
    const evidence = d.evidence.map(checkItem);
    const verified = evidence.filter((e) => e.verification?.some((c) => c.verified)).length;
    const reviewed: DimensionReview = { ...d, evidence, verified };
    return data.mode === 'require' ? requireVerified(reviewed) : reviewed;
  });
  const checks = new Map<string, LinkCheck>();
  for (const d of out)
    for (const e of d.evidence) for (const c of e.verification ?? []) checks.set(c.key, c);
  const all = [...checks.values()];
  const count = (test: (c: LinkCheck) => boolean) => all.filter(test).length;
  return {
    dimensions: out,
    summary: {
      mode: data.mode,
      login: login !== undefined,
      ...(cycle === undefined ? {} : { cycle }),
      links: all.length,
      verified: count((c) => c.verified),
      warnings: count((c) => c.warnings.length > 0),
      notVisible: count((c) => c.status === 'not-visible'),
      notFound: count((c) => c.status === 'not-found'),
      unchecked: count((c) => c.status === 'unchecked'),
      limit: data.limit,
    },
  };
}

/** The days of a cycle id, when the config gives them (ids compare without case). */
function cycleDays(data: VerificationData, id: string): { from: string; to: string } | undefined {
  const entry = Object.entries(data.cycles).find(([k]) => k.toLowerCase() === id.toLowerCase());
  return entry?.[1];
}

/** `require`: an evidenced dimension without a confirmed item is thin, unless GitHub could not say. */
function requireVerified(d: DimensionReview): DimensionReview {
  if (d.status !== 'evidenced' || (d.verified ?? 0) > 0) return d;
  const checks = d.evidence.flatMap((e) => e.verification ?? []);
  if (checks.some((c) => c.status === 'not-visible' || c.status === 'unchecked')) return d;
  return {
    ...d,
    status: 'thin',
    reasons: ['no item verified on GitHub'],
    toAdd: [
      'Link at least one item to a merged pull request, an issue or a commit on GitHub in which the candidate took part during the cycle (`review.verify: require`).',
    ],
  };
}
