// Invented families for the benchmark: each has a Team Around the Family plan with a lead professional and two
// member agencies, drawn from 40 invented agencies, plus actions with due dates around today. Deterministic.
import { randomUUID } from 'node:crypto';

export const AGENCY_COUNT = 40;
export const agencyId = (i) => `bench-agency-${String(i + 1).padStart(2, '0')}`;

const GIVEN = [
  'Alfie',
  'Bea',
  'Cal',
  'Dina',
  'Esme',
  'Finn',
  'Gus',
  'Hana',
  'Ivo',
  'Jade',
  'Kit',
  'Lula',
  'Milo',
  'Nell',
];
const FAMILY = [
  'Ashdown',
  'Birchley',
  'Coldwell',
  'Dunmore',
  'Eastleigh',
  'Farrow',
  'Greenhalgh',
  'Hartwell',
  'Ingram',
  'Jessop',
  'Kilby',
  'Lowther',
  'Marsden',
  'Northcott',
  'Oakley',
  'Pennock',
  'Quarry',
  'Radley',
];
const CARER = ['Jo', 'Sam', 'Alex', 'Robin', 'Chris', 'Kim'];

/** A small deterministic generator (mulberry32), so every run seeds the same families. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];
const day = (base, offset) => new Date(Date.parse(base) + offset * 86_400_000).toISOString().slice(0, 10);

export function professional(agencyIndex, n) {
  const id = agencyId(agencyIndex);
  return {
    personId: `${id}-worker-${n}`,
    name: `Worker ${n} of Agency ${agencyIndex + 1}`,
    agencyId: id,
    agencyName: `Bench Agency ${agencyIndex + 1}`,
    role: 'Family support worker',
    email: `worker${n}@agency${agencyIndex + 1}.example.org`,
  };
}

function member(p, joinedAt) {
  return {
    memberId: randomUUID(),
    agencyId: p.agencyId,
    agencyName: p.agencyName,
    personId: p.personId,
    contactName: p.name,
    role: 'member',
    email: p.email,
    joinedAt,
  };
}

/** One family and its plan as `baton.plan.opened.v1` carries it; `today` decides which actions are overdue. */
export function inventFamily(rnd, today) {
  const agencies = new Set();
  while (agencies.size < 3) agencies.add(Math.floor(rnd() * AGENCY_COUNT));
  const [leadAgency, ...memberAgencies] = [...agencies];
  const familyName = pick(rnd, FAMILY);
  const openedAt = `${day(today, -Math.floor(rnd() * 300))}T09:00:00.000Z`;
  const lead = professional(leadAgency, 1);
  const members = [lead, ...memberAgencies.map((a) => professional(a, 1))];
  const outcomeId = randomUUID();
  const plan = {
    status: 'open',
    levelOfNeed: rnd() < 0.7 ? 3 : 2,
    origin: 'practitioner',
    openedAt,
    referralIds: [],
    children: [0, 1].slice(0, 1 + Math.floor(rnd() * 2)).map(() => ({
      childId: randomUUID(),
      givenName: pick(rnd, GIVEN),
      familyName,
      dateOfBirth: day('2010-01-01', Math.floor(rnd() * 5000)),
    })),
    carers: [{ carerId: randomUUID(), givenName: pick(rnd, CARER), familyName, relationship: 'mother' }],
    lead: { professional: lead, since: openedAt },
    members: members.map((p) => member(p, openedAt)),
    outcomes: [{ outcomeId, headlineOutcome: 'education', description: 'Attends school every day' }],
    actions: memberAgencies.map((a) => ({
      actionId: randomUUID(),
      outcomeId,
      description: 'Meet the family',
      ownerAgencyId: agencyId(a),
      dueDate: day(today, Math.floor(rnd() * 60) - 20),
      status: 'not-started',
      overdue: false,
    })),
    reviewCadenceWeeks: 6,
    nextReviewDate: day(today, Math.floor(rnd() * 50) - 5),
    agreement: { status: 'agreed', agreedAt: openedAt },
  };
  return { familyId: randomUUID(), planId: randomUUID(), version: 1, plan, agencies: [...agencies].map(agencyId) };
}

function envelope(type, family, data, time) {
  const id = randomUUID();
  return {
    specversion: '1.0',
    id,
    source: 'baton/taf',
    type,
    subject: family.planId,
    time,
    datacontenttype: 'application/json',
    data,
    tenant: 'demo',
    familyid: family.familyId,
    correlationid: id,
    actor: family.plan.lead.professional.personId,
  };
}

export function planOpened(family) {
  const { plan } = family;
  return envelope(
    'baton.plan.opened.v1',
    family,
    {
      planId: family.planId,
      familyId: family.familyId,
      planVersion: 1,
      plan,
      origin: 'practitioner',
      openedAt: plan.openedAt,
      openedBy: {
        personId: plan.lead.professional.personId,
        name: plan.lead.professional.name,
        agencyId: plan.lead.professional.agencyId,
      },
    },
    plan.openedAt,
  );
}

/** Hands the lead to the next member agency: every member's view must show the new lead. */
export function leadChanged(family, at) {
  const previousLead = family.plan.lead.professional;
  const members = family.plan.members;
  const next = members[(members.findIndex((m) => m.agencyId === previousLead.agencyId) + 1) % members.length];
  const index = Number(next.agencyId.slice(-2)) - 1;
  const lead = professional(index, family.version + 1);
  family.version += 1;
  family.plan = { ...family.plan, lead: { professional: lead, since: at } };
  return envelope(
    'baton.plan.lead-changed.v1',
    family,
    {
      planId: family.planId,
      familyId: family.familyId,
      planVersion: family.version,
      plan: family.plan,
      handoverId: randomUUID(),
      lead,
      previousLead,
      effectiveAt: at,
      familyPreference: { preference: 'agrees' },
    },
    at,
  );
}
