/**
 * Recording rules (see the recording-policy migration): whether and under which consent a shopper may
 * record a call to a site. A programme may override its sites' rule; null there means "each site's".
 */
import { z } from 'zod';

export const RECORDING_POLICIES = ['one_party', 'all_party', 'not_allowed'] as const;
export type RecordingPolicy = (typeof RECORDING_POLICIES)[number];

export const recordingPolicySchema = z.enum(RECORDING_POLICIES);

/** A programme's override from a form field: empty means follow each site. */
export const programmeRecordingSchema = z
	.union([z.literal(''), recordingPolicySchema])
	.transform((v) => (v === '' ? null : v));

/** A site's new rule from the sites table's form. */
export const siteRecordingFormSchema = z.strictObject({
	site_id: z.uuid(),
	recording_policy: recordingPolicySchema
});
