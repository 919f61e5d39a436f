import { ForbiddenException } from '@nestjs/common';
import type { Caller } from './caller.js';
import { hasRole, requireRole } from './roles.js';

const triager: Caller = {
  personId: 'person-0002',
  name: 'Sam Sample',
  agencyId: 'agency-south',
  roles: ['triager'],
  tenant: 'demo',
};

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
