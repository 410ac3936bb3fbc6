// Contact reading inside a page or a card: mailto/tel links, text emails and phones, profile links, job lines.
import type { CountryCode } from 'libphonenumber-js';
import {
  classifyProfileUrl,
  decodeCloudflareEmail,
  findEmailsInText,
  findObfuscatedEmails,
  isRoleEmail,
  normalizeEmail,
  normalizePhone,
} from '../leads/normalize';
import type { OrgCollector } from './organization';
import { phoneLabel, scanPhones } from './phone-scan';
import type { ProspectBuilder } from './prospect-builder';
import { cleanText, visibleText } from './visible-text';

// Compound job nouns of German, Dutch and the Scandinavian languages: Energieberaterin, projectleider, försäljningschef.
const COMPOUND_JOB_SOURCE = String.raw`(?<![a-zäöüßåé])[a-zäöüßåé]{2,}(?:berater|leiter|ingenieur|manager|techniker|meister|referent|assistent|entwickler|planer|beauftragte|sprecher|sachbearbeiter|architekt|monteur|mitarbeiter|direktor|spezialist|kaufmann|kauffrau|fachangestellte|führer|leider|adviseur|medewerker|ontwikkelaar|chef|ledare|ansvarig|säljare|ingenjör|tekniker|konsult|samordnare|handläggare|rådgivare)(?:in|innen|r|e)?(?![a-zäöüßåé])`;
const COMPOUND_JOB = new RegExp(COMPOUND_JOB_SOURCE, 'i');

/** Words that make a short line a job title ("Head of Sales", "Geschäftsführer"), German compounds too ("Energieberaterin", "Bauleiter"). */
export const JOB_WORDS = new RegExp(
  String.raw`(?<![\wäöüßåéèàáóíúñçãõ])(engineer|manager|director|head|vp|vice president|chief|ceo|cto|cfo|coo|cmo|cro|founder|co-founder|owner|president|lead|developer|designer|sales|marketing|consultant|partner|analyst|officer|specialist|architect|recruiter|executive|account|associate|principal|scientist|researcher|professor|advisor|adviser|coordinator|representative|administrator|product|editor|writer|attorney|lawyer|accountant|intern|strategist|evangelist|advocate|geschäftsführer|geschäftsführerin|vorsitzende|vorsitzender|beisitzer|beisitzerin|kassenwart|kassenwartin|kassierer|kassiererin|inhaber|inhaberin|leiter|leiterin|vorstand|prokurist|rechtsanwalt|rechtsanwältin|berater|beraterin|entwickler|entwicklerin|ingenieur|referent|referentin|vertriebsleiter|vertriebsleiterin|directeur|directrice|responsable|gérant|gérante|président|présidente|fondateur|fondatrice|associé|associée|avocat|avocate|ingénieur|développeur|développeuse|chargé|chargée|chef|commercial|commerciale|gerente|directora|jefe|jefa|abogado|abogada|lecturer|dean|chair|chairman|chairwoman|chairperson|fellow|postdoc|postdoctoral|student|candidate|doctoral|counsel|shareholder|secretary|treasurer|trustee|board|agent|broker|realtor|physician|surgeon|nurse|pharmacist|librarian|coach|trainer|photographer|artist|author|journalist|reporter|correspondent|producer|investor|entrepreneur|staff|technician|paralegal|clerk|instructor|teacher|tutor|maintainer|contributor|curator|economist|statistician|physicist|chemist|biologist|mathematician|epidemiologist|hr|pr|communications|operations|finance|engineering|dentist|hygienist|orthodontist|therapist|physiotherapist|psychologist|psychiatrist|optometrist|veterinarian|doctor|radiologist|cardiologist|dermatologist|an(?:a)?esthetist|anesthesiologist|pa?ediatrician|oncologist|neurologist|midwife|dietitian|nutritionist|osteopath|chiropractor|practitioner|clinician|solicitor|barrister|notary|conveyancer|auditor|bookkeeper|controller|comptroller|planner|buyer|assistant|receptionist|supervisor|superintendent|headteacher|headmaster|registrar|provost|chancellor|rector|ambassador|councillor|councilor|senator|mayor|pastor|priest|rabbi|volunteer|mentor|facilitator|translator|interpreter|copywriter|illustrator|animator|videographer|programmer|devops|sre|admin|support|success|underwriter|actuary|appraiser|surveyor|estimator|inspector|dispatcher|merchandiser|marketer|negotiator|mortgage|loan|banker|trader|adjuster|zahnarzt|zahnärztin|arzt|ärztin|steuerberater|steuerberaterin|notar|notarin|architekt|architektin|assistent|assistentin|sachbearbeiter|sachbearbeiterin|mitarbeiter|mitarbeiterin|projektleiter|projektleiterin|teamleiter|teamleiterin|prokuristin|kundenberater|kundenberaterin|leitung|bereichsleitung|abteilungsleitung|assistante|comptable|expert-comptable|notaire|conseiller|conseillère|consultante|chercheur|chercheuse|technicien|technicienne|ingeniero|ingeniera|socio|socia|consultor|consultora|asesor|asesora|contador|contadora|médico|médica|ejecutivo|ejecutiva|coordinador|coordinadora|analista|diseñador|diseñadora|desarrollador|desarrolladora|oprichter|oprichtster|eigenaar|eigenaresse|medewerker|medewerkster|adviseur|ontwikkelaar|vennoot|stagiair|stagiaire|hoofd|voorzitter|penningmeester|secretaris|bestuurder|bestuurslid|vd|grundare|ägare|säljare|ingenjör|konsult|montör|samordnare|handläggare|rådgivare|koordinator|ekonom|direktör|styrelseordförande|ordförande|daglig leder|indehaver|grundlægger|medarbejder|rådgiver|selger|konsulent|amministratore|amministratrice|direttore|direttrice|responsabile|ingegnere|architetto|titolare|fondatore|presidente|consulente|tecnico|tecnica|geometra|progettista|impiegato|impiegata|diretor|diretora|coordenador|coordenadora|sócio|sócia|fundador|fundadora|engenheiro|engenheira|vendedor|vendedora|assistente|executivo|executiva|representante|técnico|técnica|gestor|gestora|supervisora|ředitel(?:ka)?|jednatel(?:ka)?|zástup(?:ce|kyně|ca)|asistent(?:ka)?|vedoucí|vedúci|manažer(?:ka)?|nákupčí|porad(?:ce|kyně)|obchodn[íý]|riaditeľ(?:ka)?|konateľ)(?![\wäöüßåéèàáóíúñçãõ])|대표이사|부사장|사장|전무|상무|이사|감사|본부장|부문장|연구소장|부장|차장|과장|팀장|실장|대리|주임|회장|代表取締役|取締役|監査役|執行役|相談役|顧問|専務|常務|副社長|理事|監事|参与|院長|校長|教授|講師|研究員|次長|参事|社長|会長|部長|課長|係長|主任|担当|マネージャー|エンジニア|ディレクター|代表|室長|所長|店長|本部長|執行役員|弁護士|税理士|会計士|デザイナー|プロデューサー|コンサルタント|営業|広報|经理|主管|总监|מנכ["״]ל|מנהל|müdür|${COMPOUND_JOB_SOURCE}`,
  'i',
);
const TITLE_SEPARATORS = /\s+(?:at|@|chez|bei|bij|en|presso)\s+|\s*[|·•–—]\s*|\s+-\s+|,\s+/i;
// What a company's name ends with; "Partner, Litigation" or "Professor, Emeritus" are titles, "CTO, Nordwind GmbH" is not.
const COMPANY_SUFFIX =
  /\b(?:inc|llc|ltd|limited|corp|corporation|co|gmbh|ag|kg|se|sa|sas|sarl|srl|spa|bv|nv|ab|as|oy|llp|lp|plc|pty|labs?|technologies|technology|software|systems|solutions|group|holdings|partners|capital|ventures|studios?|agency|bank|university|universität|université|institute|college|hospital|foundation|株式会社)\.?$/i;
const DEPARTMENT =
  /\b(?:team|department|dept|division|practice|group|unit|office|emerit(?:us|a)|retired|jr|sr|ph\.?d|faculty|section|litigation|corporate|tax|securities|real estate|intellectual property|ip|m&a|employment|antitrust|restructuring|banking|insurance|healthcare|energy|regulatory|compliance|privacy|trusts|estates|chemistry|physics|biology|mathematics|economics|history|english|medicine|law|computer science|engineering|research|operations|finance|marketing|sales|emea|apac|americas|europe|north america|global|international|digital|platform|infrastructure|security|data|product|design|growth|strategy|communications|interim|acting|kaufmännische|technische|advisory|assurance|audit|risk|services|wealth|private client|development|economic|planning|public works|human resources|procurement|purchasing|facilities|recreation|parks|transportation|housing|policy|administration|customer service|customer experience|enterprise|smb|mid-?market|public sector|government|federal|strategic(?: accounts)?|key accounts|named accounts|channel|partnerships|alliances|accounting|technology|tech|legal|[a-z]*(?:engineering|ology|sciences?|informatics|physics|chemistry|mathematics|statistics|economics)|revenue|b2b|b2c|business development|supply chain|quality|brand|content|community|athletics|basketball|football|soccer|volleyball|baseball|softball|hockey|swimming|tennis|track(?: and field| & field)?|cross country|boys|girls|varsity|talent|people|relations|investor relations|public relations|media relations|analytics|zona|zone|territory|territorio|territoire|sector|district|distrito|branch|oddział|filiale|sucursal|west|east|north|south|central|northeast|northwest|southeast|southwest|midwest|region|regione|região|región|sul|norte|nordeste|sudeste|oeste|leste|centro|nord|süd|sud|ost|est|ovest|norr|söder|syd|väst|öst|mitte|dach|nordics|benelux|latam|uk|us)\b/i;

/**
 * Splits "VP of Sales at Acme Corp" / "VP Sales | Acme" / "CTO, Acme Inc."
 * into title and company. A comma splits only when what follows is clearly
 * a company (a legal suffix, or a short name after a leadership title):
 * "Associate Professor, Emeritus" stays one title.
 */
const NOT_A_COMPANY = /@|©|\bhttps?:\/\/|\b(?:no|nr|reg|registration)\.?\s*\d{3,}/i;

/**
 * Whether what follows a title is a practice, region or department ("Real
 * Estate", "Global Energy", "North America") rather than a company with such
 * a word in its name ("Halden Energy", "Ridgeway Communications"): nothing
 * but department words and connectives is left once those are removed.
 */
export function isDepartment(s: string): boolean {
  if (!DEPARTMENT.test(s)) return false;
  const rest = s
    .replace(new RegExp(DEPARTMENT.source, 'gi'), ' ')
    .replace(/\b(?:and|of|the|for|und|et|de|y|del|la|le)\b|[&,/()+.-]/gi, ' ')
    .trim();
  return !/[\p{Lu}\p{N}]/u.test(rest) || !/[\p{L}]{2,}/u.test(rest);
}

// Small words that stay lower-case inside names ("Banque de France", "Lumen & Lark for Corvane").
const PARTICLE = /^(?:de|des|du|la|le|les|d'|l'|y|e|et|and|of|the|for|und|für|van|von|der|den|di|da|do|dos|das|del|della|al|el|en|in|on|zu|zum|zur|und|i|og|och|à|a|w|z|ze)$/i;

/**
 * Whether a phrase is written like running text, with a lower-case word
 * after its first ("Contentieux des affaires", "Droit social"): a practice
 * or a topic. Company names capitalise their words, lower-case particles aside.
 */
function isSentenceCase(s: string): boolean {
  const words = s.split(/\s+/).slice(1);
  return words.some((w) => /^\p{Ll}{3,}$/u.test(w) && !PARTICLE.test(w));
}

/** Whether a phrase is only job and department words ("Head of Sales"), not a name that has one ("Ridgeway Communications"). */
function isJobOnly(s: string): boolean {
  if (!JOB_WORDS.test(s)) return false;
  const rest = s
    .replace(new RegExp(JOB_WORDS.source, 'gi'), ' ')
    .replace(new RegExp(DEPARTMENT.source, 'gi'), ' ')
    .replace(/\b(?:and|of|the|for|to|und|et|de|y|del|la|le)\b|[&,/()+.-]/gi, ' ')
    .trim();
  return !/\p{Lu}[\p{L}]/u.test(rest);
}

// Job words that name a field or a team rather than a person: "Ridgeway Communications", "Acme Sales" may be companies.
const FIELD_WORD = /^(?:sales|marketing|product|communications|operations|finance|engineering|hr|pr|support|success|account|board|staff|admin|devops|sre|mortgage|loan|commercial|leitung|bereichsleitung|abteilungsleitung|営業|広報)$/i;

// Job words only German has, so a title written in German.
const GERMAN_TITLE =
  /(?<![a-zäöüß])[a-zäöüß]*(?:geschäftsführ|gesch(?:ae|ä)ftsf|inhaber|leiter|leitung|vorstand|prokurist|rechtsanw|berater|entwickler|ingenieur|referent|techniker|meister|assistent|sachbearbeiter|mitarbeiter|architekt|monteur|kaufmann|kauffrau|fachangestellte|beauftragte|zahnärzt|ärztin|notar)/i;
const JOB_WORD_ALONE = new RegExp(`^(?:${JOB_WORDS.source})$`, 'i');

/**
 * Whether a phrase ends with a word for a person ("Luxury Property
 * Specialist", "Scotts Valley & Mountains Specialist", "Senior Consultant"):
 * a role written after the title, never a company's name.
 */
function endsWithPersonWord(s: string): boolean {
  const last = s.replace(/[®™.,;:)]+$/g, '').split(/\s+/).at(-1) ?? '';
  return JOB_WORD_ALONE.test(last) && !FIELD_WORD.test(last);
}

export function parseJobLine(line: string): { title: string; company: string } {
  // "Independent designer based in Lisbon, Portugal.": where someone lives is no part of the job.
  const s = line.replace(/\s+/g, ' ').trim().replace(/\s+(?:based|located|living) in\s+[\p{Lu}].*$/u, '');
  if (!s || s.length > 160 || !JOB_WORDS.test(s)) return { title: '', company: '' };
  // Separators inside brackets separate nothing: "Gerente de Contas – Sul (PR, SC e RS)".
  const masked = s.replace(/\([^()]*\)/g, (b) => '_'.repeat(b.length));
  const m = TITLE_SEPARATORS.exec(masked);
  if (!m) return { title: s, company: '' };
  const title = s.slice(0, m.index).trim();
  const after = m.index + m[0].length;
  const next = TITLE_SEPARATORS.exec(masked.slice(after));
  // "Principal Analyst, B2B Revenue Practice · Northfold Research": a department after the comma, the company after the dot.
  if (m[0].includes(',') && next && !next[0].includes(',')) {
    const head = s.slice(0, after + next.index).trim();
    const last = s.slice(after + next.index + next[0].length).replace(/\s*\([^)]*\)\s*$/, '').trim();
    const plausible = !!last && !TITLE_SEPARATORS.test(last) && !NOT_A_COMPANY.test(last) && !isDepartment(last) && !isJobOnly(last) && !endsWithPersonWord(last) && !isSentenceCase(last);
    if (plausible && isDepartment(s.slice(after, after + next.index))) return { title: head, company: last };
  }
  // "Ridgeway Communications (PR adviser to Halden)": the aside is no part of the name.
  const company = s.slice(after, next ? after + next.index : undefined).replace(/\s*\([^)]*\)\s*$/, '').trim();
  if (!JOB_WORDS.test(title) || !company) return { title: s, company: '' };
  // An address, a link, a copyright line or a register/licence number after the title is no company.
  if (NOT_A_COMPANY.test(company)) return { title, company: '' };
  const isAt = /^\s+(?:at|@|chez|bei|bij|en|presso)\s+$/i.test(m[0]);
  if (isAt) return { title, company };
  // Names are capitalised: "Avocat associé – Contentieux des affaires", "Of counsel – Baux commerciaux" name a practice.
  if (isSentenceCase(company) || /^\p{Ll}+$/u.test(company)) return { title: /[,–—-]/.test(m[0]) ? s : title, company: '' };
  // "Technology" alone is a practice; "Acme Technology" is a company.
  if (COMPANY_SUFFIX.test(company) && /\s/.test(company)) return { title, company };
  // A department after a comma or a dash belongs to the title ("Head – Channel Partnerships", "Partner, Litigation");
  // after a bar or a dot it is a second line of the card ("REALTOR® · Coastal Specialist").
  if (isDepartment(company) || isJobOnly(company) || endsWithPersonWord(company)) return { title: /[,–—-]/.test(m[0]) ? s : title, company: '' };
  if (m[0].includes(',')) {
    // German capitalises every noun, and compound titles come with compound topics: after "Energieberaterin, Fördermittel"
    // or "Servicetekniker, OVK-besiktningsman" a capitalised word is no company.
    if (GERMAN_TITLE.test(title) || COMPOUND_JOB.test(title)) return { title: s, company: '' };
    const words = company.split(' ');
    if (ORG_START.test(company)) return { title, company };
    // "Owner, Maker, Designer": a list of roles, one of them no company.
    if (next?.[0].includes(',')) return { title: s, company: '' };
    return words.length <= 3 && words.every((w) => /^[\p{Lu}\d&]/u.test(w)) ? { title, company } : { title: s, company: '' };
  }
  return { title, company };
}

// Institutions whose name starts with what they are: "Instituto Vasco de Neurocomputación", "Université de Lyon".
const ORG_START =
  /^(?:instituto|institut|institute|universidad|universidade|università|universitat|université|universität|university|hochschule|fachhochschule|école|escuela|politecnico|centro|centre|center|laboratorio|laboratoire|fundación|fondation|fundação|stiftung|hospital|hôpital|klinikum|clínica)\s+\p{Lu}/iu;

/** Resolves a link against the page URL; a link that cannot be resolved is kept as written. */
export function resolveHref(href: string, base: string): string {
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

/** Caps the links read from one page or card, so a hostile page of a million links cannot stall the popup. */
export const MAX_ANCHORS = 5000;

const MAILTO = /^mailto:/i;
const TEL = /^(?:tel|callto):/i;
// A WhatsApp chat link carries the number in international form: wa.me/5511955550123, api.whatsapp.com/send?phone=….
const WHATSAPP = /^https?:\/\/(?:wa\.me\/|(?:api|web)\.whatsapp\.com\/send\/?\?(?:[^#]*&)?phone=)\+?(\d{7,15})(?:[/?&#]|$)/i;

/** The number a WhatsApp chat link opens, in E.164 form, or ''. */
export function whatsAppNumber(href: string): string {
  const m = WHATSAPP.exec(href.trim());
  return m ? `+${m[1]}` : '';
}
const CLOUDFLARE_EMAIL = /\/cdn-cgi\/l\/email-protection#/;
/** Links that lead nowhere: never a profile. */
const NOT_A_PAGE = /^(?:mailto|tel|callto|javascript):|^#/i;

/** Whether a link reaches a person: an email, a phone, a protected email, or a known profile. */
export function isContactLink(a: Element, url: string): boolean {
  const href = a.getAttribute('href') ?? '';
  if (MAILTO.test(href) || TEL.test(href) || CLOUDFLARE_EMAIL.test(href) || WHATSAPP.test(href)) return true;
  return !NOT_A_PAGE.test(href) && !!classifyProfileUrl(resolveHref(href, url));
}

/** Where contacts that are not the person's go, and what is outside the person. */
export interface ContactOptions {
  /** Receives role addresses, switchboard and fax numbers instead of the person. */
  org?: OrgCollector;
  /** Elements under the root that are not this person's (site chrome, colleagues' cards). */
  skip?: (el: Element) => boolean;
  /** Send role addresses (info@, sales@…) to the organization: true on a whole page, false inside one person's card. */
  roleEmailsToOrg?: boolean;
}

/** The text written just before an element (its label), looking up to two levels up for "<dt>Fax</dt><dd><a>". */
export function textBefore(el: Element, max = 40): string {
  let out = '';
  let node: Element | null = el;
  for (let level = 0; node && level < 3 && out.trim().length < 2; level++, node = node.parentElement) {
    for (let s = node.previousSibling; s && out.length < max; s = s.previousSibling) {
      const t = s.nodeType === 3 ? (s.nodeValue ?? '') : s.nodeType === 1 ? cleanText(s as Element, max) : '';
      out = t + ' ' + out;
      if (s.nodeType === 1 && /^(?:BR|P|DIV|LI|TR|DD)$/.test((s as Element).tagName) && out.trim()) break;
    }
  }
  return out.replace(/\s+/g, ' ').trim().slice(-max);
}

/**
 * Reads the ways to reach someone inside `root` (a whole document or one
 * person's card): mailto/tel links, Cloudflare-protected and obfuscated
 * emails, emails and phones in the visible text, and profile links.
 * Fax and switchboard numbers (and, with `roleEmailsToOrg`, role
 * addresses) go to `options.org`, never to the person; an assistant's line
 * goes nowhere.
 */
export function readContacts(
  b: ProspectBuilder,
  root: Document | Element,
  url: string,
  country: CountryCode,
  options: ContactOptions = {},
): void {
  const { org, skip, roleEmailsToOrg = false } = options;
  const anchors = [...root.querySelectorAll('a[href]')].slice(0, MAX_ANCHORS).filter((a) => !skip || !isSkipped(a, root, skip));
  const assistantLines = new Set<Element>();
  const linked = new Set<string>();
  const email = (raw: string, source: 'mailto' | 'cloudflare' | 'text'): void => {
    const e = normalizeEmail(raw);
    if (!e) return;
    if (source !== 'text') linked.add(e);
    // A label or a link run into a linked address ("E-mail" + "jane@x.example" read as "e-mailjane@x.example",
    // "x.example" + "jane@x.example" + "WhatsApp") is that address.
    else if ([...linked].some((l) => e.length > l.length && e.includes(l))) return;
    if (roleEmailsToOrg && isRoleEmail(e)) org?.addEmail(e);
    else b.addEmail(e, source, source === 'text' ? 'medium' : undefined);
  };
  const phone = (raw: string, source: 'tel' | 'text', kind: ReturnType<typeof phoneLabel>, normalized: boolean, labelled: boolean): void => {
    if (kind === 'not' || kind === 'assistant') return;
    if (kind === 'fax' || kind === 'main') {
      org?.addPhone(raw, kind, country, normalized);
      return;
    }
    b.addPhone(raw, source, country, normalized, source === 'tel' ? 'high' : labelled ? 'medium' : 'low');
  };
  for (const a of anchors) {
    const href = a.getAttribute('href') ?? '';
    // "Assistant: Paul Whitford · tel · email": the assistant's contacts are nobody's here.
    const wa = whatsAppNumber(href);
    const assistant = MAILTO.test(href) || TEL.test(href) || wa ? assistantLine(a) : null;
    if (assistant) {
      assistantLines.add(assistant);
      continue;
    }
    if (MAILTO.test(href)) email(href, 'mailto');
    else if (TEL.test(href)) {
      const label = phoneLabel(`${textBefore(a)} ${a.getAttribute('aria-label') ?? ''}`.trim());
      // A broken link ("tel:0899999822" under "089 99998-220") loses to the number it shows, when that one is valid.
      const shown = normalizePhone((cleanText(a, 60).match(/\+?[\d(][\d\s()./-]{5,24}\d/) ?? [''])[0], country, true);
      const linked = normalizePhone(href, country);
      phone(shown && shown !== linked ? shown : href, 'tel', label === 'not' ? null : label, !!shown && shown !== linked, true);
    } else if (wa) phone(wa, 'tel', phoneLabel(textBefore(a)) === 'not' ? null : phoneLabel(textBefore(a)), false, true);
    else if (CLOUDFLARE_EMAIL.test(href)) email(decodeCloudflareEmail(href.split('#')[1] ?? ''), 'cloudflare');
  }
  root.querySelectorAll('[data-cfemail]').forEach((el) => {
    if (!skip || !isSkipped(el, root, skip)) email(decodeCloudflareEmail(el.getAttribute('data-cfemail') ?? ''), 'cloudflare');
  });
  // Scripts that hide an address keep it in attributes and write the link on load: Joomla 4's <joomla-hidden-mail> as base64
  // "first" and "last" parts, templates' "napsat e-mail" links as data-user and data-domain.
  root.querySelectorAll('joomla-hidden-mail[first], [data-domain][data-user]').forEach((el) => {
    const at = (k: string) => el.getAttribute(k) ?? '';
    try {
      if (!skip || !isSkipped(el, root, skip)) email(at('first') ? `${atob(at('first'))}@${atob(at('last'))}` : `${at('data-user')}@${at('data-domain')}`, 'mailto');
    } catch {
      // not base64: no address
    }
  });

  // Spam protection draws an address as an image whose alt text is the address.
  for (const img of [...root.querySelectorAll('img[alt*="@"], img[alt*="(at)"], img[alt*="[at]"]')].slice(0, 200)) {
    if (skip && isSkipped(img, root, skip)) continue;
    const alt = (img.getAttribute('alt') ?? '').slice(0, 200);
    [...findEmailsInText(alt), ...findObfuscatedEmails(alt)].forEach((e) => email(e, 'text'));
  }
  const textRoot = 'body' in root ? root.body : root;
  const skipText = assistantLines.size ? (el: Element) => assistantLines.has(el) || !!skip?.(el) : skip;
  const text = textRoot ? visibleText(textRoot, 1_000_000, skipText) : '';
  findEmailsInText(text).forEach((e) => email(e, 'text'));
  findObfuscatedEmails(text).forEach((e) => email(e, 'text'));
  // An address a script writes (document.write of its pieces) is shown to readers without scripts in <noscript>.
  for (const ns of [...root.querySelectorAll('noscript')].slice(0, 200)) {
    if (skip && isSkipped(ns, root, skip)) continue;
    const raw = (ns.textContent ?? '').replace(/<[^>]*>/g, ' ').slice(0, 500);
    [...findEmailsInText(raw), ...findObfuscatedEmails(raw)].forEach((e) => email(e, 'text'));
  }
  const telNumbers = new Set(
    anchors.flatMap((a) => {
      const href = a.getAttribute('href') ?? '';
      return TEL.test(href) ? [normalizePhone(href, country)] : whatsAppNumber(href) ? [normalizePhone(whatsAppNumber(href), country)] : [];
    }),
  );
  for (const hit of scanPhones(text, country)) {
    // A tel: link's own text was already read with its label.
    if (telNumbers.has(hit.number)) continue;
    phone(hit.number, 'text', hit.labelled ? hit.kind : null, true, hit.labelled);
  }

  for (const a of anchors) {
    const href = a.getAttribute('href') ?? '';
    if (NOT_A_PAGE.test(href)) continue;
    const abs = resolveHref(href, url);
    if (classifyProfileUrl(abs)) b.addUrl(abs, 'link');
    else if (/(?:^|\s)me(?:\s|$)/i.test(a.getAttribute('rel') ?? '') || isPersonalSiteLink(a, abs, url, !roleEmailsToOrg)) b.addUrl(abs, 'link', true);
  }
}

// A link that says it is someone's site ("Lena Vogel's website", an icon labelled "Homepage"); credits are not.
const SITE_LABEL = /\b(?:website|web site|homepage|home page|personal site|site web|site internet|webseite|sitio web|ホームページ)\b/i;
const CREDIT = /\b(?:by|design(?:ed)?|built|powered|made|hosted|theme|template)\b/i;

/**
 * Whether a link to another host is labelled as a person's own website; inside
 * one person's card (`inCard`) a link whose text is its own domain
 * ("priyaraman.co") is too.
 */
function isPersonalSiteLink(a: Element, abs: string, pageUrl: string, inCard: boolean): boolean {
  const text = cleanText(a, 80);
  const label = `${a.getAttribute('aria-label') ?? ''} ${a.getAttribute('title') ?? ''} ${text}`;
  try {
    const host = (u: string) => new URL(u).hostname.replace(/^www\./, '').toLowerCase();
    if (!/^https?:/i.test(abs) || host(abs) === host(pageUrl)) return false;
    if (SITE_LABEL.test(label) && !CREDIT.test(label)) return true;
    // In a card, an icon-only link drawn as a globe or a house is the person's homepage.
    if (inCard && !text && a.querySelector('[class*="globe" i], [class*="fa-home" i], [class*="homepage" i], [class*="website" i]')) return true;
    // A search on that site ("Preprints.org" → /search?q=…) is not anyone's homepage.
    return inCard && !abs.includes('?') && text.toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/$/, '') === host(abs);
  } catch {
    return false;
  }
}

const ASSISTANT_LINE = /^\s*(?:(?:executive |personal |legal )?assistant|secretary|PA|EA|sekretariat|assistenz|assistentin|secr[ée]tariat|assistante?|秘書)\b/i;

/** The line holding a link when that line introduces someone's assistant or secretary, else null. */
function assistantLine(a: Element): Element | null {
  const line = a.closest('p, li, dd, div, tr, span');
  if (!line) return null;
  const text = cleanText(line, 300);
  return text.length < 250 && ASSISTANT_LINE.test(text) ? line : null;
}

/** Whether an element sits inside a skipped element below `root`. */
export function isSkipped(el: Element, root: Document | Element, skip: (el: Element) => boolean): boolean {
  for (let e: Element | null = el; e && e !== root; e = e.parentElement) if (skip(e)) return true;
  return false;
}
