/**
 * Inviting people and granting roles. The caller's own client decides every grant (RLS); the service
 * role is used only for what RLS cannot express: creating the auth user and finding one by e-mail.
 */
import type { AppRole } from '$lib/auth/roles';
import type { AppClient, Membership } from '$lib/tenancy';
import { supabaseAdmin } from './supabase-admin';

export interface MemberRow {
	id: string;
	user_id: string;
	organisation_id: string;
	role: AppRole;
	email: string;
	display_name: string | null;
}

/** Memberships the caller may see, with each member's name and e-mail. */
export async function listMembers(supabase: AppClient): Promise<MemberRow[]> {
	const { data: rows, error } = await supabase
		.from('memberships')
		.select('id, user_id, organisation_id, role')
		.order('created_at')
		.returns<Omit<MemberRow, 'email' | 'display_name'>[]>();
	if (error) throw new Error(`memberships: ${error.message}`);
	const ids = [...new Set(rows.map((r) => r.user_id))];
	const { data: profiles, error: pErr } = ids.length
		? await supabase
				.from('profiles')
				.select('id, email, display_name')
				.in('id', ids)
				.returns<{ id: string; email: string | null; display_name: string | null }[]>()
		: { data: [], error: null };
	if (pErr) throw new Error(`profiles: ${pErr.message}`);
	const byId = new Map(profiles.map((p) => [p.id, p]));
	return rows.map((r) => ({
		...r,
		email: byId.get(r.user_id)?.email ?? '',
		display_name: byId.get(r.user_id)?.display_name ?? null
	}));
}

/** True when the caller is an admin of the audit organisation that manages `org`. */
export function administers(
	memberships: readonly Membership[],
	org: { id: string; audit_organisation_id: string | null }
): boolean {
	const auditId = org.audit_organisation_id ?? org.id;
	return memberships.some((m) => m.role === 'admin' && m.organisationId === auditId);
}

/**
 * The auth user for `email`: the existing one, or a new one invited through the stack (which writes
 * the invitation, with its link to `redirectTo`, to the outbox).
 */
export async function findOrInviteUser(
	email: string,
	displayName: string,
	redirectTo: string
): Promise<{ userId: string; invited: boolean } | { error: string; status?: number }> {
	const admin = supabaseAdmin();
	const { data: existing, error: findErr } = await admin
		.from('profiles')
		.select('id')
		.eq('email', email)
		.maybeSingle<{ id: string }>();
	if (findErr) return { error: findErr.message };
	if (existing) return { userId: existing.id, invited: false };

	const { data, error } = await admin.auth.admin.inviteUserByEmail(email, {
		data: { display_name: displayName },
		redirectTo
	});
	if (error || !data.user)
		return { error: error?.message ?? 'invite failed', status: error?.status };
	// The profile row comes from a trigger on auth.users; the name is ours to fill in.
	await admin.from('profiles').update({ display_name: displayName }).eq('id', data.user.id);
	return { userId: data.user.id, invited: true };
}
