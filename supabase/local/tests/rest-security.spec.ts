/**
 * /rest/v1 under attack: row-level security and grants decide as in Supabase, bad JWTs are refused,
 * hostile identifiers and values never reach SQL unquoted, malformed or huge input gets a 4xx.
 */
import { describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { clientWithToken, OWNER_A, OWNER_B, rest, restSuite, userClient } from './rest-fixtures';

const t = restSuite({ maxBodyBytes: 64 * 1024 });

async function orgsIntact(): Promise<void> {
	const { data, error } = await t.stack.admin().from('rt_orgs').select('id').order('id').limit(2);
	expect(error).toBeNull();
	expect(data).toEqual([{ id: 1 }, { id: 2 }]);
}

describe('row-level security and grants', () => {
	it('shows each user only the rows their policies allow, and anon none', async () => {
		const a = await userClient(t.stack, OWNER_A);
		expect((await a.from('rt_notes').select('body').order('id')).data).toEqual([
			{ body: 'a1' },
			{ body: 'a2' }
		]);
		expect((await t.anon.from('rt_notes').select('body')).data).toEqual([]);
		expect((await t.stack.admin().from('rt_notes').select('id')).data).toHaveLength(3);
	});

	it('refuses a row a policy rejects: 403 for a user, 401 for anon (42501)', async () => {
		const a = await userClient(t.stack, OWNER_A);
		const forged = await a.from('rt_notes').insert({ owner: OWNER_B, body: 'spoof' });
		expect(forged.status).toBe(403);
		expect(forged.error).toMatchObject({
			code: '42501',
			message: 'new row violates row-level security policy for table "rt_notes"'
		});
		const own = await a.from('rt_notes').insert({ body: 'mine' }).select('owner, body');
		expect(own.data).toEqual([{ owner: OWNER_A, body: 'mine' }]);
		const byAnon = await t.anon.from('rt_notes').insert({ owner: OWNER_A, body: 'anon' });
		expect(byAnon.status).toBe(401);
		expect(byAnon.error?.code).toBe('42501');
	});

	it('updates only visible rows: another user’s row is left alone', async () => {
		const b = await userClient(t.stack, OWNER_B);
		const res = await b.from('rt_notes').update({ body: 'hacked' }).eq('body', 'a1').select();
		expect(res.data).toEqual([]);
		const { data } = await t.stack.admin().from('rt_notes').select('body').eq('body', 'a1');
		expect(data).toHaveLength(1);
	});

	it('lets anon insert without reading back (return=minimal), but not read the row back', async () => {
		const blind = await t.anon.from('rt_inbox').insert({ body: 'tip' });
		expect(blind.status).toBe(201);
		const readBack = await t.anon.from('rt_inbox').insert({ body: 'tip' }).select();
		expect(readBack.status).toBe(401);
		expect(readBack.error?.code).toBe('42501');
	});

	it('answers permission denied on a table without grants: 401 for anon, 403 for a user', async () => {
		const byAnon = await t.anon.from('rt_secrets').select();
		expect(byAnon.status).toBe(401);
		expect(byAnon.error).toMatchObject({
			code: '42501',
			message: 'permission denied for table rt_secrets'
		});
		const byUser = await (await userClient(t.stack, OWNER_A)).from('rt_secrets').select();
		expect(byUser.status).toBe(403);
	});
});

describe('JWTs', () => {
	it('refuses an expired token with 401 PGRST303', async () => {
		const expired = await t.stack.sign({ role: 'authenticated', sub: OWNER_A }, -60);
		const { status, error } = await clientWithToken(t.stack, expired).from('rt_orgs').select();
		expect(status).toBe(401);
		expect(error).toMatchObject({ code: 'PGRST303', message: 'JWT expired' });
	});

	it('refuses a token signed with another secret, a malformed one, and an unsigned one (PGRST301)', async () => {
		const other = await new SignJWT({ role: 'service_role' })
			.setProtectedHeader({ alg: 'HS256' })
			.setExpirationTime('1h')
			.sign(new TextEncoder().encode('not-the-secret-not-the-secret-000'));
		const forged = await clientWithToken(t.stack, other).from('rt_secrets').select();
		expect(forged.status).toBe(401);
		expect(forged.error?.code).toBe('PGRST301');
		const garbage = await rest(t.stack, 'rt_orgs', { key: { token: 'abc' } });
		expect(garbage.status).toBe(401);
		expect(await garbage.json()).toMatchObject({
			code: 'PGRST301',
			message: 'Expected 3 parts in JWT; got 1'
		});
		const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
		const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ role: 'service_role' })}.`;
		const unsigned = await rest(t.stack, 'rt_secrets', { key: { token: none } });
		expect(unsigned.status).toBe(401);
	});

	it('refuses a signed token whose role is not an API role, and a request without a key', async () => {
		const su = await t.stack.sign({ role: 'postgres' });
		const res = await rest(t.stack, 'rt_secrets', { key: { token: su } });
		expect(res.status).toBe(401);
		const bare = await fetch(`${t.stack.url}/rest/v1/rt_orgs`);
		expect(bare.status).toBe(401);
		expect((await bare.json()).message).toBe('No API key found in request');
	});
});

describe('injection attempts', () => {
	it('treats hostile column names and aliases as names, never as SQL', async () => {
		const col = await t.anon.from('rt_orgs').select('id, "name; drop table rt_orgs; --"');
		expect(col.status).toBe(400);
		const key = await rest(
			t.stack,
			'rt_orgs?select=id&' + encodeURIComponent('id;drop table rt_orgs') + '=eq.1'
		);
		expect(key.status).toBe(400);
		const quoted = await rest(
			t.stack,
			'rt_orgs?' + encodeURIComponent('"id"" = 1 or 1=1 --"') + '=eq.1'
		);
		expect(quoted.status).toBe(400);
		// Raw fetch: supabase-js would strip the spaces after the escaped quote.
		const alias = await rest(
			t.stack,
			'rt_orgs?id=eq.1&select=' +
				encodeURIComponent('"x\\" from rt_orgs; drop table rt_orgs; --":name')
		);
		expect(alias.status).toBe(200);
		expect(await alias.json()).toEqual([
			{ 'x" from rt_orgs; drop table rt_orgs; --': 'Northwind' }
		]);
		await orgsIntact();
	});

	it('binds filter values as parameters', async () => {
		const quote = await t.anon.from('rt_orgs').select('id').eq('name', "x' or '1'='1");
		expect(quote.data).toEqual([]);
		const stacked = await t.anon.from('rt_orgs').select('id').eq('id', '1; drop table rt_orgs');
		expect(stacked.status).toBe(400);
		expect(stacked.error?.code).toBe('22P02');
		const inList = await t.anon
			.from('rt_orgs')
			.select('id')
			.in('name', ["') or true --", 'Northwind']);
		expect(inList.data).toEqual([{ id: 1 }]);
		const json = await t.anon.from('rt_calls').select('id').eq("meta->>lang') or true --", 'en');
		expect(json.status).toBe(400);
		const jsonKey = await t.anon
			.from('rt_calls')
			.select('id')
			.eq(`meta->>"lang') or true --"`, 'en');
		expect(jsonKey.data).toEqual([]);
		await orgsIntact();
	});

	it('refuses hostile order, cast, on_conflict, columns and JSON path text', async () => {
		for (const path of [
			'rt_orgs?order=id;drop table rt_orgs',
			'rt_orgs?order=' + encodeURIComponent('"name desc; drop table rt_orgs; --"'),
			'rt_orgs?select=' + encodeURIComponent('id::text); drop table rt_orgs; --'),
			'rt_orgs?select=' + encodeURIComponent("name->>'x'); drop table rt_orgs; --")
		]) {
			const res = await rest(t.stack, path);
			expect(res.status, path).toBe(400);
		}
		for (const path of [
			'rt_orgs?on_conflict=' + encodeURIComponent('id) do nothing; drop table rt_orgs; --'),
			'rt_orgs?columns=' + encodeURIComponent('id) select 1; drop table rt_orgs; --')
		]) {
			const res = await rest(t.stack, path, {
				method: 'POST',
				body: '{"id": 70, "name": "x"}',
				headers: { 'content-type': 'application/json', prefer: 'resolution=merge-duplicates' }
			});
			expect(res.status, path).toBe(400);
		}
		await orgsIntact();
	});

	it('only exposes public tables and functions, whatever the path says', async () => {
		for (const path of [
			'rt_orgs;drop table rt_orgs',
			'auth.users',
			encodeURIComponent('"auth"."users"'),
			'rpc/' + encodeURIComponent('rt_add(1); drop table rt_orgs; --'),
			'rpc/pg_sleep',
			'rpc/' + encodeURIComponent('auth.uid')
		]) {
			const post = { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } };
			const res = await rest(t.stack, path, path.startsWith('rpc') ? post : {});
			expect(res.status, path).toBe(404);
		}
		await orgsIntact();
	});
});

describe('hostile and malformed input', () => {
	it('answers 413 for a body over the limit and 414 for a huge query string', async () => {
		const big = await t.anon.from('rt_inbox').insert({ body: 'x'.repeat(100 * 1024) });
		expect(big.status).toBe(413);
		const long = await rest(t.stack, `rt_orgs?select=${'id,'.repeat(5000)}id`);
		expect(long.status).toBe(414);
	});

	it('refuses a select list longer than Postgres could run with 400', async () => {
		const res = await rest(t.stack, `rt_orgs?select=${'id,'.repeat(1700)}id`);
		expect(res.status).toBe(400);
		expect((await res.json()).details).toContain('more than 500 selected items');
	});

	it('accepts a long but legal in-list', async () => {
		const list = Array.from({ length: 1200 }, (_, i) => i);
		const { data, error } = await t.anon.from('rt_orgs').select('id').in('id', list).order('id');
		expect(error).toBeNull();
		expect(data?.slice(0, 2)).toEqual([{ id: 1 }, { id: 2 }]);
	});

	it('refuses absurd nesting of embeddings and logic trees with 400', async () => {
		const select = 'rt_sites('.repeat(40) + 'id' + ')'.repeat(40);
		expect((await rest(t.stack, `rt_sites?select=${select}`)).status).toBe(400);
		const or = 'or('.repeat(40) + 'id.eq.1' + ')'.repeat(40);
		expect((await rest(t.stack, `rt_orgs?or=(${or})`)).status).toBe(400);
	});

	it('answers 4xx for NUL bytes, bad percent-encoding and unbalanced quotes, and keeps serving', async () => {
		const nul = await t.anon.from('rt_orgs').select('id').eq('name', 'a\u0000b');
		expect(nul.status).toBeGreaterThanOrEqual(400);
		expect(nul.status).toBeLessThan(500);
		expect((await rest(t.stack, 'rt_orgs/%E0%A4%A')).status).toBe(404);
		expect((await rest(t.stack, 'rt_orgs?select=' + encodeURIComponent('"id'))).status).toBe(400);
		expect((await rest(t.stack, 'rt_orgs?id=in.' + encodeURIComponent('("1'))).status).toBe(400);
		const health = await fetch(`${t.stack.url}/health`);
		expect(health.status).toBe(200);
	});
});
