import { Divider, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import type { Checker, Locale } from '../../core';
import type { BuilderRow } from '../../core/builder';
import { BUILTIN_PROJECT_TYPES, BUILTIN_TEMPLATES, type IndicatorTemplate, type ProjectType } from '../../core/template-library';
import type { ProjectDescription } from '../../core/template-search';
import type { UserTemplate } from '../../core/user-templates';
import type { WorkbookPort } from '../../workbook/port';
import { IndicatorBuilder, type BuilderInsert } from './IndicatorBuilder';
import { BUILDER_STRINGS } from './strings';
import { TemplateLibrary } from './TemplateLibrary';
import type { UserTemplateStore } from './user-template-store';

const useStyles = makeStyles({
  workspace: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
});

export interface BuilderWorkspaceProps {
  readonly port: WorkbookPort;
  readonly locale: Locale;
  readonly checker?: Checker;
  /** Where the user's templates are kept (localStorage in the task pane). */
  readonly store: UserTemplateStore;
  readonly templates?: readonly IndicatorTemplate[];
  readonly projectTypes?: readonly ProjectType[];
}

/** The builder and the template library wired together: one tab of the task pane. */
export function BuilderWorkspace({ port, locale, checker, store, templates = BUILTIN_TEMPLATES, projectTypes = BUILTIN_PROJECT_TYPES }: BuilderWorkspaceProps) {
  const styles = useStyles();
  const strings = BUILDER_STRINGS[locale];
  const initial = useMemo(() => store.load(), [store]);
  const [userTemplates, setUserTemplates] = useState<readonly UserTemplate[]>(initial.templates);
  const [storeProblem, setStoreProblem] = useState<string | null>(initial.ok ? null : initial.reason === 'corrupt' ? strings.storeCorrupt : strings.storeUnavailable);
  const [rows, setRows] = useState<readonly BuilderRow[]>([]);
  const [project, setProject] = useState<ProjectDescription | null>(null);
  const [insert, setInsert] = useState<BuilderInsert | undefined>(undefined);

  const onInsert = useCallback((inserted: BuilderRow[]) => setInsert((current) => ({ key: (current?.key ?? 0) + 1, rows: inserted })), []);
  const onSave = (next: readonly UserTemplate[]) => {
    const saved = store.save(next);
    // The list changes either way, so nothing the user did is lost for this session.
    setUserTemplates(next);
    setStoreProblem(saved.ok ? null : { full: strings.storeFull, unavailable: strings.storeUnavailable, invalid: strings.storeInvalid }[saved.reason]);
  };

  return (
    <div className={styles.workspace}>
      <IndicatorBuilder port={port} locale={locale} checker={checker} insert={insert} onRowsChange={setRows} onProjectChange={setProject} />
      <Divider />
      {storeProblem && (
        <MessageBar intent="warning">
          <MessageBarBody>{storeProblem}</MessageBarBody>
        </MessageBar>
      )}
      <TemplateLibrary
        locale={locale}
        templates={templates}
        projectTypes={projectTypes}
        userTemplates={userTemplates}
        onInsert={onInsert}
        onSaveUserTemplates={onSave}
        recommendFor={project ?? undefined}
        builderRows={rows}
        taxonomy={checker?.taxonomy}
      />
    </div>
  );
}
