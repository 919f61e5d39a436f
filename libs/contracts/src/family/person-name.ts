import { registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * The one rule for a person's name, wherever a name is taken in (a referral, a plan, an order) or searched for
 * (agency-views): letters of any script with their accents, digits (an unnamed newborn is recorded as "Twin 1"),
 * spaces, hyphens, apostrophes (straight or curly) and full stops ("St. John"); at most 100 characters. Nothing
 * else: no control characters, no markup, no other symbols.
 */
export const PERSON_NAME_MAX_LENGTH = 100;
/** The rule in words, for API documents. */
export const PERSON_NAME_RULE =
  'Letters of any script, digits, spaces, hyphens, apostrophes and full stops; at least one letter; at most 100 characters';
const NAME_CHARACTERS = /^[\p{L}\p{M}\p{Nd}'’. -]+$/u;
const LETTER = /\p{L}/u;

/** A whole name: the characters above, with at least one letter. */
export function isPersonName(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.trim().length > 0 &&
    value.length <= PERSON_NAME_MAX_LENGTH &&
    NAME_CHARACTERS.test(value) &&
    LETTER.test(value)
  );
}

/** The start of a name, as a search asks for it: the same characters, so anything a name may hold can be found. */
export function isPersonNameSearch(value: unknown): value is string {
  return typeof value === 'string' && value.length <= PERSON_NAME_MAX_LENGTH && NAME_CHARACTERS.test(value);
}

const RULE_MESSAGE =
  'may hold only letters, digits, spaces, hyphens, apostrophes and full stops (at most 100 characters)';

/** A request field holding a person's given or family name. */
export function IsPersonName(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPersonName',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `$property is a name: it must contain a letter and ${RULE_MESSAGE}`, ...options },
      validator: { validate: isPersonName },
    });
}

/** A request field searching by the start of a name. */
export function IsPersonNameSearch(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPersonNameSearch',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `$property searches names: it ${RULE_MESSAGE}`, ...options },
      validator: { validate: isPersonNameSearch },
    });
}
