/**
 * Check-digit and plausibility rules. Each one cuts false positives on ordinary numbers: a random
 * 18-digit run passes the resident-ID rules about once in 6,000 tries, a random card-length run
 * passes Luhn once in ten (the prefix rule in numbers.ts cuts that further).
 */

/** GB/T 2260 province-level codes: the first two digits of a resident ID's region. */
const PROVINCES = new Set(
	'11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83'.split(
		' '
	)
);

/**
 * A plausible region prefix. Mainland and HK/Macau/Taiwan residence-permit codes (810000, 820000,
 * 830000) start with a province code; the 2023 foreigners' permanent-residence card puts 9 before
 * the province. Cities and counties are not checked: the full table is too big for the phone.
 */
export function isRegionPrefix(digits: string): boolean {
	if (PROVINCES.has(digits.slice(0, 2))) return true;
	return digits[0] === '9' && PROVINCES.has(digits.slice(1, 3)) && Number(digits[1]) < 7;
}

/** A real calendar date; births before 1900 or after 2099 are treated as not an ID. */
export function isBirthDate(yyyymmdd: string): boolean {
	if (!/^\d{8}$/.test(yyyymmdd)) return false;
	const y = Number(yyyymmdd.slice(0, 4));
	const m = Number(yyyymmdd.slice(4, 6));
	const d = Number(yyyymmdd.slice(6, 8));
	if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1) return false;
	const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
	const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
	return d <= days[m - 1];
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** ISO 7064 MOD 11-2 check character of the first 17 digits of an 18-digit resident ID. */
export function residentIdCheckChar(first17: string): string {
	let sum = 0;
	for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
	return '10X98765432'[sum % 11];
}

/** An 18-digit resident ID (last character may be X), or the 15-digit form issued before 1999. */
export function isResidentId(id: string): boolean {
	const v = id.toUpperCase();
	if (/^\d{17}[\dX]$/.test(v)) {
		return isRegionPrefix(v) && isBirthDate(v.slice(6, 14)) && residentIdCheckChar(v) === v[17];
	}
	if (/^\d{15}$/.test(v)) return isRegionPrefix(v) && isBirthDate('19' + v.slice(6, 12));
	return false;
}

/** The Luhn (mod 10) check used by every payment card number. */
export function luhn(digits: string): boolean {
	if (!/^\d+$/.test(digits)) return false;
	let sum = 0;
	for (let i = 0; i < digits.length; i++) {
		let d = Number(digits[digits.length - 1 - i]);
		if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
		sum += d;
	}
	return sum % 10 === 0;
}

/** The digit that makes `body` pass Luhn; used to build test data and nothing else at run time. */
export function luhnCheckDigit(body: string): string {
	for (let d = 0; d <= 9; d++) if (luhn(body + d)) return String(d);
	throw new Error('unreachable');
}

/** Value of an HKID character: space 36, A–Z 10–35, digits themselves. */
function hkValue(ch: string): number {
	if (ch === ' ') return 36;
	return /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55;
}

/** Check character of a Hong Kong identity card: one or two letters and six digits. */
export function hkIdCheckChar(body: string): string {
	const padded = body.length === 7 ? ' ' + body : body;
	let sum = 0;
	for (let i = 0; i < 8; i++) sum += hkValue(padded[i]) * (9 - i);
	const check = (11 - (sum % 11)) % 11;
	return check === 10 ? 'A' : String(check);
}

/** A Hong Kong identity card number, with or without the brackets round the check character. */
export function isHkId(id: string): boolean {
	const m = /^([A-Z]{1,2}\d{6})\(?([\dA])\)?$/.exec(id);
	return m !== null && hkIdCheckChar(m[1]) === m[2];
}

/** Taiwan's letter codes are not alphabetical: I, O, W–Z were added after the others. */
const TW_LETTERS = 'ABCDEFGHJKLMNPQRSTUVXYWZIO';

/** A Taiwan national ID or resident certificate number: a letter, 1/2/8/9, eight digits. */
export function isTwId(id: string): boolean {
	if (!/^[A-Z][1289]\d{8}$/.test(id)) return false;
	const code = TW_LETTERS.indexOf(id[0]) + 10;
	let sum = Math.floor(code / 10) + (code % 10) * 9;
	for (let i = 1; i < 9; i++) sum += Number(id[i]) * (9 - i);
	return (sum + Number(id[9])) % 10 === 0;
}
