// Issue 17 item 9: a number stored as text read “111.32 → 111.32” in the fix preview; it now says what changes.
import { screen } from '@testing-library/react';
import type { Fix, Locale } from '../../src/core';
import { FixDialog } from '../../src/ui/FindingDialogs';
import { uiStrings } from '../../src/ui/i18n';
import { renderFluent } from './render-fluent';

const at = (cell: string, row: number, col: number) => ({ sheet: '表', cell, row, col });
const textToNumber: Fix = { location: at('C11', 10, 2), expected: '111.32', value: 111.32 };
const indicatorText: Fix = { location: at('G7', 6, 6), expected: '1、1-产出指标,12-质量指标', value: '1、1-产出指标；12-质量指标' };

function preview(locale: Locale, fixes: readonly Fix[]) {
  renderFluent(<FixDialog title="修正" fixes={fixes} strings={uiStrings(locale)} formulas={new Map()} onConfirm={() => undefined} onClose={() => undefined} />);
  return screen.getAllByText((_, element) => element?.tagName === 'PRE').map((element) => element.textContent);
}

describe('the fix preview of a number stored as text', () => {
  it('says the text becomes a number: 文本“111.32” → 数值 111.32', () => {
    expect(preview('zh-CN', [textToNumber])).toEqual(['文本“111.32”', '数值 111.32']);
  });

  it('in English too', () => {
    expect(preview('en-US', [textToNumber])).toEqual(['text “111.32”', 'number 111.32']);
  });

  it('shows a text fix as the texts themselves, unlabelled', () => {
    expect(preview('zh-CN', [indicatorText])).toEqual([indicatorText.expected, indicatorText.value]);
  });
});
