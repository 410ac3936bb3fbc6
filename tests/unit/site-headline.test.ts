import { describe, expect, it } from 'vitest';
import { cleanPersonName, companyFromHandle, jobFromBio, plausibleName, splitHeadline } from '@/utils/extract/sites/headline';

describe('splitHeadline', () => {
  it.each([
    ['Head of Procurement at Northwind Logistics | Supplier risk, 3PL contracts', 'Head of Procurement', 'Northwind Logistics'],
    ['Senior Automation Engineer @ Halvorsen Freight | AMRs, WMS integration', 'Senior Automation Engineer', 'Halvorsen Freight'],
    ['Founder & CEO @TidepoolPay', 'Founder & CEO', 'TidepoolPay'],
    ['Director of Fulfillment Engineering, Brightcart', 'Director of Fulfillment Engineering', 'Brightcart'],
    ['VP Sales, North America', 'VP Sales, North America', ''],
    ['Partner, Employment', 'Partner, Employment', ''],
    ['Head of Engineering at Tessellate Health · ex-Medtronic', 'Head of Engineering', 'Tessellate Health'],
    ['VP of Sales | Cardiology & RPM', 'VP of Sales', ''],
    ['Supply Chain Consultant', 'Supply Chain Consultant', ''],
    ['Directrice commerciale chez Atelier Morvan', 'Directrice commerciale', 'Atelier Morvan'],
    ['Helping B2B teams grow | Speaker | Dad', '', ''],
    ['Building the future of payments at scale', '', ''],
  ])('%s', (line, title, company) => {
    expect(splitHeadline(line)).toEqual({ title, company });
  });
});

describe('jobFromBio', () => {
  it.each([
    ['CFO at Fjordline Energy. Views my own. Board member, Nordic CFO Forum.', 'CFO', 'Fjordline Energy'],
    ['Founder & CEO @TidepoolPay · payments infra for marketplaces · ex-Stripe', 'Founder & CEO', 'TidepoolPay'],
    ['Staff engineer at @lumenforge. Rust, Postgres internals, observability.', 'Staff engineer', 'lumenforge'],
    ['Dog person. Coffee. Opinions are mine.', '', ''],
  ])('%s', (bio, title, company) => {
    expect(jobFromBio(bio)).toEqual({ title, company });
  });
});

describe('names and handles', () => {
  it.each([
    ['Rosa Almeida, MD', 'Rosa Almeida'],
    ['Ayesha Siddiqui, CPA, MBA', 'Ayesha Siddiqui'],
    ['Leilani Kahale 🌺', 'Leilani Kahale'],
    ['Smith, John', 'Smith, John'],
  ])('cleanPersonName(%j) = %j', (raw, clean) => {
    expect(cleanPersonName(raw)).toBe(clean);
  });

  it('turns an all-lowercase handle into a company name and leaves cased ones alone', () => {
    expect(companyFromHandle('@lumenforge')).toBe('Lumenforge');
    expect(companyFromHandle('TidepoolPay')).toBe('TidepoolPay');
  });
});

describe('plausibleName', () => {
  it.each([
    ['Marta Kowalczyk', true],
    ['佐藤 美咲', true],
    ['okezie nwosu', true],
    ['This page doesn’t exist', false],
    ['Sign in to LinkedIn', false],
    ['2,184 contributions', false],
    ['LinkedIn Member', false],
  ])('%s → %s', (s, ok) => {
    expect(plausibleName(s)).toBe(ok);
  });
});
