/** The scenario pages' small forms. Issue messages are message keys (see $lib/schemas/form.ts). */
import { z } from 'zod';
import { scenarioKinds } from '$lib/schemas/scenario';

const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max, { error: 'sc_error_title_long' })
		.transform((v) => v || null);

export const createScenarioSchema = z.object({
	organisation_id: z.uuid({ error: 'sc_error_organisation' }),
	kind: z.enum(scenarioKinds, { error: 'sc_error_kind_required' }),
	code: z
		.string()
		.trim()
		.min(1, { error: 'sc_error_code_required' })
		.max(64, { error: 'sc_error_code_long' })
		.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { error: 'sc_error_code_format' }),
	title: z
		.string()
		.trim()
		.min(1, { error: 'sc_error_title_required' })
		.max(200, { error: 'sc_error_title_long' }),
	title_zh: optionalText(200)
});
