// Renders public/icon/*.png from the SVG below with the system Chromium.
// Run once after changing the design: node scripts/make-icons.mjs
import { chromium } from '@playwright/test';

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="28" fill="#1f883d"/>
  <circle cx="56" cy="52" r="26" fill="none" stroke="#fff" stroke-width="12"/>
  <path d="M74 72 L100 100" stroke="#fff" stroke-width="14" stroke-linecap="round"/>
  <circle cx="56" cy="46" r="8" fill="#fff"/>
  <path d="M42 66 q14 -14 28 0" fill="#fff"/>
</svg>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 96, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}`);
  await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
}
await browser.close();
