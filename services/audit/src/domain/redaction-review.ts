/** Why a part of an event must be reviewed before it is disclosed to the data subject. */
export type RedactionReason =
  /** Another person in the family, or anyone else identified (UK GDPR art. 15(4); DPA 2018 sch. 2 para. 16). */
  | 'third-party'
  /** Who made a referral, when the referrer's identity was withheld or the referrer is a private individual. */
  | 'referrer-identity'
  /** A practitioner's identity: usually disclosed, but checked for risk to the practitioner. */
  | 'practitioner'
  /** Free text written by practitioners: may name or describe third parties. */
  | 'free-text';

export interface RedactionMark {
  /** Path into the event, e.g. `data.children[1]`. */
  path: string;
  reason: RedactionReason;
}

const PERSON_KEYS = ['childId', 'carerId', 'personId'] as const;
const FREE_TEXT_KEYS = new Set(['reasons', 'summary', 'notes', 'description', 'comment', 'comments', 'details']);

/**
 * Marks what in one event needs review before a subject access disclosure to `subjectId`: everyone else it
 * names, the referrer where identity is protected, practitioners, and free text. Marks only; nothing is removed,
 * because the decision to redact is a person's (ICO right of access guidance: "information about other people").
 */
export function redactionReview(event: Record<string, unknown>, subjectId: string): RedactionMark[] {
  const marks: RedactionMark[] = [];
  if (typeof event.actor === 'string' && event.actor !== subjectId && event.actor !== 'system') {
    marks.push({ path: 'actor', reason: 'practitioner' });
  }
  walk(event.data, 'data', subjectId, marks);
  return marks;
}

function walk(value: unknown, path: string, subjectId: string, marks: RedactionMark[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, `${path}[${i}]`, subjectId, marks));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const node = value as Record<string, unknown>;
  const personKey = PERSON_KEYS.find((k) => typeof node[k] === 'string');
  if (personKey !== undefined && node[personKey] !== subjectId) {
    // A practitioner is named with their agency; a family member (child, carer, parent) is not.
    marks.push({ path, reason: typeof node.agencyId === 'string' ? 'practitioner' : 'third-party' });
    return;
  }
  if (path.endsWith('.source') && (node.identityWithheld === true || node.kind === 'individual')) {
    marks.push({ path, reason: 'referrer-identity' });
    return;
  }
  for (const [key, child] of Object.entries(node)) {
    const childPath = `${path}.${key}`;
    if (FREE_TEXT_KEYS.has(key) && typeof child === 'string' && child.length > 0) {
      marks.push({ path: childPath, reason: 'free-text' });
    } else {
      walk(child, childPath, subjectId, marks);
    }
  }
}
