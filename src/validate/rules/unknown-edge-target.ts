import { didYouMean, didYouMeanOr } from '../../util/suggest';
import { levelIdsByLadder, type SetRule } from '../rule';

/** Advancement edges must lead to a level that exists, in this ladder or another. */
export const unknownEdgeTarget: SetRule = {
  code: 'unknown-edge-target',
  severity: 'error',
  description:
    'A level advances (`next`) to a level or ladder that does not exist; use `{ planned: Title }` for targets not written yet.',
  checkSet(sources, report) {
    const levels = levelIdsByLadder(sources);
    for (const source of sources) {
      source.ladder.levels.forEach((level, i) => {
        level.next?.forEach((edge, k) => {
          if (typeof edge !== 'string') return;
          const [ladderId, levelId] = edge.includes('/')
            ? (edge.split('/') as [string, string])
            : [source.ladder.id, edge];
          const targetLevels = levels.get(ladderId);
          if (!targetLevels) {
            report(
              source,
              ['levels', i, 'next', k],
              `Level ${level.id} advances to unknown ladder \`${ladderId}\`${didYouMean(ladderId, levels.keys())}; write \`{ planned: Title }\` if it is not written yet.`,
            );
          } else if (!targetLevels.has(levelId)) {
            report(
              source,
              ['levels', i, 'next', k],
              `Level ${level.id} advances to unknown level \`${levelId}\` of ladder \`${ladderId}\`${didYouMeanOr(levelId, targetLevels, `its levels are ${[...targetLevels].join(', ')}`)}`,
            );
          } else if (ladderId === source.ladder.id && levelId === level.id) {
            report(
              source,
              ['levels', i, 'next', k],
              `Level ${level.id} advances to itself; remove this edge.`,
            );
          }
        });
      });
    }
  },
};
