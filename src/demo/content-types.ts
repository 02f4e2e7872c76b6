/** The shape of one language's text templates; `{slot}` placeholders are expanded once at module load. */

export const SENTIMENTS = ['positive', 'negative', 'neutral'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

export const TOPICS = ['brewing', 'beans', 'gear', 'cafes', 'events', 'feedback'] as const;
export type Topic = (typeof TOPICS)[number];

export type SlotName = 'bean' | 'gear' | 'event' | 'city';

export interface TemplatePool {
  titles: readonly string[];
  sentences: readonly string[];
}

export interface LangTemplates {
  slots: Record<SlotName, readonly string[]>;
  topics: Record<Topic, Record<Sentiment, TemplatePool>>;
  closers: Record<Sentiment, readonly string[]>;
  comments: Record<Sentiment, readonly string[]>;
  /** Joins sentences of a body ('' for Chinese, ' ' for English). */
  sentenceSeparator: string;
}
