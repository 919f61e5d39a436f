import { flatten, toCsv } from './csv.js';

describe('the CSV writer', () => {
  it('writes a header and quotes fields holding commas, quotes or line breaks, with CRLF line ends', () => {
    const csv = toCsv(
      ['a', 'b'],
      [
        { a: 'x,y', b: 'say "hi"' },
        { a: null, b: 'line\nbreak' },
      ],
    );
    expect(csv).toBe('a,b\r\n"x,y","say ""hi"""\r\n,"line\nbreak"\r\n');
  });

  it.each([
    ['=HYPERLINK("http://x.example")', `"'=HYPERLINK(""http://x.example"")"`],
    ["-2+3+cmd|' /C calc'!A0", `"'-2+3+cmd|' /C calc'!A0"`],
    ['+1', `"'+1"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tleading tab', `"'\tleading tab"`],
    ['\rleading return', `"'\rleading return"`],
    ['＝1+1', `"'＝1+1"`],
    ['-', `"'-"`],
  ])('writes %j as text a spreadsheet will not run', (value, cell) => {
    expect(toCsv(['a'], [{ a: value }])).toBe(`a\r\n${cell}\r\n`);
  });

  it('leaves numbers as numbers, negative ones and counts given as digit strings included', () => {
    expect(toCsv(['a', 'b', 'c', 'd', 'e'], [{ a: -3, b: '-3', c: 2.5, d: '12', e: '007' }])).toBe(
      'a,b,c,d,e\r\n-3,-3,2.5,12,007\r\n',
    );
  });

  it('writes booleans as words, dates as ISO 8601, absent values as empty fields', () => {
    expect(
      toCsv(['a', 'b', 'c', 'd'], [{ a: true, b: false, c: new Date('2026-11-23T10:00:00Z'), d: undefined }]),
    ).toBe('a,b,c,d\r\ntrue,false,2026-11-23T10:00:00.000Z,\r\n');
  });

  it('flattens nested figures into dotted measure names', () => {
    expect(flatten({ a: { b: 1, c: { d: 2 } }, e: [1] })).toEqual({ 'a.b': 1, 'a.c.d': 2, e: [1] });
  });
});
