import { parseDecision } from './decision.view-model.js';

const directory = {
  teams: [{ id: 'demo-hub-family-support', name: 'Family Support Workers' }],
  workers: [{ personId: 'hub-triager', name: 'Tamsin Quillfeather', jobTitle: 'Early help practitioner' }],
};

describe("the triager's decision", () => {
  it('allocates the worker chosen from the directory by their person id', () => {
    const parsed = parseDecision(
      {
        outcome: 'accept-early-help',
        levelOfNeed: '3',
        reasons: 'Needs across school and home.',
        allocatedWorkerId: 'hub-triager',
      },
      directory,
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        outcome: 'accept-early-help',
        levelOfNeed: 3,
        reasons: 'Needs across school and home.',
        allocatedWorkerId: 'hub-triager',
      },
    });
  });

  it('asks for the outcome, the level and the reasons, and refuses a worker not in the directory', () => {
    const parsed = parseDecision({ allocatedWorkerId: 'someone-else' }, directory);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.text)).toEqual([
      'Select the outcome',
      'Select the level of need',
      'Enter the reasons for the decision',
      'Select a worker from the list',
    ]);
  });
});
