import { formErrors } from '../errors/form-page.js';
import type { FormError } from '../errors/field-errors.js';
import type { LevelOfNeedLabel, TriageDecision } from '../referral/referrals.api.js';
import { isCodeOf, OUTCOME_WORDS } from '../referral/referral-words.js';

export type DecisionForm = Record<string, string | undefined>;

export interface Directory {
  teams: { id: string; name: string }[];
  workers: { personId: string; name: string; jobTitle?: string }[];
}

const OUTCOME_HINTS: Record<string, string> = {
  'signpost-universal': 'The family is pointed to universal services; no plan opens',
  'accept-early-help': 'A Team Around the Family plan opens when the family has agreed',
  'step-up-social-care': "Children's social care is told at once",
  'no-further-action': 'Nothing more is done; the referrer is told',
};

/** The triager's answers, checked before they are sent; the service checks its own rules again. */
export function parseDecision(
  form: DecisionForm,
  directory: Directory,
): { ok: true; value: TriageDecision } | { ok: false; errors: FormError[] } {
  const errors: FormError[] = [];
  const outcome = form.outcome ?? '';
  const level = Number(form.levelOfNeed);
  const reasons = form.reasons?.trim() ?? '';
  if (!isCodeOf(OUTCOME_WORDS, outcome)) errors.push({ field: 'outcome', text: 'Select the outcome' });
  if (![1, 2, 3, 4].includes(level)) errors.push({ field: 'levelOfNeed', text: 'Select the level of need' });
  if (!reasons) errors.push({ field: 'reasons', text: 'Enter the reasons for the decision' });
  const team = form.allocatedTeamId ? directory.teams.find((t) => t.id === form.allocatedTeamId) : undefined;
  const worker = form.allocatedWorkerId
    ? directory.workers.find((w) => w.personId === form.allocatedWorkerId)
    : undefined;
  if (form.allocatedTeamId && !team) errors.push({ field: 'allocatedTeamId', text: 'Select a team from the list' });
  if (form.allocatedWorkerId && !worker)
    errors.push({ field: 'allocatedWorkerId', text: 'Select a worker from the list' });
  if (errors.length > 0 || !isCodeOf(OUTCOME_WORDS, outcome)) return { ok: false, errors };
  return {
    ok: true,
    value: {
      outcome,
      levelOfNeed: level,
      reasons,
      ...(team ? { allocatedTeamId: team.id } : {}),
      ...(worker ? { allocatedWorkerId: worker.personId } : {}),
    },
  };
}

export function decisionPage(
  id: string,
  family: string,
  levels: LevelOfNeedLabel[],
  directory: Directory,
  values: DecisionForm,
  errors?: FormError[],
) {
  return {
    pageTitle: `Decide on the referral for ${family}`,
    id,
    values,
    outcomes: Object.entries(OUTCOME_WORDS).map(([value, text]) => ({
      value,
      text,
      hint: { text: OUTCOME_HINTS[value] },
      checked: values.outcome === value,
    })),
    levels: levels.map((l) => ({
      value: String(l.level),
      text: l.label,
      hint: { text: l.description },
      checked: values.levelOfNeed === String(l.level),
    })),
    teams: [
      { value: '', text: 'No team' },
      ...directory.teams.map((t) => ({ value: t.id, text: t.name, selected: values.allocatedTeamId === t.id })),
    ],
    workers: [
      { value: '', text: 'No one yet' },
      ...directory.workers.map((w) => ({
        value: w.personId,
        text: w.jobTitle ? `${w.name}, ${w.jobTitle}` : w.name,
        selected: values.allocatedWorkerId === w.personId,
      })),
    ],
    ...formErrors(errors),
  };
}

export function checkDecisionPage(
  id: string,
  family: string,
  decision: TriageDecision,
  levels: LevelOfNeedLabel[],
  directory: Directory,
) {
  const change = { items: [{ href: `/referrals/${id}/decision`, text: 'Change', visuallyHiddenText: 'the decision' }] };
  const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value }, actions: change });
  return {
    pageTitle: 'Check the decision before recording it',
    id,
    family,
    rows: [
      row('Outcome', OUTCOME_WORDS[decision.outcome] ?? decision.outcome),
      row('Level of need', levels.find((l) => l.level === decision.levelOfNeed)?.label ?? String(decision.levelOfNeed)),
      row('Reasons', decision.reasons),
      row('Allocated team', directory.teams.find((t) => t.id === decision.allocatedTeamId)?.name ?? 'No team'),
      row(
        'Allocated worker',
        directory.workers.find((w) => w.personId === decision.allocatedWorkerId)?.name ?? 'No one yet',
      ),
    ],
  };
}
