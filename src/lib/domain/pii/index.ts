/**
 * The personal-data masker that runs on the shopper's phone before a note leaves it, and again on
 * the server. Pure and dependency-free so that it costs the call screen a few kilobytes.
 *
 * Detection runs on a normalised copy of the text (full-width characters folded to ASCII, see
 * normalize.ts); findings are whole tokens, never a slice of a longer run of digits or letters,
 * and each kind has its own validity check (check digit, Luhn, birth date, prefix). Where two
 * detectors claim overlapping text the earlier one wins: e-mail addresses (which often hold a
 * mobile number), then letter-led documents, then numbers.
 */
import { detectDocuments, detectEmails } from './documents';
import { maskSpan } from './mask';
import { normalize } from './normalize';
import { detectNumbers } from './numbers';
import type { MaskResult, PiiFinding, PiiKind, Span } from './types';

export type * from './types';
export { isHkId, isResidentId, isTwId, luhn } from './checks';

/**
 * Every piece of personal data in `text`, in order of position. Ids are `${kind}-${n}`, numbered
 * per kind from the start, so the same text always yields the same ids and they reveal nothing
 * about the value (a hash of a phone number could be reversed by trying them all).
 */
export function findPii(text: string): PiiFinding[] {
	const norm = normalize(text);
	const taken: Span[] = [];
	for (const span of [...detectEmails(norm), ...detectDocuments(norm), ...detectNumbers(norm)]) {
		if (taken.every((t) => span.end <= t.start || span.start >= t.end)) taken.push(span);
	}
	taken.sort((a, b) => a.start - b.start);
	const counts = new Map<PiiKind, number>();
	return taken.map((span) => {
		const n = (counts.get(span.kind) ?? 0) + 1;
		counts.set(span.kind, n);
		const original = text.slice(span.start, span.end);
		return {
			id: `${span.kind}-${n}`,
			kind: span.kind,
			start: span.start,
			end: span.end,
			original,
			masked: maskSpan(original, norm.slice(span.start, span.end), span)
		};
	});
}

export interface MaskOptions {
	/** Ids of findings the shopper marked as not personal data; they stay as written. */
	keep?: Iterable<string>;
	/** Same as `keep`, under the name the undo button uses. */
	undo?: Iterable<string>;
}

/** `text` with every finding masked except the kept ones, and the findings with their state. */
export function maskPii(text: string, options: MaskOptions = {}): MaskResult {
	const kept = new Set([...(options.keep ?? []), ...(options.undo ?? [])]);
	const findings = findPii(text).map((f) => ({ ...f, kept: kept.has(f.id) }));
	let out = '';
	let at = 0;
	for (const f of findings) {
		out += text.slice(at, f.start) + (f.kept ? f.original : f.masked);
		at = f.end;
	}
	return { text: out + text.slice(at), findings };
}
