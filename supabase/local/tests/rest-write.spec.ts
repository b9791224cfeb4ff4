/**
 * /rest/v1 writes as PostgREST answers them: inserts (one, bulk, `columns=`, `missing=default`),
 * upserts, updates and deletes, the Prefer variants, and Postgres errors with PostgREST's statuses.
 */
import { describe, expect, it } from 'vitest';
import { rest, restSuite } from './rest-fixtures';

const t = restSuite();

const json = (body: unknown, headers: Record<string, string> = {}) => ({
	body: JSON.stringify(body),
	headers: { 'content-type': 'application/json', ...headers }
});

describe('insert', () => {
	it('inserts one row and, by default, answers 201 without a body', async () => {
		const res = await t.anon.from('rt_orgs').insert({ id: 10, name: 'Initech' });
		expect(res.status).toBe(201);
		expect(res.data).toBeNull();
		const { data } = await t.anon.from('rt_orgs').select('name').eq('id', 10).single();
		expect(data).toEqual({ name: 'Initech' });
	});

	it('returns the representation, with defaults and embedded resources, when selected', async () => {
		const { data, status, error } = await t.anon
			.from('rt_calls')
			.insert({ id: 10, site_id: 3, score: 70 })
			.select('id, status, tags, site:rt_sites(name)');
		expect(error).toBeNull();
		expect(status).toBe(201);
		expect(data).toEqual([{ id: 10, status: 'new', tags: [], site: { name: 'Rome, centre' } }]);
	});

	it('inserts several rows: absent keys are null, or the column default with defaultToNull false', async () => {
		const nulls = await t.anon
			.from('rt_calls')
			.insert([{ id: 11, status: 'scored' }, { id: 12 }])
			.select('id');
		expect(nulls.status).toBe(400);
		expect(nulls.error?.code).toBe('23502');
		const defaults = await t.anon
			.from('rt_calls')
			.insert([{ id: 11, status: 'scored' }, { id: 12 }], { defaultToNull: false })
			.select('id, status');
		expect(defaults.data).toEqual([
			{ id: 11, status: 'scored' },
			{ id: 12, status: 'new' }
		]);
	});

	it('keeps only the columns= keys and refuses unknown keys with PGRST204', async () => {
		const ok = await rest(t.stack, 'rt_orgs?columns=id,name', {
			method: 'POST',
			...json([{ id: 20, name: 'Umbrella', extra: true }])
		});
		expect(ok.status).toBe(201);
		const bad = await t.anon.from('rt_orgs').insert({ id: 21, name: 'X', extra: true });
		expect(bad.status).toBe(400);
		expect(bad.error).toMatchObject({
			code: 'PGRST204',
			message: "Could not find the 'extra' column of 'rt_orgs' in the schema cache"
		});
	});

	it('refuses bulk objects with different keys unless columns= is given', async () => {
		const res = await rest(t.stack, 'rt_orgs', {
			method: 'POST',
			...json([{ id: 22, name: 'A' }, { id: 23 }])
		});
		expect(res.status).toBe(400);
		expect(await res.json()).toMatchObject({
			code: 'PGRST102',
			message: 'All object keys must match'
		});
	});

	it('answers return=headers-only with a Location, and Content-Range */n with a count', async () => {
		const res = await rest(t.stack, 'rt_orgs', {
			method: 'POST',
			...json({ id: 24, name: 'Hooli' }, { prefer: 'return=headers-only, count=exact' })
		});
		expect(res.status).toBe(201);
		expect(res.headers.get('location')).toBe('/rt_orgs?id=eq.24');
		expect(res.headers.get('content-range')).toBe('*/1');
		const plain = await rest(t.stack, 'rt_orgs', {
			method: 'POST',
			...json({ id: 25, name: 'Vehement' })
		});
		expect(plain.headers.get('content-range')).toBe('*/*');
		expect(await plain.text()).toBe('');
	});

	it('reports the applied preferences', async () => {
		const res = await rest(t.stack, 'rt_orgs', {
			method: 'POST',
			...json({ id: 26, name: 'Massive' }, { prefer: 'return=representation' })
		});
		expect(res.headers.get('preference-applied')).toBe('return=representation');
		expect(await res.json()).toEqual([{ id: 26, name: 'Massive' }]);
	});
});

describe('upsert', () => {
	it('merges duplicates on the primary key', async () => {
		const { data, status } = await t.anon
			.from('rt_orgs')
			.upsert({ id: 2, name: 'Contoso Ltd' })
			.select();
		expect(status).toBe(201);
		expect(data).toEqual([{ id: 2, name: 'Contoso Ltd' }]);
	});

	it('ignores duplicates when asked, inserting only new rows', async () => {
		const { data } = await t.anon
			.from('rt_orgs')
			.upsert(
				[
					{ id: 2, name: 'Ignored' },
					{ id: 30, name: 'Globex' }
				],
				{ ignoreDuplicates: true }
			)
			.select();
		expect(data).toEqual([{ id: 30, name: 'Globex' }]);
		const kept = await t.anon.from('rt_orgs').select('name').eq('id', 2).single();
		expect(kept.data?.name).toBe('Contoso Ltd');
	});

	it('resolves conflicts on the on_conflict columns', async () => {
		const ignored = await t.anon
			.from('rt_labels')
			.upsert({ id: 60, name: 'rude' }, { onConflict: 'name', ignoreDuplicates: true })
			.select('id, name');
		expect(ignored.error).toBeNull();
		expect(ignored.data).toEqual([]);
		// Merging moves label 1 to id 61, which rt_call_labels still references.
		const merged = await t.anon
			.from('rt_labels')
			.upsert({ id: 61, name: 'rude' }, { onConflict: 'name' });
		expect(merged.status).toBe(409);
		expect(merged.error?.code).toBe('23503');
		const bad = await t.anon.from('rt_labels').upsert({ id: 1, name: 'x' }, { onConflict: 'nope' });
		expect(bad.status).toBe(400);
		expect(bad.error?.code).toBe('PGRST204');
	});
});

describe('update and delete', () => {
	it('updates the filtered rows: 204 by default, the rows when selected, Content-Range with count', async () => {
		const plain = await t.anon.from('rt_calls').update({ note: 'rechecked' }).eq('id', 5);
		expect(plain.status).toBe(204);
		const { data } = await t.anon
			.from('rt_calls')
			.update({ status: 'scored' })
			.in('id', [3, 6])
			.select('id, status');
		expect(data).toEqual([
			{ id: 3, status: 'scored' },
			{ id: 6, status: 'scored' }
		]);
		const res = await rest(t.stack, 'rt_calls?id=in.(3,6)', {
			method: 'PATCH',
			...json({ status: 'new' }, { prefer: 'count=exact' })
		});
		expect(res.status).toBe(204);
		expect(res.headers.get('content-range')).toBe('0-1/2');
	});

	it('deletes the filtered rows and returns them when selected', async () => {
		await t.anon.from('rt_orgs').insert([
			{ id: 40, name: 'Gone 1' },
			{ id: 41, name: 'Gone 2' }
		]);
		const { data, status } = await t.anon.from('rt_orgs').delete().gte('id', 40).select();
		expect(status).toBe(200);
		expect(data).toEqual([
			{ id: 40, name: 'Gone 1' },
			{ id: 41, name: 'Gone 2' }
		]);
		const none = await t.anon.from('rt_orgs').delete().eq('id', 40);
		expect(none.status).toBe(204);
	});

	it('refuses an update or delete without filters, as hosted Supabase does', async () => {
		const { count } = await t.anon.from('rt_calls').select('*', { count: 'exact', head: true });
		const upd = await t.anon.from('rt_calls').update({ note: 'all' }).neq('id', -1).select('id');
		expect(upd.data).toHaveLength(count!);
		const res = await rest(t.stack, 'rt_calls', { method: 'PATCH', ...json({ note: 'x' }) });
		expect(res.status).toBe(400);
		expect(await res.json()).toMatchObject({
			code: '21000',
			message: 'UPDATE requires a WHERE clause'
		});
		const del = await t.anon.from('rt_calls').delete();
		expect(del.status).toBe(400);
	});

	it('rolls back a mutation whose single-object answer is not exactly one row', async () => {
		const res = await t.anon
			.from('rt_calls')
			.update({ status: 'void' })
			.eq('status', 'scored')
			.select('id')
			.single();
		expect(res.status).toBe(406);
		expect(res.error?.code).toBe('PGRST116');
		const { count } = await t.anon
			.from('rt_calls')
			.select('*', { count: 'exact', head: true })
			.eq('status', 'void');
		expect(count).toBe(0);
	});

	it('rolls back beyond max-affected with handling=strict (PGRST124)', async () => {
		const res = await rest(t.stack, 'rt_calls?id=in.(1,2)', {
			method: 'PATCH',
			...json({ status: 'void' }, { prefer: 'handling=strict, max-affected=1' })
		});
		expect(res.status).toBe(400);
		expect(await res.json()).toMatchObject({
			code: 'PGRST124',
			details: 'The query affects 2 rows'
		});
		const { count } = await t.anon
			.from('rt_calls')
			.select('*', { count: 'exact', head: true })
			.eq('status', 'void');
		expect(count).toBe(0);
	});

	it('refuses unknown preferences only with handling=strict (PGRST122)', async () => {
		const lenient = await rest(t.stack, 'rt_orgs?select=id&id=eq.1', {
			headers: { prefer: 'frobnicate' }
		});
		expect(lenient.status).toBe(200);
		const strict = await rest(t.stack, 'rt_orgs?select=id', {
			headers: { prefer: 'handling=strict, frobnicate' }
		});
		expect(strict.status).toBe(400);
		expect((await strict.json()).code).toBe('PGRST122');
	});
});

describe('database errors', () => {
	it('maps unique and foreign key violations to 409', async () => {
		const dup = await t.anon.from('rt_orgs').insert({ id: 1, name: 'again' });
		expect(dup.status).toBe(409);
		expect(dup.error?.code).toBe('23505');
		expect(dup.error?.details).toContain('already exists');
		const fk = await t.anon.from('rt_sites').insert({ id: 9, org_id: 999, name: 'orphan' });
		expect(fk.status).toBe(409);
		expect(fk.error?.code).toBe('23503');
	});

	it('maps not-null and invalid-text errors to 400', async () => {
		const nn = await t.anon.from('rt_orgs').insert({ id: 50, name: null });
		expect(nn.status).toBe(400);
		expect(nn.error?.code).toBe('23502');
		const bad = await t.anon.from('rt_orgs').select('id').eq('id', 'one');
		expect(bad.status).toBe(400);
		expect(bad.error?.code).toBe('22P02');
	});

	it('refuses malformed and empty JSON bodies with PGRST102', async () => {
		const malformed = await rest(t.stack, 'rt_orgs', {
			method: 'POST',
			body: '{"id": 1,',
			headers: { 'content-type': 'application/json' }
		});
		expect(malformed.status).toBe(400);
		expect((await malformed.json()).code).toBe('PGRST102');
		const empty = await rest(t.stack, 'rt_orgs', {
			method: 'POST',
			headers: { 'content-type': 'application/json' }
		});
		expect(empty.status).toBe(400);
		const array = await rest(t.stack, 'rt_orgs?id=eq.1', {
			method: 'PATCH',
			...json([{ name: 'x' }])
		});
		expect(array.status).toBe(400);
		const scalar = await rest(t.stack, 'rt_orgs', { method: 'POST', ...json(42) });
		expect(scalar.status).toBe(400);
	});

	it('refuses a body type it cannot read', async () => {
		const res = await rest(t.stack, 'rt_orgs', {
			method: 'POST',
			body: '<x/>',
			headers: { 'content-type': 'text/xml' }
		});
		expect(res.status).toBe(415);
	});
});
