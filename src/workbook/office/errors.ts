import { ERROR_TEXTS } from '../../core/locales/error-texts';
import { WorkbookError, type WorkbookErrorCode } from '../port';

const PAYLOAD_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);
/** "The cell count in the range has exceeded the maximum supported number" (Excel JavaScript API error codes). */
const RANGE_LIMIT_CODE = 'RangeExceedsLimit';
const BUSY_CODES = new Set(['GeneralException', 'ActivityLimitReached', 'Busy', 'ServiceNotAvailable', 'Timeout']);
const UNSUPPORTED_CODES = new Set(['ApiNotFound', 'NotImplemented', 'UnsupportedOperation', 'UnsupportedFeature']);

export const MESSAGES: { readonly [C in WorkbookErrorCode]: string } = ERROR_TEXTS['zh-CN'].workbook;

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
  return new WorkbookError(kind, MESSAGES[kind], code ? `${code}: ${errorText(error)}` : errorText(error), { key: kind });
}

export const isPayloadError = (error: unknown) => PAYLOAD_CODES.has(errorCode(error) ?? '');
/** A read refused for its size (bytes or cells), which smaller chunks can get through. */
export const isTooBigToRead = (error: unknown) => isPayloadError(error) || errorCode(error) === RANGE_LIMIT_CODE;
