import type { RecordRelationship } from '../access/order-access.policy.js';
import { isAttendanceContract } from '../domain/contract-lifecycle.rules.js';
import type { ParentingContract } from './parenting-contract.entity.js';

export function contractStatusView(c: ParentingContract) {
  return {
    id: c.id,
    familyId: c.familyId,
    kind: c.kind,
    attendanceContract: isAttendanceContract(c.kind, c.ground),
    state: c.state,
    providerAgencyId: c.providerAgencyId,
    providerKind: c.providerKind,
    responsibleOfficer: c.officer,
    periodStartsOn: c.periodStartsOn,
    periodEndsOn: c.periodEndsOn,
    version: c.version,
  };
}

export function contractView(relationship: RecordRelationship, c: ParentingContract) {
  if (relationship === 'plan-member' || relationship === 'break-glass') return contractStatusView(c);
  const terms = { ...contractStatusView(c), parentRequirements: c.parentRequirements, support: c.support };
  if (relationship === 'lead-professional') return terms;
  return {
    ...terms,
    ground: c.ground,
    children: c.children,
    parents: c.parents,
    offeredOn: c.offeredOn,
    parentSignedOn: c.parentSignedOn,
    providerSignedOn: c.providerSignedOn,
    signedForProvider: c.signedForProvider,
    refusedOn: c.refusedOn,
    refusalReason: c.refusalReason,
    endedOn: c.endedOn,
    endReason: c.endReason,
  };
}

/**
 * The evidence a court must weigh on a later order application (ASBA 2003 ss.20(4), 26(4)):
 * the contract's chronology, its refusal or breaches, the support offered and the support taken up.
 */
export function evidenceBundle(c: ParentingContract, generatedAt: Date) {
  const breaches = c.chronology.filter((e) => e.what === 'breach');
  const reviews = c.chronology.filter((e) => e.what === 'review');
  const takenUp = [...new Set(reviews.flatMap((r) => (r.detail.supportTakenUp as string[] | undefined) ?? []))];
  return {
    generatedAt: generatedAt.toISOString(),
    contract: contractView('holder', c),
    refusal: c.refusedOn ? { refusedOn: c.refusedOn, reason: c.refusalReason } : null,
    breaches: breaches.map((b) => ({ on: b.on, ...b.detail, recordedBy: b.by })),
    supportOffered: c.support ?? [],
    supportTakenUp: takenUp,
    supportNotTakenUp: (c.support ?? []).filter((s) => !takenUp.includes(s)),
    chronology: c.chronology,
  };
}
