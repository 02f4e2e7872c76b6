/** Writes bilingual post and comment texts from the templates, with one consistent set of slot values per post. */
import { AppError } from '../core/index.ts';
import { EN } from './content-en.ts';
import { SENTIMENTS, TOPICS, type LangTemplates, type Sentiment, type SlotName, type Topic } from './content-types.ts';
import { ZH } from './content-zh.ts';
import { cumulative, type Rng } from './prng.ts';

export { SENTIMENTS, TOPICS, type Sentiment, type Topic } from './content-types.ts';

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
/** Index into LANGS. */
export type LangCode = 0 | 1;
/** Index into SENTIMENTS. */
export type SentimentCode = 0 | 1 | 2;

const SLOT_NAMES: readonly SlotName[] = ['bean', 'gear', 'event', 'city'];
/** Topic mix of posts: brewing and beans dominate, feedback about the app and shop is frequent. */
const TOPIC_CUM = cumulative([25, 22, 15, 13, 10, 15]);

/** A template split into literal parts (even indices) and slot numbers (odd indices). */
type Compiled = readonly (string | number)[];

function compile(template: string): Compiled {
  const out: (string | number)[] = [];
  const re = /\{(\w+)\}/g;
  let last = 0;
  for (let m = re.exec(template); m; m = re.exec(template)) {
    const slot = SLOT_NAMES.indexOf(m[1] as SlotName);
    if (slot < 0) throw new AppError('internal', `demo template: unknown slot {${m[1]}} in "${template}"`);
    out.push(template.slice(last, m.index), slot);
    last = m.index + m[0].length;
  }
  out.push(template.slice(last));
  return out;
}

function render(c: Compiled, values: readonly string[]): string {
  let s = c[0] as string;
  for (let k = 1; k < c.length; k += 2) s += (values[c[k] as number] as string) + (c[k + 1] as string);
  return s;
}

interface CompiledLang {
  /** [topic][sentiment] */
  titles: Compiled[][][];
  sentences: Compiled[][][];
  closers: string[][];
  comments: string[][];
  slots: string[][];
  sep: string;
}

function compileLang(t: LangTemplates): CompiledLang {
  return {
    titles: TOPICS.map((topic) => SENTIMENTS.map((s) => t.topics[topic][s].titles.map(compile))),
    sentences: TOPICS.map((topic) => SENTIMENTS.map((s) => t.topics[topic][s].sentences.map(compile))),
    closers: SENTIMENTS.map((s) => [...t.closers[s]]),
    comments: SENTIMENTS.map((s) => [...t.comments[s]]),
    slots: SLOT_NAMES.map((n) => [...t.slots[n]]),
    sep: t.sentenceSeparator,
  };
}

const TABLES: readonly CompiledLang[] = [compileLang(ZH), compileLang(EN)];

export interface PostText {
  title: string;
  body: string;
  topic: Topic;
}

/** A post: a title and two sentences of one topic and sentiment, sometimes a closing remark. */
export function postText(rng: Rng, lang: LangCode, sentiment: SentimentCode): PostText {
  const t = TABLES[lang] as CompiledLang;
  const topic = rng.weighted(TOPIC_CUM);
  const values = t.slots.map((options) => options[rng.int(options.length)] as string);
  const titles = (t.titles[topic] as Compiled[][])[sentiment] as Compiled[];
  const sentences = (t.sentences[topic] as Compiled[][])[sentiment] as Compiled[];
  const a = rng.int(sentences.length);
  const b = (a + 1 + rng.int(sentences.length - 1)) % sentences.length;
  let body = render(sentences[a] as Compiled, values) + t.sep + render(sentences[b] as Compiled, values);
  if (rng.chance(0.5)) body += t.sep + rng.pick(t.closers[sentiment] as string[]);
  return { title: render(titles[rng.int(titles.length)] as Compiled, values), body, topic: TOPICS[topic] as Topic };
}

export function commentText(rng: Rng, lang: LangCode, sentiment: SentimentCode): string {
  return rng.pick((TABLES[lang] as CompiledLang).comments[sentiment] as string[]);
}

const ORACLE: readonly { re: RegExp; lang: Lang; sentiment: Sentiment }[] = LANGS.flatMap((lang, li) => {
  const t = TABLES[li] as CompiledLang;
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = (c: Compiled): string => c.map((p) => (typeof p === 'number' ? '.+?' : escape(p))).join('');
  return SENTIMENTS.flatMap((sentiment, si) => [
    ...t.sentences.flatMap((byS) => (byS[si] as Compiled[]).map((c) => ({ re: new RegExp('^' + pattern(c)), lang, sentiment }))),
    ...(t.comments[si] as string[]).map((c) => ({ re: new RegExp('^' + escape(c) + '$'), lang, sentiment })),
  ]);
});

/**
 * Ground truth for NLP evaluation and tests: the language and sentiment of a demo post body (by its first sentence)
 * or comment, or undefined when the text did not come from the templates.
 */
export function demoTextLabel(text: string): { lang: Lang; sentiment: Sentiment } | undefined {
  for (const o of ORACLE) if (o.re.test(text)) return { lang: o.lang, sentiment: o.sentiment };
  return undefined;
}
