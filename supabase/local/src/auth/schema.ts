/**
 * Two auth tables a Supabase project has that the base bootstrap does not: the per-session sign-in
 * methods (`amr` claim) and PKCE flow states. Created on first use with Supabase's columns, so a
 * database bootstrapped before they were needed gains them too.
 */
import type { Database } from '../db/driver';

const DDL = `
create table if not exists auth.mfa_amr_claims (
  session_id uuid not null references auth.sessions (id) on delete cascade,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  authentication_method text not null,
  id uuid primary key,
  constraint mfa_amr_claims_session_id_authentication_method_pkey unique (session_id, authentication_method)
);
create table if not exists auth.flow_state (
  id uuid primary key,
  user_id uuid,
  auth_code text not null,
  code_challenge_method text not null,
  code_challenge text not null,
  provider_type text not null,
  provider_access_token text,
  provider_refresh_token text,
  created_at timestamptz,
  updated_at timestamptz,
  authentication_method text not null,
  auth_code_issued_at timestamptz
);
create index if not exists idx_auth_code on auth.flow_state (auth_code);
create index if not exists idx_user_id_auth_method on auth.flow_state (user_id, authentication_method);
`;

const ready = new WeakMap<Database, Promise<void>>();

/** Makes sure the extra auth tables exist; runs once per database handle. */
export function ensureAuthSchema(db: Database): Promise<void> {
	let p = ready.get(db);
	if (!p) {
		p = db
			.transaction((tx) => tx.exec(DDL))
			.catch(async (e: { code?: string }) => {
				// Another process created them between our check and create: that is success.
				if (e.code !== '23505' && e.code !== '42P07') {
					ready.delete(db);
					throw e;
				}
			});
		ready.set(db, p);
	}
	return p;
}
