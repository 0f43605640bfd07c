import type { BuilderProblemTexts } from '../builder-strings';

/** What the builder says about a row the table could not hold as typed. */
export const builderProblems: BuilderProblemTexts = {
  'number-invalid': () => 'The number must use ASCII digits, e.g. 95 or 0.5 (choose the comparator and unit separately).',
  separator: () => 'Semicolons (；;), full stops (。) and line breaks are not allowed: they separate indicators.',
  misread: () => 'This text would be read as something else (e.g. it starts with “年度：” or “实施周期指标值”, or contains an item number such as “1、产出”). Please reword it.',
  'too-long': (p) => `The indicators are ${p.length} characters long, over Excel's limit of 32,767 characters per cell. Remove indicators or shorten names.`,
  count: () => 'The generated text cannot be read back row by row: check item numbers and punctuation in names and values.',
};
