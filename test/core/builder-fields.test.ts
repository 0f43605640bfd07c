import { builderMessagesFor, checkBuilderRows, type BuilderRow, type BuilderValue } from '../../src/core/builder';
import { createChecker } from '../../src/core/check';
import { PROJECT_RULES } from '../../src/core/rules/registry';

/** Where the builder shows a finding comes from its rule's builderField, not from the cell the finding is on. */

const checker = createChecker();
const context = { projectName: '业务培训', goal: '完成年度业务培训。' };
const quantity = (comparator: '≥' | '≤' | null, number: string, unit: string): BuilderValue => ({ kind: 'quantity', comparator, number, unit });
const qualitative = (text: string): BuilderValue => ({ kind: 'qualitative', text });
const row = (id: string, level1: string, level2: string, name: string, period: BuilderValue, annual: BuilderValue): BuilderRow => ({ id, level1, level2, name, period, annual });
const good: readonly BuilderRow[] = [
  row('a', '1', '11', '培训人次', quantity('≥', '200', '人次'), quantity('≥', '200', '人次')),
  row('b', '2', '22', '业务能力提升', quantity('≥', '90', '%'), quantity('≥', '90', '%')),
  row('c', '3', '31', '参训人员满意度', quantity('≥', '90', '%'), quantity('≥', '90', '%')),
  row('d', '4', '41', '人均培训成本', quantity('≤', '500', '元'), quantity('≤', '500', '元')),
];
const fieldsOf = (rows: readonly BuilderRow[], id: string, rule: string, slots?: 'both' | 'period' | 'annual') =>
  builderMessagesFor(checkBuilderRows(rows, { ...context, ...(slots ? { valueSlots: slots } : {}) }, checker), id)
    .filter((m) => m.rule === rule)
    .map((m) => m.field);

describe('the builder field of a finding', () => {
  test('a value finding naming both values, which differ, is shown on both (it was shown on the annual value only)', () => {
    const rows = [...good, row('u', '1', '12', '合格率', quantity('≥', '95', ''), quantity(null, '95', ''))];
    expect(fieldsOf(rows, 'u', 'value.unit-missing')).toEqual(['period', 'annual']);
  });

  test('two different vague values: the message names both and is shown on both', () => {
    const rows = [...good, row('v', '2', '22', '服务水平', qualitative('有所提升'), qualitative('进一步提高'))];
    const messages = builderMessagesFor(checkBuilderRows(rows, context, checker), 'v').filter((m) => m.rule === 'value.vague');
    expect(messages.map((m) => m.field)).toEqual(['period', 'annual']);
    expect(messages[0]?.message).toContain('有所提升、进一步提高');
  });

  test('a value finding that names one value is shown on that value only', () => {
    const rows = [...good, row('w', '1', '12', '合格率', quantity(null, '95', ''), quantity(null, '95', '%'))];
    expect(fieldsOf(rows, 'w', 'value.unit-missing')).toEqual(['period']);
    const annualOnly = [...good, row('x', '1', '12', '合格率', quantity(null, '95', '%'), quantity(null, '95', ''))];
    expect(fieldsOf(annualOnly, 'x', 'value.unit-missing')).toEqual(['annual']);
  });

  test('the same value twice is shown on both', () => {
    const rows = [...good, row('s', '1', '12', '合格率', quantity(null, '95', ''), quantity(null, '95', ''))];
    expect(fieldsOf(rows, 's', 'value.unit-missing')).toEqual(['period', 'annual']);
  });

  test.each([
    ['annual', 'annual'],
    ['period', 'period'],
  ] as const)('a table asking only the %s value shows a value finding on that value, not on the hidden one (it was shown on both)', (slots, field) => {
    const rows = [...good, row('q', '2', '22', '服务水平', qualitative('有所提升'), qualitative('有所提升'))];
    expect(fieldsOf(rows, 'q', 'value.vague', slots)).toEqual([field]);
  });

  test('both values missing are shown on both; the level a finding names on its own field', () => {
    const rows = [...good, row('m', '1', '', '培训天数', quantity(null, '', ''), quantity(null, '', ''))];
    expect(fieldsOf(rows, 'm', 'indicator.value-missing')).toEqual(['period', 'annual']);
    expect(fieldsOf(rows, 'm', 'indicator.level-missing')).toEqual(['level2']);
  });

  test('a placeholder is shown on the field it is in', () => {
    const rows = [...good, row('p', '1', '11', '培训人次', quantity('≥', '200', '人次'), qualitative('**'))];
    expect(fieldsOf(rows, 'p', 'content.placeholder')).toEqual(['annual']);
  });

  test('every project rule is in the table under its own id', () => {
    for (const [id, rule] of Object.entries(PROJECT_RULES)) expect([id, rule.id, rule.scope]).toEqual([id, id, 'project']);
  });
});
