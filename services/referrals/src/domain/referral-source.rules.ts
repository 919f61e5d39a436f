import type { CinReferralSourceCode, IndividualReferrerRelationship } from '@baton/contracts';
import type { RuleViolation } from './rule-violation.js';

/** CIN census codes for individuals, by the referrer's relationship to the family. */
const INDIVIDUAL_CODES: Record<IndividualReferrerRelationship, CinReferralSourceCode> = {
  'family-member': '1A',
  acquaintance: '1B',
  self: '1C',
  'other-individual': '1D',
  anonymous: '9',
};
const INDIVIDUAL_CODE_SET = new Set<string>([...Object.values(INDIVIDUAL_CODES), '10']);

/**
 * The census source code must agree with who referred: an individual's relationship fixes the code
 * (1A–1D, 9; 10 when unknown), and a practitioner's referral never uses an individual's code.
 */
export function sourceCodeViolations(
  sourceCode: CinReferralSourceCode,
  source: { kind: 'practitioner' | 'individual'; relationship?: IndividualReferrerRelationship },
): RuleViolation[] {
  if (source.kind === 'individual') {
    const expected = source.relationship ? INDIVIDUAL_CODES[source.relationship] : undefined;
    if (expected && sourceCode !== expected && sourceCode !== '10') {
      return [
        {
          field: 'sourceCode',
          rule: 'sourceCodeMatchesSource',
          message: `a referral from an individual (${source.relationship}) has CIN source code ${expected}, not ${sourceCode}`,
        },
      ];
    }
    return [];
  }
  if (INDIVIDUAL_CODE_SET.has(sourceCode) && sourceCode !== '10') {
    return [
      {
        field: 'sourceCode',
        rule: 'sourceCodeMatchesSource',
        message: `CIN source code ${sourceCode} is for individuals; a practitioner's referral uses their agency's code`,
      },
    ];
  }
  return [];
}

/** An anonymous referrer is, by definition, withheld from the family. */
export function identityWithheld(source: {
  relationship?: IndividualReferrerRelationship;
  identityWithheld?: boolean;
}) {
  return source.relationship === 'anonymous' || source.identityWithheld === true;
}
