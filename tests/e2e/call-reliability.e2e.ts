/**
 * Reliability: 20 calls, each with the network cut and the page reloaded at random points (a
 * seeded PRNG; the seed is printed, `CALL_SEED=<n>` replays a run). Every call must reach the
 * server exactly once with every answer the shopper tapped.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
	PHONE,
	answer,
	assignCall,
	atStage,
	network,
	shopperAccount,
	stored,
	takeTodayOffline,
	unanswered,
	type Tapped
} from './call-pages';

test.use({ ...PHONE, serviceWorkers: 'allow' });

const ITERATIONS = 20;

/** mulberry32: small, seedable, good enough to pick disruption points. */
function prng(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

test('20 calls with random network cuts and reloads lose no answer and duplicate nothing', async ({
	page,
	context
}) => {
	test.setTimeout(600_000);
	const seed = Number(process.env.CALL_SEED ?? Date.now() % 1_000_000);
	console.log(`call_reliability_seed=${seed}`);
	const rand = prng(seed);
	const shopper = await shopperAccount();
	const calls: string[] = [];
	for (let i = 0; i < ITERATIONS; i++) calls.push(await assignCall(shopper.id));
	await takeTodayOffline(page, shopper.email, calls);

	let online = true;
	/** Maybe cut or restore the network, maybe reload: the disruption before an action. */
	async function disrupt(p: Page, ctx: BrowserContext) {
		const r = rand();
		if (r < 0.15) {
			online = !online;
			await network(ctx, online);
		} else if (r < 0.3) {
			await p.reload();
			await expect(p.getByTestId('call')).toBeVisible();
		}
	}

	let lost = 0;
	let duplicates = 0;
	for (const callId of calls) {
		const tapped: Tapped = {};
		await page.goto(`/shopper/calls/${callId}`);
		const step = async (fn: () => Promise<unknown>) => {
			await disrupt(page, context);
			await fn();
		};
		await step(() => page.getByTestId('start-call').click());
		await atStage(page, 'run');
		await step(() => page.getByTestId('answered').click());
		await step(() => page.getByTestId('marker-greeting').click());
		while (true) {
			await disrupt(page, context);
			const run = page.getByTestId('run');
			const at = await run.getAttribute('data-step');
			if (at === 'request') await answer(page, 'rel_asked', tapped, Math.floor(rand() * 2));
			if (await page.getByTestId('step-finish').isVisible()) break;
			await page.getByTestId('step-next').click();
			await expect(run).not.toHaveAttribute('data-step', at!);
		}
		await step(() => page.getByTestId('step-finish').click());
		await atStage(page, 'report');
		for (const id of await unanswered(page)) {
			await disrupt(page, context);
			await answer(page, id, tapped, Math.floor(rand() * 2));
		}
		await step(() => page.locator('#general-notes').fill(`call ${callId}`));
		await expect(page.getByTestId('sync-state')).toBeVisible();
		await step(() => page.getByTestId('submit').click());
		if (rand() < 0.5) await page.reload();

		online = true;
		await network(context, true);
		await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'synced', {
			timeout: 60_000
		});
		const { rows, submits } = await stored(callId);
		duplicates += Math.max(0, submits - 1) + Math.max(0, rows.length - 1);
		const items = (rows[0]?.answers.items ?? {}) as Record<string, unknown>;
		for (const [id, value] of Object.entries(tapped))
			if (String(items[id]) !== String(value)) lost++;
		if (!String(rows[0]?.notes ?? '').includes(callId)) lost++;
	}
	console.log(
		`reliability_iterations=${ITERATIONS} lost_answers=${lost} duplicate_submissions=${duplicates}`
	);
	expect(lost).toBe(0);
	expect(duplicates).toBe(0);
});
