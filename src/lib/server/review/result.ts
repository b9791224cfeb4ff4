/**
 * The shape every review server function answers with, and the mapping of the RPCs' errcodes to it:
 * PT400 → 400, PT403/42501 → 403, PT404 → 404, PT409 → 409; `errors` maps a field (or the RPC's hint)
 * to a code the screens localise. Anything else is a server fault and throws.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { z } from 'zod';
import { issueCodes } from '../../schemas/review';

/** The signed-in actor: their own client (RLS applies) and their user id from the session. */
export interface Actor {
	client: SupabaseClient;
	userId: string;
}

export type Failure = { ok: false; status: 400 | 403 | 404 | 409; errors: Record<string, string> };
export type Result<T extends object = object> = ({ ok: true } & T) | Failure;

export const fail = (status: Failure['status'], errors: Record<string, string>): Failure => ({
	ok: false,
	status,
	errors
});
export const notFound = (what = '_') => fail(404, { [what]: 'not_found' });

/** Parses `input` with `schema`, or the 400 naming each bad field. */
export function parse<S extends z.ZodType>(
	schema: S,
	input: unknown
): { ok: true; data: z.output<S> } | Failure {
	const r = schema.safeParse(input);
	return r.success ? { ok: true, data: r.data } : fail(400, issueCodes(r.error.issues));
}

/** An RPC error as a Failure (the hint names the field or reason), or a thrown server fault. */
export function refusal(error: { code?: string; message: string; hint?: string | null }): Failure {
	const key = error.hint || '_';
	switch (error.code) {
		case 'PT400':
		case '23514':
			return fail(400, { [key]: 'invalid' });
		case 'PT403':
		case '42501':
			return fail(403, { _: 'forbidden' });
		case 'PT404':
			return notFound();
		case 'PT409':
		case '23505':
			return fail(409, { _: error.hint || 'conflict' });
	}
	throw new Error(`review RPC failed: ${error.message} (${error.code ?? 'no code'})`);
}
