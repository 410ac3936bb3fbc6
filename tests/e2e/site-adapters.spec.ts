import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, openPopupFor, test } from './fixtures';

const PAGES = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'pages');

// Site adapters are chosen by the page's address, so these pages are served at linkedin.com URLs
// (intercepted by the browser context: nothing goes to the network).
test('a LinkedIn profile captured through the popup shows the right person, not the people in its sidebar', async ({ context, extensionId }) => {
  const html = readFileSync(resolve(PAGES, 'linkedin-profile', 'source.html'), 'utf8');
  await context.route('https://www.linkedin.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/in/marta-kowalczyk-4b1a27/');
  const popup = await openPopupFor(context, extensionId, page);

  await expect(popup.getByRole('status').first()).toHaveText('1 prospect found on this page.');
  const card = popup.getByRole('form', { name: 'Prospect Marta Kowalczyk' });
  await expect(card.locator('[name="title"]')).toHaveValue('Head of Procurement');
  await expect(card.locator('[name="company"]')).toHaveValue('Northwind Logistics');
  await expect(card.locator('[name="location"]')).toHaveValue('Chicago, Illinois, United States');
  await expect(card.locator('[name="linkedin"]')).toHaveValue('https://www.linkedin.com/in/marta-kowalczyk-4b1a27');
  await expect(card.locator('.field', { has: popup.locator('[name="company"]') }).locator('.source')).toHaveText('site');
});

test('a LinkedIn search with no results offers manual entry', async ({ context, extensionId }) => {
  const empty = `<!DOCTYPE html><html lang="en"><head><title>"zzqx procurement" | Search | LinkedIn</title></head><body>
    <header id="global-nav" class="global-nav"><nav aria-label="Primary Navigation"><a href="https://www.linkedin.com/feed/">Home</a>
    <a href="https://www.linkedin.com/in/daniel-reyes-ae/">Me</a></nav></header>
    <main id="main" class="scaffold-layout__main" aria-label="Search results"><div class="search-results-container">
    <section class="artdeco-empty-state"><h2 class="artdeco-empty-state__headline">No results found</h2>
    <p class="artdeco-empty-state__message">Try shortening or rephrasing your search.</p>
    <button class="artdeco-button artdeco-button--secondary">Edit search</button></section></div></main>
    <footer class="global-footer-compact"><a href="https://about.linkedin.com/">About</a> LinkedIn Corporation © 2026</footer></body></html>`;
  await context.route('https://www.linkedin.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: empty }));
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/search/results/people/?keywords=zzqx%20procurement');
  const popup = await openPopupFor(context, extensionId, page);

  await expect(popup.getByText('No prospect found on this page.')).toBeVisible();
  await popup.getByRole('button', { name: 'Enter a lead by hand' }).click();
  const form = popup.getByRole('form');
  await expect(form).toHaveCount(1);
  await expect(form.locator('[name="name"]')).toHaveValue('');
});
