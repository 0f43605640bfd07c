import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { BUILTIN_TEMPLATES, templateToBuilderRow } from '../../../src/core/templates';
import { TemplateLibrary } from '../../../src/ui/builder/TemplateLibrary';
import { renderFluent } from '../render-fluent';

const library = () => screen.getByRole('list', { name: '模板库' });
const names = () => within(library()).getAllByRole('listitem').map((li) => li.getAttribute('aria-label'));

function renderLibrary(builderRows = [] as ReturnType<typeof templateToBuilderRow>[], recommendFor?: { projectName: string; goal: string }) {
  return renderFluent(
    <TemplateLibrary
      locale="zh-CN"
      templates={BUILTIN_TEMPLATES}
      userTemplates={[]}
      onInsert={() => undefined}
      onSaveUserTemplates={() => undefined}
      builderRows={builderRows}
      {...(recommendFor ? { recommendFor } : {})}
    />,
  );
}

describe('TemplateLibrary: search by category (issue 17 item 7)', () => {
  test.each(['社会效益', '22-社会效益', '22'])('%s lists every 22-社会效益 template', async (keyword) => {
    const { user } = renderLibrary();
    await user.click(screen.getByRole('searchbox', { name: '搜索' }));
    await user.paste(keyword);
    const social = BUILTIN_TEMPLATES.filter((t) => t.level2 === '22');
    await waitFor(() => expect(screen.getByText(`共 ${social.length} 个模板`)).toBeInTheDocument());
    expect(names()).toEqual(social.map((t) => t.name));
  });

  test('效益 lists every 效益 template', async () => {
    const { user } = renderLibrary();
    await user.click(screen.getByRole('searchbox', { name: '搜索' }));
    await user.paste('效益');
    const effect = BUILTIN_TEMPLATES.filter((t) => t.level1 === '2');
    await waitFor(() => expect(screen.getByText(`共 ${effect.length} 个模板`)).toBeInTheDocument());
  });
});

describe('TemplateLibrary: 为本项目推荐 fills what the cell lacks', () => {
  test('a missing 效益指标 first, and nothing the cell already has', async () => {
    const property = BUILTIN_TEMPLATES.filter((t) => t.projectTypes.includes('property') && t.level1 !== '2');
    const rows = property.map((t) => templateToBuilderRow(t));
    const { user } = renderLibrary(rows, { projectName: '物业管理费', goal: '做好物业管理服务工作。' });
    await user.click(screen.getByRole('button', { name: '为本项目推荐' }));
    await waitFor(() => expect(screen.getByText('为“物业管理费”推荐')).toBeInTheDocument());
    const items = within(library()).getAllByRole('listitem');
    expect(within(items[0] as HTMLElement).getByText('本项目还没有“2-效益指标”')).toBeInTheDocument();
    const first = BUILTIN_TEMPLATES.find((t) => t.name === items[0]?.getAttribute('aria-label'));
    expect(first?.level1).toBe('2');
    const had = new Set(rows.map((r) => r.name));
    for (const name of names()) expect(had.has(name ?? '')).toBe(false);
  });
});
