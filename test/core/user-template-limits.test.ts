import {
  parseUserTemplateFile,
  parseUserTemplateText,
  serializeUserTemplates,
  USER_TEMPLATE_LIMITS,
  userTemplateErrors,
  type UserTemplate,
} from '../../src/core/templates';

const row = { level1: '1', level2: '11', name: '培训人次', period: '≥200人次', annual: '≥200人次' };
const file = (templates: unknown[], extra: Record<string, unknown> = {}) => ({ format: 'jixiao-templates', version: 1, ...extra, templates });
const errorsOf = (json: unknown) => {
  const result = parseUserTemplateFile(json);
  return result.ok ? [] : result.errors;
};
const text = (json: unknown) => JSON.stringify(json);

describe('user template files: size and syntax', () => {
  test('text over 1 MB is refused before it is parsed', () => {
    const big = text(file([{ id: 'a', name: 'x'.repeat(USER_TEMPLATE_LIMITS.fileBytes), rows: [row] }]));
    expect(parseUserTemplateText(big)).toMatchObject({ ok: false, problem: 'too-large', errors: ['模板数据超过 1 MB 的上限（1048576 字节），没有读取。'] });
    expect(USER_TEMPLATE_LIMITS.fileBytes).toBe(1_048_576);
  });

  test('text that is not JSON is named as such', () => {
    expect(parseUserTemplateText('{"format": "jixiao-templates",')).toMatchObject({ ok: false, problem: 'not-json', errors: ['这不是 JSON 文本，无法读取。'] });
  });

  test('a byte-order mark is tolerated; an exported file reads back exactly', () => {
    const template: UserTemplate = { id: 'u1', name: '培训', rows: [{ level1: '1', level2: '11', name: '培训人次', period: { kind: 'quantity', comparator: '≥', number: '200', unit: '人次' }, annual: { kind: 'qualitative', text: '优秀' } }] };
    expect(parseUserTemplateText(`\uFEFF${serializeUserTemplates([template])}`)).toEqual({ ok: true, templates: [template] });
  });
});

describe('user template files: field types', () => {
  test('each wrongly typed field is named, with its template and row', () => {
    expect(errorsOf(file([{ id: 7, name: ['x'], rows: [{ ...row, level1: 1, period: 95, annual: null }] }]))).toEqual([
      '第 1 个模板缺少编号“id”。',
      '第 1 个模板缺少名称“name”。',
      '第 1 个模板第 1 项指标的一级指标编码“1”不在指标体系中。',
      '第 1 个模板第 1 项指标的实施周期指标值应为文本（如 "≥95%"，可为空）。',
      '第 1 个模板第 1 项指标的年度指标值应为文本（如 "≥95%"，可为空）。',
    ]);
    expect(errorsOf(file([{ id: 'a', name: 'x', rows: 'all' }]))).toEqual(['第 1 个模板的“rows”应为至少含一项指标的数组。']);
    expect(errorsOf(file([{ id: 'a', name: 'x', rows: [[]] }]))).toEqual(['第 1 个模板第 1 项指标应为一个对象。']);
    expect(errorsOf({ format: 'jixiao-templates', version: '1', templates: {} })).toEqual(['不支持的模板文件版本“1”，应为 1。', '模板文件缺少“templates”数组。']);
    expect(errorsOf([file([])])).toEqual(['模板文件应为一个 JSON 对象。']);
  });
});

describe('user template files: lengths and counts', () => {
  const { nameLength, idLength, rowNameLength, valueLength, rowsPerTemplate, templates } = USER_TEMPLATE_LIMITS;

  test('the limits', () => {
    expect(USER_TEMPLATE_LIMITS).toEqual({ fileBytes: 1_048_576, templates: 500, rowsPerTemplate: 100, idLength: 64, nameLength: 200, rowNameLength: 200, valueLength: 500 });
  });

  test('names, ids and values up to their limits load; one character more is refused with both numbers', () => {
    const atLimit = { id: 'i'.repeat(idLength), name: '名'.repeat(nameLength), rows: [{ ...row, name: '指'.repeat(rowNameLength), annual: '优'.repeat(valueLength) }] };
    expect(parseUserTemplateFile(file([atLimit])).ok).toBe(true);
    expect(errorsOf(file([{ ...atLimit, id: 'i'.repeat(idLength + 1) }]))).toEqual(['第 1 个模板的编号“id”有 65 个字符，超过 64 个字符的上限。']);
    expect(errorsOf(file([{ ...atLimit, name: '名'.repeat(nameLength + 1) }]))).toEqual(['第 1 个模板的名称“name”有 201 个字符，超过 200 个字符的上限。']);
    expect(errorsOf(file([{ ...atLimit, rows: [{ ...row, name: '指'.repeat(rowNameLength + 1) }] }]))).toEqual([
      '第 1 个模板第 1 项指标的名称“name”有 201 个字符，超过 200 个字符的上限。',
    ]);
    expect(errorsOf(file([{ ...atLimit, rows: [row, { ...row, period: '优'.repeat(valueLength + 1) }] }]))).toEqual([
      '第 1 个模板第 2 项指标的实施周期指标值有 501 个字符，超过 500 个字符的上限。',
    ]);
  });

  test('a template whose indicator text would not fit in one Excel cell (32,767 characters) is refused', () => {
    const long = { ...row, name: '指'.repeat(rowNameLength), period: '优'.repeat(valueLength), annual: '良'.repeat(valueLength) };
    expect(errorsOf(file([{ id: 'a', name: 'x', rows: Array.from({ length: 25 }, () => long) }]))).toEqual([]);
    const errors = errorsOf(file([{ id: 'a', name: 'x', rows: Array.from({ length: 40 }, () => long) }]));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^第 1 个模板的指标写入单元格后有 \d{5} 个字符，超过 Excel 单元格 32767 个字符的上限。$/);
  });

  test('at most 100 rows per template and 500 templates per file', () => {
    expect(parseUserTemplateFile(file([{ id: 'a', name: 'x', rows: Array.from({ length: rowsPerTemplate }, () => row) }])).ok).toBe(true);
    expect(errorsOf(file([{ id: 'a', name: 'x', rows: Array.from({ length: rowsPerTemplate + 1 }, () => row) }]))).toEqual(['第 1 个模板有 101 项指标，超过每个模板 100 项的上限。']);
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `u${i + 1}`, name: `t${i + 1}`, rows: [row] }));
    expect(parseUserTemplateFile(file(many(templates))).ok).toBe(true);
    expect(errorsOf(file(many(templates + 1)))).toEqual(['模板文件有 501 个模板，超过 500 个的上限。']);
  });

  test('lists at most 50 problems and counts the rest', () => {
    const errors = errorsOf(file(Array.from({ length: 60 }, (_, i) => ({ id: `u${i}`, name: 'x', rows: [] }))));
    expect(errors).toHaveLength(51);
    expect(errors[0]).toBe('第 1 个模板的“rows”应为至少含一项指标的数组。');
    expect(errors[50]).toBe('……另有 10 个问题未列出。');
  });
});

describe('user template files: unknown and hostile keys', () => {
  test('unknown fields are ignored at every level and not kept', () => {
    const result = parseUserTemplateFile(file([{ id: 'a', name: 'x', colour: 'red', rows: [{ ...row, weight: 3 }] }], { exportedBy: 'someone' }));
    expect(result).toStrictEqual({
      ok: true,
      templates: [{ id: 'a', name: 'x', rows: [{ level1: '1', level2: '11', name: '培训人次', period: { kind: 'quantity', comparator: '≥', number: '200', unit: '人次' }, annual: { kind: 'quantity', comparator: '≥', number: '200', unit: '人次' } }] }],
    });
  });

  test('__proto__ and constructor keys pollute nothing and supply no field', () => {
    const hostile =
      '{"format":"jixiao-templates","version":1,"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},"templates":[' +
      '{"__proto__":{"id":"p","name":"p"},"constructor":{"name":"c"},"rows":[{"__proto__":{"level1":"1"},"level2":"11","name":"n","period":"","annual":""}]},' +
      '{"id":"__proto__","name":"constructor","rows":[{"level1":"1","level2":"11","name":"constructor","period":"","annual":""}]}]}';
    expect(parseUserTemplateText(hostile)).toMatchObject({
      ok: false,
      errors: ['第 1 个模板缺少编号“id”。', '第 1 个模板缺少名称“name”。', '第 1 个模板第 1 项指标的一级指标编码“undefined”不在指标体系中。'],
    });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);

    const ok = parseUserTemplateText(hostile.replace(/\{"__proto__":\{"id":"p","name":"p"\},"constructor":\{"name":"c"\},"rows":\[\{"__proto__":\{"level1":"1"\},/, '{"id":"a","name":"b","rows":[{"level1":"1",'));
    expect(ok.ok && ok.templates.map((t) => [t.id, t.name, Object.keys(t), Object.getPrototypeOf(t) === Object.prototype])).toEqual([
      ['a', 'b', ['id', 'name', 'rows'], true],
      ['__proto__', 'constructor', ['id', 'name', 'rows'], true],
    ]);
  });

  test('fields inherited through a polluted Object.prototype are not read', () => {
    Object.defineProperty(Object.prototype, 'id', { value: 'inherited', configurable: true, writable: true });
    try {
      expect(errorsOf(file([{ name: 'x', rows: [row] }]))).toEqual(['第 1 个模板缺少编号“id”。']);
    } finally {
      delete (Object.prototype as unknown as Record<string, unknown>)['id'];
    }
  });
});

describe('userTemplateErrors', () => {
  test('is empty for a template that would load again, and names the field otherwise', () => {
    const template: UserTemplate = { id: 'u1', name: '培训', rows: [{ level1: '1', level2: '11', name: '培训人次', period: { kind: 'qualitative', text: '优秀' }, annual: { kind: 'qualitative', text: '优秀' } }] };
    expect(userTemplateErrors(template)).toEqual([]);
    expect(userTemplateErrors({ ...template, name: '长'.repeat(201) })).toEqual(['第 1 个模板的名称“name”有 201 个字符，超过 200 个字符的上限。']);
  });
});
