/** Every semantic rule: those about one file, then those across files. Add new rules here. */
import type { FileRule, Rule, SetRule } from '../rule';
import { blankText } from './blank-text';
import { duplicateGlobalId, duplicateLocalId } from './duplicate-id';
import { duplicateStatement } from './duplicate-statement';
import { fileNameMismatch } from './file-name-mismatch';
import { invalidPointRange } from './invalid-point-range';
import { milestonePointsOrder } from './milestone-points-order';
import { missingGrade } from './missing-grade';
import { pointsUnreachable } from './points-unreachable';
import { requiredWithoutExpectations } from './required-without-expectations';
import { splitStatement } from './split-statement';
import { unknownAbility } from './unknown-ability';
import { unknownBand } from './unknown-band';
import { unknownDimension } from './unknown-dimension';
import { unknownEdgeTarget } from './unknown-edge-target';
import { unknownGroup } from './unknown-group';
import { unknownLevel } from './unknown-level';
import { unknownMilestone } from './unknown-milestone';
import { unknownRating } from './unknown-rating';
import { unknownSource } from './unknown-source';
import { unknownTrack } from './unknown-track';

/** Rules that look at one file: they run as each file passes the schema. */
export const FILE_RULES: readonly FileRule[] = [
  fileNameMismatch,
  duplicateLocalId,
  unknownGroup,
  unknownDimension,
  unknownLevel,
  unknownSource,
  unknownTrack,
  unknownBand,
  unknownRating,
  missingGrade,
  milestonePointsOrder,
  invalidPointRange,
  requiredWithoutExpectations,
  duplicateStatement,
  splitStatement,
  blankText,
];

/** Rules about ids and references across files: they run once every file is checked. */
export const SET_RULES: readonly SetRule[] = [
  duplicateGlobalId,
  unknownEdgeTarget,
  unknownAbility,
  unknownMilestone,
  pointsUnreachable,
];

export const RULES: readonly Rule[] = [...FILE_RULES, ...SET_RULES];
