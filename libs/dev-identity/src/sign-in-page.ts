import type { DevPerson } from './people.js';

/** The sign-in form's field and buttons, named here once because browser tests drive them. */
export const SIGN_IN_FORM = {
  personField: 'person',
  submitLabel: 'Sign in',
  cancelLabel: 'Cancel sign-in',
} as const;

const ROLE_WORDS: Record<string, string> = {
  practitioner: 'practitioner',
  triager: 'triager',
  manager: 'manager',
  'agency-admin': 'agency administrator',
  auditor: 'auditor',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Plain, accessible HTML: one page template for every screen the provider shows. */
export function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Baton development sign-in</title>
<style>
body{font-family:system-ui,Arial,sans-serif;line-height:1.5;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#0b0c0c}
fieldset{border:0;padding:0;margin:0 0 1.5rem}legend{font-size:1.25rem;font-weight:700;margin-bottom:.5rem}
.option{margin:.5rem 0;display:flex;gap:.5rem;align-items:flex-start}.option input{width:1.5rem;height:1.5rem;margin:0}
.hint{color:#505a5f}.error{border-left:5px solid #d4351c;padding-left:1rem;color:#d4351c;font-weight:700}
button{font-size:1.1rem;padding:.5rem 1rem;margin:0 1rem 1rem 0;cursor:pointer}
button.primary{background:#00703c;color:#fff;border:0;box-shadow:0 2px 0 #002d18}
:focus{outline:3px solid #fd0;outline-offset:0}
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

function personLabel(person: DevPerson): string {
  const roles = person.roles.map((role) => ROLE_WORDS[role] ?? role).join(', ');
  return `${person.name}, ${person.jobTitle ?? roles} at ${person.agencyName}`;
}

/** The development sign-in page: pick one of the invented people of the tenant files. */
export function signInPage(options: {
  action: string;
  cancelAction: string;
  clientName: string;
  people: DevPerson[];
  error?: string;
}): string {
  const byTenant = new Map<string, DevPerson[]>();
  for (const person of options.people) {
    byTenant.set(person.tenantName, [...(byTenant.get(person.tenantName) ?? []), person]);
  }
  const groups = [...byTenant.entries()]
    .map(
      ([tenantName, people]) => `<h2>${escapeHtml(tenantName)}</h2>
${people
  .map((person) => {
    const id = `person-${escapeHtml(person.tenant)}-${escapeHtml(person.personId)}`;
    const described = [options.error ? 'person-error' : '', `${id}-roles`].filter(Boolean).join(' ');
    return `<div class="option"><input type="radio" id="${id}" name="${SIGN_IN_FORM.personField}" value="${escapeHtml(person.personId)}" aria-describedby="${described}">
<div><label for="${id}">${escapeHtml(personLabel(person))}</label><br><span class="hint" id="${id}-roles">Roles: ${escapeHtml(person.roles.join(', '))}</span></div></div>`;
  })
  .join('\n')}`,
    )
    .join('\n');
  const error = options.error
    ? `<p class="error" id="person-error" role="alert">${escapeHtml(options.error)}</p>\n`
    : '';
  return page(
    options.error ? `Error: Sign in` : 'Sign in',
    `<h1>Sign in to ${escapeHtml(options.clientName)}</h1>
<p>This is Baton's development identity provider. Everyone listed is invented: choose who to sign in as.</p>
<form method="post" action="${escapeHtml(options.action)}" novalidate>
<fieldset>
<legend>Who are you signing in as?</legend>
${error}${groups}
</fieldset>
<button type="submit" class="primary">${SIGN_IN_FORM.submitLabel}</button>
</form>
<form method="post" action="${escapeHtml(options.cancelAction)}">
<button type="submit">${SIGN_IN_FORM.cancelLabel}</button>
</form>`,
  );
}
