import { randomUUID } from 'node:crypto';
import type { FormError } from '../errors/field-errors.js';
import { formErrors } from '../errors/form-page.js';
import { longDate } from '../layout/dates.js';
import { checked, dateField, text, type Form, type PageField } from './form-values.js';
import { namesOf } from './order.view-model.js';
import type { ContractView, DraftContract } from './parenting.api.js';

export const CONTRACT_KINDS: Record<string, { title: string; hint: string }> = {
  'asba-2003-s19': {
    title: 'Anti-social Behaviour Act 2003, section 19: school attendance, exclusion or misbehaviour',
    hint: 'Offered by a school or the council.',
  },
  'asba-2003-s25': {
    title: 'Anti-social Behaviour Act 2003, section 25: criminal conduct or anti-social behaviour',
    hint: 'Offered by a youth offending team.',
  },
  'asba-2003-s25a': {
    title: 'Anti-social Behaviour Act 2003, section 25A: anti-social behaviour (council)',
    hint: 'Offered by the council.',
  },
  'asba-2003-s25b': {
    title: 'Anti-social Behaviour Act 2003, section 25B: anti-social behaviour (housing provider)',
    hint: 'Offered by a registered housing provider.',
  },
};

export const CONTRACT_GROUNDS: Record<string, string> = {
  exclusion: 'Excluded from school',
  'serious-misbehaviour': 'Serious misbehaviour at school',
  'irregular-attendance': 'Not attending school regularly',
  'criminal-conduct': 'Criminal conduct',
  'anti-social-behaviour': 'Anti-social behaviour',
};

export const CONTRACT_STATES: Record<string, string> = {
  draft: 'Draft',
  offered: 'Offered to the parent',
  active: 'Signed: in force',
  refused: 'Refused by the parent',
  completed: 'Completed',
  'ended-early': 'Ended early',
  breached: 'Ended by a breach',
};

export const EARLY_END_REASONS: Record<string, string> = {
  'parent-withdrew': 'The parent withdrew',
  'family-moved-away': 'The family moved away',
  'needs-met': 'The needs were met',
  'order-applied-for': 'A parenting order was applied for',
  other: 'Another reason',
};

const CHRONOLOGY: Record<string, string> = {
  drafted: 'Drafted',
  offered: 'Offered to the parent',
  signed: 'Signed',
  refused: 'Refused by the parent',
  breach: 'Breach recorded',
  review: 'Reviewed',
  completed: 'Completed',
  'ended-early': 'Ended early',
};

/** One field of a contract step's form, as the generic step template draws it. */
export type StepField =
  | { kind: 'date'; name: string; legend: string; hint?: string; optional?: boolean }
  | { kind: 'textarea'; name: string; label: string; hint?: string; optional?: boolean }
  | { kind: 'lines'; name: string; label: string; hint: string }
  | { kind: 'radios'; name: string; legend: string; items: Record<string, string> }
  | { kind: 'checkboxes'; name: string; legend: string; options: string[]; hint?: string };

export interface ContractStep {
  title: string;
  button: string;
  flash: string;
  /** The states the step is offered in. */
  from: string[];
  fields: (contract: ContractView) => StepField[];
  /** The API's field names, as this page's. */
  apiFields: Record<string, PageField>;
}

/** Each step of a contract's life, from the offer to its end. */
export const CONTRACT_STEPS: Record<string, ContractStep> = {
  offer: {
    title: 'Offer the contract',
    button: 'Record the offer',
    flash: 'Contract offered to the parent',
    from: ['draft'],
    fields: () => [
      { kind: 'date', name: 'offeredOn', legend: 'Date offered' },
      { kind: 'lines', name: 'parentRequirements', label: 'What the parent agrees to do', hint: 'One a line.' },
      { kind: 'lines', name: 'support', label: 'The support your agency will give', hint: 'One a line.' },
      { kind: 'date', name: 'periodStartsOn', legend: 'The contract starts' },
      { kind: 'date', name: 'periodEndsOn', legend: 'The contract ends' },
    ],
    apiFields: {
      offeredOn: { id: 'offeredOn-day', label: 'the date offered' },
      parentRequirements: { id: 'parentRequirements', label: 'what the parent agrees to do' },
      support: { id: 'support', label: 'the support' },
      periodStartsOn: { id: 'periodStartsOn-day', label: 'the start of the contract' },
      periodEndsOn: { id: 'periodEndsOn-day', label: 'the end of the contract' },
    },
  },
  signature: {
    title: 'Record the signatures',
    button: 'Record the signatures',
    flash: 'Contract signed',
    from: ['offered'],
    fields: () => [
      { kind: 'date', name: 'parentSignedOn', legend: 'Date the parent signed' },
      { kind: 'date', name: 'providerSignedOn', legend: 'Date you signed for your agency' },
    ],
    apiFields: {
      parentSignedOn: { id: 'parentSignedOn-day', label: 'the date the parent signed' },
      providerSignedOn: { id: 'providerSignedOn-day', label: 'the date you signed' },
    },
  },
  refusal: {
    title: 'Record that the parent declined to sign',
    button: 'Record the refusal',
    flash: 'Refusal recorded',
    from: ['offered'],
    fields: () => [
      { kind: 'date', name: 'refusedOn', legend: 'Date the parent declined' },
      { kind: 'textarea', name: 'reason', label: 'Their reason', hint: 'In their words where given.' },
    ],
    apiFields: {
      refusedOn: { id: 'refusedOn-day', label: 'the date the parent declined' },
      reason: { id: 'reason', label: 'their reason' },
    },
  },
  breaches: {
    title: 'Record a breach',
    button: 'Record the breach',
    flash: 'Breach recorded',
    from: ['active'],
    fields: () => [
      { kind: 'date', name: 'occurredOn', legend: 'Date of the breach' },
      { kind: 'textarea', name: 'what', label: 'What the parent did not do' },
      { kind: 'textarea', name: 'parentExplanation', label: "The parent's explanation (optional)", optional: true },
      {
        kind: 'radios',
        name: 'endsContract',
        legend: 'Does this breach end the contract?',
        items: { no: 'No', yes: 'Yes' },
      },
    ],
    apiFields: {
      occurredOn: { id: 'occurredOn-day', label: 'the date of the breach' },
      what: { id: 'what', label: 'what the parent did not do' },
    },
  },
  reviews: {
    title: 'Record a review',
    button: 'Record the review',
    flash: 'Review recorded',
    from: ['active'],
    fields: (c) => [
      { kind: 'date', name: 'reviewedOn', legend: 'Date of the review' },
      { kind: 'textarea', name: 'notes', label: 'Notes' },
      {
        kind: 'checkboxes',
        name: 'supportTakenUp',
        legend: 'Support the parent took up',
        options: c.support ?? [],
        hint: 'Select all that apply.',
      },
      { kind: 'date', name: 'nextReviewOn', legend: 'Next review (optional)', optional: true },
    ],
    apiFields: {
      reviewedOn: { id: 'reviewedOn-day', label: 'the date of the review' },
      notes: { id: 'notes', label: 'the notes' },
    },
  },
  completion: {
    title: 'Record the contract completed',
    button: 'Record completion',
    flash: 'Contract completed',
    from: ['active'],
    fields: () => [{ kind: 'date', name: 'completedOn', legend: 'Date completed' }],
    apiFields: { completedOn: { id: 'completedOn-day', label: 'the date completed' } },
  },
  'early-end': {
    title: 'End the contract early',
    button: 'End the contract',
    flash: 'Contract ended early',
    from: ['active', 'offered'],
    fields: () => [
      { kind: 'date', name: 'endedOn', legend: 'Date it ended' },
      { kind: 'radios', name: 'reason', legend: 'Why it ended', items: EARLY_END_REASONS },
      { kind: 'textarea', name: 'details', label: 'Details (optional)', optional: true },
    ],
    apiFields: {
      endedOn: { id: 'endedOn-day', label: 'the date it ended' },
      reason: { id: 'reason', label: 'why it ended' },
    },
  },
};

/** A step's form as the service's body, or what is missing. */
export function parseStep(
  step: ContractStep,
  contract: ContractView,
  form: Form,
): { ok: true; value: Record<string, unknown> } | { ok: false; errors: FormError[] } {
  const errors: FormError[] = [];
  const body: Record<string, unknown> = {};
  for (const field of step.fields(contract)) {
    if (field.kind === 'date') {
      const date = dateField(
        form,
        field.name,
        field.legend.replace(' (optional)', '').toLowerCase(),
        errors,
        field.optional,
      );
      if (date) body[field.name] = date;
    } else if (field.kind === 'textarea') {
      const value = text(form, field.name);
      if (value) body[field.name] = value;
      else if (!field.optional) errors.push({ field: field.name, text: `Enter ${field.label.toLowerCase()}` });
    } else if (field.kind === 'lines') {
      const lines = text(form, field.name)
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l.length > 0);
      if (lines.length === 0) errors.push({ field: field.name, text: `Enter ${field.label.toLowerCase()}` });
      body[field.name] = lines;
    } else if (field.kind === 'radios') {
      const value = text(form, field.name);
      if (!(value in field.items))
        errors.push({ field: field.name, text: `Select ${field.legend.replace('?', '').toLowerCase()}` });
      body[field.name] = field.name === 'endsContract' ? value === 'yes' : value;
    } else {
      body[field.name] = field.options.filter((o) => checked(form, field.name, o));
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: body };
}

export function stepPage(
  stepName: string,
  step: ContractStep,
  contract: ContractView,
  form: Form,
  version: string,
  errors: FormError[] = [],
) {
  return {
    pageTitle: `${errors.length ? 'Error: ' : ''}${step.title}`,
    heading: step.title,
    caption: contractTitle(contract),
    contractId: contract.id,
    action: `/contracts/${contract.id}/${stepName}`,
    button: step.button,
    version,
    fields: step.fields(contract).map((f) => ({
      ...f,
      ...(f.kind === 'radios'
        ? {
            radioItems: Object.entries(f.items).map(([value, words]) => ({
              value,
              text: words,
              checked: text(form, f.name) === value,
            })),
          }
        : {}),
      ...(f.kind === 'checkboxes'
        ? { checkboxItems: f.options.map((o) => ({ value: o, text: o, checked: checked(form, f.name, o) })) }
        : {}),
    })),
    values: Object.fromEntries(Object.keys(form).map((k) => [k, text(form, k)])),
    ...formErrors(errors),
  };
}

export function contractTitle(c: ContractView): string {
  const children = namesOf(c.children as { givenName?: unknown; familyName?: unknown }[] | undefined);
  return children ? `Parenting contract for ${children}` : 'Parenting contract';
}

interface Evidence {
  breaches: Record<string, unknown>[];
  chronology: { what?: unknown; on?: unknown; by?: { name?: string }; detail?: Record<string, unknown> }[];
  supportTakenUp: string[];
  supportNotTakenUp: string[];
}

/** The contract's page: its terms, where it stands, what may be done next, and the chronology. */
export function contractPage(c: ContractView, evidence: Evidence | undefined) {
  const row = (key: string, value: string | null | undefined) => ({
    key: { text: key },
    value: { text: value || 'Not recorded' },
  });
  return {
    pageTitle: contractTitle(c),
    id: c.id,
    state: CONTRACT_STATES[c.state] ?? c.state,
    summary: [
      row('Status', CONTRACT_STATES[c.state] ?? c.state),
      row('Kind', CONTRACT_KINDS[c.kind]?.title ?? c.kind),
      ...(c.ground ? [row('Why', CONTRACT_GROUNDS[c.ground] ?? c.ground)] : []),
      row('Parent', namesOf(c.parents as { givenName?: unknown; familyName?: unknown }[] | undefined)),
      row('Responsible officer', c.responsibleOfficer.name),
      ...(c.offeredOn ? [row('Offered', longDate(c.offeredOn))] : []),
      ...(c.periodStartsOn ? [row('Period', `${longDate(c.periodStartsOn)} to ${longDate(c.periodEndsOn)}`)] : []),
      ...(c.parentSignedOn
        ? [
            row(
              'Signed',
              `By the parent on ${longDate(c.parentSignedOn)}, for your agency on ${longDate(c.providerSignedOn)}`,
            ),
          ]
        : []),
      ...(c.refusedOn ? [row('Refused', `${longDate(c.refusedOn)}: ${c.refusalReason ?? ''}`)] : []),
      ...(c.endedOn
        ? [
            row(
              'Ended',
              `${longDate(c.endedOn)}${c.endReason ? `: ${EARLY_END_REASONS[c.endReason] ?? c.endReason}` : ''}`,
            ),
          ]
        : []),
    ],
    parentRequirements: c.parentRequirements ?? [],
    support: c.support ?? [],
    supportTakenUp: evidence?.supportTakenUp ?? [],
    steps: Object.entries(CONTRACT_STEPS)
      .filter(([, s]) => s.from.includes(c.state))
      .map(([name, s]) => ({ text: s.title, href: `/contracts/${c.id}/${name}` })),
    chronology: (evidence?.chronology ?? []).map((e) => ({
      title: CHRONOLOGY[String(e.what)] ?? String(e.what),
      when: longDate(String(e.on ?? '')),
      at: String(e.on ?? ''),
      by: e.by?.name ?? '',
      text: chronologyText(e.detail ?? {}),
    })),
    hasEvidence: evidence !== undefined && c.state !== 'draft',
  };
}

function chronologyText(d: Record<string, unknown>): string {
  return ['what', 'parentExplanation', 'reason', 'notes', 'details']
    .map((k) => (k === 'reason' && typeof d[k] === 'string' ? (EARLY_END_REASONS[d[k]] ?? d[k]) : d[k]))
    .filter((v): v is string => typeof v === 'string' && v.length > 0)
    .join('. ');
}

// ----- drafting a contract -----

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function draftPage(form: Form, errors: FormError[] = []) {
  const value = (n: string) => text(form, n);
  return {
    pageTitle: `${errors.length ? 'Error: ' : ''}Draft a parenting contract`,
    familyId: UUID.test(value('familyId')) ? value('familyId') : '',
    idempotencyKey: UUID.test(value('idempotencyKey')) ? value('idempotencyKey') : randomUUID(),
    kinds: Object.entries(CONTRACT_KINDS).map(([v, k]) => ({
      value: v,
      text: k.title,
      hint: { text: k.hint },
      checked: value('kind') === v,
    })),
    grounds: Object.entries(CONTRACT_GROUNDS).map(([v, words]) => ({
      value: v,
      text: words,
      checked: value('ground') === v,
    })),
    values: Object.fromEntries(Object.keys(form).map((k) => [k, value(k)])),
    ...formErrors(errors),
  };
}

export const DRAFT_FIELDS: Record<string, PageField> = {
  kind: { id: 'kind', label: 'the kind of contract' },
  ground: { id: 'ground', label: 'why' },
  'children[0].givenName': { id: 'childGivenName', label: "child's first name" },
  'children[0].familyName': { id: 'childFamilyName', label: "child's last name" },
  'parents[0].givenName': { id: 'parentGivenName', label: "parent's first name" },
  'parents[0].familyName': { id: 'parentFamilyName', label: "parent's last name" },
};

export function parseDraft(form: Form): { ok: true; value: DraftContract } | { ok: false; errors: FormError[] } {
  const errors: FormError[] = [];
  const need = (name: string, message: string) => {
    const v = text(form, name);
    if (!v) errors.push({ field: name, text: message });
    return v;
  };
  const kind = need('kind', 'Select the kind of contract');
  const ground = need('ground', 'Select why the contract is offered');
  const childGivenName = need('childGivenName', "Enter the child's first name");
  const childFamilyName = need('childFamilyName', "Enter the child's last name");
  const parentGivenName = need('parentGivenName', "Enter the parent's first name");
  const parentFamilyName = need('parentFamilyName', "Enter the parent's last name");
  if (errors.length) return { ok: false, errors };
  const familyId = text(form, 'familyId');
  return {
    ok: true,
    value: {
      familyId: UUID.test(familyId) ? familyId : randomUUID(),
      kind: kind as DraftContract['kind'],
      ground: ground as DraftContract['ground'],
      children: [{ personId: randomUUID(), givenName: childGivenName, familyName: childFamilyName }],
      parents: [{ personId: randomUUID(), givenName: parentGivenName, familyName: parentFamilyName }],
    },
  };
}
