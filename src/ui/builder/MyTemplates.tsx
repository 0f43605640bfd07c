import { Body1Strong, Button, Caption1, Subtitle2, useRestoreFocusTarget } from '@fluentui/react-components';
import { ArrowDownload20Regular, ArrowUpload20Regular, Save20Regular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { Taxonomy } from '../../core';
import type { BuilderRow } from '../../core/builder';
import { isSavableRow, newUserTemplateId, USER_TEMPLATE_LIMITS, userTemplateFromRows, userTemplateToBuilderRows, type UserTemplate } from '../../core/user-templates';
import type { BuilderStrings } from './strings';
import { DeleteDialog, EditDialog, SaveDialog } from './TemplateDialogs';
import { useStyles, type LibraryNotice } from './template-library-styles';
import { useTemplateFiles } from './use-template-files';

export interface MyTemplatesProps {
  readonly strings: BuilderStrings;
  readonly taxonomy: Taxonomy;
  readonly userTemplates: readonly UserTemplate[];
  readonly onInsert: (rows: BuilderRow[]) => void;
  readonly onSaveUserTemplates: (next: readonly UserTemplate[]) => void;
  readonly builderRows: readonly BuilderRow[];
  readonly setNotice: (notice: LibraryNotice) => void;
}

/** The user's own templates: insert, save from the builder, edit, delete, export and import. */
export function MyTemplates({ strings, taxonomy, userTemplates, onInsert, onSaveUserTemplates, builderRows, setNotice }: MyTemplatesProps) {
  const styles = useStyles();
  const restoreFocus = useRestoreFocusTarget();
  const [saving, setSaving] = useState(false);
  const [editing, setEditing] = useState<UserTemplate | null>(null);
  const [deleting, setDeleting] = useState<UserTemplate | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const { exportTemplates, importFile } = useTemplateFiles({ strings, taxonomy, userTemplates, onSaveUserTemplates, setNotice });

  return (
    <>
      <section className={styles.section} aria-label={strings.myTemplates}>
        <Subtitle2 as="h3" className={styles.heading}>
          {strings.myTemplates}
        </Subtitle2>
        <div className={styles.toolbar}>
          <Button icon={<Save20Regular />} disabled={!builderRows.some((r) => isSavableRow(r, taxonomy))} onClick={() => setSaving(true)} {...restoreFocus}>
            {strings.saveAsTemplate}
          </Button>
          <Button icon={<ArrowDownload20Regular />} disabled={userTemplates.length === 0} onClick={exportTemplates}>
            {strings.exportTemplates}
          </Button>
          <Button icon={<ArrowUpload20Regular />} onClick={() => fileInput.current?.click()}>
            {strings.importTemplates}
          </Button>
          <input
            ref={fileInput}
            className={styles.hidden}
            type="file"
            accept=".json,application/json"
            aria-label={strings.importFileLabel}
            onChange={(event) => void importFile(event)}
          />
        </div>
        {userTemplates.length === 0 ? (
          <Caption1>{strings.noUserTemplates}</Caption1>
        ) : (
          <ul className={styles.list} aria-label={strings.myTemplates}>
            {userTemplates.map((t) => (
              <li key={t.id} className={styles.userItem} aria-label={t.name}>
                <div className={styles.text}>
                  <Body1Strong>{t.name}</Body1Strong>
                  <Caption1>{strings.rowCount(t.rows.length)}</Caption1>
                </div>
                <div className={styles.actions}>
                  <Button
                    size="small"
                    aria-label={strings.insertTemplate(t.name)}
                    onClick={() => {
                      onInsert(userTemplateToBuilderRows(t));
                      setNotice({ intent: 'success', text: strings.inserted(t.rows.length) });
                    }}
                  >
                    {strings.insert}
                  </Button>
                  <Button size="small" aria-label={strings.editTemplate(t.name)} onClick={() => setEditing(t)} {...restoreFocus}>
                    {strings.edit}
                  </Button>
                  <Button size="small" aria-label={strings.deleteTemplate(t.name)} onClick={() => setDeleting(t)} {...restoreFocus}>
                    {strings.delete}
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      {saving && (
        <SaveDialog
          strings={strings}
          rows={builderRows}
          taxonomy={taxonomy}
          onClose={() => setSaving(false)}
          onSave={(name, rows) => {
            if (userTemplates.length >= USER_TEMPLATE_LIMITS.templates) {
              setSaving(false);
              setNotice({ intent: 'error', text: strings.templateLimitReached(USER_TEMPLATE_LIMITS.templates) });
              return;
            }
            const template = userTemplateFromRows(newUserTemplateId(userTemplates), name, rows);
            onSaveUserTemplates([...userTemplates, template]);
            setSaving(false);
            setNotice({ intent: 'success', text: strings.saved(template.name) });
          }}
        />
      )}

      {editing && (
        <EditDialog
          strings={strings}
          template={editing}
          taxonomy={taxonomy}
          onClose={() => setEditing(null)}
          onSave={(next) => {
            onSaveUserTemplates(userTemplates.map((t) => (t.id === next.id ? next : t)));
            setEditing(null);
            setNotice({ intent: 'success', text: strings.saved(next.name) });
          }}
        />
      )}

      <DeleteDialog
        strings={strings}
        template={deleting}
        onClose={() => setDeleting(null)}
        onDelete={(t) => {
          onSaveUserTemplates(userTemplates.filter((x) => x.id !== t.id));
          setNotice({ intent: 'success', text: strings.deleted(t.name) });
        }}
      />
    </>
  );
}
