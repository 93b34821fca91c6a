/**
 * Text as people read it. A reader does not see an invisible character, cannot tell a Cyrillic
 * `Т` from a Latin `T`, and reads a full-width `ＴＢＤ` as `TBD`; the review compares headings,
 * placeholders and expectations the same way: Unicode NFKC (full-width and other compatibility
 * forms), then without default-ignorable characters (zero-width space, soft hyphen, word
 * joiner, bidi controls ...), then with the common look-alikes of Latin letters folded.
 *
 * The look-alike table is deliberately small: the Cyrillic and Greek capitals and small letters
 * that look like a Latin letter in common fonts. Full-width letters need no entry: NFKC maps them.
 */

const INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;
const INVISIBLE_ALL = /\p{Default_Ignorable_Code_Point}/gu;

/** Look-alike → the Latin letter it passes for, with the script it comes from. */
const LOOKALIKES: ReadonlyMap<string, { readonly latin: string; readonly script: string }> =
  new Map(
    [
      // Cyrillic capitals and small letters.
      ['Cyrillic', 'АA ВB ЕE КK МM НH ОO РP СC ТT ХX УY ЅS ІI ЈJ ԚQ ԜW ҮY ӀI'],
      ['Cyrillic', 'аa еe оo рp сc уy хx ѕs іi јj ԁd һh ԛq ԝw ӏl ѵv'],
      // Greek capitals and small letters.
      ['Greek', 'ΑA ΒB ΕE ΖZ ΗH ΙI ΚK ΜM ΝN ΟO ΡP ΤT ΥY ΧX ϹC'],
      ['Greek', 'οo νv ιi κk ρp ϲc ϳj'],
    ].flatMap(([script = '', pairs = '']) =>
      pairs.split(' ').map((pair) => [pair[0] ?? '', { latin: pair[1] ?? '', script }] as const),
    ),
  );

const LOOKALIKE = new RegExp(`[${[...LOOKALIKES.keys()].join('')}]`, 'u');
const LOOKALIKE_ALL = new RegExp(LOOKALIKE.source, 'gu');

/** Names of the invisible characters people meet most; others are named by code point only. */
const INVISIBLE_NAMES: Readonly<Record<string, string>> = {
  '\u00ad': 'soft hyphen',
  '\u034f': 'combining grapheme joiner',
  '\u180e': 'Mongolian vowel separator',
  '\u200b': 'zero-width space',
  '\u200c': 'zero-width non-joiner',
  '\u200d': 'zero-width joiner',
  '\u200e': 'left-to-right mark',
  '\u200f': 'right-to-left mark',
  '\u2060': 'word joiner',
  '\u2061': 'invisible function application',
  '\u2062': 'invisible times',
  '\u2063': 'invisible separator',
  '\u2064': 'invisible plus',
  '\ufeff': 'zero-width no-break space',
};

const NOT_ASCII = /[^\p{ASCII}]/u;

/**
 * The text as it reads: NFKC, invisible characters removed, look-alikes folded to Latin. Letter
 * case is kept (`TODO` in capitals still shouts). ASCII text is returned as it is.
 */
export function visibleText(text: string): string {
  if (!NOT_ASCII.test(text)) return text;
  let out = text.normalize('NFKC');
  if (INVISIBLE.test(out)) out = out.replace(INVISIBLE_ALL, '');
  if (LOOKALIKE.test(out)) out = out.replace(LOOKALIKE_ALL, (c) => LOOKALIKES.get(c)?.latin ?? c);
  return out;
}

function codePoint(c: string): string {
  return `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * What in `text` a reader does not see as it is: invisible characters, look-alike letters and
 * compatibility forms (full-width letters ...), each described by code point and kind, never
 * quoted; at most `max` distinct ones. Empty for text without any.
 */
export function disguises(text: string, max = 5): string[] {
  if (!NOT_ASCII.test(text)) return [];
  const out = new Set<string>();
  for (const c of text) {
    if (out.size >= max) break;
    if (c.charCodeAt(0) < 0x80) continue;
    if (INVISIBLE.test(c)) {
      const name = INVISIBLE_NAMES[c];
      out.add(`${codePoint(c)} (${name ?? 'an invisible character'})`);
      continue;
    }
    const folded = c.normalize('NFKC');
    const lookalike = LOOKALIKES.get(folded);
    if (lookalike) {
      out.add(
        `${codePoint(c)} (a ${lookalike.script} letter that looks like Latin ${lookalike.latin})`,
      );
    } else if (folded !== c && /^[\x21-\x7e]+$/.test(folded)) {
      const width = c >= '\uff01' && c <= '\uff5e' ? 'full-width' : 'compatibility';
      out.add(`${codePoint(c)} (a ${width} form of ${folded})`);
    }
  }
  return [...out];
}
