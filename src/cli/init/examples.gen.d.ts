// Types for the module that scripts/build.mjs generates from examples/minimal and ladders.

/** A starter ladder file: its name in the ladders folder and its text. */
export interface ExampleFile {
  readonly name: string;
  readonly text: string;
}

/** The starter ladders of `ladder init --example`, by example name. */
export const examples: {
  readonly minimal: readonly ExampleFile[];
  readonly ops: readonly ExampleFile[];
};
