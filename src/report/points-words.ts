/**
 * The points line of a packet review, for the comment and the text report: "Points: 12 claimed
 * of 10 required (role max 20)". Numbers only: nothing of the packet's text goes into it.
 */
import type { PointsCheck } from '../review/index';

/** Whether the total meets the minimum, falls short of it, or is above the role's maximum. */
export type PointsState = 'met' | 'short' | 'over';

/** The state of a points total and the line that says it. */
export function pointsLine(points: PointsCheck): { state: PointsState; text: string } {
  const max = points.role?.max;
  const state: PointsState = !points.met
    ? 'short'
    : max !== undefined && points.total > max
      ? 'over'
      : 'met';
  const why = state === 'short' ? ', short' : state === 'over' ? ", above the role's max" : '';
  return {
    state,
    text: `Points: ${points.total} claimed of ${points.required} required${max !== undefined ? ` (role max ${max})` : ''}${why}`,
  };
}
