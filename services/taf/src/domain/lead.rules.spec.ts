import {
  answerHandoverViolations,
  leadEndViolations,
  memberLeavingViolations,
  proposeHandoverViolations,
} from './lead.rules.js';

const lead = { personId: 'hub-triager', agencyId: 'demo-early-help-hub' };
const school = { personId: 'school-dsl', agencyId: 'demo-oakfield-primary' };

describe('lead professional handover', () => {
  it('lets the lead propose someone else', () => {
    expect(proposeHandoverViolations({ ...lead, isManager: false }, lead, school)).toEqual([]);
  });

  it("lets a manager of the lead's agency propose, when the lead cannot", () => {
    const manager = { personId: 'hub-manager', agencyId: 'demo-early-help-hub', isManager: true };
    expect(proposeHandoverViolations(manager, lead, school)).toEqual([]);
  });

  it('refuses a member, or a manager of another agency, proposing a new lead', () => {
    const member = { ...school, isManager: false };
    const otherManager = { personId: 'yot-manager', agencyId: 'demo-yot', isManager: true };
    expect(proposeHandoverViolations(member, lead, school)[0]).toMatchObject({
      rule: 'isLeadOrLeadAgencyManager',
      kind: 'forbidden',
    });
    expect(proposeHandoverViolations(otherManager, lead, school)[0].rule).toBe('isLeadOrLeadAgencyManager');
  });

  it('refuses handing over to the person who already leads', () => {
    expect(proposeHandoverViolations({ ...lead, isManager: false }, lead, lead)).toEqual([
      expect.objectContaining({ field: 'proposedLead.personId', rule: 'isNotCurrentLead' }),
    ]);
  });

  it('lets only the proposed lead answer, and only while the handover is pending', () => {
    const pending = { status: 'proposed', proposedLead: school };
    expect(answerHandoverViolations(school, pending)).toEqual([]);
    expect(answerHandoverViolations(lead, pending)[0]).toMatchObject({ rule: 'isProposedLead', kind: 'forbidden' });
    // Same person id at another agency is not the person proposed.
    expect(answerHandoverViolations({ ...school, agencyId: 'demo-yot' }, pending)[0].rule).toBe('isProposedLead');
    expect(answerHandoverViolations(school, { ...pending, status: 'accepted' })[0]).toMatchObject({
      rule: 'isPendingHandover',
      kind: 'conflict',
    });
  });

  it("keeps the lead's own agency on the plan", () => {
    expect(memberLeavingViolations('demo-early-help-hub', 'demo-early-help-hub')[0].rule).toBe('isNotLeadAgency');
    expect(memberLeavingViolations('demo-yot', 'demo-early-help-hub')).toEqual([]);
  });
});

describe("the end of a lead professional's time", () => {
  const began = new Date('2026-11-23T10:00:00Z');

  it('allows ending it at the very instant it began, and any time after', () => {
    expect(leadEndViolations(began, began, 'handover')).toEqual([]);
    expect(leadEndViolations(began, new Date('2026-11-23T10:00:00.001Z'), 'handover')).toEqual([]);
  });

  it('refuses ending it before it began, as a conflict with the plan as it stands', () => {
    expect(leadEndViolations(began, new Date('2026-11-23T09:59:59.999Z'), 'handover')).toEqual([
      expect.objectContaining({ field: 'handover', rule: 'isNotBeforeCurrentLeadStarted', kind: 'conflict' }),
    ]);
  });
});
