/** Every packet check, in the order they run. Add new checks here. */
import type { Check } from '../check';
import { careerMove } from './career-move';
import { combinedHeading } from './combined-heading';
import { dimensionNotRequired } from './dimension-not-required';
import { disguisedHeading } from './disguised-heading';
import { duplicateSection } from './duplicate-section';
import { evidenceOutsideSection } from './evidence-outside-section';
import { milestoneOutOfRange } from './milestone-out-of-range';
import { milestonePoints } from './milestone-points';
import { milestoneShortfall } from './milestone-shortfall';
import { noAdvancementEdge } from './no-advancement-edge';
import { notAPromotion } from './not-a-promotion';
import { placeholderEvidence } from './placeholder-evidence';
import { pointsAboveRole } from './points-above-role';
import { pointsShortfall } from './points-shortfall';
import { proseOnlyLevel } from './prose-only-level';
import { reusedLink } from './reused-link';
import { skippedLevel } from './skipped-level';
import { tableNotRead } from './table-not-read';
import { uncheckedTask } from './unchecked-task';
import { unknownAbilityClaim } from './unknown-ability-claim';
import { unknownCurrentLevel } from './unknown-current-level';
import { unknownExpectation } from './unknown-expectation';
import { unknownHeading } from './unknown-heading';
import { unknownLadder } from './unknown-ladder';
import { unknownRole } from './unknown-role';
import { unknownTargetLevel } from './unknown-target-level';

/** The checks, each with its own code. */
export const CHECKS: readonly Check[] = [
  unknownLadder,
  unknownTargetLevel,
  unknownCurrentLevel,
  notAPromotion,
  careerMove,
  skippedLevel,
  noAdvancementEdge,
  unknownRole,
  unknownAbilityClaim,
  milestoneOutOfRange,
  milestoneShortfall,
  milestonePoints,
  pointsShortfall,
  pointsAboveRole,
  proseOnlyLevel,
  unknownHeading,
  combinedHeading,
  disguisedHeading,
  duplicateSection,
  dimensionNotRequired,
  evidenceOutsideSection,
  placeholderEvidence,
  uncheckedTask,
  tableNotRead,
  unknownExpectation,
  reusedLink,
];
