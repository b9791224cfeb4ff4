import { describe, expect, it } from 'vitest';
import { submissionSchema } from '../../schemas/submission';
import { answersSchemaFor } from '../../schemas/scenario-answers';
import { GENERAL_NOTE, maskNote, toSubmission } from './payload';
import { CALL_ID, KEY, marker, played, relative } from './test-fixtures';

const note = '客户手机13812345678，邮箱chen@example.com';

describe('the submission the phone sends', () => {
	const d = played(
		{ type: 'start', now: 0, firstStep: 'open' },
		{ type: 'answered', now: 3000 },
		{ type: 'marker', now: 4000, marker: marker('transfer') },
		{ type: 'answer', item: 'rel_asked', value: 'yes' },
		{ type: 'itemNote', item: 'rel_asked', text: note },
		{ type: 'notes', text: note },
		{ type: 'piiKeep', note: GENERAL_NOTE, id: 'email-1', keep: true },
		{ type: 'hangup', now: 20_000 }
	);
	const body = toSubmission(relative, d, 99_000);

	it('passes the shared schema and the scenario-bound answers schema', () => {
		const parsed = submissionSchema.parse(body);
		expect(parsed.callId).toBe(CALL_ID);
		expect(parsed.idempotencyKey).toBe(KEY);
		expect(parsed.clientVersion).toBe(d.clientVersion);
		const bound = answersSchemaFor(relative).safeParse({
			items: parsed.answers,
			notes: parsed.itemNotes,
			markers: parsed.markers,
			timings: parsed.timings
		});
		expect(bound.success).toBe(true);
	});

	it('carries the transfer marker and the timers the KPIs come from', () => {
		expect(body.markers).toContainEqual({ kind: 'transfer', t: 4000, id: 'transfer' });
		expect(body.timings).toEqual({ time_to_answer: 3000, talk: 17_000 });
	});

	it('masks every note, except the findings the shopper undid', () => {
		expect(body.itemNotes?.rel_asked).not.toContain('13812345678');
		expect(body.itemNotes?.rel_asked).not.toContain('chen@example.com');
		expect(body.notes).not.toContain('13812345678');
		expect(body.notes).toContain('chen@example.com');
		const shown = maskNote(d, GENERAL_NOTE, note).findings;
		expect(shown.map((f) => [f.kind, f.kept])).toEqual([
			['mobile', false],
			['email', true]
		]);
	});
});
