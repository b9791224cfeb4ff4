/**
 * Request headers PostgREST interprets: Accept (JSON array, single object, CSV, stripped nulls),
 * Prefer, Range/Range-Unit, and Accept-Profile/Content-Profile (only `public` is exposed).
 */
import type { ApiRequest } from '../http/types';
import { pgrst, rangeError } from './errors';
import type { Media } from './read';

export interface Negotiated {
	media: Media;
	stripNulls: boolean;
	contentType: string;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const OBJECT_TYPE = 'application/vnd.pgrst.object+json; charset=utf-8';

function mediaFor(type: string, params: Record<string, string>): Negotiated | undefined {
	const stripNulls = params.nulls === 'stripped';
	switch (type) {
		case '*/*':
		case 'application/*':
		case 'application/json':
			return { media: 'json', stripNulls: false, contentType: JSON_TYPE };
		case 'application/vnd.pgrst.array+json':
		case 'application/vnd.pgrst.array':
			return {
				media: 'json',
				stripNulls,
				contentType: stripNulls
					? 'application/vnd.pgrst.array+json; nulls=stripped; charset=utf-8'
					: JSON_TYPE
			};
		case 'application/vnd.pgrst.object+json':
		case 'application/vnd.pgrst.object':
			return {
				media: 'object',
				stripNulls,
				contentType: stripNulls
					? 'application/vnd.pgrst.object+json; nulls=stripped; charset=utf-8'
					: OBJECT_TYPE
			};
		case 'text/csv':
		case 'text/*':
			return { media: 'csv', stripNulls: false, contentType: 'text/csv; charset=utf-8' };
	}
	return undefined;
}

/** Parses an Accept header into (type, params, q), best first. */
export function acceptList(
	accept: string | undefined
): { type: string; params: Record<string, string> }[] {
	if (!accept || !accept.trim()) return [{ type: '*/*', params: {} }];
	return accept
		.split(',')
		.map((part, i) => {
			const [type, ...rest] = part.split(';').map((s) => s.trim());
			const params: Record<string, string> = {};
			for (const p of rest) {
				const [k, v = ''] = p.split('=').map((s) => s.trim());
				params[k.toLowerCase()] = v.replace(/^"|"$/g, '');
			}
			const q = params.q === undefined ? 1 : Number(params.q);
			return { type: type.toLowerCase(), params, q: Number.isFinite(q) ? q : 0, i };
		})
		.filter((m) => m.type && m.q > 0)
		.sort((a, b) => b.q - a.q || a.i - b.i);
}

/** Chooses the response media type; 406 PGRST107 when none is available. */
export function negotiate(accept: string | undefined): Negotiated {
	const list = acceptList(accept);
	for (const m of list) {
		const found = mediaFor(m.type, m.params);
		if (found) return found;
	}
	throw pgrst(
		406,
		'PGRST107',
		`None of these media types are available: ${list.map((m) => m.type).join(', ')}`
	);
}

export interface Prefs {
	return?: 'representation' | 'minimal' | 'headers-only';
	count?: 'exact' | 'planned' | 'estimated';
	resolution?: 'merge-duplicates' | 'ignore-duplicates';
	missing?: 'default' | 'null';
	handling?: 'strict' | 'lenient';
	params?: 'single-object';
	tx?: 'commit' | 'rollback';
	maxAffected?: number;
	invalid: string[];
}

const PREF_VALUES: Record<string, string[]> = {
	return: ['representation', 'minimal', 'headers-only'],
	count: ['exact', 'planned', 'estimated'],
	resolution: ['merge-duplicates', 'ignore-duplicates'],
	missing: ['default', 'null'],
	handling: ['strict', 'lenient'],
	params: ['single-object'],
	tx: ['commit', 'rollback']
};

/** Parses Prefer headers (comma separated, possibly repeated); the first value of each wins. */
export function parsePrefer(header: string | string[] | undefined): Prefs {
	const prefs: Prefs = { invalid: [] };
	const all = (Array.isArray(header) ? header : header ? [header] : [])
		.flatMap((h) => h.split(','))
		.map((s) => s.trim())
		.filter(Boolean);
	const rec = prefs as unknown as Record<string, unknown>;
	for (const p of all) {
		const [k, v = ''] = p.split('=', 2);
		if (k === 'max-affected' && /^\d+$/.test(v)) {
			prefs.maxAffected ??= Number(v);
		} else if (PREF_VALUES[k]?.includes(v)) {
			if (rec[k] === undefined) rec[k] = v;
		} else prefs.invalid.push(p);
	}
	if (prefs.handling === 'strict' && prefs.invalid.length) {
		throw pgrst(
			400,
			'PGRST122',
			'Invalid preferences given with handling=strict',
			`Invalid preferences: ${prefs.invalid.join(', ')}`
		);
	}
	return prefs;
}

/** The Preference-Applied header for the preferences an operation honoured. */
export function preferenceApplied(prefs: Prefs, keys: (keyof Prefs)[]): Record<string, string> {
	const parts: string[] = [];
	for (const k of keys) {
		const v = prefs[k];
		if (v === undefined || k === 'invalid') continue;
		if (k === 'maxAffected') {
			if (prefs.handling === 'strict') parts.push(`max-affected=${v}`);
		} else parts.push(`${k}=${v}`);
	}
	return parts.length ? { 'preference-applied': parts.join(', ') } : {};
}

/**
 * Only `public` is exposed: another Accept-Profile/Content-Profile is 406 PGRST106. Returns the
 * Content-Profile response header when the client negotiated one.
 */
export function checkProfile(req: ApiRequest): Record<string, string> {
	const readish = req.method === 'GET' || req.method === 'HEAD';
	const profile = req.header(readish ? 'accept-profile' : 'content-profile');
	if (profile === undefined) return {};
	if (profile !== 'public') {
		throw pgrst(
			406,
			'PGRST106',
			`Invalid schema: ${profile}`,
			null,
			'Only the following schemas are exposed: public'
		);
	}
	return { 'content-profile': 'public' };
}

/** The Range header (`Range-Unit: items`), as offset and optional limit. */
export function headerRange(req: ApiRequest): { offset: number; limit?: number } | undefined {
	const raw = req.header('range');
	if (!raw || req.method !== 'GET') return undefined;
	const unit = req.header('range-unit');
	if (unit && unit.toLowerCase() !== 'items') return undefined;
	const m = /^(?:items=)?\s*(\d{1,15})-(\d{0,15})\s*$/.exec(raw);
	if (!m) return undefined;
	const from = Number(m[1]);
	if (m[2] === '') return { offset: from };
	const to = Number(m[2]);
	if (from > to) {
		throw rangeError(
			'The lower boundary must be lower than or equal to the upper boundary in the Range header.'
		);
	}
	return { offset: from, limit: to - from + 1 };
}

/** The intersection of the Range header and limit/offset, as PostgREST restricts them. */
export function topRange(
	header: { offset: number; limit?: number } | undefined,
	params: { offset: number; limit?: number } | undefined
): { offset: number; limit?: number } {
	if (!header) return params ?? { offset: 0 };
	if (!params) return header;
	const lower = Math.max(header.offset, params.offset);
	const ends = [header, params]
		.filter((r) => r.limit !== undefined)
		.map((r) => r.offset + r.limit! - 1);
	if (!ends.length) return { offset: lower };
	const upper = Math.min(...ends);
	return { offset: lower, limit: Math.max(0, upper - lower + 1) };
}

/** `Content-Range` as PostgREST renders it: `0-9/*`, `0-9/42`, `*\/0`. */
export function contentRange(lower: number, upper: number, total: number | undefined): string {
	const range = total !== 0 && lower <= upper ? `${lower}-${upper}` : '*';
	return `${range}/${total ?? '*'}`;
}
