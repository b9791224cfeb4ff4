/**
 * An alert threshold as the settings form sends it: the client, the lowest acceptable overall
 * score in percent (blank for none), and whether any critical fail alerts. Messages are keys.
 */
import { z } from 'zod';

export const alertThresholdSchema = z.strictObject({
	clientId: z.uuid({ error: 'rv_err_invalid' }),
	minPercent: z.preprocess(
		(v) => (v === '' || v === undefined ? null : Number(v)),
		z
			.number({ error: 'rv_err_percent' })
			.min(0, { error: 'rv_err_percent' })
			.max(100, { error: 'rv_err_percent' })
			.nullable()
	),
	onCriticalFail: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()),
	active: z.preprocess((v) => v === 'on' || v === 'true', z.boolean())
});
export type AlertThresholdInput = z.output<typeof alertThresholdSchema>;
