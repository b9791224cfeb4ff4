/** The signed-in user's memberships, read with their own client so RLS decides what they see. */
import { isAppRole, type AppRole } from '$lib/auth/roles';
import type { AppClient, Membership, OrganisationKind } from '$lib/tenancy';

interface Row {
	organisation_id: string;
	role: string;
	organisations: {
		id: string;
		kind: OrganisationKind;
		name: string;
		name_zh: string | null;
	} | null;
}

/** Loads the memberships of `userId`; an error is thrown, never mistaken for "no roles". */
export async function loadMemberships(supabase: AppClient, userId: string): Promise<Membership[]> {
	const { data, error } = await supabase
		.from('memberships')
		.select('organisation_id, role, organisations(id, kind, name, name_zh)')
		.eq('user_id', userId)
		.returns<Row[]>();
	if (error) throw new Error(`memberships: ${error.message}`);
	return data
		.filter((r) => isAppRole(r.role))
		.map((r) => ({
			organisationId: r.organisation_id,
			role: r.role as AppRole,
			organisation: r.organisations && {
				id: r.organisations.id,
				kind: r.organisations.kind,
				name: r.organisations.name,
				nameZh: r.organisations.name_zh
			}
		}));
}

/** The distinct roles in a list of memberships. */
export function rolesOf(memberships: readonly Membership[]): AppRole[] {
	return [...new Set(memberships.map((m) => m.role))];
}
