import { byField, formErrorsFrom } from './field-errors.js';

const fields = {
  'family.children[].dateOfBirth': { id: 'child-date-of-birth', label: 'date of birth' },
  'concerns.summary': { id: 'concerns-summary', label: 'what you are worried about' },
};

describe('formErrorsFrom', () => {
  it('says a future date of birth in plain English on the right field', () => {
    const errors = formErrorsFrom(
      {
        type: 'https://baton.dev/problems/referral-rules',
        title: 'The referral breaks a rule',
        status: 422,
        errors: [
          { field: 'family.children[0].dateOfBirth', rule: 'isNotFuture', message: 'dateOfBirth is in the future' },
        ],
      },
      fields,
    );
    expect(errors).toEqual([{ field: 'child-date-of-birth', text: 'Date of birth must be today or in the past' }]);
    expect(byField(errors)).toEqual({ 'child-date-of-birth': 'Date of birth must be today or in the past' });
  });

  it("asks for a missing answer using the page's own words", () => {
    const errors = formErrorsFrom(
      {
        type: 'x',
        title: 'Invalid',
        status: 400,
        errors: [{ field: 'concerns.summary', rule: 'isNotEmpty', message: 'summary should not be empty' }],
      },
      fields,
    );
    expect(errors[0]?.text).toBe('Enter what you are worried about');
  });

  it("keeps the service's words for a field or rule the page does not know", () => {
    const errors = formErrorsFrom(
      {
        type: 'x',
        title: 'Invalid',
        status: 422,
        errors: [{ field: 'urgency', rule: 'isUrgent', message: 'urgency is odd' }],
      },
      fields,
    );
    expect(errors).toEqual([{ field: '', text: 'urgency is odd' }]);
  });

  it('shows the detail of a problem that names no field', () => {
    expect(
      formErrorsFrom({ type: 'x', title: 'Conflict', status: 409, detail: 'The referral was withdrawn' }, fields),
    ).toEqual([{ field: '', text: 'The referral was withdrawn' }]);
  });
});
