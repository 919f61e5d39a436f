import { NotFoundException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { TenantDirectory } from '@baton/tenancy';
import type { ApiCaller } from '../api/service-clients.js';
import { ApiProblem } from '../api/api-errors.js';
import { formErrorsFrom, type FormError, type FormField } from '../errors/field-errors.js';
import type { PlanForm } from './form-dates.js';
import { planTakesChanges } from './plan-permissions.js';
import type { Plan, TafApi } from './taf.api.js';

/** The posted form, and the plan version the page was shown with (sent back as If-Match). */
export function postedForm(request: FastifyRequest): { form: PlanForm; version: string } {
  const form = (request.body ?? {}) as PlanForm;
  const version = typeof form.version === 'string' ? form.version : '';
  return { form, version };
}

/**
 * A rule taf refused the change with, as messages on the form's own fields; undefined for anything else
 * (a 404, 412 or an outage), which the error pages answer.
 */
export function refusalOnForm(error: unknown, fields: Record<string, FormField>): FormError[] | undefined {
  if (error instanceof ApiProblem && [400, 409, 422].includes(error.status))
    return formErrorsFrom(error.problem, fields);
  return undefined;
}

/** Makes a change; a rule taf refused it with comes back as the form's messages, anything else is thrown on. */
export async function refusedOnForm(
  change: () => Promise<unknown>,
  fields: Record<string, FormField>,
): Promise<FormError[] | undefined> {
  try {
    await change();
    return undefined;
  } catch (error) {
    const errors = refusalOnForm(error, fields);
    if (!errors) throw error;
    return errors;
  }
}

/**
 * The plan, for a page only its lead professional has, and only while the plan takes changes. Anyone else
 * following the link is told "not found", as for a plan they cannot see.
 */
export async function planForItsLead(
  taf: TafApi,
  caller: ApiCaller,
  planId: string,
  personId: string,
): Promise<{ plan: Plan; etag: string }> {
  const read = await taf.plan(caller, planId);
  if (read.plan.lead.professional.personId !== personId || !planTakesChanges(read.plan)) throw new NotFoundException();
  return read;
}

/** The authority's headline outcomes (its own labels), which outcomes and assessment needs are filed under. */
export function headlinesOf(tenants: TenantDirectory, tenant: string): { code: string; label: string }[] {
  return tenants.requireTenant(tenant).headlineOutcomes.map(({ code, label }) => ({ code, label }));
}
