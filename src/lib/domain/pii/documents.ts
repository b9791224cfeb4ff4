/**
 * Personal data written with letters: e-mail addresses, Hong Kong and Taiwan identity cards (both
 * carry a check character), and passport or travel-permit numbers. The last have no check character
 * outside the machine-readable zone, so they are only taken right after a word that names them
 * ("护照号 E12345678"); a bare "E12345678" is as likely a product code.
 */
import { isHkId, isTwId } from './checks';
import { isAlnum } from './normalize';
import type { PiiKind, Span } from './types';

// The local part and labels are ASCII: Chinese text around an address then bounds it by itself.
const EMAIL =
	/[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}/g;
const HK_ID = /[A-Z]{1,2}\d{6}(?:\([\dA]\)|[\dA])/g;
const TW_ID = /[A-Z][1289]\d{8}/g;
const DOCUMENT = /[A-Z]{1,2}\d{6,9}/g;

/** Words that announce a travel document, lower-cased; the number must follow within a few chars. */
const DOCUMENT_WORDS = [
	'护照',
	'護照',
	'passport',
	'通行证',
	'通行證',
	'回乡证',
	'回鄉證',
	'台胞证',
	'台胞證'
];
const DOCUMENT_REACH = 16;
/** What may stand between the word and the number: a label ("号码", "No."), "是", punctuation. */
const DOCUMENT_LABEL = /^(?:[\s:#.,，()是为的号码编]|no|number|num|nr|is)*$/i;

/** Matches standing alone (no letter or digit either side) that pass `valid`; letters are kept. */
function matches(norm: string, re: RegExp, kind: PiiKind, valid: (s: string) => boolean): Span[] {
	const spans: Span[] = [];
	for (const m of norm.matchAll(re)) {
		const start = m.index;
		const end = start + m[0].length;
		if (isAlnum(norm[start - 1]) || isAlnum(norm[end]) || !valid(m[0])) continue;
		const letters = /^[A-Z]+/.exec(m[0])?.[0].length ?? 0;
		spans.push({ kind, start, end, keep: [letters, kind === 'hk_id' ? 1 : 3] });
	}
	return spans;
}

function announced(norm: string, start: number): boolean {
	const before = norm.slice(Math.max(0, start - DOCUMENT_REACH), start).toLowerCase();
	return DOCUMENT_WORDS.some((w) => {
		const at = before.lastIndexOf(w);
		return at >= 0 && DOCUMENT_LABEL.test(before.slice(at + w.length));
	});
}

/**
 * E-mail addresses: the local part may not start or end with a dot, as mail servers require, and
 * an address run into another '@' ("a@b.com@c.com") is no address.
 */
export function detectEmails(norm: string): Span[] {
	const spans: Span[] = [];
	for (const m of norm.matchAll(EMAIL)) {
		let start = m.index;
		const end = start + m[0].length;
		while (norm[start] === '.') start++;
		const at = norm.indexOf('@', start);
		if (at === start || norm[at - 1] === '.' || norm[m.index - 1] === '@' || norm[end] === '@') {
			continue;
		}
		spans.push({ kind: 'email', start, end, keep: [1, 0] });
	}
	return spans;
}

/** HK and Taiwan IDs anywhere; passport-like numbers only after a word that names them. */
export function detectDocuments(norm: string): Span[] {
	return [
		...matches(norm, HK_ID, 'hk_id', isHkId),
		...matches(norm, TW_ID, 'tw_id', isTwId),
		...matches(norm, DOCUMENT, 'passport', () => true).filter((s) => announced(norm, s.start))
	];
}
