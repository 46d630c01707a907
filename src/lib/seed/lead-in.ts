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
const VERBS =
  /\s+(?:(?:has|had|have|was|is)\s+)?(?:posted|posts|said|says|wrote|writes|stated|states|tweeted|announced|declared|remarked|told|added|noted|published|commented|responded|replied)\b/iu;
/** Chinese lead-ins: "<who>[今天][（date）]发文称：". */
const CJK_LEAD_IN = /^(.+?)(?:今天|今日|昨天|昨日|日前|近日|当天)?(?:[（(][^）)]*[）)])?(?:发文称|发文表示|表示|称|说|指出|写道|强调)[:：]?$/u;
const ROLE_WORDS =
  /\b(?:minister|ministry|secretary|president|premier|prime|chancellor|spokes\w*|chief|director|ambassador|envoy|consul|deputy|adviser|advisor|commissioner|delegate|chair\w*|general|governor|senator|official|head|leader|commander|representative|king|queen|mayor)\b/iu;

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
  const verb = VERBS.exec(leadIn);
  if (!verb) return out;
  const who = leadIn
    .slice(0, verb.index)
    .replace(/[\s,]+$/u, '')
    .replace(/^(?:on|at|in)\s+[^,]+,\s*/iu, '');
  const commaParts = who.split(/,\s+/u);
  if (commaParts.length === 2) {
    const [a, b] = commaParts as [string, string];
    const aIsRole = ROLE_WORDS.test(a) && !ROLE_WORDS.test(b);
    out.role = aIsRole ? a : b;
    out.speaker = aIsRole ? b : a;
  } else if (who && commaParts.length === 1 && who.length <= 80) {
    out.speaker = who;
  }
  return out;
}

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
