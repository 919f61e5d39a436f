import { defaultTenantConfigDir, TenantDirectory } from '@baton/tenancy';
import { initialLeadFor } from './initial-lead.rules.js';

const demo = TenantDirectory.load(defaultTenantConfigDir()).requireTenant('demo');
const decidedBy = { personId: 'hub-triager', name: 'Tamsin Quillfeather', agencyId: 'demo-early-help-hub' };

describe('the lead professional of a plan opened from a referral', () => {
  it('is the triager who accepted the family, with her job and contact from the tenant', () => {
    expect(initialLeadFor({ receivingAgencyId: 'demo-early-help-hub', decidedBy }, demo)).toEqual({
      personId: 'hub-triager',
      name: 'Tamsin Quillfeather',
      agencyId: 'demo-early-help-hub',
      agencyName: 'Demo Early Help Hub',
      role: 'Early help practitioner',
      email: 'tamsin.quillfeather@demo-borough.example.org',
      phone: '01632 960101',
    });
  });

  it('is the allocated worker, by person id, when triage allocated a practitioner of the receiving agency', () => {
    const lead = initialLeadFor({ receivingAgencyId: 'demo-csc', decidedBy, allocatedWorkerId: 'csc-duty' }, demo);
    expect(lead).toMatchObject({ personId: 'csc-duty', name: 'Rosalind Kettleby', agencyId: 'demo-csc' });
  });

  it('stays the triager when the allocated id is not a practitioner of the receiving agency', () => {
    const lead = initialLeadFor(
      { receivingAgencyId: 'demo-early-help-hub', decidedBy, allocatedWorkerId: 'yot-officer' },
      demo,
    );
    expect(lead.personId).toBe('hub-triager');
  });

  it("falls back to the agency's address and the allocated team for someone the tenant does not list", () => {
    const stranger = { personId: 'new-starter', name: 'Ann Newstart', agencyId: 'demo-early-help-hub' };
    expect(
      initialLeadFor(
        { receivingAgencyId: 'demo-early-help-hub', decidedBy: stranger, allocatedTeamId: 'demo-hub-family-support' },
        demo,
      ),
    ).toEqual({
      personId: 'new-starter',
      name: 'Ann Newstart',
      agencyId: 'demo-early-help-hub',
      agencyName: 'Demo Early Help Hub',
      role: 'Family Support Workers',
      email: 'early-help-hub@demo-borough.example.org',
    });
  });
});
