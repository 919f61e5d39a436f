import { assessmentPage, assessmentRecordedMessage, parseAssessment } from './assessment.view-model.js';
import { inventedPlan, NOW } from './plan.fixture.js';
import { printPage } from './print.view-model.js';

const headlines = [{ code: 'education', label: 'Getting a good education' }];
const complete = {
  'completedOn-day': '4',
  'completedOn-month': '12',
  'completedOn-year': '2026',
  'childDevelopment-strengths': 'Reads well',
  'childDevelopment-needs': 'Misses Mondays',
  'childDevelopment-outcomes': 'education',
  'parentsAndCarers-strengths': 'Warm',
  'parentsAndCarers-needs': 'Mornings',
  'familyAndEnvironment-strengths': 'Grandparents nearby',
  'familyAndEnvironment-needs': 'Damp flat',
  familyView: 'Calmer mornings',
  childVoice: 'I like school',
  sharedWith: ['demo-oakfield-primary', 'demo-police'],
};

describe('the early help assessment', () => {
  it('asks for the strengths and needs of each of the three domains, and the family and the child', () => {
    const parsed = parseAssessment({}, inventedPlan(), headlines, NOW);
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.text)).toEqual([
      'Enter the date the assessment was completed',
      "Enter the strengths for the child's development",
      "Enter the needs for the child's development, or say there are none",
      'Enter the strengths for parents and carers',
      'Enter the needs for parents and carers, or say there are none',
      'Enter the strengths for family and environment',
      'Enter the needs for family and environment, or say there are none',
      "Enter the family's own view",
      "Enter the child's voice, in their words where you can",
    ]);
  });

  it('shares it only with agencies in the team, and says with whom', () => {
    const parsed = parseAssessment(complete, inventedPlan(), headlines, NOW);
    expect(parsed.ok && parsed.value.sharedWithAgencyIds).toEqual(['demo-oakfield-primary']);
    expect(parsed.ok && parsed.value.childDevelopment).toEqual({
      strengths: 'Reads well',
      needs: 'Misses Mondays',
      headlineOutcomes: ['education'],
    });
    expect(parsed.ok && parsed.value.completedAt).toBe(NOW.toISOString());
    expect(assessmentRecordedMessage(inventedPlan(), ['demo-oakfield-primary'])).toBe(
      'Assessment recorded and shared with Oakfield Primary School.',
    );
    expect(assessmentRecordedMessage(inventedPlan(), [])).toBe(
      'Assessment recorded. It is shared with no other agency.',
    );
  });

  it('shows an agency it is not shared with only that there is one', () => {
    const plan = inventedPlan({
      relationship: 'member',
      assessment: {
        assessmentId: 'x',
        completedAt: '2026-12-01T12:00:00.000Z',
        sharedWithAgencyIds: [],
        readable: false,
      },
    });
    const page = assessmentPage(plan, undefined, 'health-visitor', String);
    expect([page.exists, page.readable, page.mayRecord, page.assessment]).toEqual([true, false, false, undefined]);
    expect(page.completed).toBe('1 December 2026');
  });
});

describe('the printed plan', () => {
  it("says where the plan stands and, for a member, that it has only the agency's own actions", () => {
    const page = printPage(inventedPlan({ relationship: 'member' }), String, String, NOW);
    expect(page.state).toBe('Open. The family agreed to the plan on 2 November 2026.');
    expect(page.nextReview).toBe('Monday 14 December 2026');
    expect(page.partial).toBe(true);
    expect(page.outcomes[0]!.actions[0]).toEqual({
      description: 'Breakfast club place from Monday',
      owner: 'demo-oakfield-primary',
      due: '18 December 2026',
      status: 'Not started',
    });
  });
});
