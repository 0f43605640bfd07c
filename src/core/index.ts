export * from './grid';
export * from './amounts';
export * from './findings';
export { consequencesByCause } from './consequences';
export * from './table-model';
export { readTables, readSheetTables } from './table-reader';
export * from './taxonomy';
export * from './indicators/value';
export * from './indicators/grammar';
export * from './messages';
// The texts by language are imported from their part's catalogue (locales/ui-texts.ts, cli-texts.ts …), never
// through here, so that each bundle carries only its own layer's texts.
export { TEMPLATE_IDS, isTemplateId, type TemplateId } from './data/template-ids';
export { REPORT_COLUMNS, REPORT_SIGNATURE_COLUMNS, type ReportColumn } from './locales/report-strings';
export { unreadableText, type CliCounts, type UnreadableReason } from './locales/cli-strings';
export { adapterErrorText, profileProblemText, type AdapterError, type ProfileProblem, type WorkbookErrorCode } from './locales/error-strings';
export * from './profile';
export * from './profile-detect';
export type { RuleId, RuleParams } from './rules/rule-ids';
export { RULES } from './rules/registry';
export * from './check';
export * from './writers/block-rewrite';
export { parseSimpleFormula, evaluateSimpleFormula, formulaRanges, formulaText, inRange, type SimpleFormula } from './formula';
