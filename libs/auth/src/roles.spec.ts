import { ForbiddenException } from '@nestjs/common';
import type { Caller } from './caller.js';
import { hasRole, requireRole, worksWithFamilies } from './roles.js';

const triager: Caller = {
  personId: 'person-0002',
  name: 'Sam Sample',
  agencyId: 'agency-south',
  roles: ['triager'],
  tenant: 'demo',
};

describe('worksWithFamilies', () => {
  const who = (roles: Caller['roles']): Caller => ({ personId: 'p', name: 'P', agencyId: 'a', roles, tenant: 'demo' });

  it('is true for practitioners, triagers and managers, and false for agency admins and auditors alone', () => {
    expect(worksWithFamilies(who(['practitioner']))).toBe(true);
    expect(worksWithFamilies(who(['triager']))).toBe(true);
    expect(worksWithFamilies(who(['manager']))).toBe(true);
    expect(worksWithFamilies(who(['agency-admin']))).toBe(false);
    expect(worksWithFamilies(who(['auditor']))).toBe(false);
    expect(worksWithFamilies(who([]))).toBe(false);
  });
});

describe('role checks', () => {
  it('lets through a caller holding any one of the roles', () => {
    expect(() => requireRole(triager, 'manager', 'triager')).not.toThrow();
    expect(hasRole(triager, 'manager', 'triager')).toBe(true);
  });

  it('forbids a caller holding none of the roles, naming them', () => {
    expect(() => requireRole(triager, 'manager', 'auditor')).toThrow(ForbiddenException);
    expect(() => requireRole(triager, 'manager', 'auditor')).toThrow('requires one of the roles: manager, auditor');
  });
});
