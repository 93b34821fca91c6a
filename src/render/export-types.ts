/**
 * The shapes of the JSON exports (export-json.ts builds them): the documented contract for other
 * tools, described for them by `ladder-export.schema.json`. Optional fields are left out when
 * the ladder does not set them; paths are relative to the pages folder.
 */
import type { Edge, Named, PointRange, Statement } from '../model/types';

/** An ability in a ladder export. */
export interface AbilityExport {
  readonly id: string;
  readonly title: string;
  readonly version?: string;
  readonly description?: string;
  readonly owners: readonly string[];
  readonly page: string;
  readonly group?: string;
  /** `added`: a milestone adds its points to the earlier ones'; `held`: its points are the total. */
  readonly scoring: 'added' | 'held';
  readonly milestones: readonly {
    readonly number: number;
    readonly points: number;
    readonly label?: string;
    readonly summary?: string;
    readonly examples: readonly string[];
    readonly signals: readonly string[];
  }[];
}

/** A statement in a ladder export: its id (written or derived) and what it carries. */
export type StatementExport = Statement;

/** A role in a ladder export. */
export interface RoleExport {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly requires: readonly {
    readonly ladder: string;
    readonly ability: string;
    readonly milestone: number;
  }[];
  readonly points?: PointRange;
}

/** A level in a ladder export. */
export interface LevelExport {
  readonly id: string;
  readonly title: string;
  readonly label?: string;
  readonly grade?: number;
  readonly track?: string;
  readonly band?: string;
  readonly page: string;
  readonly formerly: readonly string[];
  readonly aliases: readonly string[];
  readonly theme?: string;
  readonly focus: readonly string[];
  readonly summary?: string;
  readonly prose: readonly string[];
  readonly transition?: string;
  readonly impact?: string;
  readonly influence?: string;
  readonly expectations: readonly {
    readonly dimension: string;
    /** The statements' texts (as in format 1), in order. */
    readonly statements: readonly string[];
    /** The same statements with their ids, ratings, examples, signals and links. */
    readonly items: readonly StatementExport[];
  }[];
  readonly requires: readonly string[];
  readonly abilities: readonly {
    readonly ladder: string;
    readonly ability: string;
    readonly milestone: number;
  }[];
  readonly points?: { readonly min: number };
  readonly next: readonly Edge[];
}

/** How the pages title and attribute one part of a ladder. */
export interface PartExport {
  readonly title?: string;
  readonly intro?: string;
  readonly source?: string;
}

/** `<ladder>.json`: one ladder file's ladder, abilities and roles. */
export interface LadderFileExport {
  readonly $comment: string;
  readonly $schema: string;
  readonly format: 'ladder-as-code/ladder';
  readonly formatVersion: number;
  readonly source: string;
  readonly ladder: {
    readonly id: string;
    readonly title: string;
    readonly version?: string;
    readonly description?: string;
    readonly cumulative?: boolean;
    readonly page: string;
    readonly about?: string;
    readonly source: readonly {
      readonly id?: string;
      readonly title: string;
      readonly url?: string;
      readonly note?: string;
      readonly details: readonly { readonly label: string; readonly text: string }[];
    }[];
    readonly parts: Readonly<Record<string, PartExport>>;
    readonly owners: readonly string[];
    readonly evidenceMinimum?: number;
    readonly groups: readonly {
      readonly id: string;
      readonly title: string;
      readonly description?: string;
      readonly owners: readonly string[];
    }[];
    readonly dimensions: readonly {
      readonly id: string;
      readonly title: string;
      readonly group?: string;
      readonly description?: string;
      readonly owners: readonly string[];
      /** The first level that expects it, when the ladder says. */
      readonly from?: string;
      /** The tracks whose levels it applies to, when the ladder says. */
      readonly tracks?: readonly string[];
    }[];
    readonly tracks: readonly Named[];
    readonly bands: readonly Named[];
    readonly ratings: readonly Named[];
    readonly levels: readonly LevelExport[];
    readonly threads: readonly {
      readonly id: string;
      readonly title: string;
      readonly subtitle?: string;
      readonly summary?: string;
      readonly steps: readonly { readonly level: string; readonly text: string }[];
    }[];
    readonly signals: readonly {
      readonly id: string;
      readonly title: string;
      readonly tone: 'warning' | 'growth';
      readonly items: readonly string[];
    }[];
    readonly questions: readonly { readonly text: string; readonly focus?: string }[];
    readonly areas: readonly {
      readonly id: string;
      readonly title: string;
      readonly description?: string;
    }[];
    readonly sections: readonly {
      readonly title: string;
      readonly subtitle?: string;
      readonly source?: string;
      readonly paragraphs: readonly string[];
      readonly items: readonly (string | { readonly title: string; readonly text: string })[];
      readonly closing?: string;
    }[];
  };
  readonly abilities: readonly AbilityExport[];
  readonly roles: readonly RoleExport[];
}

/** `index.json`: every ladder, ability and role, with the files that hold them. */
export interface IndexExport {
  readonly $comment: string;
  readonly $schema: string;
  readonly format: 'ladder-as-code/index';
  readonly formatVersion: number;
  readonly ladders: readonly {
    readonly id: string;
    readonly title: string;
    readonly version?: string;
    readonly description?: string;
    readonly source: string;
    readonly page: string;
    readonly json: string;
    readonly csv: string;
    readonly levels: readonly {
      readonly id: string;
      readonly title: string;
      readonly label?: string;
      readonly page: string;
    }[];
  }[];
  readonly abilities: readonly {
    readonly id: string;
    readonly title: string;
    readonly ladder: string;
    readonly page: string;
    readonly milestones: number;
  }[];
  readonly roles: readonly (RoleExport & { readonly ladder: string })[];
}
