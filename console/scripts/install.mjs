// `npm ci` when package-lock.json changed since the last install, and only then: a clean install
// takes half a minute, and a Maven build runs this on every verify.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lock = readFileSync(join(root, 'package-lock.json'));
const hash = createHash('sha256').update(lock).update(process.version).digest('hex');
const stamp = join(root, 'node_modules', '.lock-hash');
if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) {
  console.log('console: node_modules matches package-lock.json');
} else {
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root, stdio: 'inherit' });
  writeFileSync(stamp, hash);
}
