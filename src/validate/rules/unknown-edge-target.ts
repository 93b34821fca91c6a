import { didYouMean, didYouMeanLevel, knownList } from '../../util/suggest';
import { capitalised, levelName } from '../place';
import { levelIdsByLadder, type SetRule } from '../rule';

/** Advancement edges must lead to a level that exists, in this ladder or another. */
export const unknownEdgeTarget: SetRule = {
  code: 'unknown-edge-target',
  severity: 'error',
  description:
    'A level advances (`next`) to a level or ladder that does not exist; use `{ planned: Title }` for targets not written yet.',
  checkSet(sources, report, { unread }) {
    const levels = levelIdsByLadder(sources);
    for (const source of sources) {
      source.ladder.levels.forEach((level, i) => {
        const name = capitalised(levelName(level, i));
        level.next?.forEach((edge, k) => {
          if (typeof edge !== 'string') return;
          const [ladderId, levelId] = edge.includes('/')
            ? (edge.split('/') as [string, string])
            : [source.ladder.id, edge];
          if (!levels.has(ladderId)) {
            // A ladder file that could not be read (its own errors say why) may well define it.
            if (unread.has(ladderId)) return;
            report(
              source,
              ['levels', i, 'next', k],
              `${name} advances to unknown ladder \`${ladderId}\`.${didYouMean(ladderId, levels.keys())} If it is not written yet, write \`{ planned: Title }\`.`,
            );
            return;
          }
          const targetLevels = levels.get(ladderId);
          // Levels left out for failing the schema: whether `levelId` is one cannot be told.
          if (targetLevels === undefined) return;
          if (!targetLevels.includes(levelId)) {
            report(
              source,
              ['levels', i, 'next', k],
              `${name} advances to unknown level \`${levelId}\` of ladder \`${ladderId}\`.${didYouMeanLevel(levelId, targetLevels) || knownList(`levels of \`${ladderId}\``, targetLevels, 'It has no levels.')}`,
            );
          } else if (ladderId === source.ladder.id && levelId === level.id) {
            report(
              source,
              ['levels', i, 'next', k],
              `${name} advances to itself; remove this edge.`,
            );
          }
        });
      });
    }
  },
};
