/**
 * The draft reducer: every tap of the shopper is an action applied here, purely, and the result
 * is written to IndexedDB before the screen counts it as saved. Each edit bumps `clientVersion`.
 */
import type { AnswerValue, RecordedMarker } from '../../schemas/scenario-answers';
import type { MarkerDefinition } from '../../schemas/scenario';
import { onHold } from './clock';
import type { CallDraft, LocalEvidence, Stage, SyncState } from './types';

export type DraftAction =
	| { type: 'start'; now: number; firstStep: string | null }
	| { type: 'answered'; now: number }
	| { type: 'hold'; now: number; marker?: MarkerDefinition }
	| { type: 'hangup'; now: number; marker?: MarkerDefinition }
	| { type: 'marker'; now: number; marker: MarkerDefinition }
	| { type: 'undoMarker' }
	| { type: 'goto'; stepId: string }
	| { type: 'back' }
	| { type: 'stage'; stage: Stage }
	| { type: 'answer'; item: string; value: AnswerValue | undefined }
	| { type: 'itemNote'; item: string; text: string }
	| { type: 'notes'; text: string }
	| { type: 'piiKeep'; note: string; id: string; keep: boolean }
	| { type: 'evidenceAdd'; evidence: LocalEvidence }
	| { type: 'evidenceUploaded'; id: string }
	| { type: 'evidenceRemove'; id: string }
	| { type: 'submit' }
	| { type: 'retry' };

/** Outbox bookkeeping; not the shopper's edits, so it leaves `clientVersion` alone. */
export type SyncAction =
	{ type: 'sync'; state: SyncState; dropRequest?: boolean } | { type: 'startSent' };

/** A fresh draft for `callId` with its idempotency key, made once and kept for good. */
export function newDraft(callId: string, idempotencyKey: string, now: number): CallDraft {
	return {
		callId,
		idempotencyKey,
		clientVersion: 0,
		stage: 'briefing',
		stepId: null,
		trail: [],
		clock: { holds: [] },
		markers: [],
		answers: {},
		itemNotes: {},
		notes: '',
		piiKeep: {},
		evidence: [],
		submitRequested: false,
		startSent: false,
		sync: { kind: 'local' },
		updatedAt: now
	};
}

/** Whether the server holds (or has refused for good) this call's report: edits are closed. */
export const isClosed = (d: CallDraft) =>
	d.sync.kind === 'synced' ||
	d.sync.kind === 'resolved' ||
	(d.sync.kind === 'attention' && d.sync.reason === 'conflict');

function mark(d: CallDraft, def: MarkerDefinition, now: number): RecordedMarker[] {
	const t = Math.max(0, now - (d.clock.dialAt ?? now));
	return [...d.markers, { kind: def.kind, t, id: def.id }];
}

function edit(d: CallDraft, a: DraftAction): Partial<CallDraft> | null {
	switch (a.type) {
		case 'start':
			return d.clock.dialAt !== undefined
				? { stage: 'run', stepId: d.stepId ?? a.firstStep }
				: { stage: 'run', stepId: a.firstStep, clock: { ...d.clock, dialAt: a.now } };
		case 'answered':
			return d.clock.answeredAt !== undefined ? null : { clock: { ...d.clock, answeredAt: a.now } };
		case 'hold': {
			const holding = onHold(d.clock);
			const holds = holding
				? d.clock.holds.map((h) => (h.end === undefined ? { ...h, end: a.now } : h))
				: [...d.clock.holds, { start: a.now }];
			return {
				clock: { ...d.clock, holds },
				...(a.marker ? { markers: mark(d, a.marker, a.now) } : {})
			};
		}
		case 'hangup': {
			if (d.clock.endedAt !== undefined) return { stage: 'report' };
			const holding = onHold(d.clock);
			const holds = d.clock.holds.map((h) => (h.end === undefined ? { ...h, end: a.now } : h));
			return {
				stage: 'report',
				clock: { ...d.clock, holds, endedAt: a.now },
				...(holding && a.marker ? { markers: mark(d, a.marker, a.now) } : {})
			};
		}
		case 'marker':
			return { markers: mark(d, a.marker, a.now) };
		case 'undoMarker':
			return d.markers.length ? { markers: d.markers.slice(0, -1) } : null;
		case 'goto':
			return d.stepId === a.stepId
				? null
				: { stepId: a.stepId, trail: d.stepId ? [...d.trail, d.stepId] : d.trail };
		case 'back':
			return d.trail.length
				? { stepId: d.trail[d.trail.length - 1], trail: d.trail.slice(0, -1) }
				: null;
		case 'stage':
			return { stage: a.stage };
		case 'answer': {
			const answers = { ...d.answers };
			if (a.value === undefined) delete answers[a.item];
			else answers[a.item] = a.value;
			return { answers };
		}
		case 'itemNote':
			return { itemNotes: { ...d.itemNotes, [a.item]: a.text } };
		case 'notes':
			return { notes: a.text };
		case 'piiKeep': {
			const kept = new Set(d.piiKeep[a.note] ?? []);
			if (a.keep) kept.add(a.id);
			else kept.delete(a.id);
			return { piiKeep: { ...d.piiKeep, [a.note]: [...kept].sort() } };
		}
		case 'evidenceAdd':
			return { evidence: [...d.evidence, a.evidence] };
		case 'evidenceUploaded':
			return { evidence: d.evidence.map((e) => (e.id === a.id ? { ...e, uploaded: true } : e)) };
		case 'evidenceRemove':
			return { evidence: d.evidence.filter((e) => e.id !== a.id) };
		case 'submit':
			return { submitRequested: true, sync: { kind: 'local' } };
		case 'retry':
			return d.sync.kind === 'attention' && d.sync.reason !== 'conflict'
				? { sync: { kind: 'local' } }
				: null;
	}
}

/**
 * `draft` after the shopper's action `a` at `now`. A closed draft (the server holds the report)
 * only changes stage; an edit after a field error goes back to "saved on this phone".
 */
export function reduceDraft(draft: CallDraft, a: DraftAction, now: number): CallDraft {
	if (isClosed(draft) && a.type !== 'stage') return draft;
	const change = edit(draft, a);
	if (!change) return draft;
	const sync =
		draft.sync.kind === 'attention' && a.type !== 'stage' && !('sync' in change)
			? { kind: 'local' as const }
			: draft.sync;
	return {
		...draft,
		sync,
		...change,
		clientVersion: draft.clientVersion + 1,
		updatedAt: now
	};
}

/** The outbox's bookkeeping applied to `draft`. */
export function reduceSync(draft: CallDraft, a: SyncAction): CallDraft {
	if (a.type === 'startSent') return { ...draft, startSent: true };
	// After field errors the shopper fixes them and taps submit again; edits alone do not resend.
	return {
		...draft,
		sync: a.state,
		submitRequested: a.dropRequest ? false : draft.submitRequested
	};
}
