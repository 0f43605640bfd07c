import { checkWorkbook, detectProfile, GUANGZHOU_PROFILE, NATIONAL_PROFILE, readTables } from '../../src/core';
import { SEED_ROWS, SEED_SHEET } from '../fixtures/seed-grid';
import { REAL_FIXTURES, realGrid } from '../fixtures/real/load';

test('the seed, written in Guangzhou\'s coded string, calls for the Guangzhou profile and still has its one error', () => {
  expect(detectProfile(readTables({ sheets: [SEED_SHEET] }).tables)).toEqual({ profile: GUANGZHOU_PROFILE, reason: 'coded-string' });
  const report = checkWorkbook({ sheets: [SEED_SHEET] });
  expect(report.profile.profile.name).toBe('guangzhou');
  expect(report.findings.filter((f) => f.severity === 'error').map((f) => [f.project, f.rule])).toEqual([['党建引领擦亮广州信访品牌', 'category.effect-missing']]);
});

test.each(REAL_FIXTURES.map((f) => [f.id, f] as const))('%s: no coded string, the national profile', (_id, fixture) => {
  expect(checkWorkbook(realGrid(fixture)).profile).toEqual({ profile: NATIONAL_PROFILE, reason: 'national' });
});

test('a one-cell table whose indicators are not coded is national, and Guangzhou\'s format is not asked of it', () => {
  const uncoded = SEED_ROWS.map((row, r) => (r >= 5 && typeof row[6] === 'string' ? row.map((v, c) => (c === 6 ? '产出指标：培训人次≥200人次；效益指标：培训合格率≥95%' : v)) : row));
  const report = checkWorkbook({ sheets: [{ ...SEED_SHEET, values: uncoded }] });
  expect(report.profile.reason).toBe('national');
  expect(report.findings.map((f) => f.rule)).not.toContain('indicators.format');
});

test('a chosen profile is used as chosen; profiles chosen automatically read tables alike', () => {
  expect(checkWorkbook({ sheets: [SEED_SHEET] }, { profile: NATIONAL_PROFILE }).profile).toEqual({ profile: NATIONAL_PROFILE, reason: 'chosen' });
  expect(GUANGZHOU_PROFILE.costIndicator).toBe(NATIONAL_PROFILE.costIndicator);
});
