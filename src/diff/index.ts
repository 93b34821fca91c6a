/** The diff stage: two ladder models in, their semantic changes, impact and reviewers out. */
export { bumpCovers, classify, maxBump } from './classify';
export { type CompareOptions, type Comparison, compareLadderFiles } from './compare';
export {
  describeChange,
  type Piece,
  plain,
  type SummaryItem,
  subjectPieces,
  summarise,
  type UnitSummary,
} from './describe';
export { type DiffOptions, diffModels } from './diff-models';
export {
  type ImpactNote,
  type ImpactOptions,
  type PacketImpact,
  type PacketTarget,
  packetImpact,
} from './impact';
export { type ReviewerOptions, type Reviewers, reviewersFor } from './owners';
export * from './types';
export {
  nextVersion,
  parseVersion,
  VERSION_NOT_BUMPED,
  versionDiagnostics,
  versionMove,
} from './versions';
