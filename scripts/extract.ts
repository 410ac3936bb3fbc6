/**
 * Extraction CLI for saved pages:
 *   npm run extract -- page.html [--url https://example.com/profile] [--country GB]
 * Prints a JSON array of leads (the same Lead schema and the same extraction
 * code as the extension's content script). Warnings go to stderr.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { runExtractCli } from '../utils/extract/cli';

const result = runExtractCli(process.argv.slice(2), (path) => readFileSync(path, 'utf8'), (p) => pathToFileURL(resolve(p)).href);
if (result.stderr) process.stderr.write(result.stderr);
if (result.stdout) process.stdout.write(result.stdout);
process.exitCode = result.exitCode;
