import { inventedPlan, NOW } from './plan.fixture.js';
import { reviewSchedule } from './review-schedule.js';
import { parseReview, reviewRecordedMessage, reviewsPage } from './review.view-model.js';
import type { Review } from './taf.api.js';

const OUTCOME = 'b0000000-0000-4000-8000-000000000001';
const held = { 'heldOn-day': '4', 'heldOn-month': '12', 'heldOn-year': '2026' };

describe('the review schedule', () => {
  it('says when the next review is in words, and how long there is', () => {
    expect(reviewSchedule(inventedPlan(), NOW)).toEqual({
      cadence: 'Reviews are held at least every 6 weeks.',
      next: 'Monday 14 December 2026',
      last: undefined,
      overdue: false,
      dueSoon: false,
      when: 'in 10 days',
    });
  });

  it('marks a review within a week as due soon, and one whose day has passed as overdue', () => {
    expect(reviewSchedule(inventedPlan({ nextReviewDate: '2026-12-07' }), NOW)).toMatchObject({
      dueSoon: true,
      overdue: false,
      when: 'in 3 days',
    });
    expect(reviewSchedule(inventedPlan({ nextReviewDate: '2026-12-04' }), NOW)).toMatchObject({
      dueSoon: true,
      overdue: false,
      when: 'today',
    });
    expect(reviewSchedule(inventedPlan({ nextReviewDate: '2026-12-03' }), NOW)).toMatchObject({
      overdue: true,
      dueSoon: false,
      when: '1 day overdue',
    });
  });

  it('counts days where the authority works: in summer, 23:30 UTC is already the next day in London', () => {
    const lateEvening = new Date('2026-12-03T23:30:00Z');
    expect(reviewSchedule(inventedPlan({ nextReviewDate: '2026-12-03' }), lateEvening)).toMatchObject({
      when: 'today',
    });
    const summerEvening = new Date('2026-07-03T23:30:00Z');
    expect(reviewSchedule(inventedPlan({ nextReviewDate: '2026-07-04' }), summerEvening)).toMatchObject({
      when: 'today',
    });
  });

  it("shows the newest review first, with each outcome's progress in words", () => {
    const review = (heldOn: string): Review => ({
      reviewId: heldOn,
      heldOn,
      attendees: [{ name: 'Jo Larkspur', role: 'mother' }],
      progress: [{ outcomeId: OUTCOME, progress: 'some-progress', note: 'Four days of five' }],
      decisions: 'Keep going',
      nextReviewDate: '2027-01-15',
      recordedBy: { personId: 'hub-triager', name: 'Tamsin Quillfeather', agencyId: 'demo-early-help-hub' },
      recordedAt: '2026-12-04T10:00:00.000Z',
    });
    const page = reviewsPage(inventedPlan(), [review('2026-11-20'), review('2026-12-04')], 'hub-triager', NOW);
    expect(page.reviews.map((r) => r.heldOn)).toEqual(['4 December 2026', '20 November 2026']);
    expect(page.reviews[0]!.rows[1]).toEqual({
      key: { text: 'Alfie is in school every day' },
      value: { text: 'Some progress: Four days of five' },
    });
    expect(page.mayRecord).toBe(true);
  });
});

describe('recording a review', () => {
  it('asks for the date, who was there, progress on every outcome and what was decided', () => {
    const parsed = parseReview({}, inventedPlan(), NOW);
    expect(parsed.ok ? [] : parsed.errors).toEqual([
      { field: 'heldOn-day', text: 'Enter the date of the review' },
      { field: 'attendees', text: 'Select who was at the review, or enter them under anyone else' },
      { field: `progress-${OUTCOME}`, text: 'Select the progress towards "Alfie is in school every day"' },
      { field: 'decisions', text: 'Enter what was decided at the review' },
    ]);
  });

  it('refuses a review in the future, or before the plan opened, and a next date not after it', () => {
    const future = parseReview({ 'heldOn-day': '5', 'heldOn-month': '12', 'heldOn-year': '2026' }, inventedPlan(), NOW);
    expect(future.ok ? [] : future.errors[0]).toEqual({
      field: 'heldOn-day',
      text: 'The date of the review must be today or in the past',
    });
    const early = parseReview({ 'heldOn-day': '1', 'heldOn-month': '11', 'heldOn-year': '2026' }, inventedPlan(), NOW);
    expect(early.ok ? [] : early.errors[0]!.text).toBe(
      'The date of the review must be on or after the day the plan opened, 2 November 2026',
    );
    const next = parseReview(
      { ...held, 'nextReviewDate-day': '4', 'nextReviewDate-month': '12', 'nextReviewDate-year': '2026' },
      inventedPlan(),
      NOW,
    );
    expect(next.ok ? [] : next.errors.map((e) => e.field)).toContain('nextReviewDate-day');
  });

  it('takes the team ticked and anyone else typed as name, comma, role', () => {
    const parsed = parseReview(
      {
        ...held,
        attendees: ['0', '1'],
        others: 'Jo Larkspur, mother\r\n\r\nAlfie Larkspur, child',
        [`progress-${OUTCOME}`]: 'good-progress',
        decisions: 'Keep the breakfast club',
      },
      inventedPlan(),
      NOW,
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        heldOn: '2026-12-04',
        attendees: [
          { name: 'Tamsin Quillfeather', role: 'lead professional', agencyId: 'demo-early-help-hub' },
          {
            name: 'Priya Lanternby',
            role: 'Designated safeguarding lead, Oakfield Primary School',
            agencyId: 'demo-oakfield-primary',
          },
          { name: 'Jo Larkspur', role: 'mother' },
          { name: 'Alfie Larkspur', role: 'child' },
        ],
        progress: [{ outcomeId: OUTCOME, progress: 'good-progress' }],
        decisions: 'Keep the breakfast club',
      },
    });
  });

  it('says how to write someone else who was there', () => {
    const parsed = parseReview({ ...held, others: 'Jo Larkspur' }, inventedPlan(), NOW);
    expect(parsed.ok ? [] : parsed.errors.find((e) => e.field === 'others')?.text).toBe(
      'Enter each other person on their own line as name, comma, role, like Jo Hollowmere, mother',
    );
  });

  it('tells the lead when the next review is, in words', () => {
    expect(reviewRecordedMessage({ nextReviewDate: '2027-01-15' })).toBe(
      'Review recorded. The next review is on Friday 15 January 2027.',
    );
  });
});
