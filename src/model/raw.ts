/**
 * The ladder file as written in YAML, after it passed the JSON Schema
 * (`schema/ladder.schema.json`). `test/model/schema-types.test.ts` keeps the two in step.
 */

/** An advancement edge as written: `L2`, `other-ladder/L2`, or `{ planned: Title, track? }`. */
export type RawEdge = string | { readonly planned: string; readonly track?: string };

/** A statement as written in `expectations`: text, or an object with an id and details. */
export type RawStatement =
  | string
  | {
      readonly id?: string;
      readonly text: string;
      readonly rating?: string;
      readonly examples?: readonly string[];
      readonly signals?: readonly string[];
      readonly links?: readonly { readonly url: string; readonly title?: string }[];
    };

/** An item with an id, a title and an optional description (tracks, bands, ratings). */
export interface RawNamed {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
}

/** A range of point totals. */
export interface RawPointRange {
  readonly min?: number;
  readonly max?: number;
}

/** One level as written. */
export interface RawLevel {
  readonly id: string;
  readonly title: string;
  readonly label?: string;
  readonly grade?: number;
  readonly track?: string;
  readonly band?: string;
  readonly formerly?: readonly string[];
  readonly aliases?: readonly string[];
  readonly theme?: string;
  readonly focus?: readonly string[];
  readonly summary?: string;
  readonly prose?: readonly string[];
  readonly transition?: string;
  readonly impact?: string;
  readonly influence?: string;
  readonly expectations?: Readonly<Record<string, readonly RawStatement[]>>;
  readonly requires?: readonly string[];
  readonly abilities?: Readonly<Record<string, number>>;
  readonly points?: { readonly min: number };
  readonly next?: readonly RawEdge[];
}

/** How the pages title and attribute one part of a ladder, as written. */
export interface RawPart {
  readonly title?: string;
  readonly intro?: string;
  readonly source?: string;
}

/** The parts of a ladder that `parts` can title and attribute. */
export type PartName =
  | 'description'
  | 'levels'
  | 'aliases'
  | 'themes'
  | 'threads'
  | 'questions'
  | 'signals'
  | 'areas'
  | 'sections'
  | 'abilities'
  | 'roles';

/** An item of a section's list as written: a statement, or a titled text. */
export type RawSectionItem = string | { readonly title: string; readonly text: string };

/** One ladder file as written. */
export interface RawLadder {
  readonly id: string;
  readonly title: string;
  readonly version?: string;
  readonly description?: string;
  readonly cumulative?: boolean;
  readonly source?: readonly {
    readonly id?: string;
    readonly title: string;
    readonly url?: string;
    readonly note?: string;
    readonly details?: Readonly<Record<string, string>>;
  }[];
  readonly owners?: readonly string[];
  readonly evidence?: { readonly minimum?: number };
  readonly groups?: readonly {
    readonly id: string;
    readonly title: string;
    readonly description?: string;
    readonly owners?: readonly string[];
  }[];
  readonly dimensions?: readonly {
    readonly id: string;
    readonly title: string;
    readonly group?: string;
    readonly description?: string;
    readonly owners?: readonly string[];
    readonly aliases?: readonly string[];
    readonly from?: string;
    readonly tracks?: readonly string[];
  }[];
  readonly tracks?: readonly RawNamed[];
  readonly bands?: readonly RawNamed[];
  readonly ratings?: readonly RawNamed[];
  readonly levels: readonly RawLevel[];
  readonly threads?: readonly {
    readonly id: string;
    readonly title: string;
    readonly subtitle?: string;
    readonly summary?: string;
    readonly steps: Readonly<Record<string, string>>;
  }[];
  readonly signals?: readonly {
    readonly id: string;
    readonly title: string;
    readonly tone: 'warning' | 'growth';
    readonly items: readonly string[];
  }[];
  readonly questions?: readonly { readonly text: string; readonly focus?: string }[];
  readonly areas?: readonly {
    readonly id: string;
    readonly title: string;
    readonly description?: string;
  }[];
  readonly parts?: { readonly [K in PartName]?: RawPart };
  readonly sections?: readonly {
    readonly title: string;
    readonly subtitle?: string;
    readonly source?: string;
    readonly paragraphs?: readonly string[];
    readonly items?: readonly RawSectionItem[];
    readonly closing?: string;
  }[];
  readonly abilities?: readonly {
    readonly id: string;
    readonly title: string;
    readonly group?: string;
    readonly version?: string;
    readonly description?: string;
    readonly owners?: readonly string[];
    readonly scoring?: 'added' | 'held';
    readonly firstMilestone?: 0 | 1;
    readonly milestones: readonly {
      readonly points: number;
      readonly label?: string;
      readonly summary?: string;
      readonly examples?: readonly string[];
      readonly signals?: readonly string[];
    }[];
  }[];
  readonly roles?: readonly {
    readonly id: string;
    readonly title: string;
    readonly description?: string;
    readonly requires?: Readonly<Record<string, number>>;
    readonly points?: RawPointRange;
  }[];
}
