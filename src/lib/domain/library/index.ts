/**
 * The seeded scenario library: five templates (seven scenarios, since the social-engineering
 * template comes as three pretexts), each a complete bilingual `ScenarioContent`. They are seeded
 * into the demo audit organisation as published version 1 by supabase/seed/10_scenario_library.sql,
 * which `npm run gen:library` writes from this list.
 */
import {
	scenarioContentSchema,
	type ScenarioContent,
	type ScenarioContentInput
} from '../../schemas/scenario';
import { cardPayment } from './card-payment';
import { pretextBranchManager } from './pretext-branch-manager';
import { pretextPhoneChange } from './pretext-phone-change';
import { pretextRelative } from './pretext-relative';
import { privacyHandling } from './privacy-handling';
import { serviceQuality } from './service-quality';
import { vendorAudit } from './vendor-audit';

/** The demo audit organisation of supabase/seed.sql, which owns the seeded library. */
export const LIBRARY_ORGANISATION_ID = 'a0000000-0000-4000-8000-000000000001';

/** The demo compliance officer of supabase/seed.sql, recorded as author and publisher. */
export const LIBRARY_AUTHOR_ID = 'a1000000-0000-4000-8000-000000000002';

export interface LibraryEntry {
	/** Unique within the organisation; also names the entry in tests and logs. */
	code: string;
	/** Fixed so the seed is idempotent and other seeds can reference the scenario. */
	scenarioId: string;
	/** Fixed id of version 1. */
	versionId: string;
	content: ScenarioContentInput;
}

const scenarioId = (n: number) => `e0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const versionId = (n: number) => `e1000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function entry(n: number, code: string, content: ScenarioContentInput): LibraryEntry {
	return { code, scenarioId: scenarioId(n), versionId: versionId(n), content };
}

/** Every library scenario, in the order of issue 4's list (a)–(e). */
export const scenarioLibrary: readonly LibraryEntry[] = Object.freeze([
	entry(1, 'SQ-9', serviceQuality),
	entry(2, 'PRIV-40', privacyHandling),
	entry(3, 'SE-RELATIVE', pretextRelative),
	entry(4, 'SE-MANAGER', pretextBranchManager),
	entry(5, 'SE-PHONE', pretextPhoneChange),
	entry(6, 'PCI-PAY', cardPayment),
	entry(7, 'VENDOR-28', vendorAudit)
]);

/**
 * The entry's content as it is stored: parsed, so defaults are filled in and every reader sees the
 * same normalised document. Throws when a content module no longer fits the schema.
 */
export function libraryContent(entry: LibraryEntry): ScenarioContent {
	return scenarioContentSchema.parse(entry.content);
}

/** The library entry with this code. */
export function findLibraryEntry(code: string): LibraryEntry | undefined {
	return scenarioLibrary.find((e) => e.code === code);
}
