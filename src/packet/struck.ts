/**
 * Items struck through: `- ~~Pitched the DNS migration~~ (#950)` is work its author withdrew,
 * as a reader of the packet sees it, not evidence.
 */
import type { Nodes } from 'mdast';

const WORD = /[\p{L}\p{N}]/u;

/**
 * Whether an item's own words (`nodes`, its nested lists aside) are all struck through: some text
 * inside `~~…~~` and none outside it but links, code and what `strip` takes out (references and
 * `(addresses: …)` notes).
 */
export function struckThrough(nodes: readonly Nodes[], strip: (text: string) => string): boolean {
  const inside: string[] = [];
  const outside: string[] = [];
  const walk = (node: Nodes, struck: boolean): void => {
    switch (node.type) {
      case 'list':
      case 'link':
      case 'linkReference':
      case 'inlineCode':
      case 'code':
      case 'html':
        return;
      case 'text':
        (struck ? inside : outside).push(node.value);
        return;
      default:
        if ('children' in node)
          for (const child of node.children as Nodes[])
            walk(child, struck || node.type === 'delete');
    }
  };
  for (const node of nodes) walk(node, false);
  return WORD.test(inside.join(' ')) && !WORD.test(strip(outside.join(' ')));
}
