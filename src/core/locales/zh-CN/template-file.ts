import type { TemplateFileTexts, TemplatePlace } from '../template-file-strings';

/** 第 2 个模板第 3 项指标的年度指标值; a library template by its id: 模板“property.area”. */
function where(place: TemplatePlace): string {
  const template = typeof place.template === 'number' ? `第 ${place.template} 个模板` : `模板“${place.template}”`;
  const row = place.row === undefined ? '' : `第 ${place.row} 项指标`;
  const value = place.value === undefined ? '' : place.value === 'period' ? '的实施周期指标值' : '的年度指标值';
  return `${template}${row}${value}`;
}

const FIELDS = { id: '的编号“id”', name: '的名称“name”', value: '' } as const;

export const templateFile: TemplateFileTexts = {
  'file-not-object': () => '模板文件应为一个 JSON 对象。',
  'wrong-format': (p) => `这不是绩效指标模板文件：“format”应为“${p.expected}”。`,
  'wrong-version': (p) => `不支持的模板文件版本“${p.version}”，应为 ${p.expected}。`,
  'templates-missing': () => '模板文件缺少“templates”数组。',
  'too-many-templates': (p) => `模板文件有 ${p.count} 个模板，超过 ${p.limit} 个的上限。`,
  'not-object': (p) => `${where(p.place)}应为一个对象。`,
  'id-missing': (p) => `${where(p.place)}缺少编号“id”。`,
  'duplicate-id': (p) => `${where(p.place)}的编号“${p.id}”与前面的模板重复。`,
  'name-missing': (p) => `${where(p.place)}缺少名称“name”。`,
  'too-long': (p) => `${where(p.place)}${FIELDS[p.field]}有 ${p.length} 个字符，超过 ${p.limit} 个字符的上限。`,
  'rows-missing': (p) => `${where(p.place)}的“rows”应为至少含一项指标的数组。`,
  'too-many-rows': (p) => `${where(p.place)}有 ${p.count} 项指标，超过每个模板 ${p.limit} 项的上限。`,
  'cell-too-long': (p) => `${where(p.place)}的指标写入单元格后有 ${p.length} 个字符，超过 Excel 单元格 ${p.limit} 个字符的上限。`,
  'value-not-text': (p) => `${where(p.place)}应为文本（如 "≥95%"，可为空）。`,
  'value-separators': (p) => `${where(p.place)}“${p.text}”不能含有“；”“。”或换行。`,
  'value-irregular': (p) => `${where(p.place)}“${p.text}”写法不规范，应写作“${p.canonical}”。`,
  'name-invalid': (p) => `${where(p.place)}的名称应为非空文字，不能含有“；”“。”或换行。`,
  'name-reads-as-label': (p) => `${where(p.place)}的名称“${p.name}”会被读成指标值（如“年度：”“实施周期指标值”开头），请改写。`,
  'level1-unknown': (p) => `${where(p.place)}的一级指标编码“${p.code}”不在指标体系中。`,
  'level2-unknown': (p) => `${where(p.place)}的二级指标编码“${p.code}”不在指标体系中。`,
  'level2-not-under': (p) => `${where(p.place)}的二级指标“${p.level2}”不属于一级指标“${p.level1}”。`,
  more: (p) => `……另有 ${p.count} 个问题未列出。`,
  'too-large': (p) => `模板数据超过 1 MB 的上限（${p.bytes} 字节），没有读取。`,
  'not-json': () => '这不是 JSON 文本，无法读取。',
};
