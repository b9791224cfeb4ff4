/**
 * Agent pseudonyms: vendors see "Agent 7F3A", never what the shopper noted about the agent. The
 * pseudonym is an HMAC-SHA256 of the site and the normalised agent text under the audit
 * organisation's salt (organisation_secrets, service role only), so the same agent at the same site
 * gets the same pseudonym in every call, a vendor cannot reverse it, and another site's (or
 * organisation's) agent of the same name gets a different one.
 */
import { createHmac } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';

/** The pseudonym of `agent` at `siteId` under `salt`. */
export function pseudonymOf(salt: string, siteId: string, agent: string): string {
	const normalised = agent.trim().toLowerCase().replace(/\s+/g, ' ');
	const mac = createHmac('sha256', salt).update(`${siteId}\n${normalised}`).digest('hex');
	return `Agent ${mac.slice(0, 4).toUpperCase()}`;
}

/** Organisation `orgId`'s salt, created on first use; `admin` is the service-role client. */
export async function agentSalt(admin: SupabaseClient, orgId: string): Promise<string> {
	const table = () => admin.from('organisation_secrets' as never);
	const read = async () => {
		const { data, error } = await table()
			.select('agent_salt')
			.eq('organisation_id', orgId)
			.maybeSingle<{ agent_salt: string }>();
		if (error) throw new Error(`reading the agent salt failed: ${error.message}`);
		return data?.agent_salt;
	};
	const existing = await read();
	if (existing) return existing;
	// Two first submissions at once: one insert wins, the other's conflict is ignored and both read it.
	const { error } = await table().upsert({ organisation_id: orgId } as never, {
		onConflict: 'organisation_id',
		ignoreDuplicates: true
	});
	if (error) throw new Error(`creating the agent salt failed: ${error.message}`);
	const created = await read();
	if (!created) throw new Error('the agent salt was not stored');
	return created;
}

/** The pseudonym of `agent` at `siteId` in organisation `orgId`. */
export async function agentPseudonym(
	admin: SupabaseClient,
	orgId: string,
	siteId: string,
	agent: string
): Promise<string> {
	return pseudonymOf(await agentSalt(admin, orgId), siteId, agent);
}
