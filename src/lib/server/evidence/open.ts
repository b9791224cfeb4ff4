/**
 * Opening a recording or screenshot from the evidence bucket, logged. Whether the caller may see the
 * file is decided by the bucket's RLS through their OWN client (signing needs SELECT on the object),
 * so audit staff of the call's organisation and the call's own shopper get it and nobody else even
 * learns it exists. Every successful opening is written to the audit log, as the caller, before the
 * short-lived signed URL is handed out: no log entry, no file.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { EVIDENCE_BUCKET } from '../../shopper/upload';

/** How long the signed URL a viewer is redirected to stays valid, in seconds. */
export const EVIDENCE_URL_SECONDS = 60;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const EVIDENCE_PATH = new RegExp(`^(${UUID})/(${UUID})/[\\w.-]+$`);

export type EvidenceAccess = 'play' | 'download';

export type OpenOutcome = { status: 303; location: string } | { status: 404 };

/**
 * Checks that `client`'s user may read evidence object `path`, logs `evidence.<access>` for its
 * call, and returns where to redirect; 404 when the object is not there or not theirs to see.
 */
export async function openEvidence(
	client: SupabaseClient,
	path: string,
	access: EvidenceAccess
): Promise<OpenOutcome> {
	const m = EVIDENCE_PATH.exec(path);
	if (!m) return { status: 404 };
	const [, organisationId, callId] = m;
	const { data, error } = await client.storage
		.from(EVIDENCE_BUCKET)
		.createSignedUrl(path, EVIDENCE_URL_SECONDS, { download: access === 'download' });
	if (error || !data?.signedUrl) return { status: 404 };
	const { error: logError } = await client.rpc('write_audit_log', {
		organisation_id: organisationId,
		action: `evidence.${access}`,
		entity: 'test_call',
		entity_id: callId,
		after: { path }
	} as never);
	if (logError) throw new Error(`logging the evidence access failed: ${logError.message}`);
	return { status: 303, location: data.signedUrl };
}
