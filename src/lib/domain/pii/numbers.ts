/**
 * Numbers written as digit groups: resident IDs, mobiles, landlines and card numbers. A "chain" is a
 * run of digit groups joined by single spaces or dashes ("138 1234 5678", "(010) 6552-9988"); a
 * finding is always a whole number of groups, so digits inside a longer run never match partly.
 * Each kind also fixes how its groups may be split, so that a list of ordinary numbers rarely
 * lines up into one.
 */
import { isResidentId, luhn } from './checks';
import { isAlnum } from './normalize';
import type { PiiKind, Span } from './types';

interface Group {
	text: string;
	start: number;
	end: number;
}

/** Digits and group sizes of a candidate, after any country code (+86 / 0086 / 86). */
interface Candidate {
	/** How many digits of the country code were written: 0 when there was none. */
	code: number;
	digits: string;
	sizes: number[];
	parens: boolean[];
}

/** How many significant characters a mask leaves at the start and at the end. */
type Keep = [head: number, tail: number];

// No lookbehind: Safari before 16.4 cannot parse it, and the masker runs on shoppers' phones.
// Brackets mark an area or country code (2–4 digits) and may not close a chain: in "(13812345678)"
// they are only punctuation round the number.
const CHAIN = /(?:\(\+?\d{2,4}\)[ -]?|\+?\d+[Xx]?[ -])*\+?\d+[Xx]?/g;
const GROUP = /\(\+?\d{2,4}\)|\+?\d+[Xx]?/g;
const COUNTRY = /^(?:\+86|0086|86)/;

const same = (a: number[], b: number[]) => a.length === b.length && a.every((v, i) => v === b[i]);
const plain = (c: Candidate) => c.code === 0 && !c.parens.some(Boolean);

/**
 * Splits a leading country code off the groups: "+86" / "0086" / "(+86)" written apart or glued on,
 * "86" written apart, or "86" glued to a mobile (the form many Chinese systems store).
 */
function candidate(groups: Group[]): Candidate {
	const texts = groups.map((g) => g.text.replace(/[()]/g, ''));
	const parens = groups.map((g) => g.text.startsWith('('));
	const code = COUNTRY.exec(texts[0])?.[0];
	const rest = code === undefined ? '' : texts[0].slice(code.length);
	const apart = code !== undefined && rest === '' && texts.length > 1;
	const glued = code !== undefined && rest !== '' && (code !== '86' || /^1[3-9]\d{9}$/.test(rest));
	if (apart) {
		texts.shift();
		parens.shift();
	} else if (glued) texts[0] = rest;
	return {
		code: apart || glued ? code.replace('+', '').length : 0,
		digits: texts.join(''),
		sizes: texts.map((t) => t.length),
		parens
	};
}

/** Resident IDs: whole, or split 6-8-4 (18) and 6-6-3 (15) as printed on the card. */
function residentId(c: Candidate, length: 15 | 18): Keep | null {
	if (!plain(c) || c.digits.length !== length) return null;
	const split = length === 18 ? [6, 8, 4] : [6, 6, 3];
	const ok = (c.sizes.length === 1 || same(c.sizes, split)) && isResidentId(c.digits);
	return ok ? [3, length === 18 ? 4 : 3] : null;
}

/** Mainland mobiles 1[3-9]x: whole, 3-4-4 or 3-8. */
function mobile(c: Candidate): Keep | null {
	if (c.parens.some(Boolean) || !/^1[3-9]\d{9}$/.test(c.digits)) return null;
	const ok = c.sizes.length === 1 || same(c.sizes, [3, 4, 4]) || same(c.sizes, [3, 8]);
	return ok ? [c.code + 3, 4] : null;
}

/**
 * Landlines: area code 010, 02x or 0xxx (the 0 optional after a country code) and a 7–8 digit
 * local number that does not start with 0 or 1; the area code stands apart or in brackets, or is
 * glued on when the whole is 11 digits or follows a country code.
 */
function landline(c: Candidate): Keep | null {
	// after a country code the trunk 0 is dropped, though people often write it anyway
	const area = (c.code ? /^0?(?:10|2\d|[3-9]\d\d)/ : /^0(?:10|2\d|[3-9]\d\d)/).exec(c.digits)?.[0];
	if (!area || c.parens.slice(1).some(Boolean)) return null;
	const local = c.digits.slice(area.length);
	const short = area.replace(/^0/, '').length === 2;
	if (!(local.length === 8 || (!short && local.length === 7)) || !/^[2-9]/.test(local)) return null;
	const rest = c.sizes.slice(1);
	// glued, 12 digits starting with 0 are as likely a VAT invoice code (发票代码 044031900111)
	const glued = c.sizes.length === 1 && (c.code > 0 || c.digits.length === 11);
	const apart =
		c.sizes[0] === area.length && (rest.length === 1 || (rest.length === 2 && rest[1] === 4));
	const ok = glued || apart;
	return ok ? [c.code + area.length, 4] : null;
}

/**
 * Payment cards: 13–19 digits passing Luhn, issued under 3 (Amex, JCB, Diners), 4 (Visa),
 * 5 (Mastercard), 6 (UnionPay, Discover) or 9 (older Chinese debit cards); whole, in fours, or
 * 4-6-5 / 4-6-4. A run of one repeated digit is a placeholder, not a card.
 */
function bankCard(c: Candidate): Keep | null {
	const d = c.digits;
	if (!plain(c) || d.length < 13 || d.length > 19) return null;
	if (!/^[34569]\d+$/.test(d) || /^(\d)\1+$/.test(d) || !luhn(d)) return null;
	const s = c.sizes;
	const fours = s.slice(0, -1).every((n) => n === 4) && s[s.length - 1] <= 4;
	return s.length === 1 || fours || same(s, [4, 6, 5]) || same(s, [4, 6, 4]) ? [0, 4] : null;
}

/** Most specific first: a run that is both a valid ID and passes Luhn is reported as an ID. */
const KINDS: [PiiKind, (c: Candidate) => Keep | null][] = [
	['resident_id', (c) => residentId(c, 18)],
	['mobile', mobile],
	['bank_card', bankCard],
	['resident_id', (c) => residentId(c, 15)],
	['landline', landline]
];

function classify(groups: Group[]): { kind: PiiKind; keep: Keep } | null {
	const c = candidate(groups);
	// a '+' left after the country code, or an X before the last character, is no number of ours
	if (!/^\d+[Xx]?$/.test(c.digits)) return null;
	const x = /[Xx]$/.test(c.digits);
	for (const [kind, test] of KINDS) {
		const keep = x && kind !== 'resident_id' ? null : test(c);
		if (keep) return { kind, keep };
	}
	return null;
}

/**
 * A number touching a letter is part of a code; one next to a decimal point or a thousands group
 * ("3.13812345678", "1,381,234,567") is part of an amount. A comma between two long numbers is a
 * list ("13812345678,13912345678"), so only a comma beside exactly three digits counts. Digits next
 * to a run of three or more '*' are what a mask left of a number ("**** 1234"): they never start a
 * new one, which keeps masking idempotent; a bullet "* " or bold "**" does not count.
 */
function blocked(text: string, groups: Group[]) {
	const before = groups[0].start;
	const after = groups[groups.length - 1].end;
	const digit = (i: number) => /\d/.test(text[i] ?? '');
	const star = (i: number, step: number) => {
		let run = 0;
		for (let k = text[i] === ' ' || text[i] === '-' ? i + step : i; text[k] === '*'; k += step)
			run++;
		return run >= 3;
	};
	const thousands = (i: number) => digit(i) && digit(i + 1) && digit(i + 2) && !digit(i + 3);
	const left =
		isAlnum(text[before - 1]) ||
		star(before - 1, -1) ||
		(text[before - 1] === '.' && digit(before - 2)) ||
		(text[before - 1] === ',' && digit(before - 2) && groups[0].text.length === 3);
	const right =
		isAlnum(text[after]) ||
		star(after, 1) ||
		(text[after] === '.' && digit(after + 1)) ||
		(text[after] === ',' && thousands(after + 1));
	return { left, right };
}

/** The longest form accepted, a 19-digit card in fours, is five groups; longer runs never match. */
const MAX_GROUPS = 5;

/** Finds the numbers in normalised text: leftmost first, the longest run of groups that is one. */
export function detectNumbers(norm: string): Span[] {
	const found: Span[] = [];
	for (const chain of norm.matchAll(CHAIN)) {
		const base = chain.index;
		const groups = [...chain[0].matchAll(GROUP)].map((g) => ({
			text: g[0],
			start: base + g.index,
			end: base + g.index + g[0].length
		}));
		const edge = blocked(norm, groups);
		let i = edge.left ? 1 : 0;
		while (i < groups.length) {
			let matched = false;
			const last = Math.min(groups.length - (edge.right ? 2 : 1), i + MAX_GROUPS - 1);
			for (let j = last; j >= i; j--) {
				const hit = classify(groups.slice(i, j + 1));
				if (hit) {
					found.push({ ...hit, start: groups[i].start, end: groups[j].end });
					i = j + 1;
					matched = true;
					break;
				}
			}
			if (!matched) i++;
		}
	}
	return found;
}
