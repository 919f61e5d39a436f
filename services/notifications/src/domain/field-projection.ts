/** One step of a field path: a key, optionally over every element of an array or only those matching a filter. */
interface Step {
  key: string;
  each: boolean;
  filter?: { field: string; value: string };
}

const STEP = /^([A-Za-z0-9_-]+)(?:\[(?:([A-Za-z0-9_-]+)=([^\]]+))?\])?$/;

/** Parses `children[].givenName` or `actions[ownerAgencyId=$agency]`; throws naming the path when it is not one. */
export function parseFieldPath(path: string): Step[] {
  return path.split('.').map((part) => {
    const m = STEP.exec(part);
    if (m === null) throw new Error(`'${path}' is not a field path (step '${part}')`);
    const each = part.includes('[');
    return m[2] === undefined ? { key: m[1], each } : { key: m[1], each, filter: { field: m[2], value: m[3] } };
  });
}

/** The values a path names in `source` (flattened over arrays), e.g. every `members[].agencyId`. */
export function valuesAt(source: unknown, path: string): unknown[] {
  let current: unknown[] = [source];
  for (const step of parseFieldPath(path)) {
    const next: unknown[] = [];
    for (const value of current) {
      if (!isRecord(value)) continue;
      const child = value[step.key];
      if (step.each && Array.isArray(child)) next.push(...child);
      else if (!step.each && child !== undefined) next.push(child);
    }
    current = next;
  }
  return current;
}

/**
 * A copy of `source` holding only what `paths` name: minimisation by allow-list, so a field added to an event later
 * reaches nobody until a rule names it. `$agency` in a filter is the recipient's agency.
 */
export function project(source: unknown, paths: readonly string[], vars: { agency?: string }): Record<string, unknown> {
  return projectSteps(source, paths.map(parseFieldPath), vars) as Record<string, unknown>;
}

function projectSteps(source: unknown, paths: Step[][], vars: { agency?: string }): unknown {
  if (!isRecord(source)) return {};
  const out: Record<string, unknown> = {};
  for (const key of [...new Set(paths.map((p) => p[0].key))]) {
    if (!(key in source) || source[key] === undefined) continue;
    const here = paths.filter((p) => p[0].key === key);
    const value = source[key];
    const whole = here.some((p) => p.length === 1);
    const step = here.find((p) => p.length === 1)?.[0] ?? here[0][0];
    const rest = here.filter((p) => p.length > 1).map((p) => p.slice(1));
    if (step.each) {
      if (!Array.isArray(value)) continue;
      const kept = value.filter((el) => matches(el, step.filter, vars));
      out[key] = whole ? kept : kept.map((el) => projectSteps(el, rest, vars));
    } else {
      out[key] = whole ? value : projectSteps(value, rest, vars);
    }
  }
  return out;
}

function matches(element: unknown, filter: Step['filter'], vars: { agency?: string }): boolean {
  if (filter === undefined) return true;
  const wanted = filter.value === '$agency' ? vars.agency : filter.value;
  return isRecord(element) && wanted !== undefined && String(element[filter.field]) === wanted;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
