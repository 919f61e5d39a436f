/** The parenting service's codes in the words a responsible officer and a manager read. */

/**
 * Each legal basis in plain words: the statute, who may apply for it, and where an appeal lies (the
 * parenting service's legal-basis table decides; these are its words for people).
 */
export const LEGAL_BASES: Record<string, { title: string; hint: string }> = {
  'cda-1998-s8': {
    title: 'Crime and Disorder Act 1998, section 8',
    hint: 'The court makes it itself in proceedings before it. Held by a youth offending team or the council. Appeal under section 10 of the Act.',
  },
  'sa-2020-s366': {
    title: 'Sentencing Act 2020, section 366: the child was convicted',
    hint: 'The court makes it when sentencing the child. Held by a youth offending team. Appeal as against sentence.',
  },
  'sa-2020-s368': {
    title: 'Sentencing Act 2020, section 368: the parent did not attend the youth offender panel',
    hint: 'The court makes it on a referral from the panel. Held by a youth offending team. Appeal as against sentence.',
  },
  'sa-2020-s369': {
    title: 'Sentencing Act 2020, section 369: the parent was convicted of a school attendance offence',
    hint: 'The court makes it on conviction. Held by education welfare or the council. Appeal as against sentence.',
  },
  'asba-2003-s20': {
    title: 'Anti-social Behaviour Act 2003, section 20: exclusion or serious misbehaviour at school',
    hint: 'The council or the school applies. Held by education welfare or the council. Appeal under section 10 of the Crime and Disorder Act.',
  },
  'asba-2003-s26': {
    title: 'Anti-social Behaviour Act 2003, section 26: applied for by a youth offending team',
    hint: 'The youth offending team applies. Held by the youth offending team. Appeal under section 10 of the Crime and Disorder Act.',
  },
  'asba-2003-s26a': {
    title: 'Anti-social Behaviour Act 2003, section 26A: applied for by the council (anti-social behaviour)',
    hint: 'The council applies. Held by the council. Appeal under section 10 of the Crime and Disorder Act.',
  },
  'asba-2003-s26b': {
    title: 'Anti-social Behaviour Act 2003, section 26B: applied for by a registered housing provider',
    hint: 'The housing provider applies. Held by the council. Appeal under section 10 of the Crime and Disorder Act.',
  },
};

export const APPLICANTS: Record<string, string> = {
  'court-own-motion': 'The court, of its own motion',
  'local-authority': 'The council',
  school: 'The school',
  'youth-offending-team': 'The youth offending team',
  'registered-housing-provider': 'A registered housing provider',
};

export const COURT_KINDS: Record<string, string> = {
  'youth-court': 'Youth court',
  'magistrates-court': "Magistrates' court",
  'crown-court': 'Crown Court',
  'family-court': 'Family court',
};

export const APPEAL_ROUTES: Record<string, string> = {
  'crown-court': 'To the Crown Court',
  'court-of-appeal': 'To the Court of Appeal',
  'high-court': 'To the High Court',
};

export const REQUIREMENT_KINDS: Record<string, string> = {
  programme: 'Parenting programme (counselling or guidance)',
  'escort-to-school': 'Escort the child to school',
  'home-between-hours': 'Make sure the child is home between set hours',
  'attend-meetings': 'Attend meetings',
  other: 'Another requirement',
};

export const ORDER_STATES: Record<string, string> = {
  'in-force': 'In force',
  discharged: 'Discharged',
  quashed: 'Quashed on appeal',
  expired: 'Expired',
  completed: 'Completed',
};

export const COMPLIANCE_OUTCOMES: Record<string, string> = {
  complied: 'Attended or complied',
  'failed-reasonable-excuse': 'Missed, with a reasonable excuse',
  'failed-without-excuse': 'Missed, without a reasonable excuse',
};

export const CONTACT_METHODS: Record<string, string> = {
  'in-person': 'In person',
  'home-visit': 'Home visit',
  phone: 'Phone',
  letter: 'Letter',
  email: 'Email',
};

export const DECISIONS: Record<string, string> = {
  'no-action': 'No action',
  'written-warning': 'Written warning',
  'prosecution-referral': 'Referral for prosecution',
};

export const ENFORCEMENT_STATUSES: Record<string, string> = {
  'awaiting-contact': 'Contact the parent',
  'awaiting-decision': 'Decision needed',
  'awaiting-approval': "Awaiting a manager's approval",
  closed: 'Closed',
};

export const EXCEPTION_KINDS: Record<string, string> = {
  'no-contact-within-deadline': 'No contact within a working day of the breach',
  'no-decision': 'No decision on a breach',
  'prosecution-awaiting-approval': 'Prosecution referral awaiting approval',
  'decided-without-contact': 'Decided without contacting the parent',
  'past-end-still-open': 'Past its end and still open',
  'programme-beyond-3-months': 'Programme session beyond 3 months',
};

/** What each step in an order's timeline is called. */
export const TIMELINE_STEPS: Record<string, string> = {
  made: 'Order recorded',
  'requirement-added': 'Requirement added',
  'session-scheduled': 'Programme session scheduled',
  'compliance-recorded': 'Compliance recorded',
  'enforcement-opened': 'Apparent breach: enforcement case opened',
  'contact-overdue': 'Contact with the parent overdue',
  'parent-contacted': 'Parent contacted',
  'enforcement-decided': 'Decision on the breach',
  'prosecution-approved': 'Prosecution referral approved',
  'prosecution-rejected': 'Prosecution referral rejected',
  'variation-applied': 'Application to the court',
  'application-granted': 'Application granted',
  'application-refused': 'Application refused',
  'application-withdrawn': 'Application withdrawn',
  'appeal-lodged': 'Appeal lodged',
  'appeal-allowed': 'Appeal allowed: order quashed',
  'appeal-dismissed': 'Appeal dismissed',
  'appeal-abandoned': 'Appeal abandoned',
  completed: 'Order completed',
  expired: 'Order expired',
};

export function wordFor(words: Record<string, string>, code: string | null | undefined): string {
  if (!code) return '';
  return words[code] ?? code.replace(/-/g, ' ');
}
