// Reading "Title at Company"-style headlines and bios, and cleaning display names, for the site adapters.

/** Words that say a phrase is a job title (English plus a few common European forms). */
const TITLE_WORDS =
  /\b(?:engineer(?:ing)?|manager|director|head|vp|svp|evp|avp|vice president|chief|ceo|cto|cfo|coo|cmo|cro|cpo|ciso|cio|founder|co-?founder|owner|president|chair(?:man|woman|person)?|lead|developer|designer|consultant|partner|analyst|officer|specialist|architect|recruiter|executive|associate|principal|scientist|researcher|professor|lecturer|advisor|adviser|coordinator|representative|administrator|editor|writer|attorney|lawyer|counsel|solicitor|accountant|intern|strategist|evangelist|advocate|investor|physician|nurse|controller|treasurer|secretary|geschäftsführer(?:in)?|inhaber(?:in)?|leiter(?:in)?|directeur|directrice|responsable|gerente|directora?)\b/i;

/** Qualifiers that follow a comma inside a title ("VP Sales, North America"), not a company name. */
const TITLE_QUALIFIER =
  /^(?:north|south|east|west|central|latin|global|international|worldwide|americas?|emea|apac|apj|latam|dach|nordics?|benelux|uk|us|usa|eu|europe|asia|africa|enterprise|smb|mid-?market|commercial|public sector|strategic accounts?|inside sales|partnerships?|operations|engineering|marketing|sales|product|finance|hr|people|it|employment|litigation|tax|[A-Z]{2,4})\b/i;

/** Whether a phrase reads as a job title. */
export function looksLikeTitle(s: string): boolean {
  return TITLE_WORDS.test(s);
}

/**
 * Splits a headline or bio sentence into title and company:
 * "Head of Procurement at Northwind Logistics | Supplier risk" → title and
 * company; "Senior Engineer @ Halvorsen Freight"; "Founder & CEO @TidepoolPay";
 * "Director of Fulfillment Engineering, Brightcart" (a comma splits only
 * when what follows is not a region or department: "VP Sales, North America"
 * stays a title). Anything after "|", "·" or "•" (specialties, "ex-…") is
 * dropped. Returns empty strings when the text does not read as a job.
 */
export function splitHeadline(raw: string): { title: string; company: string } {
  const first = (raw.split(/\s*[|·•]\s*/)[0] ?? '').replace(/\s+/g, ' ').trim();
  if (!first || first.length > 160) return { title: '', company: '' };
  const at = /\s+(?:at|@|chez|bei|en)\s+|\s+@(?=[A-Za-z0-9_])/i.exec(first);
  if (at) {
    const title = first.slice(0, at.index).trim();
    const company = stripTrailing(first.slice(at.index + at[0].length));
    if (looksLikeTitle(title)) return { title, company: company.replace(/^@/, '') };
  }
  if (!looksLikeTitle(first)) return { title: '', company: '' };
  const comma = first.lastIndexOf(', ');
  if (comma > 0) {
    const title = first.slice(0, comma).trim();
    const rest = first.slice(comma + 2).trim();
    if (looksLikeTitle(title) && !looksLikeTitle(rest) && !TITLE_QUALIFIER.test(rest) && /^[\p{Lu}\p{N}]/u.test(rest) && rest.split(' ').length <= 5) {
      return { title, company: rest };
    }
  }
  return { title: stripTrailing(first), company: '' };
}

function stripTrailing(s: string): string {
  return s.replace(/\s*[.;:,–—-]\s*$/, '').trim();
}

/**
 * The first sentence of a bio that reads as a job ("Founder & CEO @Acme · …",
 * "CFO at Fjordline Energy. Views my own."), split into title and company.
 */
export function jobFromBio(bio: string): { title: string; company: string } {
  for (const sentence of bio.split(/(?<=[a-z0-9)])\.\s+|\n+|\s+[·|•]\s+/i)) {
    const job = splitHeadline(sentence.trim());
    if (job.title) return job;
  }
  return { title: '', company: '' };
}

const CREDENTIALS = /^(?:md|phd|mba|cpa|cfa|pmp|esq|jd|msc|bsc|ma|ba|rn|dds|dmd|pe|frcs|mrcs|facs|shrm-cp|cissp)$/i;

/** A display name without trailing credentials (", MD", ", PhD, MBA") or emoji decorations. */
export function cleanPersonName(raw: string): string {
  let s = raw.replace(/[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\ufe0f]/gu, '').replace(/\s+/g, ' ').trim();
  for (;;) {
    const m = /,\s*([^,]+)$/.exec(s);
    if (!m || !m[1]!.split(/[\s,]+/).every((w) => CREDENTIALS.test(w.replace(/\./g, '')))) break;
    s = s.slice(0, m.index).trim();
  }
  return s;
}

/** "lumenforge" from "@lumenforge"; an all-lowercase handle gets a capital first letter, as a company name would. */
export function companyFromHandle(handle: string): string {
  const h = handle.trim().replace(/^@/, '');
  return h && h === h.toLowerCase() ? h[0]!.toUpperCase() + h.slice(1) : h;
}

const NOT_A_NAME = /\b(?:page|profile|exist|available|unavailable|sign ?in|sign ?up|log ?in|join|linkedin|github|twitter|error|not found|oops|welcome|something went wrong|people|results?|members?)\b|[\d@#?!|<>{}[\]/\\]/i;

/** Whether a heading can be a person's display name (not "This page doesn’t exist" or "Sign in to LinkedIn"). */
export function plausibleName(s: string): boolean {
  const words = s.trim().split(/\s+/);
  return s.trim().length >= 2 && s.length <= 80 && words.length <= 6 && !NOT_A_NAME.test(s);
}
