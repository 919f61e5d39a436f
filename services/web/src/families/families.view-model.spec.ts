import { familyQuery } from './families.view-model.js';

describe('finding a family', () => {
  it("searches by name and a child's date of birth typed as day, month and year", () => {
    expect(familyQuery({ name: ' Brightwater ', 'dob-day': '12', 'dob-month': '4', 'dob-year': '2016' })).toEqual({
      query: { name: 'Brightwater', childDateOfBirth: '2016-04-12' },
      errors: [],
    });
  });

  it('says so when the date of birth is not a real date, or the name is too short to search by', () => {
    expect(familyQuery({ name: 'B', 'dob-day': '31', 'dob-month': '2', 'dob-year': '2016' }).errors).toEqual([
      { field: 'name', text: 'Enter at least 2 letters of a name' },
      { field: 'dob-day', text: "Child's date of birth must be a real date" },
    ]);
  });

  it('turns the filters in the URL into the read model’s own', () => {
    expect(familyQuery({ overdueActions: 'yes', reviewDue: 'yes', hasOrder: 'yes', levelOfNeed: '3' }).query).toEqual({
      overdueActions: true,
      reviewDueWithinDays: 14,
      hasOrder: true,
      levelOfNeed: 3,
    });
  });
});
