import type { Session, SupabaseClient, User } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import type { Locale } from '$lib/paraglide/runtime';
import type { Membership } from '$lib/tenancy';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			/** The caller's own client: every query runs under their JWT, so RLS decides. */
			supabase: SupabaseClient<Database>;
			safeGetSession: () => Promise<{ session: Session | null; user: User | null }>;
			session: Session | null;
			user: User | null;
			/** The caller's memberships, loaded on first use and cached for the request. */
			memberships: () => Promise<Membership[]>;
			locale: Locale;
		}
	}
}

export {};
