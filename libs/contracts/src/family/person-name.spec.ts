import { isPersonName, isPersonNameSearch } from './person-name.js';

describe('the one rule for a person’s name', () => {
  it.each(['Alfie', 'Anne-Marie', "O'Neill", 'D’Souza', 'St. John', 'Zoë', 'Łukasz', 'Siân', 'Twin 1', 'أحمد'])(
    'takes %s as a name and finds it by search',
    (name) => {
      expect(isPersonName(name)).toBe(true);
      expect(isPersonNameSearch(name)).toBe(true);
    },
  );

  it.each(['', '   ', '123', '<script>', 'Alfie\u0000', 'Jo;DROP', 'a@b', 'x'.repeat(101)])(
    'refuses %j as a name',
    (name) => {
      expect(isPersonName(name)).toBe(false);
    },
  );

  it('searches by the start of any name it accepts, digits included', () => {
    expect(isPersonNameSearch('Twin 1')).toBe(true);
    expect(isPersonNameSearch("o'")).toBe(true);
    expect(isPersonNameSearch('%')).toBe(false);
  });
});
