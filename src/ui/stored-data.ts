/** Whether a Storage.setItem failure means the storage is full (Chromium/WebKit name, old Firefox name, legacy codes). */
export function isQuotaExceeded(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED' || error.code === 22 || error.code === 1014);
}
