import { toCsv } from './csv.js';

describe('CSV export', () => {
  it('writes a header and quotes fields holding commas, quotes or line breaks', () => {
    const csv = toCsv(
      ['a', 'b'],
      [
        { a: 'x,y', b: 'say "hi"' },
        { a: null, b: 'line\nbreak' },
      ],
    );
    expect(csv).toBe('a,b\r\n"x,y","say ""hi"""\r\n,"line\nbreak"\r\n');
  });

  it('neutralises a value a spreadsheet would run as a formula', () => {
    expect(toCsv(['a'], [{ a: '=HYPERLINK("x")' }])).toBe('a\r\n"\'=HYPERLINK(""x"")"\r\n');
  });
});
