import type { WaitingTimes } from '../auditor/audit.api.js';
import { renderChart } from './charts.js';
import {
  consistencyTable,
  outcomeSharesAlt,
  outcomeSharesSpec,
  type ConsistencyFigures,
} from './consistency.view-model.js';
import { waitAlt, waitSpec, type MonthFigures } from './waiting-times.view-model.js';

const svgOf = (src: string) => Buffer.from(src.replace('data:image/svg+xml;base64,', ''), 'base64').toString('utf8');

const figures: ConsistencyFigures = {
  from: '2026-01-01',
  to: '2026-12-31',
  rows: [
    {
      holdingAgencyId: 'demo-yot',
      holdingAgencyKind: 'youth-offending-team',
      failuresWithReasonableExcuse: 0,
      agencyName: 'Demo Youth Offending Team',
      ordersHeld: 3,
      breaches: 4,
      decided: 3,
      awaitingApproval: 1,
      undecided: 0,
      writtenWarnings: 2,
      prosecutionReferrals: 1,
      noAction: 0,
      decidedWithoutContact: 1,
      shareWrittenWarning: 2 / 3,
      shareProsecution: 1 / 3,
      shareNoAction: 0,
      medianWorkingDaysBreachToDecision: 2,
    },
  ],
};

describe('charts rendered on the server', () => {
  it('draws the consistency report as SVG with every figure as text, and says the same in words', async () => {
    const chart = await renderChart(outcomeSharesSpec(figures), outcomeSharesAlt(figures));
    const svg = svgOf(chart.src);
    expect(svg.startsWith('<svg')).toBe(true);
    for (const text of [
      'Demo Youth Offending Team',
      'Written warning',
      'Prosecution',
      'No action',
      '67%',
      '33%',
      '0%',
    ]) {
      expect(svg).toContain(text);
    }
    expect(chart.alt).toBe('Demo Youth Offending Team: written warning 67%, prosecution 33%, no action 0%.');
    expect(consistencyTable(figures)[0]!.cells).toEqual([3, 4, 3, 1, 0, '67%', '33%', '0%', 1, 2]);
  });

  it('draws waiting times month by month, leaving out a month with no figures', async () => {
    const report = (median: number | null, p90: number | null, count: number) =>
      ({ receiptToDecisionHours: { count, median, p90 } }) as WaitingTimes;
    const months: MonthFigures[] = [
      { month: 'October 2026', short: 'Oct 2026', report: report(5, 20, 4) },
      { month: 'November 2026', short: 'Nov 2026', report: report(null, null, 0) },
      { month: 'December 2026', short: 'Dec 2026', report: report(3.5, 9, 2) },
    ];
    const pick = (r: WaitingTimes) => r.receiptToDecisionHours;
    const chart = await renderChart(
      waitSpec(months, pick, 'hours', 'Referral to decision'),
      waitAlt(months, pick, 'hours', 'Referral to decision'),
    );
    const svg = svgOf(chart.src);
    expect(svg).toContain('3.5');
    expect(svg).toContain('20');
    expect(chart.alt).toBe(
      'Referral to decision, by month. October 2026: median 5 hours, 90th percentile 20 hours (4). November 2026: none. December 2026: median 3.5 hours, 90th percentile 9 hours (2).',
    );
  });
});
