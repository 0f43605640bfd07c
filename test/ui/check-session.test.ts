import { waitFor } from '@testing-library/react';
import { createChecker, locate, type CheckProgress, type CheckReport, type Checker, type WorkbookGrid } from '../../src/core';
import { createCheckSession, portReportingWrites, type CheckState } from '../../src/ui/check-session';
import { createMemoryWorkbook } from '../../src/workbook/memory-workbook';
import { SEED_SHEET } from '../fixtures/seed-grid';

const real = createChecker();

/** The real check one row per step, each step busy for 15 ms: a big workbook in miniature (several 50 ms slices). */
const slowChecker: Checker = {
  ...real,
  *checkWorkbookInSteps(workbook: WorkbookGrid): Generator<CheckProgress, CheckReport, void> {
    const steps = real.checkWorkbookInSteps(workbook, 1);
    for (;;) {
      const until = Date.now() + 15;
      while (Date.now() < until) {
        // busy, as a long synchronous check is
      }
      const step = steps.next();
      if (step.done) return step.value;
      yield step.value;
    }
  },
};

function sessionOnSeed() {
  const port = createMemoryWorkbook({ sheets: [SEED_SHEET] });
  const session = createCheckSession(port, slowChecker, 'zh-CN');
  const seen: CheckState[] = [];
  session.subscribe(() => seen.push(session.getState()));
  return { session, seen };
}

const checkProgress = (seen: readonly CheckState[]) =>
  seen.flatMap((s) => (s.running?.stage === 'check' && s.running.total > 0 ? [s.running.done] : []));

describe('the pane checks in slices', () => {
  it('shows the rows checked while it runs and ends with the whole report', async () => {
    const { session, seen } = sessionOnSeed();
    await session.check();
    const progress = checkProgress(seen);
    // Each update came after the pane was given back (a task boundary), not at the end.
    expect(progress.length).toBeGreaterThan(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    // Marking has no count of its own: the check's rows are not carried over into it.
    const marking = seen.flatMap((s) => (s.running?.stage === 'mark' ? [s.running] : []));
    expect(marking.length).toBeGreaterThan(0);
    expect(marking.every((r) => r.done === 0 && r.total === 0)).toBe(true);
    const expected = real.checkWorkbook({ sheets: [SEED_SHEET] }).findings;
    expect(session.getState().findings).toEqual(expected);
    expect(session.getState().running).toBeNull();
  });

  it('取消 during the check keeps the last findings and changes nothing', async () => {
    const { session, seen } = sessionOnSeed();
    await session.check();
    const before = session.getState().findings;
    expect(before?.length).toBeGreaterThan(0);
    const notices = session.getState().notices.length;
    let cancelled = false;
    session.subscribe(() => {
      const running = session.getState().running;
      if (!cancelled && running?.stage === 'check' && running.done > 0) {
        cancelled = true;
        session.cancel();
      }
    });
    seen.length = 0;
    await session.check();
    expect(cancelled).toBe(true);
    expect(session.getState().findings).toBe(before);
    expect(session.getState().notices.slice(notices).map((n) => n.text)).toEqual(['已取消校验，工作簿没有改动。']);
    expect(session.getState().running).toBeNull();
  });
});

describe('writes made elsewhere in the pane', () => {
  it('are re-checked without asking: the builder fills in the missing 效益指标 and the error goes', async () => {
    const port = createMemoryWorkbook({ sheets: [SEED_SHEET] });
    const session = createCheckSession(port, createChecker(), 'zh-CN');
    session.start();
    await session.check();
    const errors = () => (session.getState().findings ?? []).filter((f) => f.severity === 'error').map((f) => f.location.cell);
    expect(errors()).toEqual(['G12']);
    const builder = portReportingWrites(port, (result) => session.wrote(result));
    const raw = SEED_SHEET.values[11]?.[6] ?? null;
    const effect = '3、2-效益指标；22-社会效益；群众对信访工作的认同度；实施周期指标值:≥90%；年度指标值:≥90%。';
    await builder.writeCells([{ location: locate(SEED_SHEET.name, 11, 6), expected: raw, value: `${String(raw)}${effect}` }]);
    await waitFor(() => expect(errors()).toEqual([]), { timeout: 5000 });
    session.dispose();
  });
});
