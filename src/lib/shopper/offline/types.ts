/**
 * What the phone keeps per call: the bundle (what the server told it about the call, enough to do
 * the call in airplane mode) and the draft (everything the shopper did). Both live in IndexedDB.
 */
import type { AnswerValue, RecordedMarker } from '../../schemas/scenario-answers';
import type { MysteryCallContent } from '../../schemas/scenario';
import type { EvidenceRef } from '../../schemas/submission';

/** The site's recording rule (see the recording-policy migration); unknown is treated as all_party. */
export type RecordingPolicy = 'one_party' | 'all_party' | 'not_allowed';

/** Everything the briefing, the script and the checklist need, fetched once while online. */
export interface CallBundle {
	callId: string;
	organisationId: string;
	status: string;
	windowStart: string;
	windowEnd: string;
	scheduledAt: string | null;
	siteName: string;
	siteNameZh: string | null;
	siteZone: string;
	lineLabel: string | null;
	phoneNumber: string | null;
	recordingPolicy: RecordingPolicy;
	scenarioTitle: string;
	scenarioTitleZh: string | null;
	content: MysteryCallContent;
	/** When the phone fetched it (ms), for refreshing a stale copy. */
	fetchedAt: number;
}

/** An evidence file on the phone: its blob lives in the blob store under `id` until uploaded. */
export interface LocalEvidence {
	/** client UUID; also the object name in the bucket. */
	id: string;
	name: string;
	mime: EvidenceRef['mime'];
	bytes: number;
	sha256: string;
	/** Bucket path, fixed when the file is picked so a resumed upload goes to the same object. */
	path: string;
	uploaded: boolean;
}

/** The instants (ms since the epoch) the call's timers are computed from; never counters. */
export interface CallClock {
	/** "Start call" tapped: the dial; markers are measured from here. */
	dialAt?: number;
	/** The agent answered. */
	answeredAt?: number;
	/** Hung up. */
	endedAt?: number;
	holds: { start: number; end?: number }[];
}

export type Stage = 'briefing' | 'run' | 'report';

/** Where the outbox stands with this call's report. */
export type SyncState =
	| { kind: 'local' }
	| { kind: 'syncing' }
	| { kind: 'synced'; overall?: number | null }
	| { kind: 'attention'; reason: 'invalid'; errors: Record<string, string> }
	| { kind: 'attention'; reason: 'conflict'; message: string }
	| { kind: 'attention'; reason: 'not_found' | 'status' | 'rejected'; message: string }
	| { kind: 'resolved'; choice: 'server' | 'mine' };

/** Everything the shopper did on one call; every change bumps `clientVersion` and is stored first. */
export interface CallDraft {
	callId: string;
	/** Made once with crypto.randomUUID() and sent with every retry, so a retry never duplicates. */
	idempotencyKey: string;
	clientVersion: number;
	stage: Stage;
	stepId: string | null;
	/** Steps visited, for "back". */
	trail: string[];
	clock: CallClock;
	markers: RecordedMarker[];
	answers: Record<string, AnswerValue>;
	itemNotes: Record<string, string>;
	notes: string;
	/** Ids of PII findings the shopper undid, per note ('' = the general note, else an item id). */
	piiKeep: Record<string, string[]>;
	evidence: LocalEvidence[];
	/** The shopper asked to submit; the outbox sends it until the server answers. */
	submitRequested: boolean;
	/** The start endpoint has acknowledged (or refused for good) the start. */
	startSent: boolean;
	sync: SyncState;
	updatedAt: number;
}
