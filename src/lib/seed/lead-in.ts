/**
 * What a lead-in says about its quotation: who (speaker and role) and when.
 * "Japan's Minister of Defense, Koizumi Shinjiro, posted today (December 12):"
 * gives role "Japan's Minister of Defense", speaker "Koizumi Shinjiro" and
 * date text "December 12". Every value is a substring of the lead-in.
 */

/** Facts read from a lead-in; each is absent when the lead-in does not say it. */
export interface LeadIn {
  speaker?: string;
  role?: string;
  /** The date as written ("December 12", "12月12日"). */
  dateText?: string;
  /** ISO `YYYY-MM-DD`, only when the date text includes a year. */
  date?: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DATE_PATTERNS: RegExp[] = [
  new RegExp(`\\b(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, 'u'),
  new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH})(?:,?\\s+(\\d{4}))?\\b`, 'u'),
  /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/u,
];
/**
 * A verb that gives words to a speaker ("said", "pointed out", "posted"),
 * as a pattern to build others from (body.ts, inline-quotes.ts).
 */
export const SPEECH_VERB =
  /\b(?:(?:has|had|have|was|is|also|further|then|again)\s+)*(?:posted|posts|said|says|wrote|writes|stated|states|tweeted|announced|declared|remarked|told|added|noted|published|commented|responded|replied|pointed\s+out|points\s+out|emphasi[sz]ed|emphasi[sz]es|stressed|stresses|explained|reported|reports|warned|urged|asserted|claimed|expressed|revealed|indicated|mentioned|answered|retorted|insisted|argued|admitted|confirmed|denied|criticized|condemned|slammed|accused|affirmed|reiterated|highlighted|underlined|believes|believed|called|released|issued|issues|releases|protested|(?:gave|made|delivered)\s+(?:a\s+)?(?:statement|speech|remarks))\b/iu;
const VERBS = new RegExp(`\\s+${SPEECH_VERB.source}`, 'giu');

/** The first speech verb of a lead-in (with a space before it), in lower case: "States" in "the United States" names a country. */
function speechVerb(leadIn: string): RegExpExecArray | undefined {
  VERBS.lastIndex = 0;
  for (let m = VERBS.exec(leadIn); m; m = VERBS.exec(leadIn)) if (!/^\s+\p{Lu}/u.test(m[0])) return m;
  return undefined;
}
/** Chinese lead-ins: "<who>[今天][（date）]发文称：". */
const CJK_LEAD_IN = /^(.+?)(?:今天|今日|昨天|昨日|日前|近日|当天)?(?:[（(][^）)]*[）)])?(?:发文称|发文表示|表示|称|说|指出|写道|强调)[:：]?$/u;
/** Words of office: what a role is made of ("Minister of Defense", "Foreign Ministry spokesperson"). */
const OFFICES =
  'minister|ministry|secretary|president|premier|prime|chancellor|spokes(?:person|man|woman)|chief|director|ambassador|envoy|consul|deputy|adviser|advisor|commissioner|delegate|chair(?:man|woman|person)?|general|governor|senator|official|head|leader|commander|representative|king|queen|mayor|commentator|scholar|analyst|expert|professor|lawmaker|legislator|politician|diplomat|journalist|reporter|editor|host|researcher|candidate|member|speaker';
const ROLE_WORDS = new RegExp(`\\b(?:${OFFICES})\\b`, 'iu');

/** Whether words name an office ("spokesperson of the Ministry of Commerce", "Foreign Minister Ana Silva"). */
export const namesOffice = (words: string): boolean => ROLE_WORDS.test(words);
/** A role ending in a word of office, then a name in capitals: "Foreign Ministry spokesperson Mao Ning". */
const ROLE_THEN_NAME = new RegExp(`^(.*\\b(?:${OFFICES})\\s+)((?:\\p{Lu}[\\p{L}'’.-]*\\s*){1,4})$`, 'iu');

/** Read speaker, role and date from a lead-in. */
export function describeLeadIn(leadIn: string): LeadIn {
  const out: LeadIn = {};
  const date = findDate(leadIn);
  if (date) Object.assign(out, date);
  const cjk = CJK_LEAD_IN.exec(leadIn.trim());
  if (cjk) {
    out.speaker = cjk[1]!.replace(/(?:今天|今日|昨天|昨日|日前|近日|当天)$/u, '');
    return out;
  }
  const according = /\baccording\s+to\s+([^,.:;"“”]{2,60})/iu.exec(leadIn);
  if (according) return { ...out, ...whoIs(according[1]!.trim()) };
  const verb = speechVerb(` ${leadIn}`);
  if (!verb) return out;
  const before = ` ${leadIn}`.slice(0, verb.index).trim();
  // "…," said Chinese Foreign Ministry spokesman Geng Shuang: the speaker follows the verb.
  const who = (before === '' ? ` ${leadIn}`.slice(verb.index + verb[0].length).replace(/[\s.,;:!?]+$/u, '') : before)
    .replace(/[\s,]+$/u, '')
    .replace(/^[–—-]+\s*/u, '')
    // A dateline ("Munich, Feb. 14 (Jiji Press)--") and the time after a name ("… Motegi on Saturday") name nobody.
    .replace(/^[^,()]{2,40},\s+[^,()]{2,20}\([^)]{2,40}\)\s*[-–—]+\s*/u, '')
    .replace(/\s+(?:on\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|\p{Lu}\p{Ll}+\.?\s+\d{1,2})|(?:this|last)\s+\p{Ll}+)$/u, '')
    .replace(/\s+(?:also|again|once\s+again|further|then|directly|publicly|recently|today|yesterday|hereby)$/iu, '')
    // An adverb in lower case ("sarcastically"); "Kelly" is a name.
    .replace(/(?:\s+(?:also|again|(?!(?:family|ally|assembly|rally|supply|reply|monopoly|anomaly|july|italy)$)\p{Ll}{2,}ly))+$/u, '');
  Object.assign(out, whoIs(who));
  return out;
}

/** An office named without its holder: "a spokesperson of …", "the embassy's spokesman", "Foreign Ministry spokesperson". */
const UNNAMED_OFFICE = /^(?:(?:the|a|an)\s+)?(?:spokes(?:person|man|woman)|ambassador|consul)\b|\bspokes(?:person|man|woman)$/iu;

/** Speaker and role from the words naming who spoke ("Japan's Minister of Defense, Koizumi Shinjiro"). */
export function whoIs(who: string): Pick<LeadIn, 'role' | 'speaker'> {
  // Segments that qualify the verb or set the scene ("once again", "Last night", "On May 3") name nobody.
  const segments = who
    .split(/,\s+/u)
    .filter((part) => /[\p{Lu}\p{Lo}]/u.test(part) && !SCENE.test(part))
    .map((part) => part.replace(/^(?:and|but|while)\s+/iu, ''));
  if (segments.length >= 2) {
    // "…, Chinese Foreign Ministry spokesman Wang Wenbin stated": the office and name just before the verb are who spoke.
    const last = roleAndName(segments.at(-1)!);
    if (last.role) return last;
    const names = segments.filter((part) => !ROLE_WORDS.test(part));
    // No name: an office of a body may be all the text gives ("…, a spokesperson of the Chinese Mission to the EU").
    const speaker = names.at(-1) ?? segments.findLast((part) => UNNAMED_OFFICE.test(part));
    const role = segments.find((part) => ROLE_WORDS.test(part) && part !== speaker);
    if (speaker && speaker.length <= 80) return { ...(role ? { role } : {}), speaker };
    return {};
  }
  if (segments.length === 1 && segments[0]!.length <= 80) return roleAndName(segments[0]!);
  return {};
}

/** The scene of a lead-in, not its speaker: "Last night", "On May 3", "Today", "According to reports". */
const SCENE =
  /^(?:(?:last|this|on|at|in|during|after|before|earlier|later|when|while|asked|answering|responding)\b|today|tonight|yesterday|recently|earlier|meanwhile|however|subsequently|previously|\p{N})/iu;

/**
 * "Foreign Ministry spokesperson Mao Ning": a role whose last word is a word
 * of office, then a name in capitals. Anything else is the speaker as written.
 */
function roleAndName(who: string): Pick<LeadIn, 'role' | 'speaker'> {
  const m = ROLE_THEN_NAME.exec(who) ?? DESCRIBED_NAME.exec(who);
  if (m && /^\p{Lu}/u.test(m[2]!) && !NOT_A_DESCRIPTION.has(m[1]!.trim().split(/\s+/u).at(-1)!)) return { role: m[1]!.trim(), speaker: m[2]!.trim() };
  return { speaker: who };
}

/**
 * A person described in words that are no office, then named: "Japanese conservative figure and entrepreneur
 * Shinsaburou Miki". The name is two to four words in capitals after a word in lower case.
 */
const DESCRIBED_NAME = /^(.*\b\p{Ll}[\p{Ll}-]+\s+)((?:\p{Lu}[\p{L}'’.-]*\s*){2,4})$/u;
/** Words a description does not end with: what stands before a place or a body's name ("of the Chinese Embassy"). */
const NOT_A_DESCRIPTION = new Set([
  'of',
  'in',
  'the',
  'to',
  'for',
  'and',
  'or',
  'at',
  'from',
  'with',
  'by',
  'on',
  'as',
  'a',
  'an',
  'into',
  'about',
  'against',
  'over',
  'under',
  'via',
]);

function findDate(text: string): Pick<LeadIn, 'date' | 'dateText'> | undefined {
  for (const [n, re] of DATE_PATTERNS.entries()) {
    const m = re.exec(text);
    if (!m) continue;
    let year: string | undefined;
    let month: number;
    let day: number;
    if (n === 0) [month, day, year] = [monthIndex(m[1]!), Number(m[2]), m[3]];
    else if (n === 1) [day, month, year] = [Number(m[1]), monthIndex(m[2]!), m[3]];
    else [year, month, day] = [m[1], Number(m[2]), Number(m[3])];
    const out: Pick<LeadIn, 'date' | 'dateText'> = { dateText: m[0] };
    if (year && month >= 1 && month <= 12 && day >= 1 && day <= 31) {
      out.date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    }
    return out;
  }
  return undefined;
}

function monthIndex(name: string): number {
  const key = name.toLowerCase().replace('.', '').slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(key)) + 1;
}
