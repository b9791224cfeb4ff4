/**
 * /rest/v1 reads as PostgREST answers them, driven through supabase-js and raw fetch: select shapes,
 * embedding, single objects, media types and refusals of what is outside the supported subset.
 */
import { describe, expect, it } from 'vitest';
import { createClient } from '@supabase/supabase-js';
import { rest, restSuite } from './rest-fixtures';

const t = restSuite();
const ids = (rows: { id: number }[] | null) => (rows ?? []).map((r) => r.id);

describe('select', () => {
	it('returns the asked columns with aliases, casts and JSON paths', async () => {
		const { data, error } = await t.anon
			.from('rt_calls')
			.select('id, grade:score, score_text:score::text, meta->>lang, secs:meta->dur->s')
			.eq('id', 1);
		expect(error).toBeNull();
		expect(data).toEqual([{ id: 1, grade: 91.5, score_text: '91.50', lang: 'en', secs: 120 }]);
	});

	it('returns every column for * in table order', async () => {
		const { data } = await t.anon.from('rt_orgs').select('*').order('id');
		expect(data).toEqual([
			{ id: 1, name: 'Northwind' },
			{ id: 2, name: 'Contoso' }
		]);
	});

	it('refuses an unknown column with 42703 and an unknown table with 404 PGRST205 and a hint', async () => {
		const col = await t.anon.from('rt_calls').select('id, nope');
		expect(col.status).toBe(400);
		expect(col.error).toMatchObject({
			code: '42703',
			message: 'column rt_calls.nope does not exist'
		});
		const table = await t.anon.from('rt_call').select();
		expect(table.status).toBe(404);
		expect(table.error).toMatchObject({
			code: 'PGRST205',
			hint: "Perhaps you meant the table 'public.rt_calls'"
		});
	});

	it('refuses a malformed select with PGRST100 naming the position', async () => {
		const { error, status } = await t.anon.from('rt_calls').select('id,,score');
		expect(status).toBe(400);
		expect(error?.code).toBe('PGRST100');
		expect(error?.message).toContain('failed to parse select parameter');
	});
});

describe('embedding', () => {
	it('embeds a to-one relationship as an object, or null when there is no row', async () => {
		const { data } = await t.anon
			.from('rt_calls')
			.select('id, site:rt_sites(name, org:rt_orgs(name))')
			.in('id', [1, 6])
			.order('id');
		expect(data).toEqual([
			{ id: 1, site: { name: 'Oslo hub', org: { name: 'Northwind' } } },
			{ id: 6, site: null }
		]);
	});

	it('embeds a to-many relationship as an array, with its own order and limit', async () => {
		const { data } = await t.anon
			.from('rt_sites')
			.select('id, rt_calls(id)')
			.order('id')
			.order('id', { referencedTable: 'rt_calls', ascending: false })
			.limit(1, { referencedTable: 'rt_calls' });
		expect(data).toEqual([
			{ id: 1, rt_calls: [{ id: 2 }] },
			{ id: 2, rt_calls: [{ id: 4 }] },
			{ id: 3, rt_calls: [{ id: 5 }] }
		]);
	});

	it('embeds one-to-one as an object and many-to-many through the junction table', async () => {
		const { data } = await t.anon
			.from('rt_calls')
			.select('id, rt_call_details(transcript), rt_labels(name)')
			.in('id', [1, 2])
			.order('id')
			.order('name', { referencedTable: 'rt_labels' });
		expect(data).toEqual([
			{ id: 1, rt_call_details: { transcript: 'hello' }, rt_labels: [{ name: 'great' }] },
			{ id: 2, rt_call_details: null, rt_labels: [{ name: 'late' }, { name: 'rude' }] }
		]);
	});

	it('answers 300 PGRST201 when two foreign keys lead to the same table, and a hint picks one', async () => {
		const ambiguous = await t.anon.from('rt_calls').select('id, rt_agents(name)');
		expect(ambiguous.status).toBe(300);
		expect(ambiguous.error?.code).toBe('PGRST201');
		expect(ambiguous.error?.hint).toContain("'rt_agents!rt_calls_agent_id_fkey'");
		expect(ambiguous.error?.details).toHaveLength(2);
		const { data, error } = await t.anon
			.from('rt_calls')
			.select(
				'id, agent:rt_agents!agent_id(name), reviewer:rt_agents!rt_calls_reviewer_id_fkey(name)'
			)
			.eq('id', 1);
		expect(error).toBeNull();
		expect(data).toEqual([{ id: 1, agent: { name: 'Ann' }, reviewer: { name: 'Bob' } }]);
	});

	it('answers 400 PGRST200 when no relationship exists', async () => {
		const { status, error } = await t.anon.from('rt_agents').select('name, rt_orgs(name)');
		expect(status).toBe(400);
		expect(error).toMatchObject({
			code: 'PGRST200',
			message: "Could not find a relationship between 'rt_agents' and 'rt_orgs' in the schema cache"
		});
	});

	it('embeds a self-referencing table through its foreign key column', async () => {
		const { data } = await t.anon
			.from('rt_sites')
			.select('id, parent:rt_sites!parent_id(name)')
			.order('id');
		expect(data).toEqual([
			{ id: 1, parent: null },
			{ id: 2, parent: { name: 'Oslo hub' } },
			{ id: 3, parent: null }
		]);
	});

	it('filters an embedded resource without filtering the parent, unless it is !inner', async () => {
		const left = await t.anon
			.from('rt_sites')
			.select('id, rt_calls(id)')
			.eq('rt_calls.status', 'new')
			.order('id');
		expect(left.data).toEqual([
			{ id: 1, rt_calls: [] },
			{ id: 2, rt_calls: [{ id: 3 }] },
			{ id: 3, rt_calls: [] }
		]);
		const inner = await t.anon
			.from('rt_sites')
			.select('id, rt_calls!inner(id)')
			.eq('rt_calls.status', 'new');
		expect(inner.data).toEqual([{ id: 2, rt_calls: [{ id: 3 }] }]);
	});

	it('applies or= to an embedded resource', async () => {
		const { data } = await t.anon
			.from('rt_sites')
			.select('id, rt_calls(id)')
			.or('id.eq.1,score.lt.60', { referencedTable: 'rt_calls' })
			.order('id')
			.order('id', { referencedTable: 'rt_calls' });
		expect(data).toEqual([
			{ id: 1, rt_calls: [{ id: 1 }] },
			{ id: 2, rt_calls: [] },
			{ id: 3, rt_calls: [{ id: 5 }] }
		]);
	});

	it('filters parents on whether an embedded resource is null', async () => {
		const none = await t.anon.from('rt_calls').select('id, rt_sites(id)').is('rt_sites', null);
		expect(ids(none.data)).toEqual([6]);
		const some = await t.anon
			.from('rt_calls')
			.select('id, rt_sites(id)')
			.not('rt_sites', 'is', null)
			.order('id');
		expect(ids(some.data)).toEqual([1, 2, 3, 4, 5]);
	});

	it('orders by a column of a to-one embedding, and refuses that for to-many with PGRST118', async () => {
		const { data } = await t.anon
			.from('rt_calls')
			.select('id, rt_sites(name)')
			.not('site_id', 'is', null)
			.order('rt_sites(name)')
			.order('id');
		expect(ids(data)).toEqual([3, 4, 1, 2, 5]);
		const bad = await t.anon.from('rt_sites').select('id, rt_calls(id)').order('rt_calls(id)');
		expect(bad.status).toBe(400);
		expect(bad.error?.code).toBe('PGRST118');
	});

	it('refuses a filter on a resource that is not embedded with PGRST108', async () => {
		const { status, error } = await t.anon.from('rt_calls').select('id').eq('rt_sites.name', 'x');
		expect(status).toBe(400);
		expect(error?.code).toBe('PGRST108');
	});
});

describe('media types', () => {
	it('returns one object for single() and 406 PGRST116 when not exactly one row', async () => {
		const one = await t.anon.from('rt_calls').select('id, status').eq('id', 4).single();
		expect(one.data).toEqual({ id: 4, status: 'disputed' });
		const many = await t.anon.from('rt_calls').select('id').eq('status', 'scored').single();
		expect(many.status).toBe(406);
		expect(many.error).toMatchObject({ code: 'PGRST116', details: 'The result contains 3 rows' });
		const none = await t.anon.from('rt_calls').select('id').eq('id', 99).maybeSingle();
		expect(none.error).toBeNull();
		expect(none.data).toBeNull();
	});

	it('answers text/csv with a header line', async () => {
		const { data } = await t.anon
			.from('rt_calls')
			.select('id,status,note')
			.order('id')
			.limit(4)
			.csv();
		expect(data).toBe(
			'id,status,note\n1,scored,fine\n2,scored,\n3,new,"needs (review), soon"\n4,disputed,"O\'Brien said ""hi"""'
		);
	});

	it('strips null properties when asked', async () => {
		const { data } = await t.anon
			.from('rt_calls')
			.select('id, note')
			.in('id', [2, 3])
			.order('id')
			.stripNulls();
		expect(data).toEqual([{ id: 2 }, { id: 3, note: 'needs (review), soon' }]);
	});

	it('refuses an unavailable media type with 406 PGRST107', async () => {
		const res = await rest(t.stack, 'rt_calls', { headers: { accept: 'application/geo+json' } });
		expect(res.status).toBe(406);
		expect((await res.json()).code).toBe('PGRST107');
	});

	it('exposes only the public schema: another profile is 406 PGRST106', async () => {
		const other = createClient(t.stack.url, t.stack.anonKey, {
			db: { schema: 'auth' },
			auth: { persistSession: false }
		});
		const { status, error } = await other.from('users').select('id');
		expect(status).toBe(406);
		expect(error).toMatchObject({ code: 'PGRST106', message: 'Invalid schema: auth' });
		const res = await rest(t.stack, 'rt_orgs?select=id', {
			headers: { 'accept-profile': 'public' }
		});
		expect(res.headers.get('content-profile')).toBe('public');
	});
});

describe('outside the supported subset', () => {
	it('answers 400 naming the feature instead of a different result', async () => {
		const spread = await t.anon.from('rt_sites').select('id, ...rt_calls(id)');
		expect(spread.status).toBe(400);
		expect(spread.error?.code).toBe('PGRST127');
		expect(spread.error?.details).toContain('spreading the to-many embedding');
		const agg = await t.anon.from('rt_calls').select('count()');
		expect(agg.status).toBe(400);
		expect(agg.error?.code).toBe('PGRST123');
		const cast = await t.anon.from('rt_calls').select('id::regclass');
		expect(cast.status).toBe(400);
		expect(cast.error?.details).toContain("cast '::regclass'");
		const put = await rest(t.stack, 'rt_orgs?id=eq.1', {
			method: 'PUT',
			body: '{"id":1,"name":"x"}'
		});
		expect(put.status).toBe(400);
		expect((await put.json()).details).toContain('PUT');
	});

	it('spreads a to-one embedding into the parent row', async () => {
		const { data } = await t.anon
			.from('rt_calls')
			.select('id, ...rt_sites(site_name:name)')
			.in('id', [1, 6])
			.order('id');
		expect(data).toEqual([
			{ id: 1, site_name: 'Oslo hub' },
			{ id: 6, site_name: null }
		]);
	});
});
