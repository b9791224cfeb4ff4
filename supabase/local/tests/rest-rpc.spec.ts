/**
 * /rest/v1/rpc and the OpenAPI root as PostgREST answers them: named arguments by POST and GET,
 * scalar, set-returning, composite and void functions, read-only GET, errors and the Swagger document.
 */
import { describe, expect, it } from 'vitest';
import { OWNER_A, rest, restSuite, userClient } from './rest-fixtures';

const t = restSuite();

describe('rpc', () => {
	it('calls a scalar function with named arguments by POST, GET and HEAD', async () => {
		expect((await t.anon.rpc('rt_add', { a: 1 })).data).toBe(11);
		expect((await t.anon.rpc('rt_add', { a: 2, b: 3 }, { get: true })).data).toBe(5);
		const head = await t.anon.rpc('rt_add', { a: 1 }, { head: true });
		expect(head.status).toBe(200);
		expect(head.data).toBeNull();
	});

	it('passes json, jsonb and array arguments, also as GET query strings', async () => {
		expect((await t.anon.rpc('rt_echo', { payload: { a: [1, 2], b: 'x' } })).data).toEqual({
			a: [1, 2],
			b: 'x'
		});
		expect((await t.anon.rpc('rt_sum', { nums: [1, 2, 3] })).data).toBe(6);
		expect((await t.anon.rpc('rt_sum', { nums: [4, 5] }, { get: true })).data).toBe(9);
	});

	it('passes the whole body to a single unnamed json parameter, or with params=single-object', async () => {
		expect((await t.anon.rpc('rt_whole', { x: 1, y: [2] })).data).toEqual({ x: 1, y: [2] });
		const res = await rest(t.stack, 'rpc/rt_echo', {
			method: 'POST',
			body: JSON.stringify({ a: 1 }),
			headers: { 'content-type': 'application/json', prefer: 'params=single-object' }
		});
		expect(await res.json()).toEqual({ a: 1 });
	});

	it('answers the status a function raises with PTxxx or a PGRST JSON error', async () => {
		const teapot = await t.anon.rpc('rt_teapot');
		expect(teapot.status).toBe(418);
		expect(teapot.error).toMatchObject({ code: 'PT418', message: 'I am a teapot' });
		const custom = await rest(t.stack, 'rpc/rt_custom', {
			method: 'POST',
			body: '{}',
			headers: { 'content-type': 'application/json' }
		});
		expect(custom.status).toBe(402);
		expect(custom.headers.get('x-reason')).toBe('quota');
		expect(await custom.json()).toMatchObject({ code: 'CC1', message: 'Payment required' });
	});

	it('filters, orders, embeds and counts the rows of a set-returning function', async () => {
		const { data, count } = await t.anon
			.rpc('rt_calls_of', { site: 1 }, { count: 'exact' })
			.select('id, score, site:rt_sites(name)')
			.order('id', { ascending: false });
		expect(count).toBe(2);
		expect(data).toEqual([
			{ id: 2, score: 64, site: { name: 'Oslo hub' } },
			{ id: 1, score: 91.5, site: { name: 'Oslo hub' } }
		]);
		const filtered = await t.anon.rpc('rt_calls_of', { site: 1 }).select('id').gt('score', 70);
		expect(filtered.data).toEqual([{ id: 1 }]);
		const stats = await t.anon.rpc('rt_stats', { min_score: 60 }).order('status');
		expect(stats.data).toEqual([
			{ status: 'disputed', n: 1 },
			{ status: 'new', n: 1 },
			{ status: 'scored', n: 2 }
		]);
	});

	it('returns one object for a function returning one row', async () => {
		const { data } = await t.anon.rpc('rt_first_call').select('id, status');
		expect(data).toEqual({ id: 1, status: 'scored' });
	});

	it('answers 204 for a void function, whose writes are committed', async () => {
		const res = await t.anon.rpc('rt_touch', { call: 3 });
		expect(res.status).toBe(204);
		expect(res.data).toBeNull();
		const { data } = await t.anon.from('rt_calls').select('note').eq('id', 3).single();
		expect(data?.note).toBe('touched');
	});

	it('runs GET calls read-only: a function that writes answers 405 (25006)', async () => {
		const res = await t.anon.rpc('rt_touch', { call: 4 }, { get: true });
		expect(res.status).toBe(405);
		expect(res.error?.code).toBe('25006');
	});

	it('runs as the caller: auth.uid() and auth.role() see the JWT', async () => {
		expect((await t.anon.rpc('rt_whoami')).data).toBe('anon');
		const user = await userClient(t.stack, OWNER_A);
		expect((await user.rpc('rt_whoami')).data).toBe(OWNER_A);
	});

	it('maps raise exception to 400 P0001 with its message', async () => {
		const { status, error } = await t.anon.rpc('rt_fail', { msg: 'no shopper assigned' });
		expect(status).toBe(400);
		expect(error).toMatchObject({ code: 'P0001', message: 'no shopper assigned' });
	});

	it('answers 404 PGRST202 for an unknown function or arguments, with a hint for a near name', async () => {
		const typo = await t.anon.rpc('rt_ad', { a: 1 });
		expect(typo.status).toBe(404);
		expect(typo.error).toMatchObject({
			code: 'PGRST202',
			message: 'Could not find the function public.rt_ad(a) in the schema cache',
			hint: 'Perhaps you meant to call the function public.rt_add'
		});
		const args = await t.anon.rpc('rt_add', { z: 1 });
		expect(args.status).toBe(404);
		expect(args.error?.code).toBe('PGRST202');
	});

	it('answers 300 PGRST203 when overloads cannot be told apart', async () => {
		const { status, error } = await t.anon.rpc('rt_over', { a: 1 });
		expect(status).toBe(300);
		expect(error?.code).toBe('PGRST203');
	});

	it('refuses other methods on functions and shaping of scalar results', async () => {
		const patch = await rest(t.stack, 'rpc/rt_add', { method: 'PATCH', body: '{"a":1}' });
		expect(patch.status).toBe(405);
		expect((await patch.json()).code).toBe('PGRST101');
		const shaped = await t.anon.rpc('rt_add', { a: 1 }).gt('rt_add', 3);
		expect(shaped.status).toBe(400);
		expect(shaped.error?.code).toBe('PGRST127');
	});
});

describe('OpenAPI root', () => {
	it('describes the tables, columns and functions the caller may use', async () => {
		const res = await rest(t.stack, '', { headers: { accept: 'application/openapi+json' } });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('application/openapi+json');
		const doc = await res.json();
		expect(doc.swagger).toBe('2.0');
		expect(Object.keys(doc.paths)).toEqual(
			expect.arrayContaining(['/', '/rt_calls', '/rt_sites', '/rpc/rt_add'])
		);
		expect(doc.paths['/rt_calls'].get.responses['200'].schema.items.$ref).toBe(
			'#/definitions/rt_calls'
		);
		expect(doc.definitions.rt_calls.properties.id.description).toContain('This is a Primary Key.');
		expect(doc.definitions.rt_calls.properties.site_id.description).toContain(
			'Foreign Key to `rt_sites.id`'
		);
		expect(doc.definitions.rt_calls.properties.tags).toMatchObject({
			type: 'array',
			items: { type: 'string' }
		});
		expect(doc.paths['/rpc/rt_add'].post.parameters[0].schema.required).toEqual(['a']);
		expect(doc.paths['/rt_secrets']).toBeUndefined();
	});

	it('shows the service role what it may use', async () => {
		const doc = await (await rest(t.stack, '', { key: 'service' })).json();
		expect(doc.paths['/rt_secrets']).toBeDefined();
	});

	it('refuses writes on the root', async () => {
		const res = await rest(t.stack, '', { method: 'POST', body: '{}' });
		expect(res.status).toBe(405);
	});
});
