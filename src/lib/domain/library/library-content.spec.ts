import { describe, expect, it } from 'vitest';
import {
	scenarioContentSchema,
	serviceCategories,
	type Bilingual,
	type ScenarioContent
} from '../../schemas/scenario';
import { isCritical } from '../../schemas/scenario-checklist';
import { findClause, isClauseCode } from '../clauses';
import { auditRows } from './audit-items';
import { severityWeight } from './build';
import { callRows } from './call-items';
import { findLibraryEntry, libraryContent, scenarioLibrary } from './index';
import { allItems } from './test-answers';

const content = (code: string): ScenarioContent => libraryContent(findLibraryEntry(code)!);
const itemIds = (c: ScenarioContent) => allItems(c).map((i) => i.id);
const numbered = (prefix: string, n: number) =>
	Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`);
const severityCounts = (c: ScenarioContent) =>
	allItems(c).reduce<Record<string, number>>((acc, i) => {
		acc[i.severity ?? '-'] = (acc[i.severity ?? '-'] ?? 0) + 1;
		return acc;
	}, {});

/** Every bilingual text in a document, found by shape: an object with only `en` / `zh-CN` keys. */
function bilingualTexts(value: unknown, path = ''): [string, Bilingual][] {
	if (Array.isArray(value)) return value.flatMap((v, i) => bilingualTexts(v, `${path}[${i}]`));
	if (value === null || typeof value !== 'object') return [];
	const keys = Object.keys(value);
	if (keys.length > 0 && keys.every((k) => k === 'en' || k === 'zh-CN'))
		return [[path, value as Bilingual]];
	return Object.entries(value).flatMap(([k, v]) => bilingualTexts(v, path ? `${path}.${k}` : k));
}

const CJK = /[\u3400-\u9fff]/;

describe('the scenario library', () => {
	it('holds the five templates as seven scenarios with unique codes and fixed UUIDs', () => {
		expect(scenarioLibrary.map((e) => e.code)).toEqual([
			'SQ-9',
			'PRIV-40',
			'SE-RELATIVE',
			'SE-MANAGER',
			'SE-PHONE',
			'PCI-PAY',
			'VENDOR-28'
		]);
		const ids = scenarioLibrary.flatMap((e) => [e.scenarioId, e.versionId]);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-0000-4000-8000-[0-9a-f]{12}$/);
	});

	for (const entry of scenarioLibrary) {
		describe(entry.code, () => {
			it('parses with scenarioContentSchema without a single issue', () => {
				const result = scenarioContentSchema.safeParse(entry.content);
				expect(result.success ? [] : result.error.issues).toEqual([]);
			});

			it('has every label, title, step and option in both English and Chinese', () => {
				const texts = bilingualTexts(libraryContent(entry));
				expect(texts.length).toBeGreaterThan(20);
				for (const [path, text] of texts) {
					expect(text.en?.trim(), `${path}.en`).toBeTruthy();
					expect(text['zh-CN']?.trim(), `${path}.zh-CN`).toBeTruthy();
					// Numbers and codes read the same in both languages; prose must be translated.
					if (text.en !== text['zh-CN'])
						expect(text['zh-CN'], `${path}.zh-CN is not Chinese`).toMatch(CJK);
					expect(text.en, `${path}.en is not English`).toMatch(/[A-Za-z0-9]/);
				}
			});

			it('tags items only with clause codes the catalogue knows', () => {
				const codes = allItems(libraryContent(entry)).flatMap((i) => i.clauses);
				for (const code of codes) expect(isClauseCode(code), code).toBe(true);
			});

			it('weights every reference item by its severity (C 3, M 2, m 1)', () => {
				for (const item of allItems(libraryContent(entry)))
					if (/^(mc|va)\d\d$/.test(item.id))
						expect(item.weight, item.id).toBe(severityWeight[item.severity!]);
			});
		});
	}
});

describe('(a) the service-quality monitoring sheet', () => {
	const sheet = content('SQ-9');

	it('has one section for each of the nine monitoring categories, in the reference order', () => {
		const sections = sheet.checklist.sections;
		expect(sections.map((s) => s.category)).toEqual(Object.keys(serviceCategories));
		sections.forEach((s) => {
			const category = serviceCategories[s.category!];
			expect(s.title).toEqual({ en: category.en, 'zh-CN': category['zh-CN'] });
			expect(s.items.length).toBeGreaterThan(0);
		});
	});

	it('scores the answer time from the call timer and a forbidden phrase as a critical item', () => {
		const items = new Map(allItems(sheet).map((i) => [i.id, i]));
		expect(items.get('sq_answer_time')).toMatchObject({
			type: 'duration',
			fromTimer: 'time_to_answer'
		});
		expect(items.get('sq_forbidden')).toMatchObject({ passAnswer: 'no', severity: 'C' });
		expect(
			allItems(sheet)
				.filter((i) => i.bonus)
				.map((i) => i.id)
		).toEqual(['sq_extra']);
	});
});

describe('(b) the privacy-handling call', () => {
	const call = content('PRIV-40');

	it('is exactly the 40 reference items, numbered mc01–mc40', () => {
		expect([...itemIds(call)].sort()).toEqual(numbered('mc', 40));
	});

	it('keeps the reference severities: 12 critical, 19 major, 9 minor', () => {
		expect(severityCounts(call)).toEqual({ C: 12, M: 19, m: 9 });
		for (const item of allItems(call)) {
			const ref = callRows[Number(item.id.slice(2)) - 1];
			expect(item.clauses, item.id).toEqual(ref.clauses);
			expect(item.label, item.id).toEqual(ref.label);
		}
	});

	it('makes exactly the severity-C items critical', () => {
		const critical = allItems(call)
			.filter(isCritical)
			.map((i) => i.id);
		expect(critical.sort()).toEqual(
			['05', '07', '08', '09', '10', '11', '18', '20', '21', '24', '25', '26'].map((n) => `mc${n}`)
		);
	});
});

describe('(c) the social-engineering pretexts', () => {
	for (const code of ['SE-RELATIVE', 'SE-MANAGER', 'SE-PHONE']) {
		it(`${code} has a synthetic persona, a branching script and marker-derived critical items`, () => {
			const c = content(code);
			if (c.kind !== 'mystery_call') throw new Error('not a call');
			expect(c.persona.synthetic).toBe(true);
			expect(c.persona.name.en).toContain('test');
			expect(c.persona.name['zh-CN']).toContain('测试');
			expect(c.persona.facts.length).toBeGreaterThanOrEqual(4);
			expect(c.script.steps.some((s) => s.branches.length > 0)).toBe(true);
			const derived = allItems(c).filter((i) => i.type === 'marker_derived');
			expect(derived.some((i) => i.severity === 'C')).toBe(true);
			expect(allItems(c).filter((i) => i.severity === 'C').length).toBeGreaterThanOrEqual(3);
		});
	}
});

describe('(d) the card-payment call', () => {
	it('carries every reference item on card-data handling (PCI 3.x, 4.x, telephone supplement)', () => {
		const pci = callRows
			.filter((r) => r.clauses.some((c) => /^PCI (3|4|TEL)/.test(c)))
			.map((r) => `mc${String(r.n).padStart(2, '0')}`);
		expect(pci).toEqual(['mc18', 'mc19', 'mc23', 'mc24', 'mc25', 'mc26', 'mc27']);
		expect(itemIds(content('PCI-PAY'))).toEqual(expect.arrayContaining(pci));
	});
});

describe('(e) the vendor data-protection audit', () => {
	const audit = content('VENDOR-28');

	it('is a vendor audit of exactly the 28 reference controls, answered COM / MAJ / MIN / OBS', () => {
		expect(audit.kind).toBe('vendor_audit');
		expect(itemIds(audit)).toEqual(numbered('va', 28));
		expect(new Set(allItems(audit).map((i) => i.type))).toEqual(new Set(['audit_result']));
	});

	it('keeps the reference severities (8 critical, 16 major, 4 minor) and clause tags', () => {
		expect(severityCounts(audit)).toEqual({ C: 8, M: 16, m: 4 });
		allItems(audit).forEach((item, i) => expect(item.clauses).toEqual(auditRows[i].clauses));
	});

	it('shows the to-verify clauses (†) of the reference as such', () => {
		const tags = new Set(allItems(audit).flatMap((i) => i.clauses));
		for (const code of ['A 6.6', 'A 8.22', 'G88', 'PCI 12.10']) {
			expect(tags.has(code)).toBe(true);
			expect(findClause(code)?.toVerify, code).toBe(true);
		}
	});
});
