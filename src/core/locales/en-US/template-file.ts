import type { TemplateFileTexts, TemplatePlace } from '../template-file-strings';

/** "Template 2, indicator 3, annual value"; a library template by its id: template "property.area". */
function where(place: TemplatePlace): string {
  const template = typeof place.template === 'number' ? `Template ${place.template}` : `Template "${place.template}"`;
  const row = place.row === undefined ? '' : `, indicator ${place.row}`;
  const value = place.value === undefined ? '' : place.value === 'period' ? ', whole-period value' : ', annual value';
  return `${template}${row}${value}`;
}

const FIELDS = { id: ': its "id"', name: ': its "name"', value: '' } as const;

export const templateFile: TemplateFileTexts = {
  'file-not-object': () => 'The template file must be a JSON object. Export the templates again with “Export” under My templates, and import that file.',
  'wrong-format': (p) => `This is not an indicator template file: "format" must be "${p.expected}".`,
  'wrong-version': (p) => `Template file version "${p.version}" is not supported; it must be ${p.expected}.`,
  'templates-missing': () => 'The template file has no "templates" array.',
  'too-many-templates': (p) => `The template file holds ${p.count} templates, more than the limit of ${p.limit}: split it into smaller files.`,
  'not-object': (p) => `${where(p.place)} must be an object.`,
  'id-missing': (p) => `${where(p.place)} has no "id".`,
  'duplicate-id': (p) => `${where(p.place)}: its id "${p.id}" repeats an earlier template's; give it another id.`,
  'name-missing': (p) => `${where(p.place)} has no "name".`,
  'too-long': (p) => `${where(p.place)}${FIELDS[p.field]} has ${p.length} characters, more than the limit of ${p.limit}: shorten it.`,
  'rows-missing': (p) => `${where(p.place)}: "rows" must be an array of at least one indicator.`,
  'too-many-rows': (p) => `${where(p.place)} has ${p.count} indicators, more than the limit of ${p.limit} per template.`,
  'cell-too-long': (p) => `${where(p.place)}: its indicators written into a cell come to ${p.length} characters, more than Excel's ${p.limit} per cell; split the template.`,
  'value-not-text': (p) => `${where(p.place)} must be text (such as "≥95%", may be empty).`,
  'value-separators': (p) => `${where(p.place)} "${p.text}" must not contain "；", "。" or a line break.`,
  'value-irregular': (p) => `${where(p.place)} "${p.text}" is not written in the standard form: write "${p.canonical}".`,
  'name-invalid': (p) => `${where(p.place)}: the name must be non-empty text without "；", "。" or a line break.`,
  'name-reads-as-label': (p) => `${where(p.place)}: the name "${p.name}" would be read as a value (it starts like "年度：" or "实施周期指标值"); rename it.`,
  'level1-unknown': (p) => `${where(p.place)}: the level-1 indicator code "${p.code}" is not in the indicator system.`,
  'level2-unknown': (p) => `${where(p.place)}: the level-2 indicator code "${p.code}" is not in the indicator system.`,
  'level2-not-under': (p) => `${where(p.place)}: the level-2 indicator "${p.level2}" does not belong to the level-1 indicator "${p.level1}".`,
  more: (p) => `…and ${p.count} more problems not listed.`,
  'too-large': (p) => `The template data is over the 1 MB limit (${p.bytes} bytes) and was not read.`,
  'not-json': () => 'This is not JSON text and cannot be read.',
};
