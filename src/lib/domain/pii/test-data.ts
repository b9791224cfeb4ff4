/** Builders of valid numbers for the specs: the check characters are computed, never copied. */
import { hkIdCheckChar, luhnCheckDigit, residentIdCheckChar } from './checks';

/** An 18-digit resident ID for a region code (6 digits), birth date (YYYYMMDD) and sequence. */
export function residentId(region: string, birth: string, seq: string): string {
	const body = region + birth + seq;
	return body + residentIdCheckChar(body);
}

/** `id` with its check character replaced by a different, wrong one. */
export function wrongCheck(id: string): string {
	const last = id[id.length - 1];
	return id.slice(0, -1) + (last === '0' ? '1' : '0');
}

/** A card number of `length` digits starting with `prefix`, padded with `fill`, passing Luhn. */
export function card(prefix: string, length: number, fill = '0'): string {
	const body = prefix.padEnd(length - 1, fill);
	return body + luhnCheckDigit(body);
}

/** A Hong Kong ID in the printed form, "A123456(3)". */
export function hkId(body: string): string {
	return `${body}(${hkIdCheckChar(body)})`;
}
