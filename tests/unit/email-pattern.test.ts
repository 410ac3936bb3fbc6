import { describe, expect, it } from 'vitest';
import { leadsAtEmailDomain, openLeadDb, putLead, saveLead } from '@/utils/leads/store';
import { makeLead } from './helpers';
import { applyEmailPattern, companyDomains, inferEmailPattern, localPart, nameWords, suggestEmail } from '@/utils/leads/email-pattern';
import { foldNameWord } from '@/utils/leads/normalize';
import { isFreeMailDomain } from '@/utils/leads/free-mail';

const lead = (name: string, ...emails: string[]) => ({ name, firstName: '', lastName: '', emails });
const person = (name: string) => ({ name, firstName: '', lastName: '' });

describe('name folding', () => {
  it('strips accents, apostrophes and letters NFD keeps whole', () => {
    expect(foldNameWord('José')).toBe('jose');
    expect(foldNameWord("O'Neil")).toBe('oneil');
    expect(foldNameWord('O’Brien')).toBe('obrien');
    expect(foldNameWord('Søren')).toBe('soren');
    expect(foldNameWord('Weiß')).toBe('weiss');
    expect(foldNameWord('Łukasz')).toBe('lukasz');
  });
  it('splits hyphenated and multi-word parts into words', () => {
    expect(nameWords(person('Marie-Claire Dubois'))).toEqual({ first: ['marie', 'claire'], last: ['dubois'] });
    expect(nameWords(person('Pieter van der Berg'))).toEqual({ first: ['pieter'], last: ['van', 'der', 'berg'] });
    expect(nameWords(person('Dr. José García Márquez'))).toEqual({ first: ['jose'], last: ['garcia', 'marquez'] });
    expect(nameWords(person('Madonna'))).toBeNull();
  });
});

describe('inferEmailPattern', () => {
  it('finds first.last from two leads and applies it with accents stripped', () => {
    const p = inferEmailPattern([lead('Jane Doe', 'jane.doe@acme.example'), lead('John Smith', 'john.smith@acme.example')], 'acme.example');
    expect(p).toMatchObject({ pattern: 'first.last', count: 2, domain: 'acme.example' });
    expect(applyEmailPattern(p!, person('José Núñez'))).toBe('jose.nunez@acme.example');
    expect(applyEmailPattern(p!, person("Liam O'Neil"))).toBe('liam.oneil@acme.example');
  });

  it('recognises each common pattern', () => {
    const cases: Array<[string, string, string]> = [
      ['flast', 'jdoe', 'asmith'],
      ['f.last', 'j.doe', 'a.smith'],
      ['first', 'jane', 'adam'],
      ['firstlast', 'janedoe', 'adamsmith'],
      ['first_last', 'jane_doe', 'adam_smith'],
      ['last.first', 'doe.jane', 'smith.adam'],
      ['firstl', 'janed', 'adams'],
      ['lastf', 'doej', 'smitha'],
    ];
    for (const [pattern, a, b] of cases) {
      const p = inferEmailPattern([lead('Jane Doe', `${a}@acme.example`), lead('Adam Smith', `${b}@acme.example`)], 'acme.example');
      expect(p?.pattern, pattern).toBe(pattern);
      expect(applyEmailPattern(p!, person('Ken Lee')), pattern).toBe(`${localPart(pattern as never, { first: ['ken'], last: ['lee'] })}@acme.example`);
    }
  });

  it('keeps hyphens in first names when the saved leads do', () => {
    const hyphen = inferEmailPattern(
      [lead('Anne-Sophie Martin', 'anne-sophie.martin@acme.example'), lead('Paul Girard', 'paul.girard@acme.example')],
      'acme.example',
    );
    expect(applyEmailPattern(hyphen!, person('Marie-Claire Dubois'))).toBe('marie-claire.dubois@acme.example');
    const joined = inferEmailPattern(
      [lead('Anne-Sophie Martin', 'annesophie.martin@acme.example'), lead('Paul Girard', 'paul.girard@acme.example')],
      'acme.example',
    );
    expect(applyEmailPattern(joined!, person('Marie-Claire Dubois'))).toBe('marieclaire.dubois@acme.example');
  });

  it('reads two-part surnames as the saved leads write them', () => {
    // "van der Berg" written whole: vanderberg.
    const whole = inferEmailPattern(
      [lead('Pieter van der Berg', 'pieter.vanderberg@acme.nl'), lead('Anna de Vries', 'anna.devries@acme.nl'), lead('Kees Bakker', 'kees.bakker@acme.nl')],
      'acme.nl',
    );
    expect(whole).toMatchObject({ pattern: 'first.last', count: 3, lastStyle: 'join' });
    expect(applyEmailPattern(whole!, person('Jan van Dijk'))).toBe('jan.vandijk@acme.nl');
    // Spanish double surnames written with the first one only: garcia.
    const first = inferEmailPattern(
      [lead('José García Márquez', 'jgarcia@empresa.es'), lead('Lucía Fernández López', 'lfernandez@empresa.es')],
      'empresa.es',
    );
    expect(first).toMatchObject({ pattern: 'flast', count: 2, lastStyle: 'first' });
    expect(applyEmailPattern(first!, person('Ana Pérez Gómez'))).toBe('aperez@empresa.es');
  });

  it('takes the most common pattern when saved leads disagree, and none on a tie', () => {
    const leads = [
      lead('Jane Doe', 'jane.doe@acme.example'),
      lead('John Smith', 'john.smith@acme.example'),
      lead('Ann Lee', 'alee@acme.example'),
      lead('Bo Chan', 'bo.chan@acme.example'),
    ];
    expect(inferEmailPattern(leads, 'acme.example')).toMatchObject({ pattern: 'first.last', count: 3 });
    const tie = [lead('Jane Doe', 'jane.doe@acme.example'), lead('John Smith', 'john.smith@acme.example'), lead('Ann Lee', 'alee@acme.example'), lead('Tom Wu', 'twu@acme.example')];
    expect(inferEmailPattern(tie, 'acme.example')).toBeNull();
  });

  it('gives no pattern from one lead, from addresses at other domains, or at a free-mail domain', () => {
    expect(inferEmailPattern([lead('Jane Doe', 'jane.doe@acme.example')], 'acme.example')).toBeNull();
    expect(inferEmailPattern([lead('Jane Doe', 'jane.doe@acme.example'), lead('John Smith', 'john.smith@other.example')], 'acme.example')).toBeNull();
    // The same address saved on two records is one piece of evidence.
    expect(inferEmailPattern([lead('Jane Doe', 'jane.doe@acme.example'), lead('Jane Doe', 'jane.doe@acme.example')], 'acme.example')).toBeNull();
    expect(inferEmailPattern([lead('Jane Doe', 'jane.doe@gmail.com'), lead('John Smith', 'john.smith@gmail.com')], 'gmail.com')).toBeNull();
    // Role addresses and addresses unrelated to the name are no evidence.
    expect(inferEmailPattern([lead('Jane Doe', 'info@acme.example'), lead('John Smith', 'sales@acme.example')], 'acme.example')).toBeNull();
  });

  it('ignores sub-address tags and case', () => {
    const p = inferEmailPattern([lead('Jane Doe', 'Jane.Doe+crm@ACME.example'), lead('John Smith', 'john.smith@acme.example')], 'acme.example');
    expect(p?.pattern).toBe('first.last');
  });
});

describe('free-mail domains', () => {
  it('knows the big providers and their country domains', () => {
    for (const d of ['gmail.com', 'outlook.com', 'yahoo.com', 'proton.me', 'icloud.com', 'gmx.de', 'gmx.net', 'web.de', 'yahoo.co.uk']) expect(isFreeMailDomain(d), d).toBe(true);
    expect(isFreeMailDomain('acme.com')).toBe(false);
  });
});

describe('companyDomains', () => {
  const base = { emails: [] as string[], website: '', sourceUrl: '' };
  it('uses the website first, then the page host, with a parent domain', () => {
    expect(companyDomains({ ...base, website: 'https://www.bill.example/', sourceUrl: 'https://www.acme.example/team' })).toEqual(['bill.example', 'acme.example']);
    expect(companyDomains({ ...base, website: 'https://acme.example/', sourceUrl: 'https://acme.example/team' })).toEqual(['acme.example']);
    expect(companyDomains({ ...base, sourceUrl: 'https://team.acme.example/people' })).toEqual(['team.acme.example', 'acme.example']);
    expect(companyDomains({ ...base, sourceUrl: 'https://www.acme.co.uk/team' })).toEqual(['acme.co.uk']);
  });
  it('never uses a platform, a free-mail host, an IP address, or a prospect that has an email', () => {
    expect(companyDomains({ ...base, sourceUrl: 'https://www.linkedin.com/in/jane' })).toEqual([]);
    expect(companyDomains({ ...base, sourceUrl: 'https://github.com/jane' })).toEqual([]);
    expect(companyDomains({ ...base, sourceUrl: 'http://127.0.0.1:8080/team.html' })).toEqual([]);
    expect(companyDomains({ ...base, emails: ['j@acme.example'], website: 'https://acme.example' })).toEqual([]);
  });
});

describe('suggestEmail', () => {
  it('looks up each candidate domain and suggests from the first with a pattern', async () => {
    const asked: string[] = [];
    const saved = { 'acme.example': [lead('Jane Doe', 'jane.doe@acme.example'), lead('John Smith', 'john.smith@acme.example')] } as Record<string, ReturnType<typeof lead>[]>;
    const s = await suggestEmail({ ...person('Émile Zola'), emails: [], website: '', sourceUrl: 'https://team.acme.example/' }, async (d) => {
      asked.push(d);
      return saved[d] ?? [];
    });
    expect(asked).toEqual(['team.acme.example', 'acme.example']);
    expect(s).toEqual({ email: 'emile.zola@acme.example', domain: 'acme.example', pattern: 'first.last', count: 2 });
  });
  it('suggests nothing for a prospect without a last name', async () => {
    const s = await suggestEmail({ ...person('Jane'), emails: [], website: 'https://acme.example', sourceUrl: '' }, async () => [lead('Jane Doe', 'jane.doe@acme.example'), lead('John Smith', 'john.smith@acme.example')]);
    expect(s).toBeNull();
  });
});

describe('leadsAtEmailDomain (by-email-domain index)', () => {
  it('reads only the leads with a personal address at the domain, bounded, and follows edits', async () => {
    const db = await openLeadDb('email-domain-index');
    await saveLead(db, makeLead({ name: 'Jane Doe', emails: ['jane.doe@acme.example', 'jane@gmail.com'] }));
    await saveLead(db, makeLead({ name: 'John Smith', emails: ['John.Smith@ACME.example'] }));
    await saveLead(db, makeLead({ name: 'Ann Lee', emails: ['ann.lee@other.example'] }));
    // A role address identifies no one, so it does not put the lead at the domain.
    await saveLead(db, makeLead({ name: 'Front Desk', emails: ['info@acme.example'] }));
    expect((await leadsAtEmailDomain(db, 'acme.example')).map((l) => l.name).sort()).toEqual(['Jane Doe', 'John Smith']);
    expect(await leadsAtEmailDomain(db, 'ACME.example ', 1)).toHaveLength(1);
    const ann = (await leadsAtEmailDomain(db, 'other.example'))[0]!;
    await putLead(db, { ...ann, emails: ['ann.lee@acme.example'] });
    expect(await leadsAtEmailDomain(db, 'other.example')).toEqual([]);
    expect(await leadsAtEmailDomain(db, 'acme.example')).toHaveLength(3);
    db.close();
  });
});
