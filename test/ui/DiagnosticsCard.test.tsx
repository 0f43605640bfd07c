import { screen } from '@testing-library/react';
import { DiagnosticsCard } from '../../src/ui/DiagnosticsCard';
import { uiStrings } from '../../src/ui/i18n';
import { renderFluent } from './render-fluent';

const sets = [
  { version: '1.1', supported: true },
  { version: '1.2', supported: true },
  { version: '1.3', supported: false },
];

function show(host: string | null, platform: string | null, locale: 'zh-CN' | 'en-US' = 'zh-CN') {
  return renderFluent(<DiagnosticsCard host={host} platform={platform} excelApi={sets} strings={uiStrings(locale).diagnostics} />);
}

describe('DiagnosticsCard', () => {
  it('shows host, platform, the highest set and each set with a Chinese label', () => {
    show('Excel', 'PC');
    expect(screen.getByRole('heading', { name: '运行环境诊断' })).toBeTruthy();
    expect(screen.getByText('Excel')).toBeTruthy();
    expect(screen.getByText('PC')).toBeTruthy();
    expect(screen.getByText('1.2')).toBeTruthy(); // highest supported
    expect(screen.getByLabelText('ExcelApi 1.1：支持')).toBeTruthy();
    expect(screen.getByLabelText('ExcelApi 1.3：不支持')).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
  });

  it('says so when not running inside Office', () => {
    show(null, null);
    expect(screen.getByText('未知（不在 Office 中运行）')).toBeTruthy();
    expect(screen.getByText('未知')).toBeTruthy();
  });

  it('speaks English in an English Office', () => {
    show('Excel', 'Mac', 'en-US');
    expect(screen.getByRole('heading', { name: 'Diagnostics' })).toBeTruthy();
    expect(screen.getByLabelText('ExcelApi 1.3：not supported')).toBeTruthy();
  });
});
