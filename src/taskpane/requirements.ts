// Which ExcelApi requirement sets the running Office reports. The manifest only demands 1.1,
// so the pane has to ask at run time before using anything newer.

export interface ApiSetSupport {
  readonly version: string;
  readonly supported: boolean;
}

export type SetSupportQuery = (name: string, version: string) => boolean;

export const EXCEL_API_VERSIONS: readonly string[] = Array.from({ length: 20 }, (_, i) => `1.${i + 1}`);

export function excelApiSupport(isSetSupported: SetSupportQuery): ApiSetSupport[] {
  return EXCEL_API_VERSIONS.map((version) => ({ version, supported: isSetSupported('ExcelApi', version) }));
}

// Outside Office (page opened in a plain browser) there is no requirements object: nothing is supported.
export function officeSetSupportQuery(): SetSupportQuery {
  const requirements = typeof Office === 'undefined' ? undefined : Office.context?.requirements;
  if (!requirements) return () => false;
  return (name, version) => requirements.isSetSupported(name, version);
}
