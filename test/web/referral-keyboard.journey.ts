import { expect, test } from '@playwright/test';
import { inventedFamilyName } from './support/families.js';
import { chooseRadio, tabTo, typeInto } from './support/keyboard.js';
import { signInAs } from './support/sign-in.js';

test('a referral can be made with the keyboard alone', async ({ page }) => {
  const familyName = inventedFamilyName('Keyworth');
  await signInAs(page, 'school-dsl', '/referrals/new');
  const go = async () => {
    const from = page.url();
    await tabTo(page, page.getByRole('button', { name: /^(Continue|Send referral)$/ }));
    await page.keyboard.press('Enter');
    // Each answered question is a new page (Post/Redirect/Get).
    await page.waitForURL((url) => url.href !== from);
  };

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Where does this referral come from?');
  await go();

  await typeInto(page, page.getByLabel('First name'), 'Ada');
  await typeInto(page, page.getByLabel('Last name'), familyName);
  await chooseRadio(page, page.getByRole('group', { name: 'Has the child been born?' }), 'Yes');
  await typeInto(page, page.locator('#dateOfBirth-day'), '3');
  await typeInto(page, page.locator('#dateOfBirth-month'), '9');
  await typeInto(page, page.locator('#dateOfBirth-year'), '2015');
  await go();

  await chooseRadio(page, page.getByRole('group', { name: 'Do you need to add another child?' }), 'No');
  await go();

  await typeInto(page, page.getByLabel('First name'), 'Sam');
  await typeInto(page, page.getByLabel('Last name'), familyName);
  await typeInto(page, page.getByLabel('Relationship to the children'), 'father');
  await go();
  await chooseRadio(page, page.getByRole('group', { name: 'Do you need to add another parent or carer?' }), 'No');
  await go();

  await tabTo(page, page.getByLabel('Improved family relationships'));
  await page.keyboard.press('Space');
  await typeInto(
    page,
    page.getByLabel('Tell us what you are worried about'),
    'Arguments at home are affecting Ada at school.',
  );
  await chooseRadio(page, page.getByRole('group', { name: 'How urgent is this?' }), 'Routine');
  await go();

  await chooseRadio(
    page,
    page.getByRole('group', { name: 'What level of need do you think applies?' }),
    'Additional needs',
  );
  await go();

  await chooseRadio(
    page,
    page.getByRole('group', { name: 'Has the family agreed to this referral?' }),
    'Yes, the family agreed',
  );
  await chooseRadio(page, page.getByRole('group', { name: /agreed to information being shared/ }), 'Yes');
  await go();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers before sending the referral');
  await go();
  await expect(page.getByRole('heading', { name: 'Referral sent' })).toBeVisible();
});
