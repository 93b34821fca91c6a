/** Every semantic rule, in the order they run. Add new rules here. */
import type { Rule } from '../rule';
import { blankText } from './blank-text';
import { duplicateId } from './duplicate-id';
import { duplicateStatement } from './duplicate-statement';
import { fileNameMismatch } from './file-name-mismatch';
import { milestonePointsOrder } from './milestone-points-order';
import { requiredWithoutExpectations } from './required-without-expectations';
import { unknownAbility } from './unknown-ability';
import { unknownDimension } from './unknown-dimension';
import { unknownEdgeTarget } from './unknown-edge-target';
import { unknownGroup } from './unknown-group';
import { unknownLevel } from './unknown-level';
import { unknownMilestone } from './unknown-milestone';

export const RULES: readonly Rule[] = [
  fileNameMismatch,
  duplicateId,
  unknownGroup,
  unknownDimension,
  unknownLevel,
  unknownEdgeTarget,
  unknownAbility,
  unknownMilestone,
  milestonePointsOrder,
  requiredWithoutExpectations,
  duplicateStatement,
  blankText,
];
