import { defineEvent } from '../event-definition.js';
import { ContractBreachRecordedV1 } from './contract-breach-recorded.v1.js';
import { ContractCompletedV1 } from './contract-completed.v1.js';
import { ContractDraftedV1 } from './contract-drafted.v1.js';
import { ContractEndedEarlyV1 } from './contract-ended-early.v1.js';
import { ContractOfferedV1 } from './contract-offered.v1.js';
import { ContractRefusedV1 } from './contract-refused.v1.js';
import { ContractReviewedV1 } from './contract-reviewed.v1.js';
import { ContractSignedV1 } from './contract-signed.v1.js';

export const ContractEvents = {
  drafted: defineEvent({
    aggregate: 'contract',
    name: 'drafted',
    version: 1,
    payload: ContractDraftedV1,
    summary: 'A parenting contract was drafted for a family.',
  }),
  offered: defineEvent({
    aggregate: 'contract',
    name: 'offered',
    version: 1,
    payload: ContractOfferedV1,
    summary: 'A complete parenting contract was offered to the parent.',
  }),
  signed: defineEvent({
    aggregate: 'contract',
    name: 'signed',
    version: 1,
    payload: ContractSignedV1,
    summary: 'The parent and the provider signed; the contract is active.',
  }),
  refused: defineEvent({
    aggregate: 'contract',
    name: 'refused',
    version: 1,
    payload: ContractRefusedV1,
    summary: 'The parent declined to sign; the refusal is recorded as evidence.',
  }),
  breachRecorded: defineEvent({
    aggregate: 'contract',
    name: 'breach-recorded',
    version: 1,
    payload: ContractBreachRecordedV1,
    summary: 'A breach of an active contract was recorded as evidence.',
  }),
  reviewed: defineEvent({
    aggregate: 'contract',
    name: 'reviewed',
    version: 1,
    payload: ContractReviewedV1,
    summary: 'An active contract was reviewed.',
  }),
  completed: defineEvent({
    aggregate: 'contract',
    name: 'completed',
    version: 1,
    payload: ContractCompletedV1,
    summary: 'The contract ran its specified period.',
  }),
  endedEarly: defineEvent({
    aggregate: 'contract',
    name: 'ended-early',
    version: 1,
    payload: ContractEndedEarlyV1,
    summary: 'The contract ended before its period was over.',
  }),
} as const;
