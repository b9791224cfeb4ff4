/**
 * The recording rule a call follows: the site's unless the programme overrides it, told only to those
 * who can see the call (the assigned shopper and the audit staff of its organisation).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role, World } from './fixtures';
import { addCall } from './scenarios-fixtures';
import { startSchedulingWorld } from './scheduling-fixtures';

let w: World;

beforeAll(async () => {
	w = await startSchedulingWorld();
	await addCall(w, 'callProg', {
		org: 'audit',
		version: 'verOwn1',
		site: 'siteB2',
		line: 'lineBankB2',
		shopper: 'shopper1'
	});
	await w.sql(`update public.test_calls set programme_id = $1 where id = $2`, [
		w.ids.progOwn,
		w.ids.callProg
	]);
});
afterAll(async () => {
	await w?.close();
});

const policyOf = async (role: Role, call: string) => {
	const { data, error } = await w.as[role].rpc('call_recording_policy', { p_call_id: w.ids[call] });
	return { data, error };
};

describe('call_recording_policy', () => {
	it('the demo seed gives the sites a mix of rules', async () => {
		const rows = await w.sql<{ recording_policy: string }>(
			`select distinct recording_policy from public.sites where vendor_id = any($1)`,
			[[w.ids.vendorA, w.ids.vendorB, w.ids.vendorC]]
		);
		expect(rows.map((r) => r.recording_policy).sort()).toEqual([
			'all_party',
			'not_allowed',
			'one_party'
		]);
	});

	it.each<Role>(['shopper', 'officer', 'admin'])(
		'%s who can see the call is told its site’s rule',
		async (role) => {
			expect(await policyOf(role, 'callOwn')).toEqual({ data: 'all_party', error: null });
		}
	);

	it.each<Role>(['vendorA', 'clientBank'])(
		'%s, who cannot see the call, is told nothing',
		async (role) => {
			expect(await policyOf(role, 'callOwn')).toEqual({ data: null, error: null });
		}
	);

	it('a shopper is told nothing about another shopper’s call', async () => {
		expect(await policyOf('shopper', 'callOther')).toEqual({ data: null, error: null });
	});

	it('audit staff are told nothing about another tenant’s call', async () => {
		expect(await policyOf('admin', 'callX')).toEqual({ data: null, error: null });
	});

	it('an anonymous caller may not ask', async () => {
		const { data, error } = await policyOf('anon', 'callOwn');
		expect(data).toBeNull();
		expect(error).not.toBeNull();
	});

	it('a programme’s rule overrides the site’s, and null falls back to the site', async () => {
		expect((await policyOf('shopper', 'callProg')).data).toBe('one_party');
		const { error } = await w.as.admin
			.from('programmes')
			.update({ recording_policy: 'not_allowed' })
			.eq('id', w.ids.progOwn);
		expect(error).toBeNull();
		expect((await policyOf('shopper', 'callProg')).data).toBe('not_allowed');
		await w.as.admin.from('programmes').update({ recording_policy: null }).eq('id', w.ids.progOwn);
		expect((await policyOf('shopper', 'callProg')).data).toBe('one_party');
	});

	it('an admin changes a site’s rule and a rule outside the three is refused', async () => {
		const site = w.as.admin.from('sites');
		expect(
			(await site.update({ recording_policy: 'not_allowed' }).eq('id', w.ids.siteA1)).error
		).toBeNull();
		expect((await policyOf('shopper', 'callOwn')).data).toBe('not_allowed');
		const bad = await w.as.admin
			.from('sites')
			.update({ recording_policy: 'sometimes' })
			.eq('id', w.ids.siteA1);
		expect(bad.error?.code).toBe('23514');
		await w.as.admin.from('sites').update({ recording_policy: 'all_party' }).eq('id', w.ids.siteA1);
	});
});

describe('the sites table’s recording action', () => {
	type Action = (event: unknown) => Promise<unknown>;
	const post = async (role: Role, fields: Record<string, string>) => {
		const { actions } = await import('../../src/routes/(app)/app/+page.server');
		const body = new FormData();
		for (const [k, v] of Object.entries(fields)) body.set(k, v);
		const request = new Request('http://app.test/app?/recording', { method: 'POST', body });
		return (actions.recording as Action)({
			locals: { supabase: w.as[role], locale: 'en' },
			request
		});
	};
	const policyOfSite = async () =>
		(
			await w.sql<{ recording_policy: string }>(
				`select recording_policy from public.sites where id = $1`,
				[w.ids.siteC1]
			)
		)[0].recording_policy;

	it('an admin sets a site’s rule', async () => {
		const out = await post('admin', { site_id: w.ids.siteC1, recording_policy: 'not_allowed' });
		expect(out).toEqual({ recordingSaved: 'Recording rule saved for Cedar Dublin.' });
		expect(await policyOfSite()).toBe('not_allowed');
	});

	it('an officer is refused with a message and the rule stays', async () => {
		const out = await post('officer', { site_id: w.ids.siteC1, recording_policy: 'one_party' });
		expect(out).toMatchObject({
			status: 403,
			data: { recordingError: expect.stringMatching(/^Recording rule/) }
		});
		expect(await policyOfSite()).toBe('not_allowed');
	});

	it('a rule outside the list is a 400 naming the field', async () => {
		const out = await post('admin', { site_id: w.ids.siteC1, recording_policy: 'maybe' });
		expect(out).toMatchObject({
			status: 400,
			data: { recordingError: expect.stringMatching(/^Recording rule/) }
		});
	});
});
