/**
 * The /verify form: a PDF (hashed here, never stored) or a report ID with a SHA-256, rate-limited per
 * address, answered with what verifyReport() may reveal.
 */
import { createRateLimiter } from '$lib/server/ics/rate-limit';
import { localiseErrors } from '$lib/i18n/localise';
import { m } from '$lib/paraglide/messages';
import { validate } from '$lib/schemas/form';
import { verifySchema } from '$lib/schemas/report-publication';
import type { AppClient } from '$lib/tenancy';
import { sha256Hex } from './hash';
import { verifyReport, type Verdict } from './verify';

/** No report is larger than the bucket allows. */
export const MAX_VERIFY_BYTES = 50 * 1024 * 1024;
/** Checks per address per minute: plenty for a person, useless for probing hashes in bulk. */
export const VERIFY_PER_MINUTE = 20;
const limiter = createRateLimiter(VERIFY_PER_MINUTE, 60_000);

export type VerifyAnswer =
	| { ok: true; verdict: Verdict; sha256: string }
	| {
			ok: false;
			status: 400 | 413 | 429;
			errorMessage?: string;
			errorFields?: Record<string, string>;
	  };

/** Answers one /verify submission from `address`. */
export async function answerVerify(
	admin: AppClient,
	form: FormData,
	address: string
): Promise<VerifyAnswer> {
	if (!limiter.allow(address))
		return { ok: false, status: 429, errorMessage: m.rp_pub_error_rate() };
	const file = form.get('file');
	const code = String(form.get('code') ?? '');
	let sha256 = String(form.get('sha256') ?? '');
	if (file instanceof File && file.size > 0) {
		if (file.size > MAX_VERIFY_BYTES)
			return { ok: false, status: 413, errorFields: { file: m.rp_pub_error_file_large() } };
		sha256 = sha256Hex(await file.arrayBuffer());
	} else if (!sha256.trim()) {
		return { ok: false, status: 400, errorFields: { file: m.rp_pub_error_file() } };
	}
	const parsed = validate(verifySchema, { code, sha256 });
	if (!parsed.ok) return { ok: false, status: 400, errorFields: localiseErrors(parsed.errors) };
	const verdict = await verifyReport(admin, parsed.data.sha256, parsed.data.code);
	return { ok: true, verdict, sha256: parsed.data.sha256 };
}
