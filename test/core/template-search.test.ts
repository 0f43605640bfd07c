import { DEFAULT_TAXONOMY } from '../../src/core/taxonomy';
import { BUILTIN_TEMPLATES, recommendTemplates, searchTemplates, templateToBuilderRow, type IndicatorTemplate } from '../../src/core/templates';

const ids = (templates: readonly IndicatorTemplate[]) => templates.map((t) => t.id);
const byLevel1 = (code: string) => BUILTIN_TEMPLATES.filter((t) => t.level1 === code);
const byLevel2 = (code: string) => BUILTIN_TEMPLATES.filter((t) => t.level2 === code);
const search = (keyword: string) => searchTemplates(BUILTIN_TEMPLATES, { keyword });

describe('searchTemplates: categories', () => {
  test('a 二级 indicator by name, by label and by code finds every template under it', () => {
    const social = byLevel2('22');
    expect(social.length).toBeGreaterThan(10);
    expect(ids(search('社会效益'))).toEqual(ids(social));
    expect(ids(search('22-社会效益'))).toEqual(ids(social));
    expect(ids(search('22－社会效益'))).toEqual(ids(social));
    expect(ids(search('22'))).toEqual(ids(social));
    expect(ids(search('22-社会效益指标'))).toEqual(ids(social));
  });

  test('效益 finds every 效益 template (一级 2), and so do its code and the taxonomy synonym 效果', () => {
    const effect = byLevel1('2');
    expect(new Set(effect.map((t) => t.level2))).toEqual(new Set(['21', '22', '24']));
    expect(ids(search('效益'))).toEqual(ids(effect));
    expect(ids(search('2'))).toEqual(ids(effect));
    // 效果 also appears in some explanations (满意度 of a project's 效果), so the synonym finds at least every 效益 template.
    expect(search('效果指标')).toEqual(expect.arrayContaining(effect));
    expect(ids(search('产出'))).toEqual(ids(byLevel1('1')));
  });

  test('a code matches whole: 1 is 产出, not every template with a 1 in its text', () => {
    expect(ids(search('1'))).toEqual(ids(byLevel1('1')));
    expect(ids(search('12'))).toEqual(ids(byLevel2('12')));
  });

  test('a category word combines with a name word', () => {
    const found = search('社会效益 信访');
    expect(found.length).toBeGreaterThan(0);
    for (const t of found) expect(t.level2).toBe('22');
    expect(found.length).toBeLessThan(byLevel2('22').length);
  });

  test('units are searched', () => {
    const found = search('人次');
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(expect.arrayContaining(BUILTIN_TEMPLATES.filter((t) => t.value.kind === 'quantity' && t.value.unit === '人次')));
  });

  test('synonyms: 满意率 finds the 满意度 templates, 经费 the 成本 ones', () => {
    const satisfaction = search('满意度');
    expect(satisfaction.length).toBeGreaterThan(10);
    expect(ids(search('满意率'))).toEqual(ids(satisfaction));
    const cost = search('成本');
    expect(cost.length).toBeGreaterThan(0);
    expect(search('经费')).toEqual(expect.arrayContaining(cost));
  });
});

describe('recommendTemplates: what the project lacks', () => {
  const project = { projectName: '物业管理费', goal: '做好市人民来访接待厅物业管理服务工作，确保提供优质物业管理服务。' };
  const property = BUILTIN_TEMPLATES.filter((t) => t.projectTypes.includes('property'));
  // The cell already has every 产出 and 满意度 indicator of the property templates, and no 效益.
  const existing = property.filter((t) => t.level1 !== '2').map((t) => templateToBuilderRow(t));

  test('a missing 效益指标 comes before 产出, and says so', () => {
    expect(property.some((t) => t.level1 === '2')).toBe(true);
    const recs = recommendTemplates(BUILTIN_TEMPLATES, project, 12, undefined, { existing, taxonomy: DEFAULT_TAXONOMY });
    expect(recs.length).toBeGreaterThan(0);
    expect(recs[0]?.template.level1).toBe('2');
    expect(recs[0]?.fills).toEqual({ level: 1, label: '2-效益指标' });
    const firstOther = recs.findIndex((r) => r.template.level1 !== '2');
    const lastEffect = recs.map((r) => r.template.level1).lastIndexOf('2');
    if (firstOther >= 0) expect(lastEffect).toBeLessThan(firstOther);
  });

  test('never recommends an indicator the cell already has', () => {
    const recs = recommendTemplates(BUILTIN_TEMPLATES, project, 100, undefined, { existing });
    const had = new Set(existing.map((r) => r.name));
    expect(recs.length).toBeGreaterThan(0);
    for (const r of recs) expect(had.has(r.template.name)).toBe(false);
    // Spaces do not make a different indicator.
    const spaced = [{ ...existing[0]!, name: ` ${existing[0]!.name.split('').join(' ')} ` }];
    expect(recommendTemplates(BUILTIN_TEMPLATES, project, 100, undefined, { existing: spaced }).map((r) => r.template.name)).not.toContain(existing[0]!.name);
  });

  test('a missing 二级 indicator comes before one the project has', () => {
    const quantities = property.filter((t) => t.level2 === '11').map((t) => templateToBuilderRow(t));
    const recs = recommendTemplates(BUILTIN_TEMPLATES, project, 100, undefined, { existing: quantities });
    const firstFilled = recs.findIndex((r) => r.fills === undefined);
    expect(firstFilled).toBeGreaterThan(0);
    for (const r of recs.slice(firstFilled)) expect(r.fills).toBeUndefined();
    for (const r of recs.filter((x) => x.fills?.level === 2)) expect(r.template.level1).toBe('1');
  });
});
