import { parseProfile, profileProblemText } from '../../src/core';
import { ERROR_TEXTS } from '../../src/core/locales/error-texts';

describe('parseProfile problems (issue 18)', () => {
  it('gives each mistake as a code, the Chinese errors as before, and English from the en-US bundle', () => {
    const loaded = parseProfile({ severities: { 'no.such-rule': 'error', 'goal.missing': 'fatal' }, roundingTolerance: { 万元: '-1' }, colour: 'red' });
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.problems).toEqual([
      { kind: 'unknown-key', key: 'colour' },
      { kind: 'unknown-rule', rule: 'no.such-rule' },
      { kind: 'bad-severity', rule: 'goal.missing', setting: 'fatal' },
      { kind: 'tolerance-negative', unit: '万元', value: '-1' },
    ]);
    expect(loaded.errors).toEqual(['未知的配置项“colour”。', '未知的规则编号“no.such-rule”。', '规则“goal.missing”的级别“fatal”无效，应为 error、warning、info 或 off。', '尾差容差“万元”的值“-1”不是非负数。']);
    expect(loaded.problems.map((p) => profileProblemText(p, ERROR_TEXTS['en-US']))).toEqual([
      'Unknown setting "colour".',
      'Unknown rule id "no.such-rule".',
      'The level "fatal" of rule "goal.missing" is invalid; it must be error, warning, info or off.',
      'The rounding tolerance for "万元", "-1", is not a non-negative number.',
    ]);
  });

  it('refuses a non-object with its own problem', () => {
    const loaded = parseProfile([]);
    expect(loaded.ok ? [] : loaded.problems).toEqual([{ kind: 'not-object' }]);
    expect(loaded.ok ? [] : loaded.errors).toEqual(['配置文件应为一个 JSON 对象。']);
  });
});
