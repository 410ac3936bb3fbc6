// Person names in page text: cleaning link and badge noise, and telling a name from a heading or a button.
import { looksLikePersonName } from '../leads/normalize';

// Words of headings, buttons and chrome that are capitalised like names ("Meet The Team", "Book A Demo"); those of
// organizations are in ORG_WORDS below.
const NOT_NAME_WORDS = new Set(
  `the our us we you your my team teams contact contacts about meet more get started learn read view profile profiles join careers
career news blog service products product leadership board directors director people staff faculty members
speakers speaker partner office offices press media events event privacy policy terms sign log in up download book demo
request free trial now today all see new school firm
associates kontakt impressum über uns mentions légales nous contactez équipe welcome hello thanks search results follow share
subscribe watch listen register schedule agenda venue tickets sponsors keynote session workshop conference summit and of for to
with by on at from what who how why where when is are was this that it its site website menu navigation next previous submit send
apply close cookie cookies settings account login logout overview introduction details information info support help faq pricing
plans features documentation docs community customers customer studies jobs hiring culture mission vision values history
management executive executives committee advisory council alumni students student research publications publication projects
project courses course programs program admissions admission contactez-nous über-uns datenschutz nachricht anfrage senden message
email phone address location locations directions opening chief officer founder cofounder co-founder ceo cto cfo coo president
vice manager senior junior engineer engineering sales marketing operations finance legal counsel associate professor assistant
lecturer researcher emeritus practice practices area areas industries industry insights capabilities expertise award awards
recognition education related featured latest popular recent posts article articles comments reply edit tweet likes followers
following repositories repository fork forks sponsor organization organizations pinned achievements
united kingdom states republic emirates island islands ihr ihre ihren unser unsere unseren ansprechpartner ansprechpartnerin
mitarbeiter geschäftsleitung votre vos nos notre interlocuteurs interlocuteur nuestro nuestra nuestros equipo contacto
room stage track auditorium lounge terrace foyer ballroom investor investors inquiries enquiries
employment opportunities opportunity openings vacancies vacancy vacant role tender ekip ekibi`.split(/\s+/),
);

const DEGREE = /^(?:ph\.?\s?d|m\.?d|j\.?d|jr|sr|ii|iii|iv|esq|mba|cpa|dds|rn|msc|bsc|ma|ba|ms|bs|dphil|frs|llm|llb|pe|cfa|pmp|mph|edd|dvm|od|do|np|pa|facp|faia|aia)\.?$/i;

/**
 * Strips what sites wrap around a name in people lists: "View Jane Doe's
 * profile", connection degrees ("• 2nd"), pronouns, status badges,
 * trailing degrees after a comma are kept for the caller to decide.
 */
export function cleanPersonName(raw: string): string {
  let s = raw.replace(/\s+/g, ' ').trim();
  s = s.replace(/\s*\b(?:View|Visit|See|Open)\b.*?(?:['’]s)?\s+(?:profile|page|bio|details)\b.*$/i, '');
  s = s.replace(/\s*[•·]\s*(?:1st|2nd|3rd\+?|\d+(?:st|nd|rd|th)\+?)\b.*$/i, '');
  s = s.replace(/\s*\b(?:1st|2nd|3rd\+?)\s*(?:degree)?\s*(?:connection)?$/i, '');
  s = s.replace(/\s*\((?:she|he|they|her|him|them|ze)\/[a-z/]+\)/gi, '');
  s = s.replace(/\s*\b(?:Status is|Online|Offline|Verified|Premium|Open to work)\b.*$/i, '');
  s = s.replace(/^(?:By|Von|Par|Por|Di|Door|Written by|Posted by|Author:|About|Meet|Contact|Über|À propos de|Kontakt)\s+/i, '');
  // German academic degrees written before the name ("Dipl.-Ing. (FH) Matthias Kestner", "Dr.-Ing.", "Mag.") are not part of it.
  s = s.replace(/^(?:(?:Dipl\.-[\p{L}]+\.?|Dr\.-Ing\.|Mag\.|B\.\s?(?:Sc|A)\.|M\.\s?(?:Sc|A)\.)\s*(?:\((?:FH|TU|Univ\.?)\)\s*)?)+/u, '');
  // Spanish and Latin American professional prefixes: "Lic. María Orozco", "Arq. Ana Gutiérrez", "C.P. Leticia Navarro".
  s = s.replace(/^(?:Lic|Licda|Arq|Ing|C\.\s?P|Mtro|Mtra|Dra|Abog|Abg)\.\s+(?=\p{Lu})/u, '');
  // Marks after a name in member tables ("Priya Raghunathan ★" for a committee seat, "†", "*") are footnotes, not part of it.
  s = s.replace(/[\s★☆✦✧✓✔✱⭐*†‡§¹²³⁺]+$/u, '');
  // Hebrew credentials are acronyms with gershayim, before or after the name: "פרופ' מיכל שחר", "רונית אבירם, רו"ח".
  s = s.replace(/^[\u05d0-\u05ea]+['"׳״][\u05d0-\u05ea]?\s+|,\s*\S+["״]\S$/g, '');
  s = s.replace(/[\s,;:|•·–—-]+$/, '').trim();
  // Credentials after the name are not part of it: "Adaeze N. Okafor, CPA, CFE", "Jane Doe, PhD".
  // Dotted ones too: "Rosa Whitcombe, P.Eng.", "C.P.A.", "M.Sc.".
  s = s.replace(/(?:,\s*(?:[A-Z]{2,6}(?:\/[A-Z]{2,6})*|Ph\.?\s?D\.?|M\.?D\.?|J\.?D\.?|Esq\.?|MBA|MSc|LL\.?M\.?|(?:[A-Z][A-Za-z]{0,3}\.)+[A-Z][A-Za-z]{0,3}\.?))+$/, '').trim();
  // Directories sort by family name: "Sorensen, Helena" is Helena Sorensen; "Jane Doe, PhD" keeps its order.
  // Registers write the family name in capitals, particles too ("DE SOUSA, João Miguel"): it reads as "João Miguel De Sousa".
  const inverted = /^((?:[a-z]{2,3}\s+|[A-Z]{2,3}\s+)*)([\p{Lu}][\p{L}'’-]+),\s*([\p{Lu}][\p{L}'’-]+(?:\s[\p{Lu}][\p{L}'’.-]*)*)$/u.exec(s);
  if (inverted && !DEGREE.test(inverted[3]!)) {
    const family = inverted[1]! + inverted[2];
    const given = inverted[3]!;
    return `${given} ${family === family.toUpperCase() && given !== given.toUpperCase() ? family.toLowerCase().replace(/(?:^|[\s-])\p{L}/gu, (c) => c.toUpperCase()) : family}`;
  }
  return s;
}

// Words no name contains next to two name-like words ("Meet Our Team Jane Doe").
// Bodies of people are never part of a name either ("Technical Steering Committee").
const VETO = new Set(['team', 'contact', 'us', 'our', 'the', 'view', 'profile', 'more', 'committee', 'council', 'commission', 'board', 'steering', 'working', 'ekip', 'ekibi']);
// Words of organizations and press lines: never in a person's name ("SOURCE Cobaltline Robotics", "Agence Ondine RP");
// nor are the words of an article's back-matter headings ("Data Availability Statement", "Author Biographies").
const ORG_WORDS = new Set(
  `source inc llc ltd gmbh corp group university company technologies solutions systems software robotics holdings ventures labs
foundation institute association department newsroom agence agency agentur agencia studio studios consulting partners services energy solar pharma pharmaceuticals biotech therapeutics logistics freight airlines
motors insurance bank realty properties communications networks telecom analytics headquarters hq branch campus
works planning development affairs relations resources administration recreation procurement facilities sas sarl srl spa plc llp
pty ltda lda bv nv kg statement biographies acknowledgements`.split(/\s+/),
);

/** Whether text written with CJK characters is shaped like a personal name (山田 太郎, 山田太郎). */
// Words of company-profile tables and contact pages written in ideographs: labels, not names.
const CJK_NOT_NAME = /電話|住所|会社|設立|資本|所在|事業|従業|代表|番号|営業|時間|株式|有限|合同|本社|支社|支店|概要|情報|窓口|問い?合|部門|センター|メール|ファックス|取引|銀行|沿革|理念|採用|連絡|受付|担当|氏名|名前|役職|部|課|联系/;

// Words of Korean company pages: labels, sections and titles, not names.
const KO_NOT_NAME = /성명|이름|직책|직위|약력|소개|연혁|문의|담당|회사|대표|이사|사장|전무|상무|감사|부장|과장|팀장|본부|주소|전화|팩스|메일|번호|공지|고객|센터|본사|공장|사업|제품|정보|자료|목록|기준|바로가기/;

function looksLikeCjkName(s: string): boolean {
  if (CJK_NOT_NAME.test(s)) return false;
  // A Korean name is two to four Hangul syllables, family name first, mostly written without a space (김도현).
  if (/^[\uac00-\ud7a3]{2,4}$|^[\uac00-\ud7a3]{1,2}\s[\uac00-\ud7a3]{1,3}$/.test(s)) return !KO_NOT_NAME.test(s);
  // Hebrew and Arabic have no capitals: two to four words of their letters, where the page marks a name (רונית אבירם, خالد المنصوري).
  if (/^[\u05d0-\u05ea\u0621-\u064a'"׳״-]{2,}(?: [\u05d0-\u05ea\u0621-\u064a'"׳״-]{2,}){1,3}$/.test(s)) return true;
  return /^[\u4e00-\u9fff\u3005]{1,4}[\s\u3000]?[\u4e00-\u9fff\u3005\u3040-\u30ff]{1,4}$/.test(s) && s.replace(/\s/g, '').length >= 2;
}

/**
 * Whether a short text is a person's name: name-shaped (capitalised words,
 * no digits) and not a heading, button or job title made of capitalised
 * common words ("Meet The Team", "Contact Us", "Head Of Sales").
 * `cjk` also accepts 2–8 ideographs, for places where a label already said
 * a name follows (代表取締役 山田太郎).
 */
export function isPersonName(text: string, cjk = false): boolean {
  // A nickname in quotes ("Robert “Bob” Kinsella") is part of a name, not a reason to reject it.
  const s = text.replace(/\s+/g, ' ').trim().replace(/\s["“”„'‘’«»‹›][\p{L}.-]{1,15}["”“'’«»‹›]\s/u, ' ');
  if (cjk && looksLikeCjkName(s)) return true;
  const base = s.replace(/,\s*(?:[A-Z][A-Za-z.]{1,8}\.?)(?:,\s*[A-Z][A-Za-z.]{1,8}\.?)*$/, '');
  // "I'm Amara, co-founder of …" introduces someone; the contraction is no part of their name.
  if (!looksLikePersonName(base) || /^I['’]m\s/.test(base)) return false;
  // "Sarah K.", "Sam W.": a family name cut to its initial is how reviews and comments shorten a name, not a full name.
  if (/\s\p{Lu}\.?$/u.test(base) && !/\s\p{Lu}\.?\s/u.test(base)) return false;
  const words = base.toLowerCase().split(/\s+/).map((w) => w.replace(/[.'’]/g, ''));
  const common = words.filter((w) => NOT_NAME_WORDS.has(w)).length;
  // "Anna de la Cruz" has particles; a name has at least two words that are not common words.
  if (words.some((w) => ORG_WORDS.has(w))) return false;
  return common === 0 || (words.length - common >= 2 && !words.some((w) => VETO.has(w)));
}
