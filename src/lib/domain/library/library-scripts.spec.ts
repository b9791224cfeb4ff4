import { describe, expect, it } from 'vitest';
import type { MysteryCallContent } from '../../schemas/scenario';
import { libraryContent, scenarioLibrary } from './index';
import { allItems } from './test-answers';

const calls = scenarioLibrary
	.map((entry) => ({ code: entry.code, content: libraryContent(entry) }))
	.filter(
		(e): e is { code: string; content: MysteryCallContent } => e.content.kind === 'mystery_call'
	);

/** A well-known test card number (Visa test PAN) that no real account carries. */
const TEST_PAN = '4111111111111111';

/** Runs of six or more digits, allowing the spaces and dashes numbers are written with. */
function longNumbers(text: string): string[] {
	return (text.match(/\d[\d -]{4,}\d/g) ?? [])
		.map((run) => run.replace(/\D/g, ''))
		.filter((digits) => digits.length >= 6);
}

describe('library call scripts', () => {
	it('cover the six mystery calls', () => {
		expect(calls.map((c) => c.code)).toEqual([
			'SQ-9',
			'PRIV-40',
			'SE-RELATIVE',
			'SE-MANAGER',
			'SE-PHONE',
			'PCI-PAY'
		]);
	});

	for (const { code, content } of calls) {
		describe(code, () => {
			const steps = content.script.steps;
			const index = new Map(steps.map((s, i) => [s.id, i]));
			const targets = (i: number): number[] => {
				const s = steps[i];
				if (s.end) return [];
				const named = [...s.branches.map((b) => b.goto), ...(s.next ? [s.next] : [])];
				const fallthrough = s.next === undefined && i + 1 < steps.length ? [i + 1] : [];
				return [...named.map((id) => index.get(id)!), ...fallthrough];
			};

			it('only ever moves forward, so no call can loop', () => {
				steps.forEach((_, i) => targets(i).forEach((to) => expect(to).toBeGreaterThan(i)));
			});

			it('reaches every step from the first one and ends every path on a final step', () => {
				const seen = new Set<number>([0]);
				const queue = [0];
				while (queue.length > 0)
					for (const to of targets(queue.shift()!)) {
						if (seen.has(to)) continue;
						seen.add(to);
						queue.push(to);
					}
				expect(seen.size).toBe(steps.length);
				steps.forEach((s, i) => {
					if (targets(i).length === 0) expect(s.end, `${s.id} is a dead end`).toBe(true);
				});
			});

			it('branches only on answers that cannot be N/A, or on markers', () => {
				const items = new Map(allItems(content).map((i) => [i.id, i]));
				for (const branch of steps.flatMap((s) => s.branches)) {
					if (branch.when.kind !== 'answer') continue;
					expect(items.get(branch.when.item)?.allowNa, branch.when.item).toBe(false);
				}
			});

			it('puts every scenario-specific marker on the step where it is tapped', () => {
				const onSteps = new Set(steps.flatMap((s) => s.markers));
				for (const m of content.markers.filter((m) => m.kind === 'custom'))
					expect(onSteps.has(m.id), m.id).toBe(true);
			});

			it('measures time to answer, hold and talk time', () => {
				expect(content.timers).toEqual(['time_to_answer', 'hold', 'talk']);
			});

			it('uses a synthetic identity: "test" in the name and obviously fake numbers only', () => {
				const { persona } = content;
				expect(persona.synthetic).toBe(true);
				expect(persona.name.en).toMatch(/\btest\b/);
				expect(persona.name['zh-CN']).toContain('测试');
				const spoken = [
					...persona.facts.flatMap((f) => [f.value.en, f.value['zh-CN']]),
					...steps.flatMap((s) => [s.say?.en, s.say?.['zh-CN']])
				].filter((s): s is string => Boolean(s));
				for (const digits of spoken.flatMap(longNumbers))
					expect(digits === TEST_PAN || digits.includes('0000'), digits).toBe(true);
			});
		});
	}

	it('flags a real-looking number, so the synthetic check has teeth', () => {
		expect(longNumbers('+86 139 1234 5678')).toEqual(['8613912345678']);
		expect(longNumbers('+86 100 0000 0003')).toEqual(['8610000000003']);
		expect(longNumbers('1 January 1990')).toEqual([]);
	});
});
