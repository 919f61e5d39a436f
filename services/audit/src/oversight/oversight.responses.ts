import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '@baton/http-api';

// The shapes the oversight operations answer with (ledger-entry.view.ts, oversight-queries.ts).

/** One ledger entry: the event as recorded, with its place in the chain. */
export class LedgerEntryView {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Position in the chain' })
  seq: number;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;

  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({ example: 'baton.referral.received.v1' })
  type: string;

  @ApiProperty({ example: 'baton/referrals' })
  source: string;

  @ApiProperty()
  subject: string;

  @ApiProperty({ format: 'date-time' })
  time: string;

  @ApiProperty({ description: 'The person who acted, or `system`' })
  actor: string;

  @ApiPropertyOptional()
  actorAgency?: string;

  @ApiPropertyOptional()
  actorRole?: string;

  @ApiProperty({ type: [String] })
  familyIds: string[];

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The event's data, as recorded; empty once its content is erased (`contentErased`)",
  })
  data: Record<string, unknown>;

  @ApiPropertyOptional({
    description:
      "True when the entry's personal content was erased under a retention rule or an erasure request: what, when and who come from the entry's link, and `data` is empty",
  })
  contentErased?: boolean;
}

export class AccessorView {
  @ApiProperty()
  personId: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  agencyId: string;

  @ApiProperty({ type: [String] })
  roles: string[];
}

export class AccessedWhatView {
  @ApiProperty({ example: 'read' })
  action: string;

  @ApiProperty({ example: 'taf' })
  service: string;

  @ApiProperty({ example: 'plan' })
  recordType: string;

  @ApiProperty({ type: [String] })
  recordIds: string[];
}

export class AccessedWhyView {
  @ApiPropertyOptional()
  purpose?: string;

  @ApiPropertyOptional({ description: 'Set when the access relied on a lawful basis other than involvement' })
  lawfulBasis?: string;
}

export class AccessedFromView {
  @ApiPropertyOptional()
  ip?: string;

  @ApiPropertyOptional()
  userAgent?: string;
}

/** An access to a family's records: who, what, when, from where and why. */
export class AccessView {
  @ApiProperty({ type: 'integer', minimum: 1 })
  seq: number;

  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({ format: 'date-time' })
  accessedAt: string;

  @ApiProperty({ type: AccessorView })
  who: AccessorView;

  @ApiProperty({ type: AccessedWhatView })
  what: AccessedWhatView;

  @ApiProperty({ type: AccessedWhyView })
  why: AccessedWhyView;

  @ApiProperty({ type: AccessedFromView })
  from: AccessedFromView;

  @ApiProperty({ type: [String] })
  familyIds: string[];
}

export const AccessPage = PageOf(AccessView);

export class RecordHistoryView {
  @ApiProperty()
  recordId: string;

  @ApiProperty({ type: [LedgerEntryView], description: 'Oldest first' })
  entries: LedgerEntryView[];
}

export class RedactionMarkView {
  @ApiProperty({ description: 'Path into the event', example: 'data.children[1]' })
  path: string;

  @ApiProperty({ enum: ['third-party', 'referrer-identity', 'practitioner', 'free-text'] })
  reason: string;
}

export class SubjectRecordView extends LedgerEntryView {
  @ApiProperty({ type: [RedactionMarkView], description: 'The parts to review before disclosure' })
  redactionReview: RedactionMarkView[];
}

/** Everything held about one person, for a subject access request (UK GDPR art. 15). */
export class SubjectAccessExportView {
  @ApiProperty()
  subjectId: string;

  @ApiProperty()
  tenant: string;

  @ApiProperty({ format: 'date-time' })
  generatedAt: string;

  @ApiProperty({ type: [String] })
  familyIds: string[];

  @ApiProperty({ type: [SubjectRecordView], description: 'Every event naming the subject' })
  records: SubjectRecordView[];

  @ApiProperty({ type: [AccessView], description: "Who accessed the subject's family's records, and why" })
  accesses: AccessView[];
}
