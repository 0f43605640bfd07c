export type { BuilderStrings } from '../../core/locales/builder-strings';

/** The builder's texts live in src/core/locales/<tag>/builder.ts; imported only here, they load with the builder's chunk. */
export { BUILDER_TEXTS as BUILDER_STRINGS } from '../../core/locales/builder-texts';

/** Units offered for quantities (the box also takes any other unit). */
export const UNIT_OPTIONS: readonly string[] = [
  '%', '人', '人次', '件', '次', '份', '个', '项', '分', '天', '个工作日', '小时', '分钟', '万元', '元', '台', '套', '平方米', '公里', '场', '期', '年',
];

/** Qualitative values offered (the box also takes any other text). */
export const QUALITATIVE_OPTIONS: readonly string[] = ['优秀', '良好', '合格', '达标', '有效提升', '明显改善', '持续提升', '应保尽保', '按时完成', '正常运行'];
