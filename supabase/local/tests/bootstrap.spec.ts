import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './stack';

describe('stack bootstrap', () => {
	let stack: TestStack;
	beforeAll(async () => {
		stack = await startTestStack();
	});
	afterAll(() => stack?.close());

	it('answers on /health with the backend it runs on', async () => {
		const res = await fetch(`${stack.url}/health`);
		expect(res.status).toBe(200);
		const body = await res.json();
		expect(body.backend).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
	});

	it('installs what a Supabase project starts with', async () => {
		const { rows } = await stack.db.query<{ n: string }>(
			`select string_agg(n, ',' order by n) as n from (
				select rolname as n from pg_roles where rolname in ('anon','authenticated','service_role')
				union all select 'fn:' || p.proname from pg_proc p join pg_namespace s on s.oid = p.pronamespace
				  where (s.nspname = 'auth' and p.proname in ('uid','jwt','role'))
				     or (s.nspname = 'storage' and p.proname in ('foldername','filename','extension'))
			) x`
		);
		expect(rows[0].n).toBe(
			'anon,authenticated,fn:extension,fn:filename,fn:foldername,fn:jwt,fn:role,fn:uid,service_role'
		);
	});

	it('answers a request for an unknown path with 404 JSON, and preflight with CORS headers', async () => {
		const res = await fetch(`${stack.url}/nope`);
		expect(res.status).toBe(404);
		const pre = await fetch(`${stack.url}/rest/v1/x`, { method: 'OPTIONS' });
		expect(pre.status).toBe(204);
		expect(pre.headers.get('access-control-allow-origin')).toBe('*');
	});

	it('refuses a huge query string with 414 instead of crashing', async () => {
		const res = await fetch(`${stack.url}/rest/v1/x?select=${'a'.repeat(10000)}`);
		expect(res.status).toBe(414);
	});
});
