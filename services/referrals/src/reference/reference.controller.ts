import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@baton/auth';
import { CIN_REFERRAL_SOURCES, REFERRAL_OUTCOMES } from '@baton/contracts';
import { TenantDirectory } from '@baton/tenancy';
import { ApiSuccess, ApiTag } from '@baton/http-api';
import { CONCERN_CATEGORIES, LAWFUL_BASES } from '../referral/dto/create-referral.dto.js';
import { ReferralReferenceView } from './reference.responses.js';

/** The code lists a referral form needs, with the caller's authority's own labels for levels of need. */
@ApiTag('reference', "Code lists and the caller's authority's own reference data that forms need")
@ApiBearerAuth()
@Controller('v1/reference')
export class ReferenceController {
  constructor(private readonly tenants: TenantDirectory) {}

  @Get()
  @ApiOperation({
    summary: 'Referral source codes, levels of need, agencies, outcomes, lawful bases, who may be allocated',
    description:
      'allocatableWorkers: the practitioners of agencies that receive referrals or are children’s social care, ' +
      'by personId; a decision allocates one of the receiving agency (or, on a step-up, of children’s social care).',
  })
  @ApiSuccess(200, { description: 'The code lists', type: ReferralReferenceView })
  reference(@CurrentCaller() caller: Caller) {
    const tenant = this.tenants.requireTenant(caller.tenant);
    return {
      referralSources: CIN_REFERRAL_SOURCES,
      levelsOfNeed: tenant.levelsOfNeed,
      outcomes: REFERRAL_OUTCOMES,
      concernCategories: CONCERN_CATEGORIES,
      lawfulBases: LAWFUL_BASES,
      agencies: tenant.agencies.map(({ id, name, kind, receivesReferrals }) => ({ id, name, kind, receivesReferrals })),
      teams: tenant.teams,
      allocatableWorkers: tenant.people
        .filter((p) => {
          const agency = tenant.agencies.find((a) => a.id === p.agencyId);
          const holdsCases = agency?.receivesReferrals === true || agency?.kind === 'childrens-social-care';
          return holdsCases && p.roles.includes('practitioner');
        })
        .map(({ personId, name, agencyId, jobTitle }) => ({
          personId,
          name,
          agencyId,
          ...(jobTitle ? { jobTitle } : {}),
        })),
    };
  }
}
