import { describe, expect, it } from 'vitest';
import { describeChanges, formatPhone, initials, isLowConfidence, relativeTime } from '@/utils/leads/display';
import { makeLead } from './helpers';

describe('lead display', () => {
  it('makes initials from names with accents, hyphens and particles, else from the email', () => {
    expect(initials('Jane Doe')).toBe('JD');
    expect(initials('Élodie Saint-Éxupéry')).toBe('ÉS');
    expect(initials('María José García López')).toBe('ML');
    expect(initials('Cher')).toBe('C');
    expect(initials('', 'zed@x.example')).toBe('Z');
    expect(initials('  ')).toBe('?');
  });

  it('formats E.164 phones for reading and leaves other text alone', () => {
    expect(formatPhone('+14155550132')).toBe('+1 415 555 0132');
    expect(formatPhone('+442079460958')).toBe('+44 20 7946 0958');
    expect(formatPhone('ext. 42')).toBe('ext. 42');
  });

  it('says how long ago', () => {
    const now = new Date('2026-06-10T12:00:00Z');
    expect(relativeTime('2026-06-07T12:00:00Z', now)).toBe('3 days ago');
    expect(relativeTime('2026-06-10T11:59:50Z', now)).toBe('just now');
    expect(relativeTime('2026-06-10T10:00:00Z', now)).toBe('2 hours ago');
    expect(relativeTime('2025-06-10T12:00:00Z', now)).toBe('last year');
  });

  it('marks values from loose text, headings and meta as low confidence, or below 0.7 when a confidence is given', () => {
    const lead = makeLead({ name: 'A', title: 'CTO', emails: ['a@x.example'], provenance: { name: 'heading', title: 'json-ld', 'emails:a@x.example': 'text' } });
    expect(isLowConfidence(lead, 'name')).toBe(true);
    expect(isLowConfidence(lead, 'title')).toBe(false);
    expect(isLowConfidence(lead, 'emails:a@x.example')).toBe(true);
    expect(isLowConfidence({ ...lead, confidence: { name: 0.9, title: 0.4 } }, 'name')).toBe(false);
    expect(isLowConfidence({ ...lead, confidence: { name: 0.9, title: 0.4 } }, 'title')).toBe(true);
  });

  it('describes what a save would change', () => {
    const saved = makeLead({ name: 'Jane Doe', title: 'VP of Sales', emails: ['jane@acme.example'], phones: ['+14155550132'], tags: ['vip'] });
    const next = { ...saved, title: 'CRO', company: 'Acme', phones: ['+14155550132', '+12125550123'], tags: ['vip', 'q4'], profiles: { ...saved.profiles, linkedin: 'https://www.linkedin.com/in/jane' } };
    expect(describeChanges(saved, next)).toEqual([
      'title: VP of Sales → CRO',
      'adds company Acme',
      'adds phone +1 212 555 0123',
      'adds LinkedIn profile',
      'adds tag q4',
    ]);
    expect(describeChanges(saved, saved)).toEqual([]);
  });
});
