// Deterministic synthetic leads for benchmarks and large e2e cases (realistic names, companies, tags, dates).
import { LeadSchema, type Lead } from '../../utils/leads/schema';

const FIRST = ['Ada', 'Grace', 'Alan', 'José', 'Zoë', 'Mei', 'Olu', 'Priya', 'Lars', 'Fatima', 'Noah', 'Chloé', 'Ivan', 'Sofia', 'Kenji', 'Amara'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Álvarez', 'Müller', 'Chen', 'Okafor', 'Patel', 'Berg', 'Haddad', 'Smith', 'Dubois', 'Petrov', 'Rossi', 'Tanaka', 'Mensah', 'García López', 'Smith-Jones'];
const COMPANY = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries', 'Wayne Enterprises', 'Soylent', 'Tyrell', 'Cyberdyne', 'Wonka', 'Vandelay'];
const TITLE = ['VP of Sales', 'Head of Marketing', 'CTO', 'Account Executive', 'Founder', 'Procurement Manager', 'Engineer', 'COO'];
/** Tags of seeded leads: `tag-0` is on every 10th lead, `tag-k` on every (10+k)th. */
export const SEED_TAGS = Array.from({ length: 12 }, (_, k) => `tag-${k}`);

/** Lead number `i` of a seeded store (same `i`, same lead). */
export function seedLead(i: number): Lead {
  const first = FIRST[i % FIRST.length]!;
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
  const company = COMPANY[i % COMPANY.length]!;
  const domain = company.toLowerCase().replace(/[^a-z]/g, '') + '.example';
  // Newest lead is i = 0; one per ~10 minutes back from a fixed date.
  const at = new Date(Date.UTC(2026, 10, 1) - i * 600_000).toISOString();
  const tags = SEED_TAGS.filter((_, k) => i % (10 + k) === 0);
  return LeadSchema.parse({
    id: `seed-${i}`,
    name: `${first} ${last} ${i}`,
    firstName: first,
    lastName: `${last} ${i}`,
    title: TITLE[i % TITLE.length],
    company,
    emails: [`lead${i}@${domain}`],
    phones: [`+1650253${String(i % 10000).padStart(4, '0')}`],
    profiles: { linkedin: `https://www.linkedin.com/in/seed-${i}` },
    sourceUrl: `https://${domain}/team/${i}`,
    tags,
    capturedAt: at,
    updatedAt: at,
  });
}

/** Leads `from` … `from + count - 1`. */
export function seedLeads(from: number, count: number): Lead[] {
  return Array.from({ length: count }, (_, k) => seedLead(from + k));
}
