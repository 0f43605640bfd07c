import { BUILDER_TEXTS } from '../../src/core/locales/builder-texts';
import { templateFileProblemText } from '../../src/core/locales/template-file-strings';
import { parseUserTemplateFile, parseUserTemplateText } from '../../src/core/user-templates';

const row = { level1: '1', level2: '11', name: '培训人次', period: '≥200人次', annual: '≥200人次' };
const bad = {
  format: 'jixiao-templates',
  version: 1,
  templates: [
    { id: 'a', name: '甲', rows: [{ ...row, level1: '9', annual: '≥95%；' }] },
    { id: 'a', rows: [row] },
  ],
};

describe('an imported template file’s problems, by language', () => {
  test('English names each problem in English', () => {
    const parsed = parseUserTemplateFile(bad);
    if (parsed.ok) throw new Error('the file should be refused');
    expect(parsed.problems.map((p) => templateFileProblemText(p, BUILDER_TEXTS['en-US'].templateFile))).toEqual([
      'Template 1, indicator 1: the level-1 indicator code "9" is not in the indicator system.',
      'Template 1, indicator 1, annual value "≥95%；" must not contain "；", "。" or a line break.',
      'Template 2: its id "a" repeats an earlier template\'s; give it another id.',
      'Template 2 has no "name".',
    ]);
  });

  test('Chinese is as before, and the same through the catalogue', () => {
    const parsed = parseUserTemplateFile(bad);
    if (parsed.ok) throw new Error('the file should be refused');
    expect(parsed.errors).toEqual([
      '第 1 个模板第 1 项指标的一级指标编码“9”不在指标体系中。',
      '第 1 个模板第 1 项指标的年度指标值“≥95%；”不能含有“；”“。”或换行。',
      '第 2 个模板的编号“a”与前面的模板重复。',
      '第 2 个模板缺少名称“name”。',
    ]);
    expect(parsed.problems.map((p) => templateFileProblemText(p, BUILDER_TEXTS['zh-CN'].templateFile))).toEqual(parsed.errors);
  });

  test('a text that is not JSON, and the count of problems beyond the listed ones, in English', () => {
    const notJson = parseUserTemplateText('{');
    expect(!notJson.ok && notJson.problems.map((p) => templateFileProblemText(p, BUILDER_TEXTS['en-US'].templateFile))).toEqual(['This is not JSON text and cannot be read.']);
    const many = parseUserTemplateFile({ ...bad, templates: Array.from({ length: 60 }, () => 3) });
    if (many.ok) throw new Error('the file should be refused');
    expect(many.errors.at(-1)).toBe('……另有 10 个问题未列出。');
    expect(templateFileProblemText(many.problems.at(-1) ?? { kind: 'not-json' }, BUILDER_TEXTS['en-US'].templateFile)).toBe('…and 10 more problems not listed.');
  });
});
