const REGISTERED = new Map<string, object>();

/**
 * Schemas written as JSON Schema rather than as decorated classes (the event contracts' payload classes, say), for
 * the document's `components.schemas`, one per name. A property typed with such a class (`@ApiProperty({ type:
 * PlanLead })`) refers to it; the registered schema takes the place of the empty one Nest makes of the class.
 */
export function registerComponentSchemas(schemas: Record<string, object>): void {
  for (const [name, schema] of Object.entries(schemas)) {
    const known = REGISTERED.get(name);
    if (known !== undefined && JSON.stringify(known) !== JSON.stringify(schema)) {
      throw new Error(`Two different schemas are both named ${name}`);
    }
    REGISTERED.set(name, schema);
  }
}

export function registeredComponentSchemas(): Record<string, object> {
  return Object.fromEntries(REGISTERED);
}
