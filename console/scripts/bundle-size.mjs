// Measures what a browser downloads, gzipped: the first load (index.html's entry and the chunks
// it preloads, i.e. the sign-in page and the shell) and the first page after signing in (the
// overview with its charts). The build fails when the first load passes its budget.
import { readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET = 300 * 1024;
const out = process.argv[2] ?? process.env.CONSOLE_OUT_DIR ?? '../target/classes/public/console';
const manifestPath = join(out, '.vite', 'manifest.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
// the manifest is for this measure only; the service has no use for it
rmSync(join(out, '.vite'), { recursive: true, force: true });

const gz = (file) => gzipSync(readFileSync(join(out, file)), { level: 9 }).length;
function closure(keys, seen = new Set()) {
  for (const key of keys) {
    const chunk = manifest[key];
    if (!chunk || seen.has(chunk.file)) continue;
    seen.add(chunk.file);
    closure(chunk.imports ?? [], seen);
  }
  return seen;
}
const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
const first = closure([entry]);
const overviewKey = Object.keys(manifest).find((k) => k.endsWith('pages/Overview.tsx'));
const overview = closure([overviewKey], new Set(first));
const sum = (files) => [...files].filter((f) => f.endsWith('.js')).reduce((n, f) => n + gz(f), 0);
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const firstBytes = sum(first);
const overviewBytes = sum(overview);
console.log(`console: first load ${kb(firstBytes)} JS gzipped (budget ${kb(BUDGET)}); ` +
  `with the overview after sign-in ${kb(overviewBytes)}`);
if (firstBytes > BUDGET) {
  console.error(`console: the first load is over its budget of ${kb(BUDGET)}`);
  process.exit(1);
}
