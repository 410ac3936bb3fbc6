import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExtractCli } from '@/utils/extract/cli';
import { LeadSchema } from '@/utils/leads/schema';
import { FIXTURES } from './helpers';

const read = (p: string) => readFileSync(p, 'utf8');
const toUrl = (p: string) => `file://${p}`;

describe('extraction CLI', () => {
  it('prints a JSON array of schema-valid leads for a JSON-LD person page', () => {
    const out = runExtractCli([join(FIXTURES, 'person-jsonld.html'), '--url', 'https://acme.example/team/jane'], read, toUrl);
    expect(out.exitCode).toBe(0);
    const leads = JSON.parse(out.stdout);
    expect(leads).toHaveLength(1);
    const lead = LeadSchema.parse(leads[0]);
    expect(lead).toMatchObject({ name: 'Jane Doe', company: 'Acme Corp', sourceUrl: 'https://acme.example/team/jane' });
  });

  it('prints people only by default, and {people, organizations} with --organizations', () => {
    const file = join(FIXTURES, 'directory-table.html');
    const people = JSON.parse(runExtractCli([file, '--url', 'https://riverbend.example/directory'], read, toUrl).stdout);
    expect(people.map((l: { name: string }) => l.name)).toEqual(['Mara Hollis', 'Daniel Okafor', 'Petra Lindqvist']);
    const both = JSON.parse(runExtractCli([file, '--url', 'https://riverbend.example/directory', '--organizations'], read, toUrl).stdout);
    expect(both.people.map((l: { name: string }) => l.name)).toEqual(['Mara Hollis', 'Daniel Okafor', 'Petra Lindqvist']);
    expect(both.organizations).toEqual([
      expect.objectContaining({ name: 'Riverbend Library', emails: ['info@riverbend.example'], phones: ['+15035550100'], fax: ['+15035550109'] }),
    ]);
  });

  it('uses the file URL when no --url is given, and --country for national numbers', () => {
    const file = join(FIXTURES, 'plain-contact.html');
    const gb = JSON.parse(runExtractCli([file], read, toUrl).stdout);
    expect(gb[0].sourceUrl).toBe(`file://${file}`);
    expect(gb[0].phones).toContain('+447911123456');
  });

  it('reports warnings on stderr and usage errors with exit code 2', () => {
    const out = runExtractCli([join(FIXTURES, 'malformed-jsonld.html')], read, toUrl);
    expect(out.stderr).toMatch(/^warning: JSON-LD block 1 is malformed/);
    expect(runExtractCli([], read, toUrl)).toMatchObject({ exitCode: 2, stderr: expect.stringMatching(/usage/) });
    expect(runExtractCli(['a.html', '--url', 'nope'], read, toUrl).exitCode).toBe(2);
    expect(runExtractCli(['a.html', '--country', 'XX'], read, toUrl).exitCode).toBe(2);
    expect(runExtractCli(['/no/such/file.html'], read, toUrl)).toMatchObject({ exitCode: 1, stderr: expect.stringMatching(/cannot read/) });
  });

  it('runs as `npm run extract` on a plain page with mailto/tel links', () => {
    const root = join(__dirname, '..', '..');
    const stdout = execFileSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/extract.ts', join(FIXTURES, 'plain-contact.html'), '--url', 'https://globex.example/carlos'], { cwd: root, encoding: 'utf8' });
    const leads = JSON.parse(stdout);
    expect(leads.map((l: { name: string }) => l.name)).toEqual(['Carlos Mendes']);
    expect(leads[0].emails).toContain('carlos.mendes@globex.example');
    expect(leads[0].phones).toContain('+442079460958');
  }, 30_000);
});
