import { describe, expect, it } from 'vitest';
import { answersOfSubmission, fieldErrors, submissionPath, submissionSchema } from './submission';

const base = {
	callId: '0b6f2b1e-8a1c-4a5e-9d3f-2c1b0a9e8d7c',
	idempotencyKey: '7d2f9c4a-1b3e-4f5a-8c6d-9e0f1a2b3c4d',
	clientVersion: 1
};

describe('submissionSchema', () => {
	it('fills empty answers, markers, notes and evidence for a bare submission', () => {
		const s = submissionSchema.parse(base);
		expect(s).toMatchObject({ answers: {}, itemNotes: {}, markers: [], notes: '', evidence: [] });
		expect(answersOfSubmission(s)).toEqual({ items: {}, notes: {}, markers: [], timings: {} });
	});

	it('accepts a client score but the parsed submission carries it only to be dropped', () => {
		expect(submissionSchema.safeParse({ ...base, clientScore: { score: 1 } }).success).toBe(true);
	});

	it.each([
		['a note of 20,001 characters', { notes: 'x'.repeat(20_001) }, 'notes'],
		['a negative timing', { timings: { talk: -1 } }, 'timings.talk'],
		['a fractional client version', { clientVersion: 1.5 }, 'clientVersion'],
		[
			'an evidence file of an unknown type',
			{
				evidence: [
					{ path: 'a/b.exe', sha256: 'a'.repeat(64), bytes: 1, mime: 'application/x-msdownload' }
				]
			},
			'evidence.0.mime'
		],
		[
			'an evidence path from the root',
			{ evidence: [{ path: '/etc/passwd', sha256: 'a'.repeat(64), bytes: 1, mime: 'image/png' }] },
			'evidence.0.path'
		],
		[
			'a hash in capitals',
			{ evidence: [{ path: 'a/b.png', sha256: 'A'.repeat(64), bytes: 1, mime: 'image/png' }] },
			'evidence.0.sha256'
		]
	])('refuses %s at its field', (_name, extra, path) => {
		const r = submissionSchema.safeParse({ ...base, ...extra });
		expect(r.success).toBe(false);
		expect(Object.keys(fieldErrors(r.error!.issues))).toContain(path);
	});

	it("maps the answers schema's paths back to the submission's fields", () => {
		expect(submissionPath(['items', 'q1'])).toEqual(['answers', 'q1']);
		expect(submissionPath(['notes', 'q1'])).toEqual(['itemNotes', 'q1']);
		expect(submissionPath(['markers', 0])).toEqual(['markers', 0]);
	});
});
