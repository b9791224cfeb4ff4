/** Shapes of the tenancy rows the app reads (shared by server loads and components). */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { AppRole, OrganisationKind } from '$lib/auth/roles';
import type { Database } from '$lib/database.types';
import type { RecordingPolicy } from '$lib/schemas/recording';

export type { OrganisationKind };

export interface Membership {
	organisationId: string;
	role: AppRole;
	organisation: { id: string; kind: OrganisationKind; name: string; nameZh: string | null } | null;
}

export interface Organisation {
	id: string;
	kind: OrganisationKind;
	name: string;
	name_zh: string | null;
	audit_organisation_id: string | null;
}

export interface Site {
	id: string;
	vendor_id: string;
	name: string;
	name_zh: string | null;
	city: string | null;
	country: string | null;
	time_zone: string;
	languages: string[];
	recording_policy: RecordingPolicy;
}

export interface Line {
	id: string;
	site_id: string;
	client_id: string;
	label: string;
	phone_number: string | null;
	queue: string | null;
	languages: string[];
}

/** The signed-in user's own profile row. */
export interface OwnProfile {
	id: string;
	email: string | null;
	display_name: string | null;
	phone: string | null;
	languages: string[];
	home_time_zone: string | null;
	availability: Record<string, string[]>;
}

/** A Supabase client typed with the generated schema. */
export type AppClient = SupabaseClient<Database>;
