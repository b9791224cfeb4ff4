/**
 * Writes an admin is allowed to make can still not bend the tenancy model: rows stay inside their audit
 * organisation, time zones are real IANA names, lines join a client to a vendor it actually uses.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type World } from './fixtures';

let w: World;
beforeAll(async () => {
	w = await startWorld();
});
afterAll(() => w?.close());

const site = (vendor: string, time_zone: string) => ({
	id: randomUUID(),
	vendor_id: w.ids[vendor],
	name: 'Integrity probe',
	city: 'Probe',
	country: 'IN',
	time_zone
});

describe('tenancy integrity', () => {
	it('a site needs an IANA time zone: abbreviations and offsets are refused', async () => {
		for (const tz of ['CST', 'UTC+8', 'Mars/Olympus']) {
			const { error } = await w.as.admin.from('sites').insert(site('vendorA', tz));
			expect(error?.code, tz).toBe('23514');
		}
		const ok = site('vendorA', 'Asia/Kolkata');
		const { data, error } = await w.as.admin.from('sites').insert(ok).select('time_zone');
		expect(error).toBeNull();
		expect(data).toEqual([{ time_zone: 'Asia/Kolkata' }]);
		await w.sql('delete from sites where id = $1', [ok.id]);
	});

	it('a line cannot join a client to a vendor the client does not outsource to', async () => {
		const { error } = await w.as.admin.from('lines').insert({
			site_id: w.ids.siteC1,
			client_id: w.ids.bank,
			label: 'Bank at Cedar',
			phone_number: '+353 1 555 0999'
		});
		expect(error?.code).toBe('23514');
		expect(await w.sql(`select 1 from lines where label = 'Bank at Cedar'`)).toEqual([]);
	});

	it("an admin cannot link one of its clients to another audit organisation's vendor", async () => {
		const { error } = await w.as.admin
			.from('client_vendors')
			.insert({ client_id: w.ids.bank, vendor_id: w.ids.xVendor });
		expect(error?.code).toBe('23514');
	});

	it("an admin cannot move a site or a line into another audit organisation's tenant", async () => {
		const moveSite = await w.as.admin
			.from('sites')
			.update({ vendor_id: w.ids.xVendor })
			.eq('id', w.ids.siteA1);
		expect(moveSite.error?.code).toBe('42501');
		const moveLine = await w.as.admin
			.from('lines')
			.update({ client_id: w.ids.xClient, site_id: w.ids.xSite })
			.eq('id', w.ids.lineBankA1);
		expect(moveLine.error?.code).toBe('42501');
		const [row] = await w.sql(
			'select (select vendor_id from sites where id = $1) as vendor, (select client_id from lines where id = $2) as client',
			[w.ids.siteA1, w.ids.lineBankA1]
		);
		expect(row).toEqual({ vendor: w.ids.vendorA, client: w.ids.bank });
	});

	it('an admin cannot create an audit organisation, nor one managed by someone else', async () => {
		const audit = await w.as.admin
			.from('organisations')
			.insert({ kind: 'audit', name: 'Rogue audit firm' });
		expect(audit.error?.code).toBe('42501');
		const foreign = await w.as.admin
			.from('organisations')
			.insert({ kind: 'client', name: 'Rogue client', audit_organisation_id: w.ids.xAudit });
		expect(foreign.error?.code).toBe('42501');
		expect(await w.sql(`select 1 from organisations where name like 'Rogue%'`)).toEqual([]);
	});

	it("an organisation's kind never changes, and only an audit organisation can manage others", async () => {
		const kind = await w.as.admin
			.from('organisations')
			.update({ kind: 'vendor' })
			.eq('id', w.ids.bank);
		expect(kind.error?.code).toBe('23514');
		const service = w.stack.admin();
		const underClient = await service
			.from('organisations')
			.insert({ kind: 'vendor', name: 'Sub-vendor', audit_organisation_id: w.ids.bank });
		expect(underClient.error?.code).toBe('23514');
		const parentlessClient = await service
			.from('organisations')
			.insert({ kind: 'client', name: 'Orphan client' });
		expect(parentlessClient.error?.code).toBe('23514');
	});

	it('deleting a vendor takes its sites and lines with it, and the deletions are logged', async () => {
		const vendor = randomUUID();
		const siteId = randomUUID();
		await w.sql(
			`insert into organisations (id, kind, name, audit_organisation_id) values ($1, 'vendor', 'Short-lived BPO', $2)`,
			[vendor, w.ids.audit]
		);
		await w.sql(`insert into client_vendors (client_id, vendor_id) values ($1, $2)`, [
			w.ids.bank,
			vendor
		]);
		await w.sql(
			`insert into sites (id, vendor_id, name, city, country, time_zone) values ($1, $2, 'Short-lived site', 'Hanoi', 'VN', 'Asia/Ho_Chi_Minh')`,
			[siteId, vendor]
		);
		const { data, error } = await w.as.admin
			.from('organisations')
			.delete()
			.eq('id', vendor)
			.select('id');
		expect(error).toBeNull();
		expect(data).toEqual([{ id: vendor }]);
		expect(await w.sql('select 1 from sites where id = $1', [siteId])).toEqual([]);
		const logged = await w.as.officer
			.from('audit_log')
			.select('entity, action')
			.eq('entity_id', vendor);
		expect(logged.data).toEqual(
			expect.arrayContaining([
				{ entity: 'organisations', action: 'insert' },
				{ entity: 'organisations', action: 'delete' }
			])
		);
	});
});
