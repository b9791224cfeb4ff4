/**
 * The promises the matrix alone does not spell out: the audit log is append-only for every role,
 * service_role and the owner included; nobody changes their own memberships; vendor managers never
 * see shoppers; profiles follow auth users; the role RPC answers only the signed-in user.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, startWorld, type Role, type World } from './fixtures';

let w: World;
beforeAll(async () => {
	w = await startWorld();
});
afterAll(() => w?.close());

const signedIn = ROLES.filter((r): r is Exclude<Role, 'anon'> => r !== 'anon');
const logRow = async (id: string) =>
	(await w.sql<{ action: string }>('select action from audit_log where id = $1', [id]))[0];

describe('audit_log is append-only', () => {
	for (const role of [...ROLES, 'service_role'] as const) {
		it(`${role} can neither update nor delete an audit_log entry`, async () => {
			const client = role === 'service_role' ? w.stack.admin() : w.as[role];
			const id = w.ids['log:own'];
			const upd = await client
				.from('audit_log')
				.update({ action: 'tampered' })
				.eq('id', id)
				.select();
			if (upd.error) expect(upd.error.code).toBe('42501');
			else expect(upd.data).toEqual([]);
			const del = await client.from('audit_log').delete().eq('id', id).select();
			if (del.error) expect(del.error.code).toBe('42501');
			else expect(del.data).toEqual([]);
			expect(await logRow(id)).toEqual({ action: 'fixture' });
		});
	}

	it('service_role is refused outright (no privilege), not merely filtered', async () => {
		const admin = w.stack.admin();
		const upd = await admin
			.from('audit_log')
			.update({ action: 'tampered' })
			.eq('id', w.ids['log:own']);
		expect(upd.error?.code).toBe('42501');
		const del = await admin.from('audit_log').delete().eq('id', w.ids['log:own']);
		expect(del.error?.code).toBe('42501');
		const ins = await admin.from('audit_log').insert({ action: 'forged', entity: 'x' });
		expect(ins.error?.code).toBe('42501');
	});

	it('even the table owner is stopped by the trigger: update, delete and truncate raise', async () => {
		const id = w.ids['log:own'];
		await expect(w.sql(`update audit_log set action = 'x' where id = $1`, [id])).rejects.toThrow(
			/append-only: update/
		);
		await expect(w.sql(`delete from audit_log where id = $1`, [id])).rejects.toThrow(
			/append-only: delete/
		);
		await expect(w.sql(`truncate audit_log`)).rejects.toThrow(/append-only: truncate/);
		expect(await logRow(id)).toEqual({ action: 'fixture' });
	});

	it('a member appends through write_audit_log and is recorded as the actor', async () => {
		const { data, error } = await w.as.vendorA.rpc('write_audit_log', {
			organisation_id: w.ids.vendorA,
			action: 'view',
			entity: 'report',
			entity_id: 'r-1',
			after: { page: 2 }
		});
		expect(error).toBeNull();
		const [row] = await w.sql(
			'select actor_id, organisation_id, action, after from audit_log where id = $1',
			[data]
		);
		expect(row).toEqual({
			actor_id: w.ids['u:vendor-a'],
			organisation_id: w.ids.vendorA,
			action: 'view',
			after: { page: 2 }
		});
	});

	it('nobody can write_audit_log for an organisation they do not belong to', async () => {
		for (const [role, org] of [
			['vendorA', 'vendorB'],
			['clientBank', 'telecom'],
			['admin', 'xAudit'],
			['shopper', 'xClient']
		] as const) {
			const { data, error } = await w.as[role].rpc('write_audit_log', {
				organisation_id: w.ids[org],
				action: 'forged',
				entity: 'x'
			});
			expect(error?.code, `${role} → ${org}`).toBe('42501');
			expect(data).toBeNull();
		}
		const anon = await w.as.anon.rpc('write_audit_log', {
			organisation_id: w.ids.audit,
			action: 'forged',
			entity: 'x'
		});
		expect(anon.error?.code).toBe('42501');
		expect(await w.sql(`select 1 from audit_log where action = 'forged'`)).toEqual([]);
	});

	it('service_role appends through write_audit_log with no actor', async () => {
		const { data, error } = await w.stack.admin().rpc('write_audit_log', {
			organisation_id: w.ids.audit,
			action: 'export',
			entity: 'backup'
		});
		expect(error).toBeNull();
		const [row] = await w.sql('select actor_id, action from audit_log where id = $1', [data]);
		expect(row).toEqual({ actor_id: null, action: 'export' });
	});

	it('a tenancy change is logged with actor, before and after, readable by audit staff only', async () => {
		const { error } = await w.as.admin
			.from('sites')
			.update({ name: 'Apex Shanghai Centre (renamed)' })
			.eq('id', w.ids.siteA1);
		expect(error).toBeNull();
		const find = (role: Role) =>
			w.as[role]
				.from('audit_log')
				.select('actor_id, action, before, after')
				.eq('entity', 'sites')
				.eq('entity_id', w.ids.siteA1)
				.eq('action', 'update');
		const { data } = await find('officer');
		expect(data).toHaveLength(1);
		expect(data![0]).toMatchObject({
			actor_id: w.ids['u:admin'],
			before: { name: 'Apex Shanghai Centre' },
			after: { name: 'Apex Shanghai Centre (renamed)' }
		});
		for (const role of ['shopper', 'vendorA', 'clientBank'] as const) {
			expect((await find(role)).data, role).toEqual([]);
		}
		await w.sql(`update sites set name = 'Apex Shanghai Centre' where id = $1`, [w.ids.siteA1]);
	});
});

describe('memberships are granted by admins, to others', () => {
	const selfGrants = [
		['shopper', 'audit', 'admin'],
		['officer', 'audit', 'admin'],
		['admin', 'audit', 'compliance_officer'],
		['vendorA', 'vendorB', 'vendor_manager'],
		['clientBank', 'telecom', 'client_viewer']
	] as const;
	for (const [role, org, grant] of selfGrants) {
		it(`a user cannot grant themselves a membership (${role} as ${grant} of ${org})`, async () => {
			const user = (await w.as[role].auth.getUser()).data.user!.id;
			const { error } = await w.as[role]
				.from('memberships')
				.insert({ user_id: user, organisation_id: w.ids[org], role: grant });
			expect(error?.code).toBe('42501');
			const rows = await w.sql(
				'select 1 from memberships where user_id = $1 and organisation_id = $2 and role = $3',
				[user, w.ids[org], grant]
			);
			expect(rows).toEqual([]);
		});
	}

	it('a user cannot change or revoke their own membership, admins included', async () => {
		for (const role of signedIn) {
			const user = (await w.as[role].auth.getUser()).data.user!.id;
			const before = await w.sql(
				'select id, role, organisation_id from memberships where user_id = $1',
				[user]
			);
			const upd = await w.as[role]
				.from('memberships')
				.update({ role: 'admin' })
				.eq('user_id', user)
				.select();
			if (upd.error) expect(upd.error.code).toBe('42501');
			else expect(upd.data, role).toEqual([]);
			const del = await w.as[role].from('memberships').delete().eq('user_id', user).select();
			expect(del.data, role).toEqual([]);
			expect(
				await w.sql('select id, role, organisation_id from memberships where user_id = $1', [user])
			).toEqual(before);
		}
	});

	it('a role that does not fit the organisation kind is refused', async () => {
		const { error } = await w.as.admin
			.from('memberships')
			.insert({ user_id: w.spareUserId, organisation_id: w.ids.bank, role: 'vendor_manager' });
		expect(error?.code).toBe('23514');
	});
});

describe('profiles', () => {
	it("a vendor manager cannot read shoppers' profiles, by id or by any filter", async () => {
		const shoppers = Array.from({ length: 10 }, (_, i) => w.ids[`p:shopper${i + 1}`]);
		const byId = await w.as.vendorA.from('profiles').select('*').in('id', shoppers);
		expect(byId.error).toBeNull();
		expect(byId.data).toEqual([]);
		const byName = await w.as.vendorA.from('profiles').select('id').like('pseudonym', 'Shopper%');
		expect(byName.data).toEqual([]);
		const memberships = await w.as.vendorA
			.from('memberships')
			.select('user_id')
			.eq('role', 'shopper');
		expect(memberships.data).toEqual([]);
	});

	it('a user edits their own display name, locale and languages but not email or pseudonym', async () => {
		const someoneElse = w.ids['p:shopper3'];
		const client = w.as.shopper;
		const mine = await client
			.from('profiles')
			.update({ locale: 'en', languages: ['zh', 'en', 'fr'] })
			.eq('id', w.ids['p:shopper1'])
			.select('locale, languages');
		expect(mine.data).toEqual([{ locale: 'en', languages: ['zh', 'en', 'fr'] }]);
		for (const patch of [{ email: 'forged@example.test' }, { pseudonym: 'Real Name' }]) {
			const { error } = await client.from('profiles').update(patch).eq('id', w.ids['p:shopper1']);
			expect(error?.code).toBe('42501');
		}
		const other = await client
			.from('profiles')
			.update({ display_name: 'x' })
			.eq('id', someoneElse)
			.select();
		expect(other.data).toEqual([]);
		const [row] = await w.sql('select email, pseudonym, locale from profiles where id = $1', [
			w.ids['p:shopper1']
		]);
		expect(row).toEqual({
			email: 'shopper1@demo.clearcall.test',
			pseudonym: 'Shopper Heron',
			locale: 'en'
		});
		await w.sql(`update profiles set locale = 'zh-CN', languages = '{zh,en}' where id = $1`, [
			w.ids['p:shopper1']
		]);
	});

	it('an unsupported locale or an unknown time zone is refused', async () => {
		const bad = await w.as.shopper
			.from('profiles')
			.update({ locale: 'fr' })
			.eq('id', w.ids['p:shopper1']);
		expect(bad.error?.code).toBe('23514');
		const tz = await w.as.shopper
			.from('profiles')
			.update({ home_time_zone: 'CST' })
			.eq('id', w.ids['p:shopper1']);
		expect(tz.error?.code).toBe('23514');
	});

	it('a new auth user gets a profile from the sign-up metadata, and keeps its email in step', async () => {
		const admin = w.stack.admin();
		const created = await admin.auth.admin.createUser({
			email: 'new-shopper@fixture.clearcall.test',
			password: 'a-long-password',
			email_confirm: true,
			user_metadata: { display_name: 'Neue', locale: 'en' }
		});
		expect(created.error).toBeNull();
		const id = created.data.user!.id;
		const [profile] = await w.sql<Record<string, string>>(
			'select email, display_name, locale, pseudonym from profiles where id = $1',
			[id]
		);
		expect(profile).toMatchObject({
			email: 'new-shopper@fixture.clearcall.test',
			display_name: 'Neue',
			locale: 'en'
		});
		expect(profile.pseudonym).toMatch(/^Agent [0-9A-F]{6}$/);

		const moved = await admin.auth.admin.updateUserById(id, {
			email: 'moved@fixture.clearcall.test'
		});
		expect(moved.error).toBeNull();
		const [after] = await w.sql('select email from profiles where id = $1', [id]);
		expect(after).toEqual({ email: 'moved@fixture.clearcall.test' });

		await admin.auth.admin.deleteUser(id);
		expect(await w.sql('select 1 from profiles where id = $1', [id])).toEqual([]);
	});
});

describe('my_memberships()', () => {
	const expected: Record<Exclude<Role, 'anon'>, [string, string, string]> = {
		admin: ['admin', 'audit', 'Clearcall Assurance Partners'],
		officer: ['compliance_officer', 'audit', 'Clearcall Assurance Partners'],
		shopper: ['shopper', 'audit', 'Clearcall Assurance Partners'],
		vendorA: ['vendor_manager', 'vendor', 'Apex Contact Services'],
		clientBank: ['client_viewer', 'client', 'Harbour Bank']
	};
	for (const role of signedIn) {
		it(`tells ${role} its own role and organisation, and nothing else`, async () => {
			const { data, error } = await w.as[role].rpc('my_memberships');
			expect(error).toBeNull();
			expect(data!.map((m) => [m.role, m.organisation_kind, m.organisation_name])).toEqual([
				expected[role]
			]);
		});
	}

	it('is refused to an anonymous caller', async () => {
		const { data, error } = await w.as.anon.rpc('my_memberships');
		expect(error?.code).toBe('42501');
		expect(data).toBeNull();
	});
});
