/**
 * /rest/v1 filters, ordering, ranges and counts as PostgREST answers them, through supabase-js and
 * raw fetch (for Content-Range and status codes).
 */
import { describe, expect, it } from 'vitest';
import { rest, restSuite } from './rest-fixtures';

const t = restSuite();
const ids = (rows: { id: number }[] | null) => (rows ?? []).map((r) => r.id);

describe('filters', () => {
	const q = () => t.anon.from('rt_calls').select('id').order('id');

	it('compares with eq, neq, gt, gte, lt and lte', async () => {
		expect(ids((await q().eq('status', 'new')).data)).toEqual([3, 6]);
		expect(ids((await q().neq('status', 'scored')).data)).toEqual([3, 4, 6]);
		expect(ids((await q().gt('score', 78.25)).data)).toEqual([1, 6]);
		expect(ids((await q().gte('score', 78.25)).data)).toEqual([1, 4, 6]);
		expect(ids((await q().lt('score', 64)).data)).toEqual([5]);
		expect(ids((await q().lte('score', 64)).data)).toEqual([2, 5]);
	});

	it('matches patterns with like, ilike (* as %), match and imatch', async () => {
		expect(ids((await q().like('note', '*(review)*')).data)).toEqual([3]);
		expect(ids((await q().ilike('note', 'o%BRIEN%')).data)).toEqual([4]);
		expect(ids((await q().likeAnyOf('note', ['fi*', '100*'])).data)).toEqual([1, 5]);
		expect(ids((await q().ilikeAllOf('note', ['*O*', '*SAID*'])).data)).toEqual([4]);
		expect(ids((await q().filter('note', 'match', '^fi')).data)).toEqual([1]);
		expect(ids((await q().filter('note', 'imatch', '^FI')).data)).toEqual([1]);
	});

	it('tests null with is and negates any filter with not', async () => {
		expect(ids((await q().is('note', null)).data)).toEqual([2, 6]);
		expect(ids((await q().not('note', 'is', null)).data)).toEqual([1, 3, 4, 5]);
		expect(ids((await q().filter('note', 'is', 'not_null')).data)).toEqual([1, 3, 4, 5]);
		expect(ids((await q().not('status', 'eq', 'new')).data)).toEqual([1, 2, 4, 5]);
	});

	it('matches lists with in, including quoted values holding commas, parentheses and quotes', async () => {
		expect(ids((await q().in('note', ['needs (review), soon', 'fine'])).data)).toEqual([1, 3]);
		expect(ids((await q().in('note', [`O'Brien said "hi"`])).data)).toEqual([4]);
		expect(ids((await q().in('id', [])).data)).toEqual([]);
		expect(ids((await q().not('id', 'in', '(1,2,3)')).data)).toEqual([4, 5, 6]);
	});

	it('compares arrays and jsonb with cs, cd and ov', async () => {
		expect(ids((await q().contains('tags', ['billing'])).data)).toEqual([1, 2, 6]);
		expect(ids((await q().containedBy('tags', ['billing', 'urgent'])).data)).toEqual([1, 2, 3, 4]);
		expect(ids((await q().overlaps('tags', ['sales', 'urgent'])).data)).toEqual([1, 4, 5, 6]);
		expect(ids((await q().contains('meta', { lang: 'en' })).data)).toEqual([1, 4]);
	});

	it('compares ranges with sl, sr, nxr, nxl and adj, and tests distinctness', async () => {
		const slots = () => t.anon.from('rt_slots').select('id').order('id');
		expect(ids((await slots().rangeLt('during', '[10,20)')).data)).toEqual([1, 2]);
		expect(ids((await slots().rangeGt('during', '[10,20)')).data)).toEqual([3]);
		expect(ids((await slots().rangeLte('during', '[0,10)')).data)).toEqual([1, 2]);
		expect(ids((await slots().rangeGte('during', '[5,6)')).data)).toEqual([2, 3]);
		expect(ids((await slots().rangeAdjacent('during', '[10,20)')).data)).toEqual([2, 3]);
		expect(ids((await q().filter('note', 'isdistinct', 'fine')).data)).toEqual([2, 3, 4, 5, 6]);
	});

	it('filters on JSON paths', async () => {
		expect(ids((await q().eq('meta->>lang', 'en')).data)).toEqual([1, 4]);
		expect(ids((await q().gt('meta->dur->s', 200)).data)).toEqual([2]);
	});

	it('searches text with fts, plfts, phfts and wfts', async () => {
		expect(ids((await q().textSearch('note', 'review')).data)).toEqual([3]);
		expect(
			ids((await q().textSearch('note', 'needs review', { type: 'plain', config: 'english' })).data)
		).toEqual([3]);
		expect(ids((await q().textSearch('note', 'said hi', { type: 'phrase' })).data)).toEqual([4]);
		expect(
			ids((await q().textSearch('note', '"review" -fine', { type: 'websearch' })).data)
		).toEqual([3]);
	});

	it('combines filters with or, and, not.or and nested groups', async () => {
		expect(ids((await q().or('score.gt.80,note.is.null')).data)).toEqual([1, 2, 6]);
		expect(ids((await q().or('and(status.eq.new,score.gt.50),id.eq.5')).data)).toEqual([5, 6]);
		expect(ids((await q().or('note.eq."needs (review), soon",id.eq.1')).data)).toEqual([1, 3]);
		expect(ids((await q().or('id.in.(1,2),tags.cs.{sales}')).data)).toEqual([1, 2, 5, 6]);
		const and = await rest(t.stack, 'rt_calls?select=id&and=(score.gte.60,score.lte.90)&order=id');
		expect(ids(await and.json())).toEqual([2, 4, 6]);
		const notOr = await rest(t.stack, 'rt_calls?select=id&not.or=(status.eq.new,status.eq.scored)');
		expect(ids(await notOr.json())).toEqual([4]);
	});

	it('refuses an unknown operator and a parameter without operator with 400 PGRST100', async () => {
		const op = await q().filter('id', 'foo', '1');
		expect(op.status).toBe(400);
		expect(op.error?.code).toBe('PGRST100');
		expect(op.error?.details).toContain('unknown single value operator foo');
		const bare = await rest(t.stack, 'rt_calls?status=new');
		expect(bare.status).toBe(400);
		expect((await bare.json()).code).toBe('PGRST100');
	});
});

describe('order, ranges and counts', () => {
	it('orders by several columns with directions and null placement', async () => {
		const a = await t.anon
			.from('rt_calls')
			.select('id')
			.order('score', { ascending: false, nullsFirst: true });
		expect(ids(a.data)).toEqual([3, 1, 6, 4, 2, 5]);
		const b = await t.anon
			.from('rt_calls')
			.select('id')
			.order('score', { ascending: true, nullsFirst: false });
		expect(ids(b.data)).toEqual([5, 2, 4, 6, 1, 3]);
		const c = await t.anon
			.from('rt_calls')
			.select('id')
			.order('status')
			.order('score', { ascending: false });
		expect(ids(c.data)).toEqual([4, 3, 6, 1, 2, 5]);
	});

	it('pages with range and counts exactly: 206 and Content-Range when partial', async () => {
		const { data, count, status } = await t.anon
			.from('rt_calls')
			.select('id', { count: 'exact' })
			.order('id')
			.range(1, 2);
		expect(ids(data)).toEqual([2, 3]);
		expect(count).toBe(6);
		expect(status).toBe(206);
		const res = await rest(t.stack, 'rt_calls?select=id&order=id&offset=1&limit=2', {
			headers: { prefer: 'count=exact' }
		});
		expect(res.headers.get('content-range')).toBe('1-2/6');
	});

	it('answers 200 with 0-5/6 when the whole set fits, and */0 when nothing matches', async () => {
		const all = await rest(t.stack, 'rt_calls?select=id', { headers: { prefer: 'count=exact' } });
		expect(all.status).toBe(200);
		expect(all.headers.get('content-range')).toBe('0-5/6');
		const none = await rest(t.stack, 'rt_calls?select=id&id=eq.99', {
			headers: { prefer: 'count=planned' }
		});
		expect(none.status).toBe(200);
		expect(none.headers.get('content-range')).toBe('*/0');
	});

	it('honours the Range header and reports an unknown total as *', async () => {
		const res = await rest(t.stack, 'rt_calls?select=id&order=id', {
			headers: { range: '0-1', 'range-unit': 'items' }
		});
		expect(res.status).toBe(200);
		expect(res.headers.get('content-range')).toBe('0-1/*');
		expect(ids(await res.json())).toEqual([1, 2]);
	});

	it('answers 416 PGRST103 past the end and for an inverted Range', async () => {
		const past = await rest(t.stack, 'rt_calls?select=id&offset=10', {
			headers: { prefer: 'count=exact' }
		});
		expect(past.status).toBe(416);
		expect(await past.json()).toMatchObject({
			code: 'PGRST103',
			details: 'An offset of 10 was requested, but there are only 6 rows.'
		});
		const inverted = await rest(t.stack, 'rt_calls?select=id', { headers: { range: '5-2' } });
		expect(inverted.status).toBe(416);
	});

	it('counts without a body for head requests', async () => {
		const { data, count, status } = await t.anon
			.from('rt_calls')
			.select('*', { count: 'exact', head: true })
			.eq('status', 'scored');
		expect(status).toBe(200);
		expect(data).toBeNull();
		expect(count).toBe(3);
		const head = await rest(t.stack, 'rt_calls?select=id', { method: 'HEAD' });
		expect(head.status).toBe(200);
		expect(await head.text()).toBe('');
		expect(head.headers.get('content-range')).toBe('0-5/*');
	});

	it('refuses a limit that is not a number with PGRST100, and a negative one with 416', async () => {
		const res = await rest(t.stack, 'rt_calls?limit=ten');
		expect(res.status).toBe(400);
		expect((await res.json()).code).toBe('PGRST100');
		const negative = await rest(t.stack, 'rt_calls?limit=-1');
		expect(negative.status).toBe(416);
		expect((await negative.json()).details).toBe('Limit should be greater than or equal to zero.');
	});
});
