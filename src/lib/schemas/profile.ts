/** The user's own profile form. Issue messages are message keys (see form.ts). */
import { z } from 'zod';
import { isTimeZone } from '$lib/i18n/datetime';

/** Languages offered on the profile form (BCP 47), the ones the demo sites answer in first. */
export const PROFILE_LANGUAGES = ['zh', 'yue', 'en', 'ms', 'tl', 'fr', 'de'] as const;

export const profileSchema = z.object({
	display_name: z
		.string()
		.trim()
		.min(1, { error: 'error_name_required' })
		.max(100, { error: 'error_name_long' }),
	phone: z
		.string()
		.trim()
		.regex(/^(\+?[0-9][0-9 ()-]{4,30})?$/, { error: 'error_phone_invalid' })
		.transform((v) => v || null),
	home_time_zone: z
		.string()
		.trim()
		.refine((v) => v === '' || isTimeZone(v), { error: 'error_time_zone_invalid' })
		.transform((v) => v || null),
	languages: z
		.array(z.enum(PROFILE_LANGUAGES, { error: 'error_language_invalid' }))
		.max(PROFILE_LANGUAGES.length)
});
