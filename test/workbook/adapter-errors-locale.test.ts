// Adapter errors as codes with params (issue 18): the message stays the Chinese it was, and an English pane
// shows the same error in English.
import { ERROR_TEXTS } from '../../src/core/locales/error-texts';
import { unreadable } from '../../src/workbook/ignored-list';
import { createMemoryWorkbook } from '../../src/workbook/memory-workbook';
import { toWorkbookError } from '../../src/workbook/office/errors';
import { WorkbookError, workbookError, workbookErrorMessage } from '../../src/workbook/port';
import { createCheckSession } from '../../src/ui/check-session';
import { createChecker } from '../../src/core/check';
import { SEED_SHEET } from '../fixtures/seed-grid';

describe('an adapter error in each language', () => {
  it('an Office error code: Chinese message as before, English text for en-US', () => {
    const error = toWorkbookError({ code: 'AccessDenied', message: 'denied' });
    expect(error.code).toBe('protected');
    expect(error.message).toBe('工作表受保护：请先撤销工作表保护（审阅 → 撤销工作表保护），再重试。');
    expect(workbookErrorMessage(error, 'zh-CN')).toBe(error.message);
    expect(workbookErrorMessage(error, 'en-US')).toBe(ERROR_TEXTS['en-US'].workbook.protected);
  });

  it('errors with params render them in either language', () => {
    const missing = workbookError('not-found', { key: 'sheet-missing', sheet: '表1' });
    expect(missing.message).toBe('找不到工作表“表1”，它可能已被重命名或删除。请重新校验。');
    expect(workbookErrorMessage(missing, 'en-US')).toBe('The sheet "表1" was not found; it may have been renamed or deleted. Check again.');
    expect(unreadable('bad json').message).toBe('工作簿中保存的忽略列表无法读取，已按空列表处理。');
    expect(workbookErrorMessage(unreadable('bad json'), 'en-US')).toBe('The ignore list saved in this workbook cannot be read; it was taken as empty.');
  });

  it('the memory workbook cancels a read in the caller’s language', async () => {
    const controller = new AbortController();
    controller.abort();
    const failure = await createMemoryWorkbook({ sheets: [SEED_SHEET] }).readWorkbook({ signal: controller.signal }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(WorkbookError);
    expect((failure as WorkbookError).message).toBe('已取消读取工作簿。');
    expect(workbookErrorMessage(failure as WorkbookError, 'en-US')).toBe('Reading the workbook was cancelled.');
  });

  it('an English pane shows a failed check in English', async () => {
    const port = createMemoryWorkbook({ sheets: [SEED_SHEET] });
    port.failNext(toWorkbookError({ code: 'InvalidOperationInCellEditMode' }), 'readWorkbook');
    const session = createCheckSession(port, createChecker(), 'en-US');
    session.start();
    await session.check();
    expect(session.getState().notices.map((n) => n.text)).toContain(ERROR_TEXTS['en-US'].workbook['cell-edit-mode']);
    session.dispose();
  });
});
