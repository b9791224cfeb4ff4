/**
 * Who reads a submission and who starts a call, against the real stack through supabase-js, and
 * the submit and start routes' HTTP answers through their SvelteKit handlers.
 */
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitCall } from '../../src/lib/server/submission';
import { MAX_SUBMISSION_BYTES } from '../../src/lib/server/submission/http';
import type { Role, World } from './fixtures';
import { signInShopper } from './scheduling-fixtures';
import {
	freshCall,
	shopperCaller,
	startSubmissionWorld,
	validSubmission
} from './submission-fixtures';

type Handler = (event: unknown) => Promise<Response>;

let w: World;
let submitted: string;
let shopper2: SupabaseClient;
let routes: { submit: Handler; start: Handler };

beforeAll(async () => {
	w = await startSubmissionWorld();
	submitted = await freshCall(w);
	const outcome = await submitCall(
		shopperCaller(w),
		w.stack.admin(),
		submitted,
		validSubmission(submitted)
	);
	if (outcome.status !== 200) throw new Error(`fixture submission failed: ${outcome.status}`);
	shopper2 = await signInShopper(w, 'shopper2');
	// The routes read the stack's address and keys from SvelteKit's run-time env, which under
	// vitest is a plain object filled from .env when the config loaded: point it at this stack.
	const pub: Record<string, string | undefined> = (await import('$env/dynamic/public')).env;
	const priv: Record<string, string | undefined> = (await import('$env/dynamic/private')).env;
	pub.PUBLIC_SUPABASE_URL = w.stack.url;
	pub.PUBLIC_SUPABASE_ANON_KEY = w.stack.anonKey;
	priv.SUPABASE_SERVICE_ROLE_KEY = w.stack.serviceRoleKey;
	routes = {
		submit: (await import('../../src/routes/api/calls/[id]/submit/+server')).POST as Handler,
		start: (await import('../../src/routes/api/calls/[id]/start/+server')).POST as Handler
	};
});
afterAll(async () => {
	await w?.close();
});

const readable = async (client: SupabaseClient) => {
	const { data, error } = await client.from('call_submissions').select('call_id');
	expect(error).toBeNull();
	return (data ?? []).map((r) => r.call_id);
};

describe('reading submissions', () => {
	it.each<Role>(['shopper', 'officer', 'admin'])('%s reads the submitted call', async (role) => {
		expect(await readable(w.as[role])).toContain(submitted);
	});

	it.each<Role>(['vendorA', 'clientBank', 'anon'])('%s reads no submission', async (role) => {
		const { data } = await w.as[role].from('call_submissions').select('call_id');
		expect(data ?? []).toEqual([]);
	});

	it('another shopper does not read it', async () => {
		expect(await readable(shopper2)).not.toContain(submitted);
	});

	it("the other tenant's admin does not read it", async () => {
		const token = await w.stack.sign({
			sub: w.ids['u:xAdmin'],
			role: 'authenticated',
			aud: 'authenticated'
		});
		const r = await fetch(`${w.stack.url}/rest/v1/call_submissions?select=call_id`, {
			headers: { apikey: w.stack.anonKey, authorization: `Bearer ${token}` }
		});
		expect(await r.json()).toEqual([]);
	});
});

describe('writing submissions directly', () => {
	it.each<Role>(['shopper', 'officer', 'admin'])(
		'%s can insert, update or delete nothing',
		async (role) => {
			const client = w.as[role];
			const callId = await freshCall(w);
			const row = {
				call_id: callId,
				organisation_id: w.ids.audit,
				idempotency_key: randomUUID(),
				answers: {},
				score: { score: 1 }
			};
			expect((await client.from('call_submissions').insert(row as never)).error).not.toBeNull();
			await client
				.from('call_submissions')
				.update({ overall: 1 } as never)
				.eq('call_id', submitted);
			await client.from('call_submissions').delete().eq('call_id', submitted);
			const [stored] = await w.sql<{ overall: string }>(
				`select overall::text from public.call_submissions where call_id = $1`,
				[submitted]
			);
			expect(stored.overall).toBe('1');
		}
	);

	it('the service role cannot write the table either, only through submit_call', async () => {
		const { error } = await w.stack
			.admin()
			.from('call_submissions')
			.update({ overall: 0 } as never)
			.eq('call_id', submitted);
		expect(error).not.toBeNull();
	});
});

describe('starting a call', () => {
	it('the assigned shopper moves a scheduled call to in progress, and again is harmless', async () => {
		const callId = await freshCall(w);
		for (let i = 0; i < 2; i++) {
			const { data, error } = await w.as.shopper.rpc('start_call', { p_call_id: callId } as never);
			expect(error).toBeNull();
			expect((data as { status: string }).status).toBe('in_progress');
		}
	});

	it("another shopper's call, an unknown call and an anonymous caller are refused", async () => {
		const callId = await freshCall(w, 'shopper2');
		for (const [client, id] of [
			[w.as.shopper, callId],
			[w.as.shopper, randomUUID()],
			[w.as.anon, callId],
			[w.as.officer, callId]
		] as const) {
			const { error } = await client.rpc('start_call', { p_call_id: id } as never);
			expect(error).not.toBeNull();
		}
		const [row] = await w.sql<{ status: string }>(
			`select status::text from public.test_calls where id = $1`,
			[callId]
		);
		expect(row.status).toBe('scheduled');
	});

	it('a submitted call cannot be started again', async () => {
		const { error } = await w.as.shopper.rpc('start_call', { p_call_id: submitted } as never);
		expect(error?.code).toBe('PT409');
	});
});

/** A request event as SvelteKit hands it to a +server handler. */
function event(callId: string, body: BodyInit | null, signedIn = true, headers = {}) {
	return {
		params: { id: callId },
		request: new Request(`http://app.test/api/calls/${callId}/submit`, {
			method: 'POST',
			body,
			headers: { 'content-type': 'application/json', ...headers }
		}),
		locals: signedIn
			? { supabase: w.as.shopper, user: { id: w.ids['u:shopper1'] } }
			: { supabase: w.as.anon, user: null }
	};
}

describe('the routes', () => {
	it("submit answers 200 with the server's score and stores the report", async () => {
		const callId = await freshCall(w);
		const r = await routes.submit(event(callId, JSON.stringify(validSubmission(callId))));
		expect(r.status).toBe(200);
		expect(await r.json()).toEqual({ status: 'submitted', overall: 1, critical_failed: false });
	});

	it('submit answers 400 with field errors for a wrong type, never a 500', async () => {
		const callId = await freshCall(w);
		const body = { ...validSubmission(callId), answers: { greeted: 42 }, clientVersion: 'x' };
		const r = await routes.submit(event(callId, JSON.stringify(body)));
		expect(r.status).toBe(400);
		const { errors } = await r.json();
		expect(Object.keys(errors)).toEqual(expect.arrayContaining(['clientVersion']));
	});

	it('submit answers 400 for a body that is not JSON', async () => {
		const callId = await freshCall(w);
		const r = await routes.submit(event(callId, '{"callId": '));
		expect(r.status).toBe(400);
	});

	it('submit answers 413 for an oversized body, whatever Content-Length says', async () => {
		const callId = await freshCall(w);
		const huge = JSON.stringify({ notes: 'x'.repeat(MAX_SUBMISSION_BYTES) });
		expect((await routes.submit(event(callId, huge))).status).toBe(413);
		const stream = new Blob([huge]).stream();
		const r = await routes.submit({
			...event(callId, null),
			request: new Request('http://app.test/', {
				method: 'POST',
				body: stream,
				duplex: 'half'
			} as RequestInit)
		});
		expect(r.status).toBe(413);
	});

	it("submit answers 404 for another shopper's call and 409 for another device's version", async () => {
		const other = await freshCall(w, 'shopper2');
		const r404 = await routes.submit(event(other, JSON.stringify(validSubmission(other))));
		expect(r404.status).toBe(404);
		const r409 = await routes.submit(event(submitted, JSON.stringify(validSubmission(submitted))));
		expect(r409.status).toBe(409);
		expect((await r409.json()).reason).toBe('newer_version');
	});

	it('submit and start answer 401 without a signed-in user', async () => {
		const callId = await freshCall(w);
		const body = JSON.stringify(validSubmission(callId));
		expect((await routes.submit(event(callId, body, false))).status).toBe(401);
		expect((await routes.start(event(callId, null, false))).status).toBe(401);
	});

	it("start answers 200, then 404 for another shopper's call and 409 once submitted", async () => {
		const callId = await freshCall(w);
		const ok = await routes.start(event(callId, null));
		expect(ok.status).toBe(200);
		expect(await ok.json()).toEqual({ status: 'in_progress' });
		const other = await freshCall(w, 'shopper2');
		expect((await routes.start(event(other, null))).status).toBe(404);
		expect((await routes.start(event(submitted, null))).status).toBe(409);
	});
});
