import { describe, expect, it } from 'vitest';
import { reduceSync } from './draft';
import { backoffMs, nextTask, startReply, submitReply, syncLabel } from './outbox';
import { played } from './test-fixtures';

const ev = { id: 'e', name: 'a.png', mime: 'image/png' as const, bytes: 1, sha256: '0', path: 'p' };

describe('the outbox', () => {
	it('has nothing to send for an untouched draft, then the start, then the submission', () => {
		expect(nextTask(played())).toBeNull();
		const started = played({ type: 'start', now: 0, firstStep: null });
		expect(nextTask(started)).toBe('start');
		const sent = reduceSync(started, { type: 'startSent' });
		expect(nextTask(sent)).toBeNull();
		expect(nextTask(reduceSync(played({ type: 'submit' }), { type: 'startSent' }))).toBe('submit');
	});

	it('uploads evidence before it submits', () => {
		const d = played(
			{ type: 'evidenceAdd', evidence: { ...ev, uploaded: false } },
			{ type: 'submit' }
		);
		expect(nextTask(d)).toBe('upload');
		expect(
			nextTask(
				played({ type: 'evidenceAdd', evidence: { ...ev, uploaded: true } }, { type: 'submit' })
			)
		).toBe('submit');
	});

	it('a network failure or a server fault keeps the draft saved on this phone for a retry', () => {
		for (const status of [0, 401, 500, 502])
			expect(submitReply({ status })).toEqual({ type: 'sync', state: { kind: 'local' } });
		expect(startReply({ status: 0 })).toBeNull();
		expect(startReply({ status: 409 })).toEqual({ type: 'startSent' });
	});

	it('field errors need attention and wait for the shopper to submit again', () => {
		const a = submitReply({ status: 400, body: { errors: { 'answers.q': 'required' } } });
		const d = reduceSync(played({ type: 'submit' }), a);
		expect(d.sync).toEqual({
			kind: 'attention',
			reason: 'invalid',
			errors: { 'answers.q': 'required' }
		});
		expect(nextTask(d)).toBeNull();
		expect(syncLabel(d)).toBe('attention');
	});

	it('a newer version from another device is a conflict, never a retry', () => {
		const d = reduceSync(
			played({ type: 'submit' }),
			submitReply({ status: 409, body: { message: 'other device', reason: 'newer_version' } })
		);
		expect(d.sync).toMatchObject({ kind: 'attention', reason: 'conflict' });
		expect(d.submitRequested).toBe(true);
		expect(nextTask(d)).toBeNull();
	});

	it('200 is synced with the server score', () => {
		const d = reduceSync(
			played({ type: 'submit' }),
			submitReply({ status: 200, body: { overall: 0.5 } })
		);
		expect(d.sync).toEqual({ kind: 'synced', overall: 0.5 });
		expect(syncLabel(d)).toBe('synced');
		expect(nextTask(d)).toBeNull();
	});

	it('backs off from 2 s to a minute', () => {
		expect([0, 1, 2, 5, 9].map(backoffMs)).toEqual([2000, 4000, 8000, 60_000, 60_000]);
	});
});
