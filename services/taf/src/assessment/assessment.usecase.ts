import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@baton/auth';
import { PlanEvents } from '@baton/contracts';
import { ProblemException } from '@baton/http-api';
import { TenantDirectory } from '@baton/tenancy';
import { mayReadAssessment, type PlanRelationship } from '../access/plan-access.policy.js';
import type { RuleViolation } from '../domain/rule-violation.js';
import { PlanChanges } from '../plan/plan-changes.js';
import { PlanEventRecorder } from '../plan/plan-event.recorder.js';
import { Plan } from '../plan/plan.entity.js';
import { PlanLoader } from '../plan/plan.loader.js';
import type { PlanState } from '../plan/plan-state.js';
import { refuseIfAny } from '../plan/refuse.js';
import type { RecordAssessmentDto } from './dto/record-assessment.dto.js';
import { PlanAssessmentRow } from './plan-assessment.entity.js';

const DOMAINS = ['childDevelopment', 'parentsAndCarers', 'familyAndEnvironment'] as const;

/**
 * The lead professional records the early help assessment; it is read by the lead and by the agencies it is
 * shared with. Its content never leaves this service: the event says only that it exists and with whom it is shared.
 */
@Injectable()
export class Assessments {
  constructor(
    private readonly changes: PlanChanges,
    private readonly recorder: PlanEventRecorder,
    private readonly tenants: TenantDirectory,
    private readonly loader: PlanLoader,
    private readonly dataSource: DataSource,
  ) {}

  async record(caller: Caller, planId: string, dto: RecordAssessmentDto, ifMatch: string | undefined) {
    const title = 'The assessment cannot be recorded';
    return this.changes.run(
      caller,
      planId,
      ifMatch,
      { leadOnly: true, requires: 'agreement', title },
      async ({ manager, state, actor, now }) => {
        refuseIfAny(this.violations(caller, state, dto, now), title);
        const shared = [...new Set([state.lead.agencyId, ...dto.sharedWithAgencyIds])];
        const assessment = Object.assign(new PlanAssessmentRow(), {
          id: randomUUID(),
          planId: state.plan.id,
          completedAt: new Date(dto.completedAt),
          completedBy: actor,
          recordedAt: now,
          content: {
            childDevelopment: dto.childDevelopment,
            parentsAndCarers: dto.parentsAndCarers,
            familyAndEnvironment: dto.familyAndEnvironment,
            familyView: dto.familyView,
            childVoice: dto.childVoice,
          },
          sharedWithAgencyIds: shared,
        });
        await manager.insert(PlanAssessmentRow, assessment);
        state.plan.assessmentSummary = {
          assessmentId: assessment.id,
          completedAt: assessment.completedAt.toISOString(),
          sharedWithAgencyIds: shared,
        };
        await manager.update(Plan, { id: state.plan.id }, { assessmentSummary: state.plan.assessmentSummary });
        await this.recorder.record(manager, state, {
          definition: PlanEvents.assessmentRecorded,
          data: {
            assessmentId: assessment.id,
            completedAt: assessment.completedAt.toISOString(),
            completedBy: actor,
            sharedWithAgencyIds: shared,
          },
          actor,
          at: now,
          timeline: {
            summary: `Early help assessment recorded, shared with ${shared.map((a) => agencyName(state, a)).join(', ')}`,
            details: { assessmentId: assessment.id, sharedWithAgencyIds: shared },
          },
        });
        return assessment;
      },
    );
  }

  /** The latest assessment, for the lead and the agencies it is shared with; 404 when there is none. */
  async latest(
    caller: Caller,
    planId: string,
  ): Promise<{ state: PlanState; relationship: PlanRelationship; assessment: PlanAssessmentRow }> {
    const { state, relationship } = await this.loader.forCaller(this.dataSource.manager, caller, planId);
    const summary = state.plan.assessmentSummary;
    if (!summary) throw ProblemException.notFound(`An assessment of plan ${planId}`);
    if (!mayReadAssessment(caller, relationship, summary.sharedWithAgencyIds)) {
      throw ProblemException.of(
        403,
        'assessment-not-shared',
        'Forbidden',
        'The assessment is not shared with your agency',
        {
          errors: [{ field: 'caller', rule: 'assessmentSharedWithAgency', message: 'not shared with your agency' }],
        },
      );
    }
    const assessment = await this.dataSource.manager.findOneByOrFail(PlanAssessmentRow, { id: summary.assessmentId });
    return { state, relationship, assessment };
  }

  private violations(caller: Caller, state: PlanState, dto: RecordAssessmentDto, now: Date): RuleViolation[] {
    const headlines = this.tenants.requireTenant(caller.tenant).headlineOutcomes.map((o) => o.code);
    const members = state.members.map((m) => m.agencyId);
    return [
      ...(new Date(dto.completedAt) > now
        ? [
            {
              field: 'completedAt',
              rule: 'isNotFuture',
              message: 'completedAt is in the future',
              kind: 'rule' as const,
            },
          ]
        : []),
      ...DOMAINS.flatMap((domain) =>
        dto[domain].headlineOutcomes.flatMap((code, i) =>
          headlines.includes(code)
            ? []
            : [
                {
                  field: `${domain}.headlineOutcomes[${i}]`,
                  rule: 'isHeadlineOutcome',
                  message: `${code} is not one of the tenant's headline outcomes`,
                  kind: 'rule' as const,
                },
              ],
        ),
      ),
      ...dto.sharedWithAgencyIds.flatMap((agencyId, i) =>
        members.includes(agencyId)
          ? []
          : [
              {
                field: `sharedWithAgencyIds[${i}]`,
                rule: 'isMemberAgency',
                message: `${agencyId} is not on the plan: share only with members`,
                kind: 'rule' as const,
              },
            ],
      ),
    ];
  }
}

function agencyName(state: PlanState, agencyId: string): string {
  return state.members.find((m) => m.agencyId === agencyId)?.agencyName ?? agencyId;
}
