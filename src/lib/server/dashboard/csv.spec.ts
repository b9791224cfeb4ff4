import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('CSV for Excel', () => {
	it('starts with a UTF-8 byte-order mark and ends every line with CRLF', () => {
		const csv = toCsv(['供应商', 'Calls'], [['甲', 3]]);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
		expect(csv.slice(1)).toBe('供应商,Calls\r\n甲,3\r\n');
	});

	it.each([
		['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
		['+1+1', "'+1+1"],
		['-2+3', "'-2+3"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\tcmd', "'\tcmd"],
		['\r=1', `"'\r=1"`]
	])('guards the formula-like text %j as %j', (input, out) => {
		expect(csvCell(input)).toBe(out);
	});

	it('quotes commas, quotes and line breaks, and leaves plain text and numbers alone', () => {
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('two\nlines')).toBe('"two\nlines"');
		expect(csvCell('Site A1')).toBe('Site A1');
		expect(csvCell(-0.5)).toBe('-0.5');
		expect(csvCell(null)).toBe('');
		expect(csvCell(Number.NaN)).toBe('');
	});
});
