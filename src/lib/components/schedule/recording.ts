/** Localised labels of the recording rules, for selects and tables. */
import { m } from '$lib/paraglide/messages';
import type { RecordingPolicy } from '$lib/schemas/recording';

const LABELS: Record<RecordingPolicy, () => string> = {
	one_party: () => m.sch_rec_one_party(),
	all_party: () => m.sch_rec_all_party(),
	not_allowed: () => m.sch_rec_not_allowed()
};

/** The reader's label for `policy`. */
export const recordingLabel = (policy: RecordingPolicy): string => LABELS[policy]();
