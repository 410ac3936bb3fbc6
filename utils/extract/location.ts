// Where a person is: lines shaped like a place ("Austin, TX", "Cambridge, England, United Kingdom") and labelled values ("Location: …").
import { isSkipped, JOB_WORDS } from './contacts';
import { cleanText } from './visible-text';

// "City, ST", "City, Region, Country", "Greater Boston Area", "Remote": capitalised place words separated by commas.
const PLACE_PART = /^[\p{Lu}][\p{L}\p{M}.'’ -]{1,40}$/u;
const REGION_WORDS = /^(?:(?:greater\s+)?[\p{Lu}][\p{L}.'’ -]{1,40}\s+(?:area|metropolitan area|region|bay area)|remote(?:\s*[(,–-].{0,30})?)$/iu;

// A legal form or a trade ("Brannigan Insurance Agency, Inc.") names a company; a plural acronym ("HRBPs, Reward") lists roles.
// A street line ("Sunrise Blvd, Suite C") is an address, not the town.
const NOT_A_PLACE = /\b(?:inc|llc|ltd|llp|lp|plc|gmbh|corp|sas|sarl|agency|insurance|group|partners|associates|services|solutions|blvd|boulevard|suite|ste|avenue|ave|street|road|rd|floor|drive|hwy|highway|parkway|pkwy)\b\.?/i;
const PLURAL_ACRONYM = /\b[A-Z]{2,}s\b/;

/**
 * Whether a short line reads as a place and nothing else: two or three
 * capitalised parts separated by commas, or "… Area" / "Remote". Job lines
 * ("VP Sales, North America"), dates, numbers and addresses with a street
 * number are not places here.
 */
export function isLocationLine(text: string): boolean {
  const s = text.replace(/\s+/g, ' ').trim();
  if (!s || s.length > 60 || /[\d@|•·:;/]/.test(s) || JOB_WORDS.test(s) || NOT_A_PLACE.test(s) || PLURAL_ACRONYM.test(s)) return false;
  if (REGION_WORDS.test(s)) return true;
  const parts = s.split(/\s*,\s*/);
  // "Jeff Leek, PhD" is a name with a degree.
  if (/^(?:ph\.?d|m\.?d|j\.?d|mba|cpa|esq|jr|sr|ii|iii|msc|bsc|ma|ba|llm|dds|rn)\.?$/i.test(parts.at(-1) ?? '')) return false;
  return parts.length >= 2 && parts.length <= 4 && parts.every((p) => PLACE_PART.test(p) && p.split(' ').length <= 4);
}

/** Labels that introduce a person's location on profile pages, in several languages. */
const LOCATION_LABEL = /^(?:location|based in|lives in|city|standort|wohnort|lieu|localisation|ville|ubicación|ciudad|localização|所在地|勤務地)\s*[:：]?$/i;

/**
 * A location written after its label inside `root`: "<span>Location</span>
 * <a>Cambridge</a>, <a>United Kingdom</a>" or "<dt>Location</dt><dd>…</dd>",
 * or the first short place line in an element marked by a location class.
 * `skip` leaves out elements that are not the person's (site chrome).
 */
export function labelledLocation(root: Element, skip?: (el: Element) => boolean): string {
  const labels = [...root.querySelectorAll('span, dt, th, label, strong, b, div, p, li')].slice(0, 3000);
  for (const label of labels) {
    if (label.childElementCount > 1) continue;
    const t = cleanText(label, 40);
    if (!LOCATION_LABEL.test(t)) continue;
    if (skip && isSkipped(label, root, skip)) continue;
    // The value follows the label, in a sibling or in the next element of the label's parent.
    let host: Element | null = label;
    for (let up = 0; host && host !== root && up < 3; up++, host = host.parentElement) {
      let value = '';
      for (let s = host.nextSibling; s && !value; s = s.nextSibling) value = (s.nodeType === 1 ? cleanText(s as Element, 120) : (s.nodeValue ?? '')).trim();
      if (value) return value.length <= 100 && !/@|https?:/.test(value) ? value : '';
    }
  }
  return '';
}
