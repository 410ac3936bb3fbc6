// Free-mail hosts: email domains that say nothing about where a person works (platform hosts are in hosts.ts).

const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'ymail.com',
  'rocketmail.com',
  'hotmail.com',
  'outlook.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'tutanota.com',
  'tuta.io',
  'fastmail.com',
  'hey.com',
  'zoho.com',
  'mail.com',
  'email.com',
  'web.de',
  'freenet.de',
  't-online.de',
  'posteo.de',
  'mailbox.org',
  'orange.fr',
  'free.fr',
  'laposte.net',
  'libero.it',
  'seznam.cz',
  'wp.pl',
  'o2.pl',
  'yandex.ru',
  'yandex.com',
  'mail.ru',
  'qq.com',
  '163.com',
  '126.com',
]);
// Providers with one domain per country (gmx.de, gmx.net, yahoo.co.uk, hotmail.fr, outlook.de …).
const FREE_MAIL_FAMILIES = /^(?:gmx|yahoo|hotmail|outlook|live|aol|yandex)\.[a-z.]{2,10}$/;

/** Whether an email domain is a free-mail provider's (gmail.com, gmx.*, web.de …), so no company's. */
export function isFreeMailDomain(domain: string): boolean {
  const d = domain.trim().toLowerCase();
  return FREE_MAIL.has(d) || FREE_MAIL_FAMILIES.test(d);
}
