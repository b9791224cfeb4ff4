import { error, fail, redirect } from '@sveltejs/kit';
import { roleFitsKind } from '$lib/auth/roles';
import { localiseErrors } from '$lib/i18n/localise';
import { kindLabel } from '$lib/i18n/labels';
import { m } from '$lib/paraglide/messages';
import { formObject, validate } from '$lib/schemas/form';
import { inviteSchema, revokeSchema } from '$lib/schemas/users';
import { rolesOf } from '$lib/server/memberships';
import { listOrganisations } from '$lib/server/tenancy';
import { administers, findOrInviteUser, listMembers } from '$lib/server/users';
import type { Organisation } from '$lib/tenancy';
import type { Actions, PageServerLoad } from './$types';

async function requireAdmin(locals: App.Locals) {
	const memberships = await locals.memberships();
	if (!rolesOf(memberships).includes('admin')) error(403, m.error_admins_only());
	return memberships;
}

export const load: PageServerLoad = async ({ locals }) => {
	if (!rolesOf(await locals.memberships()).includes('admin')) redirect(303, '/app');
	const [organisations, members] = await Promise.all([
		listOrganisations(locals.supabase),
		listMembers(locals.supabase)
	]);
	return { organisations, members, selfId: locals.user!.id };
};

export const actions: Actions = {
	invite: async ({ locals, request, url }) => {
		const memberships = await requireAdmin(locals);
		const input = formObject(await request.formData());
		const values = {
			email: String(input.email ?? ''),
			display_name: String(input.display_name ?? ''),
			organisation_id: String(input.organisation_id ?? ''),
			role: String(input.role ?? '')
		};
		const parsed = validate(inviteSchema, input);
		if (!parsed.ok)
			return fail(400, { action: 'invite', values, errorFields: localiseErrors(parsed.errors) });
		const { email, display_name, organisation_id, role } = parsed.data;

		const { data: org } = await locals.supabase
			.from('organisations')
			.select('id, kind, name, name_zh, audit_organisation_id')
			.eq('id', organisation_id)
			.maybeSingle<Organisation>();
		if (!org)
			return fail(400, {
				action: 'invite',
				values,
				errorFields: { organisation_id: m.error_organisation_required() }
			});
		if (!roleFitsKind(role, org.kind))
			return fail(400, {
				action: 'invite',
				values,
				errorFields: { role: m.error_role_kind({ kind: kindLabel(org.kind) }) }
			});
		// Checked before the service role creates anyone, so a refused grant leaves no stray account.
		if (!administers(memberships, org))
			return fail(403, { action: 'invite', values, errorMessage: m.error_grant_denied() });

		const found = await findOrInviteUser(email, display_name, `${url.origin}/reset`);
		if ('error' in found) {
			console.error(`invite ${email}: ${found.error}`);
			return fail(found.status === 429 ? 429 : 500, {
				action: 'invite',
				values,
				errorMessage: found.status === 429 ? m.error_rate_limited() : m.error_unexpected()
			});
		}

		// The grant itself goes through the admin's own client: RLS has the last word.
		const { error: grantErr } = await locals.supabase
			.from('memberships')
			.insert({ user_id: found.userId, organisation_id, role });
		if (grantErr?.code === '23505')
			return fail(400, {
				action: 'invite',
				values,
				errorFields: { role: m.error_role_duplicate() }
			});
		if (grantErr)
			return fail(403, { action: 'invite', values, errorMessage: m.error_grant_denied() });
		return {
			action: 'invite',
			success: found.invited ? m.users_invited({ email }) : m.users_role_added({ email })
		};
	},

	revoke: async ({ locals, request }) => {
		await requireAdmin(locals);
		const parsed = validate(revokeSchema, formObject(await request.formData()));
		if (!parsed.ok) return fail(400, { action: 'revoke', errorMessage: m.error_unexpected() });
		const { data, error: delErr } = await locals.supabase
			.from('memberships')
			.delete()
			.eq('id', parsed.data.membership_id)
			.neq('user_id', locals.user!.id)
			.select('id');
		// RLS hides rows the admin may not revoke (their own, other tenants'): nothing deleted = refused.
		if (delErr || !data?.length)
			return fail(403, { action: 'revoke', errorMessage: m.error_revoke_denied() });
		return { action: 'revoke', success: m.users_revoked() };
	}
};
