import { isAlnum } from './normalize';
import type { Span } from './types';

/**
 * The masked form of one span: significant characters (ASCII letters and digits, judged on the
 * normalised text) become '*' except `keep` of them at each end; separators, brackets and '+' stay
 * so the reviewer still sees the shape. An e-mail keeps its first character and its domain, and
 * its local part's length is hidden behind a fixed '***'. The '*' also tells the detectors that
 * the digits beside it are a mask's leftovers (numbers.ts).
 */
export function maskSpan(original: string, norm: string, span: Span): string {
	if (span.kind === 'email') {
		const at = norm.lastIndexOf('@');
		// a domain can hide a number ("@13812345678.cn"); "139.com" and "163.com" stay readable
		let domain = original.slice(at);
		for (const run of norm.slice(at).matchAll(/\d{5,}/g)) {
			domain =
				domain.slice(0, run.index) +
				'*'.repeat(run[0].length) +
				domain.slice(run.index + run[0].length);
		}
		return original.slice(0, 1) + '***' + domain;
	}
	const [head, tail] = span.keep;
	let significant = 0;
	for (const ch of norm) if (isAlnum(ch)) significant++;
	let seen = 0;
	let out = '';
	for (let i = 0; i < norm.length; i++) {
		if (!isAlnum(norm[i])) {
			out += original[i];
			continue;
		}
		seen++;
		out += seen <= head || seen > significant - tail ? original[i] : '*';
	}
	return out;
}
