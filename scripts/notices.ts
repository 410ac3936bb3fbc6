/**
 * Third-party notices for what the builds bundle, generated from the lockfile
 * and node_modules so they follow every dependency update:
 *   npm run notices          writes public/third-party-notices.txt (shipped in both builds)
 *   npm run notices -- --check   exits 1 when that file is stale
 * A unit test (tests/unit/notices.test.ts) fails when it is stale too.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';

export const NOTICES_FILE = 'public/third-party-notices.txt';

/**
 * WXT's own runtime helpers compiled into the builds (entrypoint wrappers,
 * the polyfill module's re-export; settings read storage without WXT's
 * storage helper, so it and its lock are no longer bundled); WXT's
 * build-time dependencies are not bundled, so these are listed without
 * following their dependencies.
 */
export const BUNDLED_TOOLING = ['wxt', '@wxt-dev/webextension-polyfill'];

/** Facts a licence file does not say. */
const NOTES: Record<string, string> = {
  'libphonenumber-js':
    "Its phone-number metadata (bundled) is generated from Google's libphonenumber, licensed under the Apache License 2.0 (LICENSE.Apache below).",
  'webextension-polyfill':
    'Mozilla Public License 2.0: bundled unmodified; its source code is available from the repository above and from npm.',
};

type LockPackage = { version?: string; license?: string; dependencies?: Record<string, string>; dev?: boolean };
type Lock = { packages: Record<string, LockPackage> };

/** The lockfile path (node_modules/…) that `name` resolves to from `from`, as Node resolves it. */
function resolveIn(lock: Lock, from: string, name: string): string | undefined {
  let dir = from;
  for (;;) {
    const candidate = posix.join(dir, 'node_modules', name);
    if (lock.packages[candidate]) return candidate;
    if (!dir) return undefined;
    const up = dir.lastIndexOf('/node_modules/');
    dir = up === -1 ? '' : dir.slice(0, up);
  }
}

/** Lockfile paths of every package the builds bundle: runtime dependencies (transitively) plus WXT's runtime helpers. */
export function bundledPackages(lock: Lock, dependencies: string[]): string[] {
  const found = new Set<string>();
  const visit = (path: string | undefined) => {
    if (!path || found.has(path)) return;
    found.add(path);
    for (const dep of Object.keys(lock.packages[path]?.dependencies ?? {})) visit(resolveIn(lock, path, dep));
  };
  for (const dep of dependencies) visit(resolveIn(lock, '', dep));
  for (const tool of BUNDLED_TOOLING) {
    const path = resolveIn(lock, '', tool);
    if (path) found.add(path);
  }
  return [...found].filter((p) => !p.includes('@types/')).sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
}

function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

function repositoryOf(pkg: { repository?: string | { url?: string }; homepage?: string }): string {
  const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  return (repo ?? pkg.homepage ?? '').replace(/^git\+/, '').replace(/\.git$/, '') || 'n/a';
}

/** The notices text for the project at `root` (reads package.json, package-lock.json and node_modules). */
export function renderNotices(root: string): string {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as Lock;
  const own = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const out = [
    'Prospect Scout: third-party notices',
    '',
    'The Prospect Scout builds include the following open-source packages. This',
    'file is generated from package-lock.json by `npm run notices`; do not edit it.',
    '',
  ];
  for (const path of bundledPackages(lock, Object.keys(own.dependencies ?? {}))) {
    const dir = join(root, path);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    out.push('='.repeat(78), `${pkg.name} ${pkg.version}`, `License: ${pkg.license ?? lock.packages[path]?.license ?? 'see below'}`, `Source: ${repositoryOf(pkg)}`);
    if (NOTES[pkg.name]) out.push('', NOTES[pkg.name]!);
    const files = readdirSync(dir).filter((f) => /^(licen[cs]e|copying|notice)/i.test(f)).sort();
    if (files.length === 0) out.push('', `(The package ships no licence file; its package.json declares ${pkg.license}.)`);
    for (const file of files) out.push('', `--- ${file} ---`, readFileSync(join(dir, file), 'utf8').replace(/\r\n/g, '\n').trimEnd());
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

if (process.argv[1] && /notices\.ts$/.test(process.argv[1])) {
  const text = renderNotices(process.cwd());
  if (process.argv.includes('--check')) {
    const current = (() => {
      try {
        return readFileSync(NOTICES_FILE, 'utf8');
      } catch {
        return '';
      }
    })();
    if (current !== text) {
      console.error(`${NOTICES_FILE} is stale: run \`npm run notices\``);
      process.exit(1);
    }
    console.log(`${NOTICES_FILE} is current`);
  } else {
    writeFileSync(NOTICES_FILE, text);
    console.log(`wrote ${NOTICES_FILE}`);
  }
}
