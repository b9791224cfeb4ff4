import { describe, expect, it } from 'vitest';
import { readings } from './clock';
import { isClosed, reduceDraft, reduceSync } from './draft';
import { marker, played } from './test-fixtures';

describe('the draft reducer', () => {
	it('starting the call stores the dial instant and opens the first step', () => {
		const d = played({ type: 'start', now: 5000, firstStep: 'open' });
		expect(d.stage).toBe('run');
		expect(d.stepId).toBe('open');
		expect(d.clock.dialAt).toBe(5000);
		expect(d.clientVersion).toBe(1);
	});

	it('starting again after a reload keeps the first dial instant and the step reached', () => {
		const d = played(
			{ type: 'start', now: 5000, firstStep: 'open' },
			{ type: 'goto', stepId: 'pretext' },
			{ type: 'start', now: 9000, firstStep: 'open' }
		);
		expect(d.clock.dialAt).toBe(5000);
		expect(d.stepId).toBe('pretext');
	});

	it('markers are measured in ms from the dial and keep their definition id', () => {
		const d = played(
			{ type: 'start', now: 1000, firstStep: 'open' },
			{ type: 'marker', now: 4500, marker: marker('greeting') }
		);
		expect(d.markers).toEqual([{ kind: 'greeting', t: 3500, id: 'greeting' }]);
	});

	it('hold toggles record hold_start and hold_end and a hang-up closes an open hold', () => {
		const d = played(
			{ type: 'start', now: 0, firstStep: 'open' },
			{ type: 'answered', now: 2000 },
			{ type: 'hold', now: 3000, marker: marker('hold_start') },
			{ type: 'hold', now: 5000, marker: marker('hold_end') },
			{ type: 'hold', now: 6000, marker: marker('hold_start') },
			{ type: 'hangup', now: 9000, marker: marker('hold_end') }
		);
		expect(d.markers.map((m) => [m.kind, m.t])).toEqual([
			['hold_start', 3000],
			['hold_end', 5000],
			['hold_start', 6000],
			['hold_end', 9000]
		]);
		expect(d.stage).toBe('report');
		expect(readings(d.clock, 99_000)).toEqual({ time_to_answer: 2000, talk: 7000, hold: 5000 });
	});

	it('timers read from instants keep running across a reload', () => {
		const d = played({ type: 'start', now: 1000, firstStep: 'open' });
		expect(readings(d.clock, 61_000)).toEqual({ time_to_answer: 60_000 });
	});

	it('goto and back walk the trail', () => {
		const d = played(
			{ type: 'start', now: 0, firstStep: 'open' },
			{ type: 'goto', stepId: 'pretext' },
			{ type: 'goto', stepId: 'request' },
			{ type: 'back' }
		);
		expect(d.stepId).toBe('pretext');
		expect(d.trail).toEqual(['open']);
	});

	it('answers can be set and cleared, and every edit bumps the client version', () => {
		const d = played(
			{ type: 'answer', item: 'rel_asked', value: 'yes' },
			{ type: 'answer', item: 'x', value: 'no' },
			{ type: 'answer', item: 'x', value: undefined }
		);
		expect(d.answers).toEqual({ rel_asked: 'yes' });
		expect(d.clientVersion).toBe(3);
	});

	it('an edit after field errors goes back to saved on this phone; a synced draft is closed', () => {
		const errored = reduceSync(played({ type: 'submit' }), {
			type: 'sync',
			state: { kind: 'attention', reason: 'invalid', errors: { 'answers.a': 'required' } },
			dropRequest: true
		});
		expect(errored.submitRequested).toBe(false);
		const edited = reduceDraft(errored, { type: 'answer', item: 'a', value: 'yes' }, 1);
		expect(edited.sync).toEqual({ kind: 'local' });

		const synced = reduceSync(edited, { type: 'sync', state: { kind: 'synced' } });
		expect(isClosed(synced)).toBe(true);
		expect(reduceDraft(synced, { type: 'notes', text: 'late' }, 2)).toBe(synced);
	});

	it('undoing a PII finding is remembered per note and can be reverted', () => {
		const d = played(
			{ type: 'piiKeep', note: '', id: 'mobile-1', keep: true },
			{ type: 'piiKeep', note: 'q1', id: 'email-1', keep: true },
			{ type: 'piiKeep', note: '', id: 'mobile-1', keep: false }
		);
		expect(d.piiKeep).toEqual({ '': [], q1: ['email-1'] });
	});

	it('undo removes the last marker only', () => {
		const d = played(
			{ type: 'start', now: 0, firstStep: 'open' },
			{ type: 'marker', now: 1, marker: marker('greeting') },
			{ type: 'marker', now: 2, marker: marker('transfer') },
			{ type: 'undoMarker' }
		);
		expect(d.markers.map((m) => m.id)).toEqual(['greeting']);
	});
});
