import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledPackages, NOTICES_FILE, renderNotices } from '../../scripts/notices';

describe('third-party notices', () => {
  it('are current: regenerate with `npm run notices` after changing dependencies', () => {
    expect(readFileSync(NOTICES_FILE, 'utf8')).toBe(renderNotices(process.cwd()));
  });

  it('cover every package the builds bundle, with its licence text', () => {
    const text = readFileSync(NOTICES_FILE, 'utf8');
    for (const name of ['react', 'react-dom', 'scheduler', 'libphonenumber-js', 'zod', 'idb', 'webextension-polyfill', 'wxt']) {
      expect(text).toMatch(new RegExp(`^${name} \\d+\\.\\d+\\.\\d+\\nLicense: `, 'm'));
    }
    expect(text).toContain('Apache License');
    expect(text).toContain('Mozilla Public License');
  });

  it('follow runtime dependencies through nested installs, and leave dev tooling out', () => {
    const lock = {
      packages: {
        '': {},
        'node_modules/a': { dependencies: { b: '^1', '@types/x': '*' } },
        'node_modules/a/node_modules/b': { dependencies: { c: '^1' } },
        'node_modules/b': {},
        'node_modules/c': {},
        'node_modules/@types/x': {},
        'node_modules/vitest': { dev: true, dependencies: { c: '^1' } },
        'node_modules/wxt': { dependencies: { vite: '*' } },
        'node_modules/vite': {},
      },
    };
    expect(bundledPackages(lock, ['a'])).toEqual(['node_modules/a', 'node_modules/a/node_modules/b', 'node_modules/c', 'node_modules/wxt']);
  });
});
