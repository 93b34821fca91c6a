/**
 * The review stage: packet bytes and the ladder model in, one review per packet out. Each packet
 * is read (size, encoding, front matter, Markdown), its sections are matched to the dimensions
 * the target level requires, every dimension gets a status, and the checks add findings with
 * positions in the packet. Pure: no file system, no network.
 */
import { compareDiagnostics, type Diagnostic, type Severity } from '../diagnostics/diagnostic';
import type { Model } from '../model/types';
import { parsePacket } from '../packet/parse';
import type { FrontMatter, ParsedPacket } from '../packet/types';
import { type At, type CheckContext, claimsUnread } from './check';
import { CHECKS } from './checks/index';
import { type DimensionSpec, type EvidenceRules, reviewDimension } from './dimensions';
import {
  abilityLadder,
  levelStatements,
  milestoneStatements,
  proseStatements,
} from './level-statements';
import { withLevelId } from './level-titles';
import {
  abilityRef,
  milestoneClaims,
  milestoneRange,
  pointsCheck,
  resolveAbility,
  resolveRole,
} from './milestones';
import { analyseSections, sectionUnit, wholeBody } from './sections';
import { summarise, verdictOf } from './summary';
import { levelRefText, resolveTarget } from './target';
import type {
  DimensionReview,
  PacketInput,
  PacketReview,
  PacketVerdict,
  ReviewOptions,
  ReviewReport,
} from './types';
import { verifyDimensions } from './verification';

export type {
  DimensionReview,
  DimensionStatus,
  PacketInput,
  PacketReview,
  PacketVerdict,
  PointsCheck,
  ReviewOptions,
  ReviewReport,
} from './types';

/** Findings listed per code and packet; the rest are counted in one `more-findings` note. */
const MAX_FINDINGS_PER_CODE = 20;

/** The id and title of the single section a level without dimensions is reviewed as. */
export const WHOLE_PACKET = { id: 'evidence', title: 'Evidence' } as const;

/** Reviews every packet against the model. Never throws. */
export function reviewPackets(
  model: Model,
  packets: readonly PacketInput[],
  options: ReviewOptions,
): ReviewReport {
  return { packets: packets.map((p) => reviewPacket(model, p, options)) };
}

/** Parses and reviews one packet file. Never throws. */
export function reviewPacket(
  model: Model,
  packet: PacketInput,
  options: ReviewOptions,
): PacketReview {
  return reviewParsedPacket(
    model,
    parsePacket(packet.path, packet.bytes, { maxBytes: options.maxPacketBytes }),
    options,
  );
}

/** How many packets got each verdict. */
export type VerdictCounts = Record<PacketVerdict, number>;

/** No packets yet: every count zero. */
export function noVerdicts(): VerdictCounts {
  return { complete: 0, thin: 0, missing: 0, invalid: 0 };
}

/** Exit status of `ladder review`: 1 when a packet is invalid, or missing/thin per `failOn`. */
export function reviewExitCode(report: ReviewReport, failOn: 'missing' | 'thin' | 'never'): 0 | 1 {
  const counts = noVerdicts();
  for (const p of report.packets) counts[p.verdict] += 1;
  return verdictsExitCode(counts, failOn);
}

/** `reviewExitCode` from the verdict counts alone (for reviews that are not kept). */
export function verdictsExitCode(
  counts: Readonly<VerdictCounts>,
  failOn: 'missing' | 'thin' | 'never',
): 0 | 1 {
  if (counts.invalid > 0) return 1;
  if (failOn !== 'never' && counts.missing > 0) return 1;
  if (failOn === 'thin' && counts.thin > 0) return 1;
  return 0;
}

/** A review for a packet that could not be read at all (e.g. too large to open). */
export function unreadablePacket(path: string, findings: readonly Diagnostic[]): PacketReview {
  return {
    path,
    verdict: 'invalid',
    summary: summarise('invalid', [], findings),
    unit: 'dimension',
    dimensions: [],
    milestones: [],
    findings: [...findings].sort(compareDiagnostics),
  };
}

/**
 * A packet review as diagnostics: its findings plus one per dimension that is not evidenced
 * (`dimension-missing`, `dimension-thin`), with severities that follow `failOn`.
 */
export function reviewDiagnostics(
  review: PacketReview,
  failOn: 'missing' | 'thin' | 'never',
): Diagnostic[] {
  const out: Diagnostic[] = [...review.findings];
  for (const d of review.dimensions) {
    if (d.status === 'evidenced') continue;
    const missing = d.status === 'missing';
    const severity: Severity = missing
      ? failOn === 'never'
        ? 'warning'
        : 'error'
      : failOn === 'thin'
        ? 'error'
        : 'warning';
    out.push({
      code: missing ? 'dimension-missing' : 'dimension-thin',
      severity,
      message: `${d.title} is ${d.status} (${d.reasons.join('; ')}). ${d.toAdd.join(' ')}`,
      file: review.path,
      line: d.line ?? 1,
      column: 1,
    });
  }
  return out.sort(compareDiagnostics);
}

/** Reviews one parsed packet. */
export function reviewParsedPacket(
  model: Model,
  packet: ParsedPacket,
  options: ReviewOptions,
): PacketReview {
  const claims = packet.frontMatter?.data;
  const fields = claims ? fieldsOf(claims) : (packet.frontMatter?.strings ?? {});
  const target = resolveTarget(model, fields);
  const { ladder, to, from } = target;
  const foundRole =
    fields.role === undefined ? undefined : resolveRole(model, fields.ladder ?? '', fields.role);
  const role = foundRole?.kind === 'found' ? foundRole.value : undefined;
  // Front matter that failed its schema (`ops-skill: '3'`) has its finding; what it claims is not
  // known, so no total of points, no shortfall and no "claims none" is said of it.
  const unread = claimsUnread({ frontMatter: packet.frontMatter, claims });
  const milestones = milestoneClaims(
    model,
    fields.ladder,
    unread ? 'unread' : (claims?.milestones ?? {}),
    to?.level,
    role,
  );
  const points = unread ? undefined : pointsCheck(milestones, to?.level, role);
  const body = packet.body;
  // A level is reviewed by what it declares: dimensions section by section; else abilities and
  // points, section by ability; else (prose) the whole body as one section.
  const unit = to ? sectionUnit(to.level) : 'dimension';
  const abilityMode = unit === 'ability';
  const wholeBodyMode = unit === 'section';
  const sectionLadder = ladder && abilityMode ? abilityLadder(model, ladder) : ladder;
  const sections = sectionLadder && body ? analyseSections(sectionLadder, body) : undefined;
  const minimum = ladder?.evidenceMinimum ?? options.evidenceMinimum;
  const rules: EvidenceRules = {
    trackers: new Set(options.trackers ?? []),
    ...(options.files ? { files: options.files } : {}),
  };

  let dimensions: DimensionReview[] = [];
  if (to && body) {
    if (wholeBodyMode) {
      dimensions.push(
        reviewDimension(
          {
            ...WHOLE_PACKET,
            statements: proseStatements(to.level),
            minimum,
            heading: '## Evidence',
          },
          wholeBody(WHOLE_PACKET.id, WHOLE_PACKET.title, body),
          rules,
        ),
      );
    } else if (abilityMode) {
      for (const claim of milestones) {
        const found = resolveAbility(model, claim.ladder, claim.ability.split('/').pop() ?? '');
        if (found.kind !== 'found') continue;
        const ability = found.value;
        const { first } = milestoneRange(ability);
        const target = claim.points !== undefined ? claim.claimed : claim.required;
        // Milestone `first` (0 on a scale that starts there) is "not yet": nothing to evidence.
        if (target === undefined || (claim.required === undefined && target <= first)) continue;
        const id = abilityRef(model, ladder?.id, ability);
        const group = to.ladder.groups.find((g) => g.id === ability.group)?.title;
        dimensions.push(
          reviewDimension(
            {
              id,
              title: ability.title,
              ...(group !== undefined ? { group } : {}),
              statements: milestoneStatements(ability, target),
              minimum,
              heading: `## ${ability.title}`,
            },
            sections?.sections.get(id),
            rules,
            sections?.combined.get(id),
            sections?.labels.get(id),
          ),
        );
      }
    } else {
      const ratings = new Map(to.ladder.ratings.map((r) => [r.id, r.title]));
      for (const id of to.level.requires) {
        const dimension = to.ladder.dimensions.find((d) => d.id === id);
        if (!dimension) continue;
        const group = to.ladder.groups.find((g) => g.id === dimension.group)?.title;
        const spec: DimensionSpec = {
          id,
          title: dimension.title,
          ...(group !== undefined ? { group } : {}),
          statements: to.level.expectations.find((e) => e.dimension === id)?.statements ?? [],
          levelStatements: levelStatements(to.level),
          ...(ratings.size > 0 ? { ratings } : {}),
          minimum,
          heading: `## ${dimension.title}`,
        };
        dimensions.push(
          reviewDimension(
            spec,
            sections?.sections.get(id),
            rules,
            sections?.combined.get(id),
            sections?.labels.get(id),
          ),
        );
      }
    }
  }
  const verified =
    options.verification === undefined
      ? undefined
      : verifyDimensions(dimensions, options.verification, fields);
  if (verified) dimensions = verified.dimensions;

  const context: CheckContext = {
    model,
    fields,
    ...(packet.frontMatter ? { frontMatter: packet.frontMatter } : {}),
    ...(claims ? { claims } : {}),
    ...(body ? { body } : {}),
    ...(sectionLadder ? { ladder: sectionLadder } : {}),
    ...(to ? { to } : {}),
    ...(from ? { from } : {}),
    ...(role ? { role } : {}),
    ...(sections ? { sections } : {}),
    wholeBody: wholeBodyMode,
    abilitySections: abilityMode,
    dimensions,
    milestones,
    ...(points ? { points } : {}),
  };
  const findings: Diagnostic[] = packet.findings.map((d) => withLevelId(d, context, ladder));
  // A value the front matter's schema check reported (`to: 2`, a number) is one mistake: the
  // checks, which read it as written, add no second finding at it.
  const reported = new Set(packet.findings.map((d) => `${d.line}:${d.column}`));
  const overflow = new Map<string, number>();
  for (const check of CHECKS) {
    let count = 0;
    check.run(context, (at: At, message: string, severity?: Severity) => {
      if (reported.has(`${at.line}:${at.column}`)) return;
      count += 1;
      if (count > MAX_FINDINGS_PER_CODE) {
        overflow.set(check.code, count - MAX_FINDINGS_PER_CODE);
        return;
      }
      findings.push({
        code: check.code,
        severity: severity ?? check.severity,
        message,
        file: packet.path,
        ...at,
      });
    });
  }
  for (const [code, extra] of overflow) {
    findings.push({
      code: 'more-findings',
      severity: 'info',
      message: `${extra} more \`${code}\` finding${extra === 1 ? ' was' : 's were'} not listed.`,
      file: packet.path,
      line: 1,
      column: 1,
    });
  }
  findings.sort(compareDiagnostics);

  const verdict = verdictOf(
    dimensions,
    findings,
    to !== undefined && body !== undefined,
    points?.met ?? true,
  );
  const fromId = from ? levelRefText(from, ladder?.id ?? '') : fields.from;
  return {
    path: packet.path,
    verdict,
    ...optional('candidate', fields.candidate),
    ...optional('github', fields.github),
    ...optional('ladder', fields.ladder),
    ...optional('from', fromId),
    ...(from?.inferred ? { fromInferred: true } : {}),
    ...optional('to', fields.to),
    ...optional('cycle', fields.cycle),
    ...optional('ladderTitle', ladder?.title),
    ...optional('fromTitle', from?.level.title),
    ...optional('toTitle', to?.level.title),
    summary: summarise(verdict, dimensions, findings, points, unit),
    unit,
    dimensions,
    milestones,
    ...(points ? { points } : {}),
    ...(verified ? { verification: verified.summary } : {}),
    findings,
  };
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

function fieldsOf(data: FrontMatter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of [
    'candidate',
    'github',
    'ladder',
    'from',
    'to',
    'cycle',
    'sponsor',
    'role',
  ] as const) {
    const value = data[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}
