import type { FormatDeviation } from '../indicators/grammar';
import type { Severity } from '../findings';
import type { ColumnLabel, PlaceholderField, RuleId, RuleParams, TotalsScope, ValueSlot } from '../rules/rule-ids';
import type { ProfileReason } from '../profile-detect';
import type { LayoutKind } from '../table-model';

export type { Locale } from '../locales/types';

/** One language's texts: every rule's message, its one-line title for the catalogue, and the labels they use. */
export interface MessageCatalog {
  readonly messages: { readonly [R in RuleId]: (p: RuleParams[R]) => string };
  readonly titles: { readonly [R in RuleId]: string };
  readonly severity: { readonly [S in Severity]: string };
  readonly column: { readonly [C in ColumnLabel]: string };
  readonly deviation: { readonly [D in FormatDeviation]: string };
  readonly slot: { readonly [V in ValueSlot]: string };
  readonly scope: { readonly [T in TotalsScope]: string };
  readonly field: { readonly [F in PlaceholderField]: string };
  /** What each layout is called where the pane, the page and the CLI say how a table was read. */
  readonly layout: { readonly [L in LayoutKind]: string };
  /** The profile a check ran under, as the summary names it: “规则：广州市（按表格识别…）”. */
  readonly profileUsed: (title: string, reason: ProfileReason) => string;
  readonly listSeparator: string;
}

/** Column keys travel in finding params as a comma list (the parts of a sum); rendered as the catalogue's labels joined by `separator`. */
export function listColumns(catalog: MessageCatalog, codes: string, separator: string): string {
  return codes
    .split(',')
    .filter((code) => code !== '')
    .map((code) => (catalog.column as Readonly<Record<string, string>>)[code] ?? code)
    .join(separator);
}

/** Deviation codes travel in finding params as a comma list, so any locale can render them. */
export function listDeviations(catalog: MessageCatalog, codes: string): string {
  return codes
    .split(',')
    .map((code) => (catalog.deviation as Readonly<Record<string, string>>)[code] ?? code)
    .join(catalog.listSeparator);
}

/** Corrections travel in totals.cause params as "B6=11.00;C6=11.00": each rendered by `each(cell, value)`, joined by `separator`. */
export function listCorrections(corrections: string, each: (cell: string, value: string) => string, separator: string): string {
  return corrections
    .split(';')
    .filter((c) => c !== '')
    .map((c) => {
      const [cell = '', value = ''] = c.split('=');
      return each(cell, value);
    })
    .join(separator);
}

/** totals.consequence's "B6+C6,B7": the cells of each correction joined by `and`, the alternatives by `or`. */
export function listCauses(cause: string, and: string, or: string): string {
  return cause
    .split(',')
    .map((e) => e.split('+').join(and))
    .join(or);
}
