/**
 * What a rule rests on. An error is what a reviewer sends back: it must rest on national policy or on
 * arithmetic. A jurisdiction's convention or the layout of a template makes a warning at most.
 */
export type RuleBasis = 'policy' | 'arithmetic' | 'template' | 'convention';

export interface RuleSource {
  readonly basis: RuleBasis;
  /** The document and where in it, or what the arithmetic or the convention is (Chinese, as docs/rules.md shows it). */
  readonly text: string;
}

const P88 = '《中央部门预算绩效目标管理办法》（财预〔2015〕88号）';
const P101 = '《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》（财预〔2021〕101号）';
const P76 = '《财政支出绩效评价管理暂行办法》（财预〔2009〕76号）第十四条';
const P10 = '《项目支出绩效评价管理办法》（财预〔2020〕10号）';
const P34 = '《中共中央 国务院关于全面实施预算绩效管理的意见》（中发〔2018〕34号）';

const policy = (text: string): RuleSource => ({ basis: 'policy', text });

export const SOURCES = {
  tableRequired: policy(`${P88}：绩效目标随预算申报，写明项目、资金、绩效目标和绩效指标`),
  goal: policy(`${P88}：每个项目都要设定绩效目标`),
  indicators: policy(`${P88}：绩效目标以绩效指标细化、量化`),
  categories: policy(`${P88}：绩效指标包括产出指标、效益指标和满意度指标；${P34}：绩效目标包括产出、成本、效益和服务对象满意度`),
  cost: policy(`${P101}：成本指标为一级指标（经济成本、社会成本、生态环境成本）；${P34}`),
  indicatorSystem: policy(`${P88} 与 ${P101}：一级、二级指标按财政部的指标体系设置`),
  value: policy(`${P88}：每个三级指标都要有指标值；${P76}：尽量定量表述`),
  specific: policy(`${P76}：具体细化，尽量定量表述，不能量化的用定性的分级分档形式表述`),
  distinct: policy(`${P76}：指向明确`),
  filledIn: policy(`${P88}：指标值须为具体的数值或标准，模板的占位符不是指标值`),
  weights: policy(`${P10}：指标权重合计 100 分；单位自评时预算执行率占 10 分，其余指标合计 90 分`),
  sums: { basis: 'arithmetic', text: '算术：合计等于分项之和（按 6 位小数精确计算，尾差按配置的容差）' },
  amounts: { basis: 'arithmetic', text: '算术：金额须是可以相加的数字' },
  consistentValues: { basis: 'arithmetic', text: '逻辑：年度指标值是实施周期指标值的一部分，不应超过它' },
  template: { basis: 'template', text: '表样：金额单位、表格结构按预算公开的表样填写' },
  excel: { basis: 'template', text: 'Excel：以文本存储的数字不参与求和' },
  guangzhou: { basis: 'convention', text: '广州市的表样惯例：绩效指标写在一个单元格，编码、全角标点和句号按“1、1-产出指标；12-质量指标；…。”书写' },
} as const satisfies Record<string, RuleSource>;
