/** Small helpers the /auth/v1 conformance specs share; they only use supabase-js and fetch. */
import { randomBytes } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { TestStack } from './stack';

export const PASSWORD = 'correct-horse-battery';

/** A fresh, unique address for one test. */
export const newEmail = (tag = 'user') => `${tag}-${randomBytes(5).toString('hex')}@example.test`;

/** A client that keeps its session in memory, so setSession/refresh behave as in a browser tab. */
export function sessionClient(stack: TestStack): SupabaseClient {
	return createClient(stack.url, stack.anonKey, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }
	});
}

/** Signs up a new user through supabase-js and returns its client and session. */
export async function signUp(stack: TestStack, email = newEmail(), password = PASSWORD) {
	const client = sessionClient(stack);
	const { data, error } = await client.auth.signUp({ email, password });
	if (error || !data.session || !data.user) throw error ?? new Error('sign-up gave no session');
	return { client, email, password, session: data.session, user: data.user };
}

/** Raw fetch to /auth/v1 with the anon key, for statuses, headers and bodies. */
export function authFetch(
	stack: TestStack,
	path: string,
	init: RequestInit & { json?: unknown; bearer?: string; apikey?: string | null } = {}
): Promise<Response> {
	const headers = new Headers(init.headers);
	const apikey = init.apikey === undefined ? stack.anonKey : init.apikey;
	if (apikey !== null) headers.set('apikey', apikey);
	if (init.bearer) headers.set('authorization', `Bearer ${init.bearer}`);
	let body = init.body;
	if (init.json !== undefined) {
		headers.set('content-type', 'application/json');
		body = JSON.stringify(init.json);
	}
	return fetch(`${stack.url}/auth/v1${path}`, { ...init, headers, body, redirect: 'manual' });
}

/** Decodes a JWT's payload without verifying it (the stack verifies; tests only read). */
export function claimsOf(jwt: string): Record<string, unknown> {
	return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

/** The fragment parameters of a redirect Location. */
export function fragment(location: string): URLSearchParams {
	return new URLSearchParams(new URL(location).hash.slice(1));
}
