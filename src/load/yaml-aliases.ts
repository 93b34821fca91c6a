/**
 * Where an alias makes a document's data go wrong, found by walking the document once in the
 * order `toJS` builds it: an alias that names no anchor, that expands to too much, or that
 * stands inside the node its anchor names.
 */
import { type Alias, type Document, isAlias, isCollection, isPair, type Node, visit } from 'yaml';

/** How often an anchored node has been used so far, and the weight `yaml` gives it. */
interface Uses {
  count: number;
  aliasCount: number;
}

/**
 * The alias at which `toJS({ maxAliasCount })` gives up: the first that names no anchor before
 * it, or whose node's uses times the weight of the aliases inside that node pass the limit. The
 * count is `yaml`'s own (`Alias.resolve`), so that the alias reported is the one it stopped at.
 */
export function excessiveAlias(doc: Document, maxAliases: number): Alias | undefined {
  const anchored = new Map<string, Node>();
  const uses = new Map<Node, Uses>();
  const targets = new Map<Alias, Node>();
  // The weight of a node: 1 for a value, the largest uses × weight of an alias inside it.
  const weight = (node: unknown): number => {
    if (isAlias(node)) {
      const target = targets.get(node);
      const used = target && uses.get(target);
      return used ? used.count * used.aliasCount : 0;
    }
    if (isPair(node)) return Math.max(weight(node.key), weight(node.value));
    if (!isCollection(node)) return 1;
    let most = 0;
    for (const item of node.items) most = Math.max(most, weight(item));
    return most;
  };
  let found: Alias | undefined;
  visit(doc, {
    Node(_key, node) {
      if (!isAlias(node)) {
        if (node.anchor !== undefined) {
          anchored.set(node.anchor, node);
          uses.set(node, { count: 1, aliasCount: 0 });
        }
        return undefined;
      }
      const target = anchored.get(node.source);
      const used = target && uses.get(target);
      if (!target || !used) {
        found = node;
        return visit.BREAK;
      }
      targets.set(node, target);
      // With no aliases allowed, the library refuses the first one; below 0 it counts none.
      if (maxAliases === 0) {
        found = node;
        return visit.BREAK;
      }
      if (maxAliases < 0) return undefined;
      used.count += 1;
      if (used.aliasCount === 0) used.aliasCount = weight(target);
      if (used.count * used.aliasCount > maxAliases) {
        found = node;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * The first alias that stands inside the node its anchor names, which `toJS` turns into data
 * that contains itself. One walk: an alias names the last node before it with that anchor, as
 * `yaml` resolves it.
 */
export function recursiveAlias(doc: Document): Alias | undefined {
  const anchored = new Map<string, Node>();
  let found: Alias | undefined;
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) {
        const target = anchored.get(node.source)?.range;
        const at = node.range?.[0];
        if (target && at !== undefined && target[0] <= at && at < target[2]) {
          found = node;
          return visit.BREAK;
        }
      } else if (node.anchor !== undefined) anchored.set(node.anchor, node);
      return undefined;
    },
  });
  return found;
}

/** The anchors set before `offset` in `doc`, in document order: what an alias there may name. */
export function anchorsBefore(doc: Document, offset: number): string[] {
  const names: string[] = [];
  visit(doc, {
    Node(_key, node) {
      if (!isAlias(node) && node.anchor !== undefined && (node.range?.[0] ?? offset) < offset)
        names.push(node.anchor);
      return undefined;
    },
  });
  return names;
}
