/** Where in a template file a problem is: a template (by its place, from 1, or a library template by its id), a row of it, a value of the row. */
export interface TemplatePlace {
  readonly template: number | string;
  readonly row?: number;
  readonly value?: 'period' | 'annual';
}

/** A problem of an imported template file (or of the built-in library), one per mistake, as a code with params. */
export type TemplateFileProblem =
  | { readonly kind: 'file-not-object' }
  | { readonly kind: 'wrong-format'; readonly expected: string }
  | { readonly kind: 'wrong-version'; readonly version: string; readonly expected: number }
  | { readonly kind: 'templates-missing' }
  | { readonly kind: 'too-many-templates'; readonly count: number; readonly limit: number }
  | { readonly kind: 'not-object'; readonly place: TemplatePlace }
  | { readonly kind: 'id-missing'; readonly place: TemplatePlace }
  | { readonly kind: 'duplicate-id'; readonly place: TemplatePlace; readonly id: string }
  | { readonly kind: 'name-missing'; readonly place: TemplatePlace }
  | { readonly kind: 'too-long'; readonly place: TemplatePlace; readonly field: 'id' | 'name' | 'value'; readonly length: number; readonly limit: number }
  | { readonly kind: 'rows-missing'; readonly place: TemplatePlace }
  | { readonly kind: 'too-many-rows'; readonly place: TemplatePlace; readonly count: number; readonly limit: number }
  | { readonly kind: 'cell-too-long'; readonly place: TemplatePlace; readonly length: number; readonly limit: number }
  | { readonly kind: 'value-not-text'; readonly place: TemplatePlace }
  | { readonly kind: 'value-separators'; readonly place: TemplatePlace; readonly text: string }
  | { readonly kind: 'value-irregular'; readonly place: TemplatePlace; readonly text: string; readonly canonical: string }
  | { readonly kind: 'name-invalid'; readonly place: TemplatePlace }
  | { readonly kind: 'name-reads-as-label'; readonly place: TemplatePlace; readonly name: string }
  | { readonly kind: 'level1-unknown'; readonly place: TemplatePlace; readonly code: string }
  | { readonly kind: 'level2-unknown'; readonly place: TemplatePlace; readonly code: string }
  | { readonly kind: 'level2-not-under'; readonly place: TemplatePlace; readonly level2: string; readonly level1: string }
  | { readonly kind: 'more'; readonly count: number }
  | { readonly kind: 'too-large'; readonly bytes: number }
  | { readonly kind: 'not-json' };

/** A template file's problems in one language: each says what is wrong and how to fix it. */
export type TemplateFileTexts = {
  readonly [K in TemplateFileProblem['kind']]: (p: Omit<Extract<TemplateFileProblem, { kind: K }>, 'kind'>) => string;
};

/** A template file's problem as `texts` words it. */
export function templateFileProblemText(problem: TemplateFileProblem, texts: TemplateFileTexts): string {
  // A mapped type indexed by a union key: TypeScript cannot see that texts[kind] takes this problem.
  const render = texts[problem.kind] as (p: TemplateFileProblem) => string;
  return render(problem);
}
