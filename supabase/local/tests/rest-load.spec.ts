/**
 * /rest/v1 under concurrent load (PGlite serialises transactions, never interleaves them) and while the
 * schema changes underneath it.
 */
import { describe, expect, it } from 'vitest';
import { restSuite } from './rest-fixtures';

const t = restSuite();

describe('concurrency and schema changes', () => {
	it('serves 50 concurrent mixed reads and writes consistently', async () => {
		await t.stack.db.exec(`
			create table rt_counter (id int primary key, n int not null);
			insert into rt_counter values (1, 0);
			create table rt_ledger (id serial primary key, amount int not null);
			create function rt_bump() returns int language sql as
				'update rt_counter set n = n + 1 where id = 1 returning n';
		`);
		const db = t.stack.admin();
		const jobs = Array.from({ length: 50 }, (_, i) => {
			if (i % 3 === 0) return db.from('rt_ledger').insert({ amount: i }).select('amount');
			if (i % 3 === 1) return db.rpc('rt_bump');
			return db.from('rt_calls').select('id, site:rt_sites(name)').order('id').limit(3);
		});
		const results = await Promise.all(jobs);
		expect(results.filter((r) => r.error).map((r) => r.error)).toEqual([]);
		const bumps = results.filter((_, i) => i % 3 === 1).map((r) => r.data as number);
		expect([...bumps].sort((a, b) => a - b)).toEqual(bumps.map((_, i) => i + 1));
		const counter = await db.from('rt_counter').select('n').single();
		expect(counter.data?.n).toBe(bumps.length);
		const ledger = await db.from('rt_ledger').select('amount');
		const expected = Array.from({ length: 50 }, (_, i) => i).filter((i) => i % 3 === 0);
		expect(ledger.data?.map((r) => r.amount).sort((a, b) => a - b)).toEqual(expected);
	});

	it('sees tables, columns and functions created after it started', async () => {
		await t.stack.db.exec(`create table rt_late (id int primary key, label text);
			insert into rt_late values (1, 'one');`);
		expect((await t.anon.from('rt_late').select('id, label')).data).toEqual([
			{ id: 1, label: 'one' }
		]);
		await t.stack.db.exec(`alter table rt_late add column extra int default 7;
			create function rt_late_fn() returns int language sql as 'select 42';`);
		expect((await t.anon.from('rt_late').select('extra')).data).toEqual([{ extra: 7 }]);
		expect((await t.anon.rpc('rt_late_fn')).data).toBe(42);
		await t.stack.db.exec(
			`alter table rt_late drop column extra; alter table rt_late alter column label type int using 1;`
		);
		expect((await t.anon.from('rt_late').select('*').eq('label', 1)).data).toEqual([
			{ id: 1, label: 1 }
		]);
	});
});
