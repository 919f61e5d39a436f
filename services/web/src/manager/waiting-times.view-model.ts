import type { TopLevelSpec } from 'vega-lite';
import { deadline, longDate } from '../layout/dates.js';
import type { OverdueReferral, WaitingTimes, WaitSummary } from '../auditor/audit.api.js';
import { CHART_COLOURS } from './charts.js';

export interface MonthFigures {
  /** "November 2026" */
  month: string;
  /** "Nov 2026", on the chart's axis */
  short: string;
  report: WaitingTimes;
}

const MEASURES = [
  { key: 'median', label: 'Median', shape: 'circle', dash: [1, 0] },
  { key: 'p90', label: '90th percentile', shape: 'square', dash: [6, 3] },
] as const;

/**
 * One measure's median and 90th percentile, month by month. The two lines differ in colour, dash and
 * point shape, and each point carries its figure, so neither colour nor line style alone carries meaning.
 */
export function waitSpec(
  months: MonthFigures[],
  pick: (r: WaitingTimes) => WaitSummary,
  unit: string,
  title: string,
): TopLevelSpec {
  const values = months.flatMap((m, order) =>
    MEASURES.flatMap((measure) => {
      const figure = pick(m.report)[measure.key];
      return figure === null ? [] : [{ month: m.short, order, measure: measure.label, figure, label: `${figure}` }];
    }),
  );
  const x = {
    field: 'month',
    type: 'ordinal',
    sort: { field: 'order' },
    title: null,
    axis: { labelAngle: 0 },
  } as const;
  const y = { field: 'figure', type: 'quantitative', title: `${title} (${unit})` } as const;
  const measureScale = { domain: MEASURES.map((m) => m.label), range: CHART_COLOURS.slice(0, 2) };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: title,
    data: { values },
    width: 560,
    height: 220,
    layer: [
      {
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          x,
          y,
          color: { field: 'measure', type: 'nominal', scale: measureScale },
          strokeDash: {
            field: 'measure',
            type: 'nominal',
            scale: { domain: MEASURES.map((m) => m.label), range: MEASURES.map((m) => [...m.dash]) },
          },
        },
      },
      {
        mark: { type: 'point', filled: true, size: 70 },
        encoding: {
          x,
          y,
          color: { field: 'measure', type: 'nominal', scale: measureScale },
          shape: {
            field: 'measure',
            type: 'nominal',
            scale: { domain: MEASURES.map((m) => m.label), range: MEASURES.map((m) => m.shape) },
          },
        },
      },
      {
        mark: { type: 'text', dy: -12, color: '#0b0c0c', fontSize: 12 },
        encoding: { x, y, text: { field: 'label' } },
      },
    ],
  } as TopLevelSpec;
}

/** Whether any month has a figure to draw: a chart of nothing is left out, and the page says so. */
export function anyFigures(months: MonthFigures[], pick: (r: WaitingTimes) => WaitSummary): boolean {
  return months.some((m) => pick(m.report).count > 0);
}

export function waitAlt(
  months: MonthFigures[],
  pick: (r: WaitingTimes) => WaitSummary,
  unit: string,
  title: string,
): string {
  const parts = months.map((m) => {
    const s = pick(m.report);
    return s.count === 0
      ? `${m.month}: none`
      : `${m.month}: median ${s.median} ${unit}, 90th percentile ${s.p90} ${unit} (${s.count})`;
  });
  return `${title}, by month. ${parts.join('. ')}.`;
}

export function waitTable(months: MonthFigures[]) {
  const cell = (s: WaitSummary) =>
    s.count === 0 ? ['0', 'None', 'None'] : [String(s.count), String(s.median), String(s.p90)];
  return months.map((m) => ({
    month: m.month,
    cells: [
      String(m.report.received),
      ...cell(m.report.receiptToDecisionHours),
      String(m.report.decidedLate),
      ...cell(m.report.receiptToPlanDays),
    ],
  }));
}

export function pastDeadlineRows(report: WaitingTimes, agencyName: (id: string) => string) {
  const row = (r: OverdueReferral, status: string) => ({
    reference: r.referralId,
    status,
    agency: agencyName(r.receivingAgencyId),
    received: longDate(r.receivedAt),
    due: deadline(r.decisionDueAt),
    overdue: `${Math.round(r.hoursOverdue)} hours`,
  });
  return [
    ...report.awaitingPastDeadline.map((r) => row(r, 'Awaiting a decision')),
    ...report.decidedPastDeadline.map((r) => row(r, `Decided late, ${longDate(r.decidedAt)}`)),
  ];
}
