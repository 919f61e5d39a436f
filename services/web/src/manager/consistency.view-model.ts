import type { TopLevelSpec } from 'vega-lite';
import { longDate } from '../layout/dates.js';
import type { ConsistencyRow } from '../officer/parenting.api.js';
import { CHART_COLOURS } from './charts.js';

const OUTCOMES = [
  { key: 'shareWrittenWarning', label: 'Written warning' },
  { key: 'shareProsecution', label: 'Prosecution' },
  { key: 'shareNoAction', label: 'No action' },
] as const;

export function percent(share: number | null): string {
  return share === null ? 'No decisions' : `${Math.round(share * 100)}%`;
}

export interface ConsistencyFigures {
  from: string;
  to: string;
  rows: (ConsistencyRow & { agencyName: string })[];
}

/** The share of breaches ending in each outcome, per holding agency: the outcome on the axis, the figure on the bar. */
export function outcomeSharesSpec(figures: ConsistencyFigures): TopLevelSpec {
  const values = figures.rows.flatMap((r) =>
    OUTCOMES.map((o, order) => ({
      agency: r.agencyName,
      outcome: o.label,
      order,
      share: r[o.key] ?? 0,
      label: percent(r[o.key]),
    })),
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: 'Share of breaches ending in each outcome, per holding agency',
    data: { values },
    facet: {
      row: {
        field: 'agency',
        type: 'nominal',
        title: null,
        header: { labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelOrient: 'top' },
      },
    },
    spec: {
      width: 420,
      height: { step: 26 },
      layer: [
        {
          mark: { type: 'bar' },
          encoding: {
            y: { field: 'outcome', type: 'nominal', sort: OUTCOMES.map((o) => o.label), title: null },
            x: {
              field: 'share',
              type: 'quantitative',
              scale: { domain: [0, 1] },
              axis: { format: '.0%', title: 'Share of breaches' },
            },
            color: {
              field: 'outcome',
              type: 'nominal',
              scale: { domain: OUTCOMES.map((o) => o.label), range: CHART_COLOURS.slice(0, 3) },
            },
          },
        },
        {
          mark: { type: 'text', align: 'left', dx: 4, color: '#0b0c0c', fontSize: 13 },
          encoding: {
            y: { field: 'outcome', type: 'nominal', sort: OUTCOMES.map((o) => o.label) },
            x: { field: 'share', type: 'quantitative' },
            text: { field: 'label' },
          },
        },
      ],
    },
  } as TopLevelSpec;
}

/** Median working days from a breach to a decision that took effect, per holding agency. */
export function medianDaysSpec(figures: ConsistencyFigures): TopLevelSpec {
  const values = figures.rows.map((r) => ({
    agency: r.agencyName,
    days: r.medianWorkingDaysBreachToDecision ?? 0,
    label:
      r.medianWorkingDaysBreachToDecision === null ? 'No decisions' : `${r.medianWorkingDaysBreachToDecision} days`,
  }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: 'Median working days from breach to decision, per holding agency',
    data: { values },
    width: 420,
    height: { step: 30 },
    layer: [
      {
        mark: { type: 'bar', color: CHART_COLOURS[0] },
        encoding: {
          y: { field: 'agency', type: 'nominal', title: null, axis: { labelLimit: 320 } },
          x: {
            field: 'days',
            type: 'quantitative',
            axis: { title: 'Median working days, breach to decision', tickMinStep: 1 },
          },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, color: '#0b0c0c', fontSize: 13 },
        encoding: {
          y: { field: 'agency', type: 'nominal' },
          x: { field: 'days', type: 'quantitative' },
          text: { field: 'label' },
        },
      },
    ],
  } as TopLevelSpec;
}

/** The text alternative: the chart's figures in a sentence per agency (the table beside it holds them all). */
export function outcomeSharesAlt(figures: ConsistencyFigures): string {
  if (figures.rows.length === 0) return 'No breaches in this period.';
  return figures.rows
    .map((r) => `${r.agencyName}: ${OUTCOMES.map((o) => `${o.label.toLowerCase()} ${percent(r[o.key])}`).join(', ')}`)
    .join('. ')
    .concat('.');
}

export function medianDaysAlt(figures: ConsistencyFigures): string {
  if (figures.rows.length === 0) return 'No breaches in this period.';
  return figures.rows
    .map(
      (r) =>
        `${r.agencyName}: ${r.medianWorkingDaysBreachToDecision === null ? 'no decisions' : `median ${r.medianWorkingDaysBreachToDecision} working days`}`,
    )
    .join('. ')
    .concat('.');
}

export function consistencyTable(figures: ConsistencyFigures) {
  return figures.rows.map((r) => ({
    agency: r.agencyName,
    cells: [
      r.ordersHeld,
      r.breaches,
      r.decided,
      r.awaitingApproval,
      r.undecided,
      percent(r.shareWrittenWarning),
      percent(r.shareProsecution),
      percent(r.shareNoAction),
      r.decidedWithoutContact,
      r.medianWorkingDaysBreachToDecision ?? 'No decisions',
    ],
  }));
}

export function periodWords(figures: { from: string; to: string }): string {
  return `${longDate(figures.from)} to ${longDate(figures.to)}`;
}
