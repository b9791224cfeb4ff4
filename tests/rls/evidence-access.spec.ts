/**
 * GET /api/evidence/<path>: audit staff (and the call's own shopper) are redirected to a short-lived
 * signed URL after the access is in the audit log; everyone else gets 404, signed-out callers 401,
 * and a refused access leaves no log entry.
 */
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, PASSWORD, type Role, type World } from './fixtures';
import { evidencePath, putObject } from './evidence-fixtures';
import { signInShopper } from './scheduling-fixtures';
import { startScenarioWorld } from './scenarios-fixtures';

type Handler = (event: unknown) => Promise<Response>;

let w: World;
let route: Handler;
let path: string;
const extra: Record<string, SupabaseClient> = {};

beforeAll(async () => {
	w = await startScenarioWorld();
	path = evidencePath(w, 'audit', 'callOwn', 'recording.m4a');
	await putObject(w, path);
	extra.shopper2 = await signInShopper(w, 'shopper2');
	// A shopper of the other tenant.
	const id = await createUser(w.stack, 'x-shopper@fixture.clearcall.test');
	await w.sql(
		`insert into public.memberships (user_id, organisation_id, role) values ($1, $2, 'shopper')`,
		[id, w.ids.xAudit]
	);
	extra.xShopper = createClient(w.stack.url, w.stack.anonKey, {
		auth: { persistSession: false, autoRefreshToken: false }
	});
	await extra.xShopper.auth.signInWithPassword({
		email: 'x-shopper@fixture.clearcall.test',
		password: PASSWORD
	});
	const pub: Record<string, string | undefined> = (await import('$env/dynamic/public')).env;
	pub.PUBLIC_SUPABASE_URL = w.stack.url;
	pub.PUBLIC_SUPABASE_ANON_KEY = w.stack.anonKey;
	route = (await import('../../src/routes/api/evidence/[...path]/+server')).GET as Handler;
});
afterAll(async () => {
	await w?.close();
});

const clientOf = (who: string) =>
	(extra[who] ?? (w.as[who as Role] as unknown as SupabaseClient)) as SupabaseClient;

/** Calls the route as `who` and returns its status and Location (SvelteKit throws both). */
async function open(who: string, p = path, query = '') {
	const client = clientOf(who);
	const { data } = await client.auth.getUser();
	const event = {
		params: { path: p },
		url: new URL(`http://app.test/api/evidence/${p}${query}`),
		locals: { supabase: client, user: who === 'anon' ? null : data.user }
	};
	try {
		const r = await route(event);
		return { status: r.status, location: r.headers.get('location') };
	} catch (e) {
		const thrown = e as { status: number; location?: string };
		return { status: thrown.status, location: thrown.location ?? null };
	}
}

const logOf = (action: string) =>
	w.sql<{ actor_id: string; entity_id: string; after: { path: string } }>(
		`select actor_id::text, entity_id, after from public.audit_log where action = $1 order by id`,
		[action]
	);

describe('opening evidence', () => {
	it('an officer is sent to a working signed URL, and the playback is in the audit log', async () => {
		const r = await open('officer');
		expect(r.status).toBe(303);
		expect(r.location).toContain('/storage/v1/object/sign/evidence/');
		const file = await fetch(r.location!);
		expect(file.status).toBe(200);
		expect((await file.arrayBuffer()).byteLength).toBe(1024);
		const log = await logOf('evidence.play');
		expect(log.at(-1)).toMatchObject({
			actor_id: w.ids['u:officer'],
			entity_id: w.ids.callOwn,
			after: { path }
		});
	});

	it('an admin downloading is logged as a download', async () => {
		const before = (await logOf('evidence.download')).length;
		const r = await open('admin', path, '?download');
		expect(r.status).toBe(303);
		const log = await logOf('evidence.download');
		expect(log).toHaveLength(before + 1);
		expect(log.at(-1)?.actor_id).toBe(w.ids['u:admin']);
	});

	it('the call’s own shopper may replay their recording, logged too', async () => {
		expect((await open('shopper')).status).toBe(303);
		expect((await logOf('evidence.play')).at(-1)?.actor_id).toBe(w.ids['u:shopper1']);
	});

	it.each(['shopper2', 'xShopper', 'vendorA', 'clientBank'])(
		'%s gets 404 and nothing is logged',
		async (who) => {
			const before = (await logOf('evidence.play')).length;
			expect((await open(who)).status).toBe(404);
			expect(await logOf('evidence.play')).toHaveLength(before);
		}
	);

	it('a signed-out caller gets 401', async () => {
		expect((await open('anon')).status).toBe(401);
	});

	it('a missing file or a path outside the layout is 404', async () => {
		expect((await open('officer', evidencePath(w, 'audit', 'callOwn', 'none.m4a'))).status).toBe(
			404
		);
		expect((await open('officer', 'x/../y.m4a')).status).toBe(404);
	});
});
