/**
 * Glue between the review screens and the review server API (src/lib/server/review): the actor of
 * a request and the `fail(…)` shape of a refused form action.
 */
import { error, fail } from '@sveltejs/kit';
import type { Actor, Failure } from './review';

/** The signed-in caller as the review API's actor (their own client, so RLS decides). */
export function actorOf(locals: App.Locals): Actor {
	if (!locals.user) error(401, 'sign in first');
	return { client: locals.supabase as unknown as Actor['client'], userId: locals.user.id };
}

/**
 * A refused review call as a form failure: the status and `{ errorFields, action }`, whose codes the
 * page localises (`rv_err_<code>`); 409's reason arrives as `errorFields._`.
 */
export function refused(action: string, r: Failure, values: Record<string, unknown> = {}) {
	return fail(r.status, { action, errorFields: r.errors, ...values });
}

/** The form's fields as strings (a missing one is ''). */
export async function formFields(request: Request): Promise<Record<string, string>> {
	const form = await request.formData();
	const out: Record<string, string> = {};
	for (const [k, v] of form) if (typeof v === 'string') out[k] = v;
	return out;
}
