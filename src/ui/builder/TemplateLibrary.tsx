import {
  Body1,
  Body1Strong,
  Button,
  Caption1,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Option,
  SearchBox,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownload20Regular, ArrowUpload20Regular, Dismiss20Regular, Lightbulb20Regular, Save20Regular } from '@fluentui/react-icons';
import { useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { DEFAULT_TAXONOMY, type Locale, type Taxonomy } from '../../core';
import { builderValueText, type BuilderRow } from '../../core/builder';
import {
  BUILTIN_PROJECT_TYPES,
  isSavableRow,
  newUserTemplateId,
  parseUserTemplateFile,
  parseUserTemplateText,
  recommendTemplates,
  searchTemplates,
  serializeUserTemplates,
  templateToBuilderRow,
  USER_TEMPLATE_FORMAT,
  USER_TEMPLATE_LIMITS,
  USER_TEMPLATE_VERSION,
  userTemplateErrors,
  userTemplateFromRows,
  userTemplateToBuilderRows,
  type IndicatorTemplate,
  type ProjectDescription,
  type ProjectType,
  type TemplateRecommendation,
  type UserTemplate,
} from '../../core/templates';
import { BUILDER_STRINGS, type BuilderStrings } from './strings';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0, overflowWrap: 'anywhere' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  filters: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))', gap: tokens.spacingHorizontalS },
  // Fluent's Dropdown and SearchBox default to a 250 px minimum width, wider than a narrow pane's column.
  control: { minWidth: 0, width: '100%' },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr auto',
    alignItems: 'start',
    gap: tokens.spacingHorizontalXS,
    padding: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  userItem: { display: 'grid', gridTemplateColumns: '1fr auto', alignItems: 'center', gap: tokens.spacingHorizontalXS, padding: tokens.spacingVerticalXS },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXXS },
  hidden: { display: 'none' },
  editRow: { display: 'grid', gridTemplateColumns: '2fr 1fr 1fr', gap: tokens.spacingHorizontalXS },
});

export interface TemplateLibraryProps {
  readonly locale: Locale;
  /** The built-in templates (BUILTIN_TEMPLATES) or a department's own library. */
  readonly templates: readonly IndicatorTemplate[];
  readonly projectTypes?: readonly ProjectType[];
  readonly userTemplates: readonly UserTemplate[];
  /** Rows to add to the builder, values pre-filled. */
  readonly onInsert: (rows: BuilderRow[]) => void;
  /** The whole new list of user templates; the host persists it. */
  readonly onSaveUserTemplates: (next: readonly UserTemplate[]) => void;
  /** The project being edited, for 为本项目推荐. */
  readonly recommendFor?: ProjectDescription;
  /** The builder's rows, offered by 保存为我的模板. */
  readonly builderRows?: readonly BuilderRow[];
  readonly taxonomy?: Taxonomy;
}

type Notice = { readonly intent: 'success' | 'error'; readonly text: string; readonly details?: readonly string[] };

const RECOMMEND_LIMIT = 12;

/** Finds built-in templates (search, type, recommendation) and manages the user's own templates. */
export function TemplateLibrary({
  locale,
  templates,
  projectTypes = BUILTIN_PROJECT_TYPES,
  userTemplates,
  onInsert,
  onSaveUserTemplates,
  recommendFor,
  builderRows = [],
  taxonomy = DEFAULT_TAXONOMY,
}: TemplateLibraryProps) {
  const styles = useStyles();
  const strings = BUILDER_STRINGS[locale];
  const [keyword, setKeyword] = useState('');
  const [projectType, setProjectType] = useState('');
  const [recommending, setRecommending] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<Notice | null>(null);
  const [saving, setSaving] = useState(false);
  const [editing, setEditing] = useState<UserTemplate | null>(null);
  const [deleting, setDeleting] = useState<UserTemplate | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const typeName = (type: ProjectType) => (locale === 'zh-CN' ? type.name : type.nameEn);
  const recommendations = useMemo(
    () => (recommending && recommendFor ? recommendTemplates(templates, recommendFor, RECOMMEND_LIMIT, projectTypes, { existing: builderRows, taxonomy }) : []),
    [recommending, recommendFor, templates, projectTypes, builderRows, taxonomy],
  );
  const found = useMemo(() => searchTemplates(templates, { keyword, projectType }, taxonomy), [templates, keyword, projectType, taxonomy]);
  const shown: readonly { template: IndicatorTemplate; recommendation?: TemplateRecommendation }[] = recommending
    ? recommendations.map((r) => ({ template: r.template, recommendation: r }))
    : found.map((template) => ({ template }));

  const levelsLabel = (t: { level1: string; level2: string }) => {
    const l1 = taxonomy.level1ByCode(t.level1);
    const l2 = taxonomy.level2ByCode(t.level2);
    return strings.levelsOf(l1 ? l1.label : t.level1, l2 ? l2.label : t.level2);
  };

  const insert = (chosen: readonly IndicatorTemplate[]) => {
    if (chosen.length === 0) return;
    onInsert(chosen.map((t) => templateToBuilderRow(t)));
    setNotice({ intent: 'success', text: strings.inserted(chosen.length) });
  };
  const insertSelected = () => {
    insert(templates.filter((t) => selected.has(t.id)));
    setSelected(new Set());
  };
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };

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
      if (!('problem' in parsed)) setNotice({ intent: 'error', text: strings.importFailed, details: parsed.errors });
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

  return (
    <div className={styles.panel}>
      <Subtitle2 as="h2" className={styles.heading}>
        {strings.libraryHeading}
      </Subtitle2>

      {notice && (
        <MessageBar intent={notice.intent} layout={notice.details ? 'multiline' : 'auto'}>
          <MessageBarBody>
            {notice.details ? <MessageBarTitle>{notice.text}</MessageBarTitle> : notice.text}
            {notice.details && (
              <ul>
                {notice.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" aria-label={strings.dismiss} icon={<Dismiss20Regular />} onClick={() => setNotice(null)} />}
          />
        </MessageBar>
      )}

      <section className={styles.section} aria-label={strings.libraryHeading}>
        {recommending ? (
          <div className={styles.toolbar}>
            <Body1Strong>{strings.recommendFor(recommendFor?.projectName ?? '')}</Body1Strong>
            <Button size="small" onClick={() => setRecommending(false)}>
              {strings.showAll}
            </Button>
          </div>
        ) : (
          <>
            <div className={styles.filters}>
              <Field label={strings.search}>
                <SearchBox className={styles.control} placeholder={strings.searchPlaceholder} value={keyword} onChange={(_, data) => setKeyword(data.value)} />
              </Field>
              <Field label={strings.projectType}>
                <Dropdown
                  className={styles.control}
                  value={projectType === '' ? strings.allTypes : typeName(projectTypes.find((t) => t.id === projectType) ?? { id: '', name: '', nameEn: '', keywords: [] })}
                  selectedOptions={[projectType]}
                  onOptionSelect={(_, data) => setProjectType(data.optionValue ?? '')}
                >
                  <Option value="">{strings.allTypes}</Option>
                  {projectTypes.map((t) => (
                    <Option key={t.id} value={t.id}>
                      {typeName(t)}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
            </div>
            <div className={styles.toolbar}>
              <Button icon={<Lightbulb20Regular />} disabled={!recommendFor} onClick={() => setRecommending(true)}>
                {strings.recommend}
              </Button>
            </div>
          </>
        )}

        <Caption1>{recommending && shown.length === 0 ? strings.noRecommendation : shown.length === 0 ? strings.noMatch : strings.resultCount(shown.length)}</Caption1>
        {shown.length > 0 && (
          <ul className={styles.list} aria-label={strings.libraryHeading}>
            {shown.map(({ template, recommendation }) => (
              <li key={template.id} className={styles.item} aria-label={template.name}>
                <Checkbox aria-label={strings.selectTemplate(template.name)} checked={selected.has(template.id)} onChange={(_, data) => toggle(template.id, data.checked === true)} />
                <div className={styles.text}>
                  <Body1Strong>{template.name}</Body1Strong>
                  <Caption1>{`${levelsLabel(template)} · ${strings.typicalValue(builderValueText(template.value))}`}</Caption1>
                  <Caption1>{template.explanation}</Caption1>
                  {recommendation?.fills && <Caption1>{strings.fills(recommendation.fills.label)}</Caption1>}
                  {recommendation && (
                    <Caption1>
                      {strings.because(recommendation.reasons.map((r) => (r.where === 'name' ? strings.inName(r.word) : strings.inGoal(r.word))).join(locale === 'zh-CN' ? '；' : '; '))}
                    </Caption1>
                  )}
                </div>
                <Button size="small" aria-label={strings.insertTemplate(template.name)} onClick={() => insert([template])}>
                  {strings.insert}
                </Button>
              </li>
            ))}
          </ul>
        )}
        <div className={styles.toolbar}>
          <Button appearance="primary" disabled={selected.size === 0} onClick={insertSelected}>
            {strings.insertSelected(selected.size)}
          </Button>
        </div>
      </section>

      <section className={styles.section} aria-label={strings.myTemplates}>
        <Subtitle2 as="h3" className={styles.heading}>
          {strings.myTemplates}
        </Subtitle2>
        <div className={styles.toolbar}>
          <Button icon={<Save20Regular />} disabled={!builderRows.some((r) => isSavableRow(r, taxonomy))} onClick={() => setSaving(true)}>
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
                  <Button size="small" aria-label={strings.editTemplate(t.name)} onClick={() => setEditing(t)}>
                    {strings.edit}
                  </Button>
                  <Button size="small" aria-label={strings.deleteTemplate(t.name)} onClick={() => setDeleting(t)}>
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

      <Dialog open={deleting !== null} onOpenChange={(_, data) => !data.open && setDeleting(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{strings.confirmDeleteTitle}</DialogTitle>
            <DialogContent>{deleting && strings.confirmDeleteBody(deleting.name)}</DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  if (deleting) {
                    onSaveUserTemplates(userTemplates.filter((t) => t.id !== deleting.id));
                    setNotice({ intent: 'success', text: strings.deleted(deleting.name) });
                  }
                  setDeleting(null);
                }}
              >
                {strings.delete}
              </Button>
              <Button onClick={() => setDeleting(null)}>{strings.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
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

interface SaveDialogProps {
  readonly strings: BuilderStrings;
  readonly rows: readonly BuilderRow[];
  readonly taxonomy: Taxonomy;
  readonly onSave: (name: string, rows: readonly BuilderRow[]) => void;
  readonly onClose: () => void;
}

/** Saves one builder row or a set of them as a user template. */
function SaveDialog({ strings, rows, taxonomy, onSave, onClose }: SaveDialogProps) {
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
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{strings.saveTitle}</DialogTitle>
          <DialogContent>
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
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={save}>
              {strings.save}
            </Button>
            <Button onClick={onClose}>{strings.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
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
function EditDialog({ strings, template, taxonomy, onSave, onClose }: EditDialogProps) {
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
    if (!parsed.ok) setErrors(parsed.errors);
    else if (edited) onSave(edited);
  };
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{strings.editTitle}</DialogTitle>
          <DialogContent>
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
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={save}>
              {strings.save}
            </Button>
            <Button onClick={onClose}>{strings.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
