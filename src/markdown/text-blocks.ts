/**
 * How a block of plain text that a person wrote (a description, a summary, a paragraph of prose,
 * often a YAML `|` block) divides into paragraphs and lists, as a reader of the YAML sees it:
 * blank lines separate paragraphs; a line that starts with `- `, `* `, `+ `, `1. ` or `1) ` is a
 * list item, and an indented line under it continues it; any other line break joins two lines,
 * as in Markdown. Only the division is read: the text of each block stays text (the builders put
 * it in text nodes, which the serialiser escapes), so no other Markdown comes out of it.
 */

/** A paragraph, or a list of items, each as one line of text. */
export type TextBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  | {
      readonly kind: 'list';
      readonly ordered: boolean;
      /** The number of the first item of an ordered list. */
      readonly start: number;
      readonly items: readonly string[];
    };

/** The marker of a list item, and the number of an ordered one. */
const ITEM = /^[ \t]*(?:[-*+]|(\d{1,9})[.)])[ \t]+(?=\S)/;

/** The paragraphs and lists of `value`, in order; blank text gives none. */
export function textBlocks(value: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let lines: string[] = [];
  let list: { ordered: boolean; start: number; items: string[][] } | undefined;
  const endParagraph = () => {
    if (lines.length > 0) blocks.push({ kind: 'paragraph', text: lines.join(' ') });
    lines = [];
  };
  const endList = () => {
    if (list)
      blocks.push({ kind: 'list', ...list, items: list.items.map((item) => item.join(' ')) });
    list = undefined;
  };
  for (const line of value.split('\n')) {
    // A blank line ends a paragraph; a list goes on after one, as long as items follow.
    if (line.trim() === '') {
      endParagraph();
      continue;
    }
    const item = ITEM.exec(line);
    const number = item?.[1];
    // As in CommonMark, a number that only wraps into the start of a line (`in\n2019. We`)
    // does not start a list: only `1.` may interrupt a paragraph.
    if (item && !(number !== undefined && lines.length > 0 && Number(number) !== 1)) {
      endParagraph();
      const ordered = number !== undefined;
      if (list && list.ordered !== ordered) endList();
      list ??= { ordered, start: ordered ? Number(number) : 1, items: [] };
      list.items.push([line.slice(item[0].length)]);
    } else if (list && /^[ \t]/.test(line)) list.items[list.items.length - 1]?.push(line.trim());
    else {
      endList();
      lines.push(line.trim());
    }
  }
  endParagraph();
  endList();
  return blocks;
}
