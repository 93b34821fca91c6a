/** Every semantic rule: those about one file, then those across files. Add new rules here. */
import type { FileRule, Rule, SetRule } from '../rule';
import { blankText } from './blank-text';
import { duplicateGlobalId, duplicateLocalId } from './duplicate-id';
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
import { unknownSource } from './unknown-source';

/** Rules that look at one file: they run as each file passes the schema. */
export const FILE_RULES: readonly FileRule[] = [
  fileNameMismatch,
  duplicateLocalId,
  unknownGroup,
  unknownDimension,
  unknownLevel,
  unknownSource,
  milestonePointsOrder,
  requiredWithoutExpectations,
  duplicateStatement,
  blankText,
];

/** Rules about ids and references across files: they run once every file is checked. */
export const SET_RULES: readonly SetRule[] = [
  duplicateGlobalId,
  unknownEdgeTarget,
  unknownAbility,
  unknownMilestone,
];

export const RULES: readonly Rule[] = [...FILE_RULES, ...SET_RULES];
