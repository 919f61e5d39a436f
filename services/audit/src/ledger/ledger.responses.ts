import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

// The shapes the ledger's operations answer with (ledger-verifier.ts, checkpoint-store.ts).

const BROKEN_LINK_PROBLEMS = [
  'sequence-gap',
  'previous-hash-mismatch',
  'content-altered',
  'checkpoint-mismatch',
  'truncated',
  'index-mismatch',
  'head-mismatch',
  'checkpoint-signature-invalid',
] as const;

/** A signed statement of a tenant's chain at a moment. */
export class CheckpointStatementView {
  @ApiProperty({ example: 'northshire' })
  tenant: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Entries in the chain (the last position)' })
  count: number;

  @ApiProperty({ description: 'The hash of the entry at `count`', example: '9f2c…' })
  headHash: string;

  @ApiProperty({ format: 'date-time', description: 'When the checkpoint was taken' })
  time: string;

  @ApiProperty({ description: "SHA-256 fingerprint of the signing key's public half" })
  keyId: string;
}

export class SignedCheckpointView {
  @ApiProperty({ type: CheckpointStatementView })
  statement: CheckpointStatementView;

  @ApiProperty({ description: "Ed25519 signature over the statement's RFC 8785 canonical form, base64url" })
  signature: string;
}

/** A checkpoint file that could not be read: listed, never skipped. */
export class UnreadableCheckpointView {
  @ApiProperty({ example: '000000000042.json' })
  file: string;

  @ApiProperty({ description: 'Why it could not be read' })
  unreadable: string;
}

@ApiExtraModels(SignedCheckpointView, UnreadableCheckpointView)
export class CheckpointListView {
  @ApiProperty({ description: 'The key id that signs new checkpoints' })
  keyId: string;

  @ApiProperty({
    type: 'array',
    items: {
      oneOf: [{ $ref: getSchemaPath(SignedCheckpointView) }, { $ref: getSchemaPath(UnreadableCheckpointView) }],
    },
    description: 'Oldest first',
  })
  checkpoints: (SignedCheckpointView | UnreadableCheckpointView)[];
}

/** Where the chain first breaks, and how. */
export class BrokenLinkView {
  @ApiProperty({ type: 'integer', minimum: 0 })
  seq: number;

  @ApiProperty({ enum: BROKEN_LINK_PROBLEMS })
  problem: string;

  @ApiProperty()
  expected: string;

  @ApiProperty()
  found: string;
}

export class VerificationReportView {
  @ApiProperty()
  tenant: string;

  @ApiProperty({ description: 'The chain is whole and agrees with every signed checkpoint' })
  ok: boolean;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Entries verified before the first broken link (all when ok)',
  })
  entries: number;

  @ApiProperty()
  headHash: string;

  @ApiPropertyOptional({ type: BrokenLinkView })
  firstBroken?: BrokenLinkView;

  @ApiProperty({ type: 'integer', minimum: 0 })
  checkpointsChecked: number;

  @ApiPropertyOptional({ type: CheckpointStatementView })
  latestCheckpoint?: CheckpointStatementView;

  @ApiProperty({ type: 'integer', minimum: 0 })
  durationMs: number;
}
