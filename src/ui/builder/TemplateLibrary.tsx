import {
  Body1Strong,
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Option,
  SearchBox,
  Subtitle2,
} from '@fluentui/react-components';
import { Dismiss20Regular, Lightbulb20Regular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { DEFAULT_TAXONOMY, type Locale, type Taxonomy } from '../../core';
import { templateName } from '../../core/locales/template-texts';
import { builderValueText, type BuilderRow } from '../../core/builder';
import { BUILTIN_PROJECT_TYPES, type IndicatorTemplate, type ProjectType } from '../../core/template-library';
import { recommendTemplates, searchTemplates, templateToBuilderRow, type ProjectDescription, type TemplateRecommendation } from '../../core/template-search';
import type { UserTemplate } from '../../core/user-templates';
import { MyTemplates } from './MyTemplates';
import { BUILDER_STRINGS, type BuilderStrings } from './strings';
import { useStyles, type LibraryNotice } from './template-library-styles';

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
  const [notice, setNotice] = useState<LibraryNotice | null>(null);

  const typeName = (type: ProjectType) => (locale === 'zh-CN' ? type.name : type.nameEn);
  const recommendations = useMemo(
    () => (recommending && recommendFor ? recommendTemplates(templates, recommendFor, RECOMMEND_LIMIT, projectTypes, { existing: builderRows, taxonomy }) : []),
    [recommending, recommendFor, templates, projectTypes, builderRows, taxonomy],
  );
  const found = useMemo(() => searchTemplates(templates, { keyword, projectType }, taxonomy), [templates, keyword, projectType, taxonomy]);
  const shown: readonly { template: IndicatorTemplate; recommendation?: TemplateRecommendation }[] = recommending
    ? recommendations.map((r) => ({ template: r.template, recommendation: r }))
    : found.map((template) => ({ template }));

  const insert = (chosen: readonly IndicatorTemplate[]) => {
    if (chosen.length === 0) return;
    onInsert(chosen.map((t) => templateToBuilderRow(t)));
    setNotice({ intent: 'success', text: strings.inserted(chosen.length) });
  };
  const insertSelected = () => {
    insert(templates.filter((t) => selected.has(t.id)));
    setSelected(new Set());
  };
  const toggle = (id: string, on: boolean) => setSelected(new Set(on ? [...selected, id] : [...selected].filter((x) => x !== id)));

  return (
    <div className={styles.panel}>
      <Subtitle2 as="h2" className={styles.heading}>
        {strings.libraryHeading}
      </Subtitle2>

      {notice && <LibraryNoticeBar notice={notice} dismissLabel={strings.dismiss} onDismiss={() => setNotice(null)} />}

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
            <TemplateFilters
              strings={strings}
              projectTypes={projectTypes}
              typeName={typeName}
              keyword={keyword}
              onKeyword={setKeyword}
              projectType={projectType}
              onProjectType={setProjectType}
            />
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
              <TemplateItem
                key={template.id}
                template={template}
                recommendation={recommendation}
                levels={levelsLabel(strings, taxonomy, template)}
                locale={locale}
                checked={selected.has(template.id)}
                onToggle={(on) => toggle(template.id, on)}
                onInsert={() => insert([template])}
              />
            ))}
          </ul>
        )}
        <div className={styles.toolbar}>
          <Button appearance="primary" disabled={selected.size === 0} onClick={insertSelected}>
            {strings.insertSelected(selected.size)}
          </Button>
        </div>
      </section>

      <MyTemplates
        strings={strings}
        taxonomy={taxonomy}
        userTemplates={userTemplates}
        onInsert={onInsert}
        onSaveUserTemplates={onSaveUserTemplates}
        builderRows={builderRows}
        setNotice={setNotice}
      />
    </div>
  );
}

interface TemplateFiltersProps {
  readonly strings: BuilderStrings;
  readonly projectTypes: readonly ProjectType[];
  readonly typeName: (type: ProjectType) => string;
  readonly keyword: string;
  readonly onKeyword: (keyword: string) => void;
  /** A project type's id; '' for all. */
  readonly projectType: string;
  readonly onProjectType: (id: string) => void;
}

/** The search box and the project-type filter. */
function TemplateFilters({ strings, projectTypes, typeName, keyword, onKeyword, projectType, onProjectType }: TemplateFiltersProps) {
  const styles = useStyles();
  const chosenType = projectTypes.find((t) => t.id === projectType) ?? { id: '', name: '', nameEn: '', keywords: [] };
  return (
    <div className={styles.filters}>
      <Field label={strings.search}>
        <SearchBox className={styles.control} placeholder={strings.searchPlaceholder} value={keyword} onChange={(_, data) => onKeyword(data.value)} />
      </Field>
      <Field label={strings.projectType}>
        <Dropdown
          className={styles.control}
          value={projectType === '' ? strings.allTypes : typeName(chosenType)}
          selectedOptions={[projectType]}
          onOptionSelect={(_, data) => onProjectType(data.optionValue ?? '')}
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
  );
}

interface TemplateItemProps {
  readonly template: IndicatorTemplate;
  readonly recommendation: TemplateRecommendation | undefined;
  /** The template's 一级 / 二级 indicators as shown. */
  readonly levels: string;
  readonly locale: Locale;
  readonly checked: boolean;
  readonly onToggle: (on: boolean) => void;
  readonly onInsert: () => void;
}

/** One built-in template: its levels, typical value and explanation, why it is recommended, and 插入. */
function TemplateItem({ template, recommendation, levels, locale, checked, onToggle, onInsert }: TemplateItemProps) {
  const styles = useStyles();
  const strings = BUILDER_STRINGS[locale];
  const name = templateName(template, locale);
  return (
    <li className={styles.item} aria-label={name}>
      <Checkbox aria-label={strings.selectTemplate(name)} checked={checked} onChange={(_, data) => onToggle(data.checked === true)} />
      <div className={styles.text}>
        <Body1Strong>{name}</Body1Strong>
        <Caption1>{`${levels} · ${strings.typicalValue(builderValueText(template.value))}`}</Caption1>
        <Caption1>{template.explanation}</Caption1>
        {recommendation?.fills && <Caption1>{strings.fills(recommendation.fills.label)}</Caption1>}
        {recommendation && (
          <Caption1>
            {strings.because(recommendation.reasons.map((r) => (r.where === 'name' ? strings.inName(r.word) : strings.inGoal(r.word))).join(locale === 'zh-CN' ? '；' : '; '))}
          </Caption1>
        )}
      </div>
      <Button size="small" aria-label={strings.insertTemplate(name)} onClick={onInsert}>
        {strings.insert}
      </Button>
    </li>
  );
}

interface LibraryNoticeBarProps {
  readonly notice: LibraryNotice;
  readonly dismissLabel: string;
  readonly onDismiss: () => void;
}

function LibraryNoticeBar({ notice, dismissLabel, onDismiss }: LibraryNoticeBarProps) {
  return (
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
        containerAction={<Button appearance="transparent" aria-label={dismissLabel} icon={<Dismiss20Regular />} onClick={onDismiss} />}
      />
    </MessageBar>
  );
}

function levelsLabel(strings: BuilderStrings, taxonomy: Taxonomy, t: { readonly level1: string; readonly level2: string }): string {
  const l1 = taxonomy.level1ByCode(t.level1);
  const l2 = taxonomy.level2ByCode(t.level2);
  return strings.levelsOf(l1 ? l1.label : t.level1, l2 ? l2.label : t.level2);
}
