// The Office.js adapter, assembled from its rooms in ./office: each takes the one OfficeContext (host, capabilities,
// shared state) so that what one room learns (sheet names, own writes, undo ids) the others see.
import type { WorkbookPort } from './port';
import { createOfficeContext, type OfficeWorkbookDeps } from './office/context';
import { eventsRoom } from './office/events';
import { marksRoom } from './office/marks';
import { readRoom } from './office/read';
import { reportRoom } from './office/report';
import { settingsRoom } from './office/settings';
import { writesRoom } from './office/writes';

export { BYTES_PER_MARK, ESTIMATED_BYTES_PER_CELL, IGNORED_SETTING, MARK_FORMULA, MAX_CELLS, MAX_PAYLOAD_BYTES, parseAreasAddress } from './office/cells';
export { detectCapabilities, type OfficeWorkbookDeps } from './office/context';
export { toWorkbookError } from './office/errors';
export { mergePlan } from './office/rewrite-plan';

export function createOfficeWorkbook(deps: OfficeWorkbookDeps = {}): WorkbookPort {
  const ctx = createOfficeContext(deps);
  return {
    capabilities: ctx.capabilities,
    ...readRoom(ctx),
    ...marksRoom(ctx),
    ...writesRoom(ctx),
    ...reportRoom(ctx),
    ...settingsRoom(ctx),
    ...eventsRoom(ctx),
  };
}
