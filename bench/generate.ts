import type { CellValue, SheetGrid, WorkbookGrid } from '../src/core';

/** Deterministic PRNG (mulberry32) so every run benchmarks the same workbook. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GOALS = [
  '维护信访业务系统正常运行、记录各类业务系统的运行情况、进行相关业务系统的更新、提高各业务系统的性能，确保业务系统在有效工作时间内正常运行，保证各业务系统数据的完整安全性。',
  '做好市人民来访接待厅物业管理服务工作，确保提供优质物业管理服务。',
  '组建专业的客服服务团队，利用通信网络、实时沟通工具为广大群众提供信访投诉咨询与解答、政策法规查询，引导群众通过正确的途径和方法解决问题。',
  '深入推进《信访工作条例》学习贯彻；深化重复访治理；加强重点时期信访保障工作，维护群众合法权益，促进社会和谐稳定。',
  '开展业务培训和专题调研，提升干部队伍业务能力，形成调研报告并推动成果转化运用。',
];

const ITEMS: readonly (readonly [string, string, string, string])[] = [
  ['1-产出指标', '11-数量指标', '运维人员配备人数', '2人'],
  ['1-产出指标', '11-数量指标', '培训人次', '≥200人次'],
  ['1-产出指标', '11-数量指标', '法律顾问提供服务的数量', '80份'],
  ['1-产出指标', '12-质量指标', '正常运行率', '100%'],
  ['1-产出指标', '12-质量指标', '投诉次数', '≤5次'],
  ['1-产出指标', '13-时效指标', '合同进度款支付率', '100%'],
  ['1-产出指标', '14-成本指标', '人均培训成本', '≤500元'],
  ['2-效益指标', '21-经济效益', '及时修复率', '≥98%'],
  ['2-效益指标', '22-社会效益', '信访部门及时受理率', '98%'],
  ['2-效益指标', '22-社会效益', '服务质量', '有效提升'],
  ['2-效益指标', '24-可持续影响', '制度机制完善程度', '明显改善'],
  ['3-满意度指标', '31-服务对象满意度', '服务对象满意度', '≥90%'],
];

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const OUTPUT = ITEMS.filter((i) => i[0].startsWith('1-'));
const EFFECT = ITEMS.filter((i) => i[0].startsWith('2-'));
const SATISFACTION = ITEMS.filter((i) => i[0].startsWith('3-'));

function indicatorText(random: () => number, broken: boolean): string {
  const count = 3 + Math.floor(random() * 4);
  let text = '';
  for (let i = 0; i < count; i++) {
    // Output, effect and satisfaction first, as a careful officer writes them; then any others.
    const item = pick(random, i === 0 ? OUTPUT : i === 1 ? EFFECT : i === 2 ? SATISFACTION : ITEMS);
    const [l1, l2, name, value] = item;
    text += `${i + 1}、${l1}；${l2}；${name}${i}；实施周期指标值:${value}；年度指标值:${value}。`;
  }
  // A few percent of rows carry the hand-typing mistakes the checker exists for.
  return broken ? text.replace(/；/g, ';').replace(/:/g, '：') : text;
}

/**
 * A 绩效目标表 with `projects` project rows under units of 50–100 projects, a 合计 row, realistic goal
 * texts and 3–6 indicators per project; about 3% of rows hold a totals or format error.
 */
export function generateTable(projects: number, seed = 1): SheetGrid {
  const random = createRandom(seed);
  const rows: CellValue[][] = [
    ['项目支出绩效目标表（含转移支付项目）', null, null, null, null, null, null],
    ['部门名称：基准测试局', null, null, null, null, null, '单位：万元'],
    ['项目名称（资金使用单位）', '总计', '财政拨款', '财政专户拨款', '其他资金', '绩效目标', '绩效指标'],
  ];
  const grandRow: CellValue[] = ['合计', 0, 0, null, 0, null, null];
  rows.push(grandRow);
  let grandCents = 0;
  let grandFiscal = 0;
  let grandOther = 0;
  let made = 0;
  let unit = 0;
  while (made < projects) {
    const size = Math.min(projects - made, 50 + Math.floor(random() * 51));
    const unitRow: CellValue[] = [`基准测试单位${unit}`, 0, 0, null, 0, null, null];
    rows.push(unitRow);
    let unitFiscal = 0;
    let unitOther = 0;
    for (let p = 0; p < size; p++) {
      const fiscal = Math.floor(random() * 100000);
      const other = random() < 0.2 ? Math.floor(random() * 5000) : 0;
      const broken = random() < 0.03;
      const total = fiscal + other + (broken && random() < 0.5 ? 100 : 0);
      rows.push([`    基准项目${unit}-${p}`, total / 100, fiscal / 100, null, other ? other / 100 : null, GOALS[Math.floor(random() * GOALS.length)] ?? '', indicatorText(random, broken)]);
      unitFiscal += fiscal;
      unitOther += other;
    }
    unitRow[1] = (unitFiscal + unitOther) / 100;
    unitRow[2] = unitFiscal / 100;
    unitRow[4] = unitOther / 100;
    grandCents += unitFiscal + unitOther;
    grandFiscal += unitFiscal;
    grandOther += unitOther;
    made += size;
    unit++;
  }
  grandRow[1] = grandCents / 100;
  grandRow[2] = grandFiscal / 100;
  grandRow[4] = grandOther / 100;
  return { name: '项目支出绩效目标表', originRow: 0, originCol: 0, values: rows };
}

export function generateWorkbook(projects: number, seed = 1): WorkbookGrid {
  return { sheets: [generateTable(projects, seed)] };
}

const DIRECTION = (value: string) => (value.startsWith('≤') ? '反向指标' : '正向指标');
const split = (value: string): [string, string, string] => {
  const m = /^([≥≤]?)(\d+(?:\.\d+)?)(.*)$/.exec(value);
  return m ? [m[1] || '＝', m[2] ?? '', m[3] ?? ''] : ['定性', value, ''];
};

/**
 * A table with a row per indicator (the 一体化 export): about `indicatorRows` indicator rows, 3–6 per project,
 * projects under units of 50–100, the project's own cells filled on its first row only (as a merged area reads),
 * levels without codes, comparator, value and unit in their own columns; about 3% of projects hold an error.
 */
export function generateRowPerIndicatorTable(indicatorRows: number, seed = 1): SheetGrid {
  const random = createRandom(seed);
  const rows: CellValue[][] = [
    ['部门预算项目绩效目标申报表', null, null, null, null, null, null, null, null, null, null, null],
    ['金额单位：万元', null, null, null, null, null, null, null, null, null, null, null],
    ['单位名称', '项目名称', '预算数', '年度目标', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '权重', '指标方向性'],
  ];
  let made = 0;
  let unit = 0;
  while (made < indicatorRows) {
    const unitRow: CellValue[] = [`基准测试单位${unit}`, null, 0, null, null, null, null, null, null, null, null, null];
    rows.push(unitRow);
    let unitTotal = 0;
    const size = 50 + Math.floor(random() * 51);
    for (let p = 0; p < size && made < indicatorRows; p++) {
      const amount = Math.floor(random() * 100000);
      const broken = random() < 0.03;
      unitTotal += amount;
      const count = 3 + Math.floor(random() * 4);
      for (let i = 0; i < count; i++) {
        const [l1, l2, name, value] = pick(random, i === 0 ? OUTPUT : i === 1 ? EFFECT : i === 2 ? SATISFACTION : ITEMS);
        const [comparator, number, measure] = split(value);
        const first = i === 0;
        rows.push([
          null,
          first ? `基准项目${unit}-${p}` : null,
          first ? amount / 100 : null,
          first ? (GOALS[Math.floor(random() * GOALS.length)] ?? '') : null,
          l1.replace(/^\d-/, ''),
          l2.replace(/^\d\d-/, ''),
          broken && i === 1 ? null : `${name}${i}`,
          comparator,
          number,
          measure,
          i < 3 ? 20 : 10,
          DIRECTION(value),
        ]);
        made++;
      }
    }
    unitRow[2] = unitTotal / 100;
    unit++;
  }
  return { name: '项目绩效目标', originRow: 0, originCol: 0, values: rows };
}
