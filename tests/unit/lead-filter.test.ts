import { describe, expect, it } from 'vitest';
import { filterLeads } from '@/utils/leads/filter';
import { makeLead } from './helpers';

const leads = [
  makeLead({ name: 'José Álvarez', company: 'Acme', emails: ['jose@acme.example'], tags: ['Madrid'] }),
  makeLead({ name: 'Jane Doe', company: 'Globex', emails: ['jane@globex.example'], tags: ['hot', 'madrid'] }),
  makeLead({ name: 'Bob Roe', company: 'Initech', emails: ['bob@initech.example'] }),
];
const names = (q: Parameters<typeof filterLeads>[1]) => filterLeads(leads, q).map((l) => l.name);

describe('filterLeads', () => {
  it('searches name, company and email, ignoring case and accents', () => {
    expect(names({ query: 'jose' })).toEqual(['José Álvarez']);
    expect(names({ query: 'GLOBEX' })).toEqual(['Jane Doe']);
    expect(names({ query: 'bob@initech' })).toEqual(['Bob Roe']);
    expect(names({ query: 'jane acme' })).toEqual([]);
    expect(names({ query: '  ' })).toHaveLength(3);
  });

  it('filters by tag, case-insensitively, combined with search', () => {
    expect(names({ tag: 'madrid' })).toEqual(['José Álvarez', 'Jane Doe']);
    expect(names({ tag: 'hot', query: 'jane' })).toEqual(['Jane Doe']);
    expect(names({ tag: 'none' })).toEqual([]);
  });
});
