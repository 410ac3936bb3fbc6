// Firm names written where a job title usually goes: a press contact's "Saffron Lane PR" or "Lumen & Lark Communications for Acme".
import { isDepartment, JOB_WORDS } from './contacts';

// What an agency's or firm's name ends with, when it names its trade ("… PR", "… Communications", "… Partners").
const TRADE_END = /\s(?:PR|P\.R\.|Public Relations|Communications|Comms|Media|Agency|Partners|Group|Consulting|Consultancy|Associates|Strategies|Advisors|Advisers|Collective|Studio)$/;
const LEGAL_END = /\s(?:Inc\.?|LLC|Ltd\.?|LLP|GmbH|AG|S\.A\.|SAS|SARL|plc|Pty Ltd|B\.V\.)$/;

/**
 * Whether a line is a firm's name rather than a job: capitalised words
 * ending with a trade word ("Saffron Lane PR", "Lumen & Lark
 * Communications") or a legal form, with no job or department word before
 * it ("Director, External Communications" and "Corporate Communications"
 * are jobs).
 */
export function isAgencyName(line: string): boolean {
  const s = line.replace(/\s+/g, ' ').trim().replace(/,(?=\s+(?:Inc|LLC|Ltd)\b)/, '');
  if (s.length > 70 || !(TRADE_END.test(s) || LEGAL_END.test(s))) return false;
  const head = s.replace(TRADE_END, '').replace(LEGAL_END, '').trim();
  const words = head.split(' ');
  if (!words.length || !words.every((w) => /^(?:[\p{Lu}\d][\p{L}\d'’.-]*|&|\+|and)$/u.test(w))) return false;
  return !JOB_WORDS.test(head) && !isDepartment(head);
}

/**
 * The firm a contact line names, "for" a client or not: "Lumen & Lark
 * Communications for Corvane" is Lumen & Lark Communications; '' when the
 * line is no firm's name.
 */
export function agencyOf(line: string): string {
  const s = line.replace(/\s+/g, ' ').trim();
  const forClient = /^(.+?)\s+(?:for|on behalf of|pour|für)\s+[\p{Lu}\d]/u.exec(s);
  if (forClient && isAgencyName(forClient[1]!)) return forClient[1]!;
  return isAgencyName(s) ? s : '';
}
