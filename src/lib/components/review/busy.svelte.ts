/**
 * A form's "working…" state for score-changing actions that take a moment (approve, decide,
 * reveal): the button says so and is disabled until the server answers, so nobody clicks twice.
 */
import type { SubmitFunction } from '@sveltejs/kit';

export class Busy {
	on = $state(false);

	/** Pass to `use:enhance`. */
	submit: SubmitFunction = () => {
		this.on = true;
		return async ({ update }) => {
			await update();
			this.on = false;
		};
	};
}
