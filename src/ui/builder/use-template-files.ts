import { type ChangeEvent } from 'react';
import type { Taxonomy } from '../../core';
import { newUserTemplateId, parseUserTemplateText, serializeUserTemplates, USER_TEMPLATE_LIMITS, type UserTemplate } from '../../core/user-templates';
import { templateFileProblemText } from '../../core/locales/template-file-strings';
import type { BuilderStrings } from './strings';
import type { LibraryNotice } from './template-library-styles';

export interface TemplateFilesOptions {
  readonly strings: BuilderStrings;
  readonly taxonomy: Taxonomy;
  readonly userTemplates: readonly UserTemplate[];
  readonly onSaveUserTemplates: (next: readonly UserTemplate[]) => void;
  readonly setNotice: (notice: LibraryNotice) => void;
}

/** Export of the user's templates as a JSON file, and import of one (checked before anything is kept). */
export function useTemplateFiles({ strings, taxonomy, userTemplates, onSaveUserTemplates, setNotice }: TemplateFilesOptions) {
  const exportTemplates = () => {
    const blob = new Blob([serializeUserTemplates(userTemplates)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = strings.exportFileName;
    document.body.appendChild(anchor);
    anchor.click();
    anchor.remove();
    URL.revokeObjectURL(url);
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    // Refused by size before a byte is read: the file is untrusted.
    if (file.size > USER_TEMPLATE_LIMITS.fileBytes) {
      setNotice({ intent: 'error', text: strings.fileTooLarge(fileSizeText(file.size)) });
      return;
    }
    let text: string;
    try {
      text = await readText(file);
    } catch {
      setNotice({ intent: 'error', text: strings.notJson });
      return;
    }
    const parsed = parseUserTemplateText(text, taxonomy);
    if (!parsed.ok) {
      if (!('problem' in parsed)) setNotice({ intent: 'error', text: strings.importFailed, details: parsed.problems.map((p) => templateFileProblemText(p, strings.templateFile)) });
      else setNotice({ intent: 'error', text: parsed.problem === 'not-json' ? strings.notJson : strings.fileTooLarge(fileSizeText(text.length)) });
      return;
    }
    if (userTemplates.length + parsed.templates.length > USER_TEMPLATE_LIMITS.templates) {
      setNotice({ intent: 'error', text: strings.tooManyTemplates(userTemplates.length, parsed.templates.length, USER_TEMPLATE_LIMITS.templates) });
      return;
    }
    const merged: UserTemplate[] = [...userTemplates];
    for (const t of parsed.templates) merged.push(merged.some((m) => m.id === t.id) ? { ...t, id: newUserTemplateId(merged) } : t);
    onSaveUserTemplates(merged);
    setNotice({ intent: 'success', text: strings.imported(parsed.templates.length) });
  };

  return { exportTemplates, importFile };
}

function fileSizeText(bytes: number): string {
  return bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Reads a chosen file as text (FileReader works in every host, old Office webviews included). */
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file, 'utf-8');
  });
}
