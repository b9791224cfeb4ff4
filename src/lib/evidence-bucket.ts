/**
 * The private storage bucket of call evidence (recordings, screenshots), in a module of its own so
 * server code that runs outside SvelteKit (the demo data script) can name it without `$env`.
 */
export const EVIDENCE_BUCKET = 'evidence';
