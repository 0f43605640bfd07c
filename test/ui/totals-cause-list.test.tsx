import { screen, within } from '@testing-library/react';
import { checkWorkbook, type CellValue } from '../../src/core';
import { FindingList } from '../../src/ui/FindingList';
import { groupFindings } from '../../src/ui/finding-view';
import { uiStrings } from '../../src/ui/i18n';
import { SEED_ROWS, SEED_SHEET } from '../fixtures/seed-grid';
import { renderFluent } from './render-fluent';

/** The seed with 物业管理费's 财政拨款 (C6) mistyped 98 for 99. */
function typoFindings() {
  const values = SEED_ROWS.map((row, i) => (i === 5 ? row.map((v: CellValue, j) => (j === 2 ? 98 : v)) : row));
  return checkWorkbook({ sheets: [{ ...SEED_SHEET, values }] }).findings;
}

const noop = () => undefined;

describe('the finding list with a totals cause', () => {
  test.each(['zh-CN', 'en-US'] as const)('%s: one error on C6 with its fix; the sums it breaks listed under it, without fixes', (locale) => {
    const strings = uiStrings(locale);
    const findings = typoFindings();
    const groups = groupFindings(findings, [SEED_SHEET.name]);
    renderFluent(<FindingList groups={groups} ignored={new Map()} strings={strings} locale={locale} disabled={false} onSelect={noop} onIgnore={noop} onUnignore={noop} onFix={noop} />);
    // The unit row's group no longer lists its C5 consequence on its own.
    const flat = groups.flatMap((g) => g.projects.flatMap((p) => p.findings));
    expect(flat.filter((f) => f.rule.startsWith('totals.')).map((f) => [f.rule, f.location.cell])).toEqual([['totals.cause', 'C6']]);
    const nested = screen.getByRole('list', { name: strings.consequences });
    const items = within(nested).getAllByRole('listitem');
    expect(items.map((li) => li.textContent?.slice(0, 2))).toEqual(['C5', 'B6']);
    expect(within(nested).queryByRole('button', { name: strings.fix })).toBeNull();
    const cause = nested.closest('li');
    expect(cause?.textContent).toContain(locale === 'zh-CN' ? '应为 99.00' : 'should be 99.00');
    expect(within(cause as HTMLElement).getAllByRole('button', { name: strings.fix })).toHaveLength(1);
  });
});
