import '@testing-library/jest-dom';
import { screen, within } from '@testing-library/react';
import type { BuilderRow } from '../../../src/core/builder';
import { BUILTIN_TEMPLATES } from '../../../src/core/templates';
import { TemplateLibrary } from '../../../src/ui/builder/TemplateLibrary';
import { renderFluent } from '../render-fluent';

describe('TemplateLibrary in English (issue 18)', () => {
  test('names each built-in template in English, and inserts it as the Chinese table has it', async () => {
    const onInsert = jest.fn<void, [BuilderRow[]]>();
    const { user } = renderFluent(<TemplateLibrary locale="en-US" templates={BUILTIN_TEMPLATES} userTemplates={[]} onInsert={onInsert} onSaveUserTemplates={() => undefined} builderRows={[]} />);
    const list = screen.getByRole('list', { name: 'Template library' });
    const item = within(list).getByRole('listitem', { name: 'Number of complaints' });
    expect(within(list).queryByRole('listitem', { name: '投诉次数' })).toBeNull();
    await user.click(within(item).getByRole('button', { name: 'Insert “Number of complaints”' }));
    expect(onInsert).toHaveBeenCalledTimes(1);
    expect(onInsert.mock.calls[0]?.[0].map((row) => row.name)).toEqual(['投诉次数']);
  });
});
