import { describe, expect, it } from 'vitest';
import {
	clauseParent,
	clauses,
	findClause,
	frameworks,
	isClauseCode,
	searchClauses
} from './clauses';

/** The "Maps to" column of the 40-item mystery-call checklist, ranges and slashes expanded. */
const mysteryCallTags = [
	'P17 G13 CNIL',
	'P17 G13(1)(c)',
	'P17 G13(1)(a) GB 5.5',
	'P15 G21',
	'P51 G32 CPNI',
	'CPNI(b) 800-63A',
	'P51 G5(1)(f)',
	'CPNI(b) HMRC',
	'PCI 12.6.3.1 P51(4)',
	'G32 A 5.17',
	'P10 P13 G6 G32',
	'P10 G5(1)(f)',
	'PCI 12.6.3.1 A 6.3',
	'P57 G33 A 6.8',
	'P6 G5(1)(c) GB 5.2',
	'P6 P28 GB 5.2',
	'P17 P30',
	'PCI 3.3.1 P28 JR C3',
	'PCI 3.4.1 GB 7.2 JR A',
	'P10 G5(1)(f) G32',
	'P51 G32 A 5.14',
	'P14 P16 G7',
	'PCI TEL PCI 3.3.1',
	'PCI 3.3.1.2',
	'PCI 3.3.1.2',
	'PCI 4.2.2',
	'PCI 3.2.1 P14',
	'P45 P50 G12 G15',
	'P46 P47 G16 G17',
	'P15 G21(3)',
	'P50 P52 G13(1)(b)',
	'P50 G12(6)',
	'P39 G13(1)(e) G13(1)(f)',
	'P21',
	'G32',
	'P51 G32 A 7.7',
	'P51 G32',
	'P6',
	'GB 7.2',
	'CPNI(a) G32'
];

/** The "Maps to" column of the 28-item vendor audit, ranges and slashes expanded. */
const vendorAuditTags = [
	'P21 G28(3) GB 9.1 A 5.20 27701 7.2.6 27701 A.1.2.7 PCI 12.8.2',
	'P21 G28(3)(a) G29',
	'P21 G28(2) G28(4) 27701 8.5.7',
	'P21 G28(3)(g)',
	'P55(3) P56 G35 G28(3)(f)',
	'P21 G28(3)(h) A 5.22 PCI 12.8.4',
	'P54 Measures',
	'G28(3)(b) A 6.6',
	'A 6.1',
	'P51(4) PCI 12.6.3.1 A 6.3',
	'P51(4) G32 A 5.15 A 5.18 PCI 7',
	'GB 7.2 PCI 3.4.1 A 8.11',
	'P19 P51(3) G5(1)(e) G32 A 8.15',
	'PCI 3.3.1 PCI 3.3.1.2 PCI TEL',
	'A 7.7 PCI 9.4.1 PCI 9.4.6',
	'A 7.7',
	'A 7.10 A 8.12 PCI 3.4.2',
	'A 6.7',
	'P57 P59 G33(2) A 5.24 A 5.25 A 5.26 PCI 12.10',
	'A 8.15 A 8.16 PCI 10',
	'G30(2) GB 11.3',
	'P38 P39 G44 G45 G46',
	'P40',
	'P19 G5(1)(e)',
	'P59 G28(3)(e)',
	'P21 A 8.22',
	'A 5.19 PCI 12.8.4 PCI 12.9.2',
	'P13 G88 WP29 2/2017 CNIL'
];

/** Split "P21 A 8.22 27701 7.2.6" into codes: a bare prefix joins the number after it. */
function codes(tags: string): string[] {
	const out: string[] = [];
	const words = tags.split(' ');
	for (let i = 0; i < words.length; i++) {
		const joined = `${words[i]} ${words[i + 1]}`;
		if (['A', 'GB', 'JR', 'PCI', '27701', 'WP29'].includes(words[i])) {
			out.push(joined);
			i++;
		} else out.push(words[i]);
	}
	return out;
}

describe('clause catalogue', () => {
	it('holds every clause that the two reference checklists tag', () => {
		expect(mysteryCallTags).toHaveLength(40);
		expect(vendorAuditTags).toHaveLength(28);
		const missing = [...mysteryCallTags, ...vendorAuditTags]
			.flatMap(codes)
			.filter((c) => !isClauseCode(c));
		expect(missing).toEqual([]);
	});

	it('holds the clauses the framework sections cite beyond the checklists', () => {
		for (const code of [
			'P5',
			'P64',
			'GB 6.1',
			'GB 9.7',
			'GB 10',
			'A 5.21',
			'A 5.34',
			'PCI 12.8.1',
			'PCI 12.9.1',
			'800-115',
			'27701 A.2.2.2',
			'P44',
			'P48',
			'P49',
			'GB B'
		])
			expect(findClause(code), code).toBeDefined();
	});

	it('marks the † mappings as to verify and leaves confirmed ones alone', () => {
		for (const code of [
			'P10',
			'P15',
			'P16',
			'P29',
			'P30',
			'P44',
			'P50',
			'JR C3',
			'GB B',
			'A 5.34',
			'A 8.11',
			'A 5.24',
			'G7',
			'G88',
			'PCI 4.2.2',
			'PCI 12.10'
		])
			expect(findClause(code)?.toVerify, code).toBe(true);
		for (const code of [
			'P13',
			'P17',
			'GB 7.2',
			'GB 9.1',
			'JR A',
			'G32',
			'PCI 3.3.1',
			'A 7.7',
			'A 5.19',
			'CPNI(b)',
			'800-63A',
			'CNIL'
		])
			expect(findClause(code)?.toVerify, code).toBe(false);
	});

	it('gives every clause a unique code, a known framework and titles in both languages', () => {
		expect(new Set(clauses.map((c) => c.code)).size).toBe(clauses.length);
		for (const c of clauses) {
			expect(frameworks[c.framework], c.code).toBeDefined();
			expect(c.title.en.length, c.code).toBeGreaterThan(2);
			expect(c.title['zh-CN'].length, c.code).toBeGreaterThan(1);
		}
	});

	it('files each code prefix under its framework', () => {
		expect(findClause('P13')?.framework).toBe('pipl');
		expect(findClause('GB 7.2')?.framework).toBe('gbt35273');
		expect(findClause('G13(1)(c)')?.framework).toBe('gdpr');
		expect(findClause('PCI 3.3.1')?.framework).toBe('pci');
		expect(findClause('A 5.34')?.framework).toBe('iso27001');
		expect(findClause('CPNI')?.framework).toBe('cpni');
	});

	it('does not accept codes outside the catalogue or spelled differently', () => {
		expect(isClauseCode('P99')).toBe(false);
		expect(isClauseCode('GB7.2')).toBe(false);
		expect(isClauseCode('p13')).toBe(false);
		expect(isClauseCode('')).toBe(false);
	});

	it('rolls a parenthesised sub-clause up to its article', () => {
		expect(clauseParent('G13(1)(c)')).toBe('G13');
		expect(clauseParent('CPNI(b)')).toBe('CPNI');
		expect(clauseParent('P55(3)')).toBe('P55');
		expect(clauseParent('PCI 3.3.1.2')).toBeUndefined();
		expect(clauseParent('G32')).toBeUndefined();
	});

	it('finds clauses by code prefix regardless of spaces, and by title in either language', () => {
		expect(searchClauses('gb7.2').map((c) => c.code)).toContain('GB 7.2');
		expect(searchClauses('展示').map((c) => c.code)).toEqual(['GB 7.2']);
		expect(searchClauses('masking').map((c) => c.code)).toEqual(
			expect.arrayContaining(['JR A', 'A 8.11'])
		);
		expect(searchClauses('  ')).toHaveLength(clauses.length);
		expect(searchClauses('no such clause')).toEqual([]);
	});
});
