import templatesJson from '../../src/core/data/templates.json';
import { checkBuilderRows, formatBuilderRows, type BuilderRow } from '../../src/core/builder';
import { createChecker } from '../../src/core/check';
import {
  BUILTIN_PROJECT_TYPES,
  BUILTIN_TEMPLATE_LIBRARY,
  BUILTIN_TEMPLATES,
  isSavableRow,
  newUserTemplateId,
  parseUserTemplateFile,
  recommendTemplates,
  searchTemplates,
  serializeUserTemplates,
  templateToBuilderRow,
  userTemplateFromRows,
  userTemplateToBuilderRows,
  validateTemplateLibrary,
  type UserTemplate,
} from '../../src/core/templates';
import { SEED_ROWS } from '../fixtures/seed-grid';

const checker = createChecker();
const library = JSON.parse(JSON.stringify(templatesJson)) as { projectTypes: Record<string, unknown>[]; templates: Record<string, unknown>[] };
const seedGoal = (name: string) => String(SEED_ROWS.find((r) => String(r[0]).trim() === name)?.[5] ?? '');

describe('the built-in library', () => {
  test('is valid, with the 102 templates the README names and at least 5 for each of the 13 project types', () => {
    expect(BUILTIN_TEMPLATE_LIBRARY.ok).toBe(true);
    expect(BUILTIN_TEMPLATES.length).toBe(102);
    expect(BUILTIN_PROJECT_TYPES.map((t) => t.name)).toEqual([
      '物业管理', '信息化建设', '信息化运维', '服务外包/购买服务', '专项业务经费', '宣传/党建', '培训/会议', '设备购置', '工程/维修', '补助/发放', '调研/课题', '执法/监管', '信访/接待',
    ]);
    for (const type of BUILTIN_PROJECT_TYPES) expect(searchTemplates(BUILTIN_TEMPLATES, { projectType: type.id }).length).toBeGreaterThanOrEqual(5);
  });

  test('each project type covers 产出, 效益 and 满意度', () => {
    for (const type of BUILTIN_PROJECT_TYPES) {
      const levels = new Set(searchTemplates(BUILTIN_TEMPLATES, { projectType: type.id }).map((t) => t.level1));
      expect([type.id, ['1', '2', '3'].every((l) => levels.has(l))]).toEqual([type.id, true]);
    }
  });

  test.each(BUILTIN_TEMPLATES.map((t) => [t.id, t] as const))('%s passes the indicator rules', (_id, template) => {
    const row = templateToBuilderRow(template, 't');
    const result = checkBuilderRows([row], { projectName: '测试项目', goal: '完成年度工作任务。' }, checker);
    expect(result.messages.filter((m) => m.rowId === 't' && m.severity === 'error')).toEqual([]);
    expect(result.messages.filter((m) => m.rule.startsWith('builder.') || m.rule.startsWith('indicators.'))).toEqual([]);
  });

  test('templateToBuilderRow pre-fills both values', () => {
    const template = BUILTIN_TEMPLATES.find((t) => t.id === 'training.trainees');
    if (!template) throw new Error('training.trainees');
    const row = templateToBuilderRow(template, 'r');
    expect(row).toEqual({ id: 'r', level1: '1', level2: '11', name: '培训人次', period: template.value, annual: template.value });
    expect(formatBuilderRows([row])).toBe('1、1-产出指标；11-数量指标；培训人次；实施周期指标值:≥200人次；年度指标值:≥200人次。');
  });
});

describe('validateTemplateLibrary', () => {
  const withTemplate = (patch: Record<string, unknown>, index = 0) => {
    const copy = JSON.parse(JSON.stringify(library)) as typeof library;
    copy.templates[index] = { ...copy.templates[index], ...patch };
    return copy;
  };
  const errorsOf = (json: unknown) => {
    const result = validateTemplateLibrary(json);
    return result.ok ? [] : result.errors;
  };
  const firstId = String(library.templates[0]?.['id']);

  test('rejects what is not a library', () => {
    expect(errorsOf(null)).toEqual(['模板库应为一个 JSON 对象。']);
    expect(errorsOf({})).toEqual(['模板库缺少“projectTypes”数组。', '模板库缺少“templates”数组。']);
  });

  test('rejects duplicate ids', () => {
    expect(errorsOf(withTemplate({ id: library.templates[1]?.['id'] }))).toEqual([`模板编号“${String(library.templates[1]?.['id'])}”重复。`]);
  });

  test('rejects unknown codes and a level 2 under the wrong level 1', () => {
    expect(errorsOf(withTemplate({ level1: '9' }))).toEqual([`模板“${firstId}”的一级指标编码“9”不在指标体系中。`]);
    expect(errorsOf(withTemplate({ level1: '2', level2: '12' }))).toEqual([`模板“${firstId}”的二级指标“12-质量指标”不属于一级指标“2-效益指标”。`]);
  });

  test('rejects malformed values, unknown project types and missing explanations, one message each', () => {
    expect(errorsOf(withTemplate({ value: { comparator: '>=', number: '9５', unit: '%' }, projectTypes: ['nope'], explanation: '' }))).toEqual([
      `模板“${firstId}”的项目类型“nope”不存在。`,
      `模板“${firstId}”缺少指标解释“explanation”。`,
      `模板“${firstId}”的比较符“>=”无效，应为 ≥ ≤ ＝ ＞ ＜ 之一或 null。`,
      `模板“${firstId}”的数值“9５”应为半角数字文本，如 "95"。`,
    ]);
    expect(errorsOf(withTemplate({ value: { text: '95%' } }))).toHaveLength(1);
    expect(errorsOf(withTemplate({ value: '≥95%' }))).toHaveLength(1);
  });
});

describe('searchTemplates', () => {
  test('matches every word in name, keywords or explanation', () => {
    const found = searchTemplates(BUILTIN_TEMPLATES, { keyword: '满意度' });
    expect(found.length).toBeGreaterThan(10);
    for (const t of found) expect([t.name, t.explanation, ...t.keywords].join(' ')).toContain('满意度');
    expect(searchTemplates(BUILTIN_TEMPLATES, { keyword: '培训 满意度' }).map((t) => t.id)).toEqual(['training.satisfaction']);
  });

  test('filters by project type; no query gives everything', () => {
    expect(searchTemplates(BUILTIN_TEMPLATES, {})).toHaveLength(BUILTIN_TEMPLATES.length);
    for (const t of searchTemplates(BUILTIN_TEMPLATES, { projectType: 'it-ops' })) expect(t.projectTypes).toContain('it-ops');
    expect(searchTemplates(BUILTIN_TEMPLATES, { keyword: '不存在的词' })).toEqual([]);
  });
});

describe('recommendTemplates', () => {
  test('物业管理费 → 物业 templates first', () => {
    const recs = recommendTemplates(BUILTIN_TEMPLATES, { projectName: '物业管理费', goal: seedGoal('物业管理费') }, 10);
    expect(recs.length).toBe(10);
    expect(recs[0]?.template.projectTypes).toContain('property');
    expect(recs.slice(0, 5).every((r) => r.template.projectTypes.includes('property'))).toBe(true);
    expect(recs[0]?.reasons).toContainEqual({ word: '物业', where: 'name' });
  });

  test('党建引领擦亮广州信访品牌 → 宣传/党建 and 信访 templates', () => {
    const project = { projectName: '党建引领擦亮广州信访品牌', goal: seedGoal('党建引领擦亮广州信访品牌') };
    const recs = recommendTemplates(BUILTIN_TEMPLATES, project, 12);
    const types = new Set(recs.flatMap((r) => r.projectTypes));
    expect(types.has('publicity')).toBe(true);
    expect(types.has('petition')).toBe(true);
    expect(['publicity', 'petition'].some((t) => recs[0]?.template.projectTypes.includes(t))).toBe(true);
    // Deterministic and sorted.
    expect(recommendTemplates(BUILTIN_TEMPLATES, project, 12)).toEqual(recs);
    for (let i = 1; i < recs.length; i++) expect((recs[i - 1]?.score ?? 0) >= (recs[i]?.score ?? 0)).toBe(true);
  });

  test('nothing in common gives nothing; the limit is respected', () => {
    expect(recommendTemplates(BUILTIN_TEMPLATES, { projectName: 'abc', goal: 'xyz' }, 10)).toEqual([]);
    expect(recommendTemplates(BUILTIN_TEMPLATES, { projectName: '信息化运维', goal: '' }, 3)).toHaveLength(3);
  });
});

describe('user templates', () => {
  const rows: BuilderRow[] = [
    { id: 'a', level1: '1', level2: '11', name: '培训人次', period: { kind: 'quantity', comparator: '≥', number: '200', unit: '人次' }, annual: { kind: 'quantity', comparator: '≥', number: '200', unit: '人次' } },
    { id: 'b', level1: '2', level2: '22', name: '能力提升', period: { kind: 'qualitative', text: '有效提升' }, annual: { kind: 'qualitative', text: '有效提升' } },
    { id: 'c', level1: '1', level2: '12', name: '合格率', period: { kind: 'quantity', comparator: null, number: '', unit: '' }, annual: { kind: 'quantity', comparator: null, number: '', unit: '' } },
  ];
  const templates: UserTemplate[] = [userTemplateFromRows('u1', '', rows.slice(0, 1)), userTemplateFromRows('u2', '培训套餐', rows)];

  test('a single row is named after the row; a set keeps its name', () => {
    expect(templates.map((t) => t.name)).toEqual(['培训人次', '培训套餐']);
  });

  test('round trip through the file', () => {
    const text = serializeUserTemplates(templates);
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(parsed['format']).toBe('jixiao-templates');
    expect(parsed['version']).toBe(1);
    const back = parseUserTemplateFile(parsed);
    expect(back).toEqual({ ok: true, templates });
    const builderRows = userTemplateToBuilderRows(templates[1] as UserTemplate);
    expect(formatBuilderRows(builderRows)).toBe(formatBuilderRows(rows));
    expect(new Set(builderRows.map((r) => r.id)).size).toBe(3);
  });

  test('an empty library round-trips', () => {
    expect(parseUserTemplateFile(JSON.parse(serializeUserTemplates([])))).toEqual({ ok: true, templates: [] });
  });

  const errorsOf = (json: unknown) => {
    const result = parseUserTemplateFile(json);
    return result.ok ? [] : result.errors;
  };
  const file = (templatesValue: unknown) => ({ format: 'jixiao-templates', version: 1, templates: templatesValue });
  const goodRow = { level1: '1', level2: '11', name: '培训人次', period: '≥200人次', annual: '≥200人次' };

  test('bad files: one Chinese message per problem', () => {
    expect(errorsOf('x')).toEqual(['模板文件应为一个 JSON 对象。']);
    expect(errorsOf({ format: 'other', version: 2, templates: [] })).toEqual([
      '这不是绩效指标模板文件：“format”应为“jixiao-templates”。',
      '不支持的模板文件版本“2”，应为 1。',
    ]);
    expect(errorsOf({ format: 'jixiao-templates', version: 1 })).toEqual(['模板文件缺少“templates”数组。']);
    expect(errorsOf(file([{ id: 'a', name: 'x', rows: [] }]))).toEqual(['第 1 个模板的“rows”应为至少含一项指标的数组。']);
    expect(errorsOf(file([{ id: 'a', name: 'x', rows: [goodRow] }, { id: 'a', name: 'y', rows: [goodRow] }]))).toEqual(['第 2 个模板的编号“a”与前面的模板重复。']);
    expect(errorsOf(file([{ id: 'a', name: 'x', rows: [{ ...goodRow, level2: '21', period: '>=200人次', annual: 5 }] }]))).toEqual([
      '第 1 个模板第 1 项指标的二级指标“21-经济效益”不属于一级指标“1-产出指标”。',
      '第 1 个模板第 1 项指标的实施周期指标值“>=200人次”写法不规范，应写作“≥200人次”。',
      '第 1 个模板第 1 项指标的年度指标值应为文本（如 "≥95%"，可为空）。',
    ]);
    expect(errorsOf(file([{ id: '', rows: [{ ...goodRow, name: '人次；备注' }] }]))).toEqual([
      '第 1 个模板缺少编号“id”。',
      '第 1 个模板缺少名称“name”。',
      '第 1 个模板第 1 项指标的名称应为非空文字，不能含有“；”“。”或换行。',
    ]);
  });

  test('new ids do not collide; savable rows need levels and a name', () => {
    expect(newUserTemplateId(templates)).toBe('u3');
    expect(newUserTemplateId([{ id: 'u2', name: 'x', rows: [] }])).toBe('u3');
    expect(isSavableRow(rows[0] as BuilderRow)).toBe(true);
    expect(isSavableRow({ ...(rows[0] as BuilderRow), level2: '' })).toBe(false);
    expect(isSavableRow({ ...(rows[0] as BuilderRow), name: ' ' })).toBe(false);
  });
});

describe('names that would be read as values', () => {
  test('are rejected in libraries, user files and savable rows', () => {
    const copy = JSON.parse(JSON.stringify(library)) as typeof library;
    copy.templates[0] = { ...copy.templates[0], name: '年度：任务完成率' };
    const result = validateTemplateLibrary(copy);
    expect(result.ok ? [] : result.errors).toEqual([`模板“${String(library.templates[0]?.['id'])}”的名称“年度：任务完成率”会被读成指标值（如“年度：”“实施周期指标值”开头），请改写。`]);
    const user = parseUserTemplateFile({ format: 'jixiao-templates', version: 1, templates: [{ id: 'a', name: 'x', rows: [{ level1: '1', level2: '11', name: '全年:人次', period: '', annual: '' }] }] });
    expect(user.ok).toBe(false);
    expect(isSavableRow({ id: 'r', level1: '1', level2: '11', name: '实施周期指标值100%', period: { kind: 'qualitative', text: '优秀' }, annual: { kind: 'qualitative', text: '优秀' } })).toBe(false);
  });

  test('names that merely start with 年度 or 实施周期 are fine', () => {
    expect(isSavableRow({ id: 'r', level1: '1', level2: '11', name: '年度任务完成率', period: { kind: 'qualitative', text: '优秀' }, annual: { kind: 'qualitative', text: '优秀' } })).toBe(true);
  });
});
