/**
 * What the diff and health stages need from a promotion packet: its target (front matter) and
 * the dimensions it cites with evidence (a list item that is not a placeholder, under the
 * dimension's heading). Reading is the packet stage's (`src/packet/`) and the sections are
 * assigned as the review does (`src/review/sections.ts`), so a packet counts here exactly when
 * `ladder review` would find the evidence. A packet that cannot be read is simply not counted.
 */
import { ladderById } from '../model/lookup';
import type { Model } from '../model/types';
import { parsePacketText } from '../packet/parse';
import { reviewPacket } from '../review/index';
import { analyseSections } from '../review/sections';
import type { PacketInput, ReviewOptions } from '../review/types';

/** A packet as the diff and health stages see it. */
export interface PacketSummary {
  readonly path: string;
  readonly ladder: string;
  readonly to: string;
  readonly from?: string;
  readonly role?: string;
  /** Ability id → the milestone claimed. */
  readonly milestones: Readonly<Record<string, number>>;
  /** Ids of the dimensions with at least one evidence item, in the ladder's order. */
  readonly cited: readonly string[];
}

/**
 * A packet, whether it is merged (on the default branch), and whether its review is complete
 * (every required dimension evidenced). A packet that is both counts as reached: a merged
 * packet with dimensions missing is not a promotion the ladder was met by.
 */
export interface HealthPacket extends PacketSummary {
  readonly merged: boolean;
  readonly complete: boolean;
}

/** Reads a packet's target and cited dimensions; undefined when its front matter is unusable. */
export function readPacket(path: string, text: string, model: Model): PacketSummary | undefined {
  const parsed = parsePacketText(path, text);
  const data = parsed.frontMatter?.data;
  if (!data) return undefined;
  const milestones: Record<string, number> = {};
  for (const [ability, n] of Object.entries(data.milestones ?? {}))
    Object.defineProperty(milestones, ability, { value: n, enumerable: true });
  const ladder = ladderById(model, data.ladder);
  const cited = new Set<string>();
  if (ladder && parsed.body) {
    for (const [id, section] of analyseSections(ladder, parsed.body).sections)
      if (section.items.some((item) => item.placeholder === undefined)) cited.add(id);
  }
  return {
    path,
    ladder: data.ladder,
    to: data.to,
    ...(data.from === undefined ? {} : { from: data.from }),
    ...(data.role === undefined ? {} : { role: data.role }),
    milestones,
    cited: (ladder?.dimensions ?? []).map((d) => d.id).filter((id) => cited.has(id)),
  };
}

/**
 * The packets of the health report: each readable packet, whether it is merged (`isMerged`),
 * and, when merged, whether its review is complete (a merged packet counts as reached only
 * then). Reviewing costs a little, so only merged packets are reviewed.
 */
export function healthPackets(
  files: readonly PacketInput[],
  model: Model,
  isMerged: (path: string) => boolean,
  options: ReviewOptions,
): HealthPacket[] {
  const decoder = new TextDecoder();
  return files.flatMap((f) => {
    const p = readPacket(f.path, decoder.decode(f.bytes), model);
    if (!p) return [];
    const merged = isMerged(f.path);
    const complete = merged && reviewPacket(model, f, options).verdict === 'complete';
    return [{ ...p, merged, complete }];
  });
}
