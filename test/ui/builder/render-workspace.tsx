import { act } from '@testing-library/react';
import { BuilderWorkspace } from '../../../src/ui/builder/BuilderWorkspace';
import type { UserTemplateStore } from '../../../src/ui/builder/user-template-store';
import type { WorkbookPort } from '../../../src/workbook/port';
import { renderFluent } from '../render-fluent';

/**
 * The builder workspace, returned once the builder has asked for the selected cell and followed it, so that
 * no state update lands after the test has moved on (or ended).
 */
export async function renderWorkspace(port: WorkbookPort, store: UserTemplateStore) {
  const asked = jest.spyOn(port, 'getSelectedCell');
  const rendered = renderFluent(<BuilderWorkspace port={port} locale="zh-CN" store={store} />);
  await act(async () => {
    await asked.mock.results[0]?.value;
  });
  return rendered;
}
