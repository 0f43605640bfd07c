import templatesData from '../../src/core/data/templates.json';
import { TEMPLATE_IDS, isTemplateId } from '../../src/core/data/template-ids';
import { TEMPLATE_NAMES, templateName } from '../../src/core/locales/template-texts';

describe('TEMPLATE_IDS', () => {
  it('lists the ids of templates.json, in its order', () => {
    expect([...TEMPLATE_IDS]).toEqual(templatesData.templates.map((t) => t.id));
  });

  it('tells built-in ids from a user template’s', () => {
    expect(isTemplateId('property.complaints')).toBe(true);
    expect(isTemplateId('u1')).toBe(false);
  });
});

describe('templateName', () => {
  it('shows a built-in template under its English name in en-US and as written in zh-CN; a user’s own as written', () => {
    const complaints = { id: 'property.complaints', name: '投诉次数' };
    expect(templateName(complaints, 'zh-CN')).toBe('投诉次数');
    expect(templateName(complaints, 'en-US')).toBe('Number of complaints');
    expect(templateName({ id: 'u1', name: '巡查次数' }, 'en-US')).toBe('巡查次数');
  });

  it('has an English name, in plain ASCII, for every built-in template', () => {
    for (const id of TEMPLATE_IDS) expect(TEMPLATE_NAMES['en-US'].name(id, '')).toMatch(/^[A-Z][ -~]+$/);
  });
});
