/** `npm run i18n`: compiles messages/*.json into src/lib/paraglide (what the Vite plugin does on start). */
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from './paraglide-options';

await compile(paraglideOptions);
console.log(`paraglide: compiled ${paraglideOptions.project} into ${paraglideOptions.outdir}`);
