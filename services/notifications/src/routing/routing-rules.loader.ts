import { readFileSync } from 'node:fs';
import { definitionOf } from '@baton/contracts';
import { DEFAULT_ROUTING_RULES } from '../domain/default-routing-rules.js';
import { parseFieldPath } from '../domain/field-projection.js';
import type { RoutingRule } from '../domain/routing-rule.js';

/** Injection token of the routing rules in force. */
export const ROUTING_RULES = Symbol('ROUTING_RULES');

/**
 * The rules in force: NOTIFICATION_RULES_FILE when given, else the defaults. Checked at start-up — an unknown event
 * type or a malformed field path stops the service with a message naming the rule, rather than silently routing
 * nothing.
 */
export function loadRoutingRules(file: string | undefined): readonly RoutingRule[] {
  const rules = file === undefined ? DEFAULT_ROUTING_RULES : readRules(file);
  const problems = rules.flatMap((rule, i) => problemsOf(rule, `rules[${i}]`));
  if (problems.length > 0)
    throw new Error(`Invalid routing rules${file ? ` in ${file}` : ''}:\n  ${problems.join('\n  ')}`);
  return rules;
}

function readRules(file: string): RoutingRule[] {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${file}: routing rules must be a JSON array`);
  return parsed as RoutingRule[];
}

function problemsOf(rule: RoutingRule, at: string): string[] {
  const problems: string[] = [];
  if (typeof rule.eventType !== 'string' || definitionOf(rule.eventType) === undefined) {
    problems.push(`${at}.eventType: '${String(rule.eventType)}' is not in the event catalogue`);
  }
  if (!Array.isArray(rule.audiences) || rule.audiences.length === 0) {
    problems.push(`${at}.audiences: must list at least one audience`);
    return problems;
  }
  rule.audiences.forEach((audience, j) => {
    const where = `${at}.audiences[${j}]`;
    if (typeof audience.relationship !== 'string') problems.push(`${where}.relationship: must be a string`);
    if (typeof audience.agencies !== 'object' || audience.agencies === null) {
      problems.push(`${where}.agencies: must select agencies`);
    }
    const paths = [
      ...(Array.isArray(audience.fields) ? audience.fields : []),
      ...(audience.only ?? []).map((c) => c.field),
    ];
    if (!Array.isArray(audience.fields)) problems.push(`${where}.fields: must list the fields this audience may see`);
    for (const path of paths) {
      try {
        parseFieldPath(path);
      } catch (e) {
        problems.push(`${where}: ${(e as Error).message}`);
      }
    }
  });
  return problems;
}
