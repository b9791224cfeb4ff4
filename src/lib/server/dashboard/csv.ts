/**
 * CSV as Excel opens it correctly in Chinese and English: UTF-8 with a byte-order mark, CRLF line
 * ends, RFC 4180 quoting. Text cells that a spreadsheet would run as a formula (starting with = + -
 * @, tab or carriage return) get a leading apostrophe, OWASP's guard against CSV injection: a site
 * or vendor name is typed by people outside the audit team.
 */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, guarded and quoted as needed; numbers are written as numbers. */
export function csvCell(value: CsvCell): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	let text = String(value);
	if (FORMULA_START.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file: BOM, a header line, one line per row. */
export function toCsv(header: string[], rows: CsvCell[][]): string {
	const lines = [header, ...rows].map((r) => r.map(csvCell).join(','));
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}
