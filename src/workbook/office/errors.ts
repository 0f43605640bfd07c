import { WorkbookError, type WorkbookErrorCode } from '../port';

const PAYLOAD_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);
/** "The cell count in the range has exceeded the maximum supported number" (Excel JavaScript API error codes). */
const RANGE_LIMIT_CODE = 'RangeExceedsLimit';
const BUSY_CODES = new Set(['GeneralException', 'ActivityLimitReached', 'Busy', 'ServiceNotAvailable', 'Timeout']);
const UNSUPPORTED_CODES = new Set(['ApiNotFound', 'NotImplemented', 'UnsupportedOperation', 'UnsupportedFeature']);

export const MESSAGES: { readonly [C in WorkbookErrorCode]: string } = {
  'cell-edit-mode': '请先按 Enter 或 Esc 结束单元格编辑，再重试。',
  protected: '工作表受保护：请先撤销工作表保护（审阅 → 撤销工作表保护），再重试。',
  'payload-too-large': '要传输的数据超过 Excel 的单次上限：请删除多余的空行空列，或把表格拆到几个工作表后重试。',
  'too-many-cells': '要读取或写入的区域超过了 Excel 单次可处理的单元格数（5,000,000 个）：请删除表格右侧和下方多余的空行空列（或把表格拆到几个工作表），然后重试。',
  busy: 'Excel 正忙，请稍后重试。',
  cancelled: '已取消。',
  'not-found': '找不到要操作的工作表或单元格，它可能已被重命名或删除：请重新校验后再试。',
  unsupported: '当前 Excel 版本不支持此操作：请更新 Office 后重试。',
  'corrupt-data': '工作簿中保存的加载项数据无法读取。',
  unknown: 'Excel 操作失败，请重试；如仍失败，请保存并重新打开工作簿后再试。',
};

export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, innerError } = error as { code?: unknown; innerError?: unknown };
  // OfficeExtension.Error may carry the host's error in `innerError`.
  return typeof code === 'string' ? code : errorCode(innerError);
}

function errorText(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const { message, innerError } = error as { message?: unknown; innerError?: unknown };
  const inner = typeof innerError === 'object' && innerError !== null ? ` (${errorText(innerError)})` : '';
  return `${typeof message === 'string' ? message : String(error)}${inner}`;
}

/** Any Office error as a WorkbookError whose message tells the user what to do. */
export function toWorkbookError(error: unknown): WorkbookError {
  if (error instanceof WorkbookError) return error;
  const code = errorCode(error) ?? '';
  const kind: WorkbookErrorCode =
    code === 'InvalidOperationInCellEditMode'
      ? 'cell-edit-mode'
      : code === 'AccessDenied'
        ? 'protected'
        : PAYLOAD_CODES.has(code)
          ? 'payload-too-large'
          : code === RANGE_LIMIT_CODE
            ? 'too-many-cells'
            : BUSY_CODES.has(code)
              ? 'busy'
              : code === 'ItemNotFound'
                ? 'not-found'
                : UNSUPPORTED_CODES.has(code)
                  ? 'unsupported'
                  : 'unknown';
  return new WorkbookError(kind, MESSAGES[kind], code ? `${code}: ${errorText(error)}` : errorText(error));
}

export const isPayloadError = (error: unknown) => PAYLOAD_CODES.has(errorCode(error) ?? '');
/** A read refused for its size (bytes or cells), which smaller chunks can get through. */
export const isTooBigToRead = (error: unknown) => isPayloadError(error) || errorCode(error) === RANGE_LIMIT_CODE;
