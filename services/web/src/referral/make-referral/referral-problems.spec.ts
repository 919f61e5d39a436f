import { referralSendErrors } from './referral-problems.js';

describe('a refused referral on check your answers', () => {
  it("says a future date of birth in plain words and links to that child's question page", () => {
    expect(
      referralSendErrors({
        type: 'https://baton.dev/problems/referral-rules',
        title: 'The referral breaks a rule',
        status: 422,
        errors: [
          { field: 'family.children[1].dateOfBirth', rule: 'isNotFuture', message: 'dateOfBirth is in the future' },
        ],
      }),
    ).toEqual([{ field: '/referrals/new/child/1', text: 'Date of birth must be today or in the past' }]);
  });

  it("keeps the service's own words for a field no question asks", () => {
    expect(
      referralSendErrors({
        type: 'x',
        title: 'Bad',
        status: 422,
        errors: [{ field: 'receivingAgencyId', rule: 'isKnownAgency', message: 'no such agency' }],
      }),
    ).toEqual([{ field: '', text: 'no such agency' }]);
  });
});
