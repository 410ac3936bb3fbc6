// Venues, shops and offices listed like people (a heading, an address, a phone): their opening hours give them away.
import type { PersonBlock } from './cards';
import { cleanText } from './visible-text';

const DAY = String.raw`(?:mon|tue|wed|thu|fri|sat|sun|daily|weekdays|weekends|lun|mar|mer|jeu|ven|sam|dim|mo|di|mi|do|fr|sa|so)[a-zé]*\.?`;
const TIME = String.raw`\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|h|uhr)?`;
// "Wed–Sun 5:30–10:00pm", "Daily 3:00–11:00pm", "Mon-Fri 9am - 5pm", "Mo–Fr 9–18 Uhr".
const OPENING_HOURS = new RegExp(String.raw`(?<![\p{L}])${DAY}(?:\s*[–—-]\s*${DAY})?(?:\s*[,:]?\s*)${TIME}\s*[–—-]\s*${TIME}`, 'iu');

/**
 * Whether a block found like a person's card is a place's: no job line,
 * and opening hours in it ("Little Fern · 2816 N Milwaukee Ave · (773)
 * 555-0124 · Wed–Sun 5:30–10:00pm" is a restaurant, not a Ms Little Fern).
 */
export function isPlaceBlock(block: PersonBlock): boolean {
  if (block.title || block.kind !== 'card') return false;
  return block.elements.some((el) => OPENING_HOURS.test(cleanText(el, 2000)));
}
