/**
 * Publishing, verifying and retention forms. Issue messages are message keys (see form.ts), all
 * `rp_pub_` keys of messages/report.
 */
import { z } from 'zod';

const isoDate = (key: string) =>
	z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/, { error: key })
		.refine((s) => !Number.isNaN(Date.parse(s)), {
			error: key
		});

/** What an officer publishes: one scope (`site:<id>`, `vendor:<id>`, `programme:<id>`), a period, a language. */
export const publishSchema = z
	.object({
		scope: z
			.string()
			.regex(/^(site|vendor|programme):[0-9a-f-]{36}$/, { error: 'rp_pub_error_scope' }),
		period_start: isoDate('rp_pub_error_period_start'),
		period_end: isoDate('rp_pub_error_period_end'),
		locale: z.enum(['en', 'zh-CN'], { error: 'rp_pub_error_locale' }),
		/**
		 * The client a site or vendor report is made for: it then holds only that client's calls and
		 * that client's viewers may read it. Empty: for audit staff and the vendor only. Ignored for
		 * a programme, whose client is fixed.
		 */
		client: z
			.union([z.literal(''), z.uuid({ error: 'rp_pub_error_client' })], {
				error: 'rp_pub_error_client'
			})
			.optional()
			.transform((v) => v || null)
	})
	.refine((v) => v.period_end >= v.period_start, {
		path: ['period_end'],
		error: 'rp_pub_error_period_order'
	});
export type PublishRequest = z.output<typeof publishSchema>;

/** The scope string split into its kind and id. */
export function parseScope(scope: string): { kind: 'site' | 'vendor' | 'programme'; id: string } {
	const [kind, id] = scope.split(':');
	return { kind: kind as 'site' | 'vendor' | 'programme', id };
}

/** /verify by report ID and hash (the file form is hashed on the server and skips this). */
export const verifySchema = z.object({
	code: z
		.string()
		.trim()
		.toUpperCase()
		.regex(/^(CC-[0-9A-Z]{10})?$/, { error: 'rp_pub_error_code' })
		.transform((s) => s || null),
	sha256: z
		.string()
		.trim()
		.toLowerCase()
		.regex(/^[0-9a-f]{64}$/, { error: 'rp_pub_error_sha256' })
});

/** An admin's retention periods, in months. */
export const retentionSchema = z.object({
	recordings_months: z.coerce
		.number({ error: 'rp_pub_error_months' })
		.int({ error: 'rp_pub_error_months' })
		.min(1, { error: 'rp_pub_error_months' })
		.max(120, { error: 'rp_pub_error_months' }),
	call_sheets_months: z.coerce
		.number({ error: 'rp_pub_error_months' })
		.int({ error: 'rp_pub_error_months' })
		.min(1, { error: 'rp_pub_error_months' })
		.max(120, { error: 'rp_pub_error_months' })
});
