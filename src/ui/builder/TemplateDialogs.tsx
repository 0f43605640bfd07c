import {
  Body1,
  Body1Strong,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { Taxonomy } from '../../core';
import { builderValueText, type BuilderRow } from '../../core/builder';
import {
  isSavableRow,
  parseUserTemplateFile,
  USER_TEMPLATE_FORMAT,
  USER_TEMPLATE_VERSION,
  userTemplateErrors,
  userTemplateFromRows,
  type UserTemplate,
} from '../../core/user-templates';
import { ActionDialog } from '../ActionDialog';
import { templateFileProblemText } from '../../core/locales/template-file-strings';
import type { BuilderStrings } from './strings';
import { useStyles } from './template-library-styles';

interface SaveDialogProps {
  readonly strings: BuilderStrings;
  readonly rows: readonly BuilderRow[];
  readonly taxonomy: Taxonomy;
  readonly onSave: (name: string, rows: readonly BuilderRow[]) => void;
  readonly onClose: () => void;
}

/** Saves one builder row or a set of them as a user template. */
export function SaveDialog({ strings, rows, taxonomy, onSave, onClose }: SaveDialogProps) {
  const styles = useStyles();
  const groupId = useId();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(rows.filter((r) => isSavableRow(r, taxonomy)).map((r) => r.id)));
  const [error, setError] = useState<string | null>(null);
  const save = () => {
    const picked = rows.filter((r) => chosen.has(r.id) && isSavableRow(r, taxonomy));
    // The same limits as an imported file, so what is saved always loads again.
    const problems = picked.length > 0 ? userTemplateErrors(userTemplateFromRows('u1', name, picked), taxonomy) : [];
    if (picked.length === 0) setError(strings.nothingToSave);
    else if (picked.length > 1 && name.trim() === '') setError(strings.nameRequired);
    else if (problems.length > 0) setError(problems.join(' '));
    else onSave(name, picked);
  };
  return (
    <ActionDialog
      open
      title={strings.saveTitle}
      action={{ label: strings.save, onClick: save }}
      closeLabel={strings.cancel}
      onClose={onClose}
    >
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={strings.templateName} hint={strings.templateNameHint}>
        <Input value={name} onChange={(_, data) => setName(data.value)} />
      </Field>
      <div role="group" aria-labelledby={groupId} className={styles.text}>
        <Body1Strong id={groupId}>{strings.rowsToSave}</Body1Strong>
        {rows.map((r, i) => {
          const savable = isSavableRow(r, taxonomy);
          return (
            <Checkbox
              key={r.id}
              disabled={!savable}
              checked={savable && chosen.has(r.id)}
              label={`${i + 1}. ${r.name.trim() || strings.unnamed}${savable ? '' : ` ${strings.notSavable}`}`}
              onChange={(_, data) => {
                const next = new Set(chosen);
                if (data.checked === true) next.add(r.id);
                else next.delete(r.id);
                setChosen(next);
              }}
            />
          );
        })}
      </div>
    </ActionDialog>
  );
}

interface EditDialogProps {
  readonly strings: BuilderStrings;
  readonly template: UserTemplate;
  readonly taxonomy: Taxonomy;
  readonly onSave: (template: UserTemplate) => void;
  readonly onClose: () => void;
}

interface EditedRow {
  readonly name: string;
  readonly period: string;
  readonly annual: string;
}

/** Renames a user template and edits its rows' names and values; checked like an imported file. */
export function EditDialog({ strings, template, taxonomy, onSave, onClose }: EditDialogProps) {
  const styles = useStyles();
  const [name, setName] = useState(template.name);
  const [rows, setRows] = useState<readonly EditedRow[]>(() =>
    template.rows.map((r) => ({ name: r.name, period: builderValueText(r.period), annual: builderValueText(r.annual) })),
  );
  const [errors, setErrors] = useState<readonly string[]>([]);
  const setRow = (index: number, patch: Partial<EditedRow>) => setRows(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const save = () => {
    const file = {
      format: USER_TEMPLATE_FORMAT,
      version: USER_TEMPLATE_VERSION,
      templates: [{ id: template.id, name, rows: template.rows.map((r, i) => ({ level1: r.level1, level2: r.level2, ...rows[i] })) }],
    };
    const parsed = parseUserTemplateFile(file, taxonomy);
    const edited = parsed.ok ? parsed.templates[0] : undefined;
    if (!parsed.ok) setErrors(parsed.problems.map((p) => templateFileProblemText(p, strings.templateFile)));
    else if (edited) onSave(edited);
  };
  return (
    <ActionDialog
      open
      title={strings.editTitle}
      action={{ label: strings.save, onClick: save }}
      closeLabel={strings.cancel}
      onClose={onClose}
    >
      {errors.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{strings.editFailed}</MessageBarTitle>
            <ul>
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <Field label={strings.templateName}>
        <Input value={name} onChange={(_, data) => setName(data.value)} />
      </Field>
      {rows.map((r, i) => (
        <div key={i} role="group" aria-label={strings.rowTitle(i + 1)} className={styles.editRow}>
          <Field label={strings.name}>
            <Input value={r.name} onChange={(_, data) => setRow(i, { name: data.value })} />
          </Field>
          <Field label={strings.period}>
            <Input value={r.period} onChange={(_, data) => setRow(i, { period: data.value })} />
          </Field>
          <Field label={strings.annual}>
            <Input value={r.annual} onChange={(_, data) => setRow(i, { annual: data.value })} />
          </Field>
        </div>
      ))}
      {rows.length === 0 && <Body1>{strings.noRows}</Body1>}
    </ActionDialog>
  );
}

interface DeleteDialogProps {
  readonly strings: BuilderStrings;
  readonly template: UserTemplate | null;
  readonly onDelete: (template: UserTemplate) => void;
  readonly onClose: () => void;
}

/** Asks before a user template is deleted. */
export function DeleteDialog({ strings, template, onDelete, onClose }: DeleteDialogProps) {
  const remove = () => {
    if (template) onDelete(template);
    onClose();
  };
  return (
    <ActionDialog
      open={template !== null}
      title={strings.confirmDeleteTitle}
      action={{ label: strings.delete, onClick: remove }}
      closeLabel={strings.cancel}
      onClose={onClose}
    >
      {template && strings.confirmDeleteBody(template.name)}
    </ActionDialog>
  );
}
