import { formatFinding, type Finding, type Locale } from '../../src/core';

/** The finding's message as the pane, the page and the CLI show it; undefined for no finding. */
export function messageOf(finding: Finding | undefined, locale: Locale = 'zh-CN'): string | undefined {
  return finding && formatFinding(finding, locale);
}

/** One parameter of a finding whatever its rule, for tests that compare findings of several rules at once. */
export function paramOf(finding: Finding | undefined, name: string): unknown {
  return finding ? (finding.params as Readonly<Record<string, unknown>>)[name] : undefined;
}

/** The finding with its rendered message beside it, for comparing with toMatchObject. */
export function withMessage(finding: Finding): Finding & { readonly message: string } {
  return { ...finding, message: formatFinding(finding) };
}
