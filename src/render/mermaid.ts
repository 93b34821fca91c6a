/**
 * The career paths of a ladder as a Mermaid flowchart (GitHub draws it). Node ids are generated
 * (`level0`, `other0`, `planned0`), never taken from the YAML, so no id can clash with Mermaid's
 * keywords; labels are quoted and every character outside a small safe set is written as a
 * Mermaid entity code (`#35;`), so titles cannot break out of their label.
 */
import { incomingEdges } from '../model/lookup';
import type { Ladder, Model } from '../model/types';
import { findLadder, levelName } from './site';

/** Escapes text for a quoted Mermaid label (`["..."]`). */
export function mermaidLabel(value: string): string {
  return [...value.replace(/\s+/g, ' ').trim()]
    .map((ch) => (/^[\p{L}\p{N} .,:()'/_-]$/u.test(ch) ? ch : `#${ch.codePointAt(0)};`))
    .join('');
}

/** What kinds of node the diagram holds, for its legend. */
export interface DiagramKinds {
  readonly otherLadders: boolean;
  readonly planned: boolean;
}

/**
 * The flowchart source: this ladder's levels and their edges, edges to and from levels of
 * other ladders (rounded nodes), and planned targets (dashed nodes, dotted edges).
 */
export function careerPaths(model: Model, ladder: Ladder): { source: string; kinds: DiagramKinds } {
  const lines = ['flowchart LR'];
  const ids = new Map<string, string>();
  ladder.levels.forEach((level, i) => {
    const id = `level${i}`;
    ids.set(level.id, id);
    lines.push(`  ${id}["${mermaidLabel(levelName(level))}"]`);
  });
  const others = new Map<string, string>();
  const otherNode = (ladderId: string, levelId: string): string => {
    const key = `${ladderId}/${levelId}`;
    const known = others.get(key);
    if (known) return known;
    const id = `other${others.size}`;
    others.set(key, id);
    const target = findLadder(model, ladderId);
    const level = target?.levels.find((l) => l.id === levelId);
    const label = target && level ? `${target.title}: ${levelName(level)}` : key;
    lines.push(`  ${id}(["${mermaidLabel(label)}"])`);
    return id;
  };
  const planned = new Map<string, string>();
  const edges: string[] = [];
  for (const level of ladder.levels) {
    const from = ids.get(level.id) ?? '';
    for (const edge of level.next) {
      if (edge.kind === 'planned') {
        let id = planned.get(edge.title);
        if (!id) {
          id = `planned${planned.size}`;
          planned.set(edge.title, id);
          lines.push(`  ${id}["${mermaidLabel(`${edge.title} (TBD)`)}"]:::planned`);
        }
        edges.push(`  ${from} -.-> ${id}`);
      } else if (edge.ladder === ladder.id) {
        edges.push(`  ${from} --> ${ids.get(edge.level) ?? otherNode(edge.ladder, edge.level)}`);
      } else {
        edges.push(`  ${from} --> ${otherNode(edge.ladder, edge.level)}`);
      }
    }
  }
  // Levels of other ladders that lead into this one.
  for (const edge of incomingEdges(model, ladder.id))
    if (ids.has(edge.to))
      edges.push(`  ${otherNode(edge.from.id, edge.level.id)} --> ${ids.get(edge.to)}`);
  lines.push(...edges);
  if (planned.size > 0) lines.push('  classDef planned stroke-dasharray: 5 5');
  return {
    source: lines.join('\n'),
    kinds: { otherLadders: others.size > 0, planned: planned.size > 0 },
  };
}
