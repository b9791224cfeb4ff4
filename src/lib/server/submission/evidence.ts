/**
 * The evidence a submission references must be files the shopper really uploaded for this call:
 * each path lies directly under `<call's organisation_id>/<call_id>/` in the evidence bucket (the
 * folder the bucket's policies let only the assigned shopper write), and the object there exists
 * with the byte size the phone states. Checked with the service role, which sees every object, so
 * "not there" means not there rather than "not visible".
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { EvidenceRef } from '../../schemas/submission';
import { EVIDENCE_BUCKET } from '../../evidence-bucket';

/** The call a submission belongs to, as loaded through the shopper's RLS. */
export interface EvidenceCall {
	id: string;
	organisation_id: string;
}

/** Field errors (`evidence.N.path`) for refs outside the call's folder, missing, or of another size. */
export async function evidenceErrors(
	admin: SupabaseClient,
	call: EvidenceCall,
	evidence: readonly EvidenceRef[]
): Promise<Record<string, string>> {
	const errors: Record<string, string> = {};
	if (evidence.length === 0) return errors;
	const folder = `${call.organisation_id}/${call.id}`;
	const { data, error } = await admin.storage
		.from(EVIDENCE_BUCKET)
		.list(folder, { limit: 1000, sortBy: { column: 'name', order: 'asc' } });
	if (error) throw new Error(`listing the call's evidence failed: ${error.message}`);
	const sizes = new Map(
		(data ?? []).map((o) => [`${folder}/${o.name}`, Number(o.metadata?.size ?? NaN)])
	);
	evidence.forEach((ref, i) => {
		const name = ref.path.slice(folder.length + 1);
		if (!ref.path.startsWith(`${folder}/`) || name.includes('/')) {
			errors[`evidence.${i}.path`] = 'must be a file in this call’s evidence folder';
		} else if (!sizes.has(ref.path)) {
			errors[`evidence.${i}.path`] = 'not uploaded';
		} else if (sizes.get(ref.path) !== ref.bytes) {
			errors[`evidence.${i}.path`] =
				`the uploaded file has ${sizes.get(ref.path)} bytes, not ${ref.bytes}`;
		}
	});
	return errors;
}
