import { formErrors } from '../errors/form-page.js';
import type { FormError } from '../errors/field-errors.js';
import { longDate } from '../layout/dates.js';
import { dateField, requiredText, text, todayInLondon, values, type PlanForm } from './form-dates.js';
import { planTakesChanges } from './plan-permissions.js';
import { familyNameOf, planFrame } from './plan.view-model.js';
import type { Assessment, AssessmentContent, AssessmentDomain, Plan } from './taf.api.js';
import type { HeadlineOutcome } from './plan-work.view-model.js';

type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FormError[] };

/** The three domains of the early help assessment (the Common Assessment Framework's triangle). */
export const ASSESSMENT_DOMAINS = [
  {
    key: 'childDevelopment',
    title: "The child's development",
    hint: 'Health, education, and emotional and behavioural development',
  },
  {
    key: 'parentsAndCarers',
    title: 'Parents and carers',
    hint: 'Basic care, safety, emotional warmth, guidance and boundaries, and stability',
  },
  {
    key: 'familyAndEnvironment',
    title: 'Family and environment',
    hint: 'Family history and functioning, wider family, housing, employment and income, and the community',
  },
] as const;

type DomainKey = (typeof ASSESSMENT_DOMAINS)[number]['key'];

/** Who the assessment is shared with, in words: the lead's agency always, then the agencies chosen. */
function sharedWith(plan: Plan, agencyIds: string[]): string[] {
  return [
    `${plan.lead.professional.agencyName} (the lead professional's agency)`,
    ...plan.members
      .filter((m) => agencyIds.includes(m.agencyId) && m.agencyId !== plan.lead.professional.agencyId)
      .map((m) => m.agencyName),
  ];
}

/**
 * The assessment as the caller may see it: the whole of it for the lead and the agencies it is shared with;
 * for any other member only that there is one, and who to ask.
 */
export function assessmentPage(
  plan: Plan,
  assessment: Assessment | undefined,
  personId: string,
  headlineLabel: (code: string) => string,
) {
  const frame = planFrame(plan, '/assessment', personId);
  return {
    ...frame,
    pageTitle: `Early help assessment – ${familyNameOf(plan)}`,
    exists: plan.assessment !== undefined,
    readable: plan.assessment?.readable ?? false,
    mayRecord: frame.isLead && planTakesChanges(plan),
    // The lead gives the day it was completed, so the day is what is shown.
    completed: plan.assessment ? longDate(plan.assessment.completedAt) : undefined,
    assessment: assessment
      ? {
          completedBy: assessment.completedBy.name,
          domains: ASSESSMENT_DOMAINS.map((d) => ({
            title: d.title,
            strengths: assessment[d.key].strengths,
            needs: assessment[d.key].needs,
            outcomes: assessment[d.key].headlineOutcomes.map(headlineLabel),
          })),
          familyView: assessment.familyView,
          childVoice: assessment.childVoice,
          sharedWith: sharedWith(plan, assessment.sharedWithAgencyIds),
        }
      : undefined,
  };
}

/** The form as it first shows: the latest assessment's words to build on, or empty for the first. */
export function assessmentValues(assessment: Assessment | undefined): PlanForm {
  if (!assessment) return {};
  const form: PlanForm = {
    familyView: assessment.familyView,
    childVoice: assessment.childVoice,
    sharedWith: assessment.sharedWithAgencyIds,
  };
  for (const d of ASSESSMENT_DOMAINS) {
    form[`${d.key}-strengths`] = assessment[d.key].strengths;
    form[`${d.key}-needs`] = assessment[d.key].needs;
    form[`${d.key}-outcomes`] = assessment[d.key].headlineOutcomes;
  }
  return form;
}

export function assessmentFormPage(
  plan: Plan,
  etag: string,
  personId: string,
  headlines: HeadlineOutcome[],
  form: PlanForm,
  errors?: FormError[],
) {
  const shared = values(form, 'sharedWith');
  return {
    ...planFrame(plan, '/assessment', personId),
    pageTitle: 'Record the early help assessment',
    version: etag,
    values: form,
    domains: ASSESSMENT_DOMAINS.map((d) => {
      const chosen = values(form, `${d.key}-outcomes`);
      return {
        key: d.key,
        title: d.title,
        hint: d.hint,
        strengths: text(form, `${d.key}-strengths`),
        needs: text(form, `${d.key}-needs`),
        outcomes: headlines.map((h) => ({ value: h.code, text: h.label, checked: chosen.includes(h.code) })),
      };
    }),
    agencies: plan.members
      .filter((m) => m.agencyId !== plan.lead.professional.agencyId)
      .map((m) => ({ value: m.agencyId, text: m.agencyName, checked: shared.includes(m.agencyId) })),
    leadAgency: plan.lead.professional.agencyName,
    ...formErrors(errors),
  };
}

function domainFrom(
  form: PlanForm,
  key: DomainKey,
  title: string,
  headlines: HeadlineOutcome[],
  errors: FormError[],
): AssessmentDomain {
  const lower = title.charAt(0).toLowerCase() + title.slice(1);
  const strengths = requiredText(
    form,
    `${key}-strengths`,
    { missing: `Enter the strengths for ${lower}`, label: `the strengths for ${lower}` },
    8000,
  );
  const needs = requiredText(
    form,
    `${key}-needs`,
    { missing: `Enter the needs for ${lower}, or say there are none`, label: `the needs for ${lower}` },
    8000,
  );
  if (strengths.error) errors.push(strengths.error);
  if (needs.error) errors.push(needs.error);
  const known = headlines.map((h) => h.code);
  return {
    strengths: strengths.value,
    needs: needs.value,
    headlineOutcomes: values(form, `${key}-outcomes`).filter((c) => known.includes(c)),
  };
}

export function parseAssessment(
  form: PlanForm,
  plan: Plan,
  headlines: HeadlineOutcome[],
  now: Date,
): Parsed<AssessmentContent> {
  const errors: FormError[] = [];
  const completed = dateField(form, 'completedOn', 'the date the assessment was completed', { required: true });
  if (completed.error) errors.push(completed.error);
  else if (completed.date! > todayInLondon(now)) {
    errors.push({
      field: 'completedOn-day',
      text: 'The date the assessment was completed must be today or in the past',
    });
  }
  const [childDevelopment, parentsAndCarers, familyAndEnvironment] = ASSESSMENT_DOMAINS.map((d) =>
    domainFrom(form, d.key, d.title, headlines, errors),
  );
  const familyView = requiredText(
    form,
    'familyView',
    { missing: "Enter the family's own view", label: "the family's view" },
    8000,
  );
  const childVoice = requiredText(
    form,
    'childVoice',
    { missing: "Enter the child's voice, in their words where you can", label: "the child's voice" },
    8000,
  );
  if (familyView.error) errors.push(familyView.error);
  if (childVoice.error) errors.push(childVoice.error);
  const members = plan.members.map((m) => m.agencyId);
  const sharedWithAgencyIds = values(form, 'sharedWith').filter((id) => members.includes(id));
  if (errors.length > 0 || !completed.date) return { ok: false, errors };
  return {
    ok: true,
    value: {
      // A day is what the lead knows; noon in London keeps it on that day whatever the clocks do.
      completedAt: completedAtNoon(completed.date, now),
      childDevelopment: childDevelopment!,
      parentsAndCarers: parentsAndCarers!,
      familyAndEnvironment: familyAndEnvironment!,
      familyView: familyView.value,
      childVoice: childVoice.value,
      sharedWithAgencyIds,
    },
  };
}

/** The completion day as an instant: noon UTC that day, or now when that is today and noon is still to come. */
function completedAtNoon(date: string, now: Date): string {
  const noon = new Date(`${date}T12:00:00Z`);
  return (noon > now ? now : noon).toISOString();
}

export function assessmentRecordedMessage(plan: Plan, shared: string[]): string {
  const others = plan.members.filter(
    (m) => shared.includes(m.agencyId) && m.agencyId !== plan.lead.professional.agencyId,
  );
  return others.length === 0
    ? 'Assessment recorded. It is shared with no other agency.'
    : `Assessment recorded and shared with ${others.map((m) => m.agencyName).join(', ')}.`;
}
