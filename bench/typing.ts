/**
 * A drafter typing a statement while the index answers from its worker thread, as the extension asks it: ghost text
 * after every word, the panel's passages at every finished sentence, a check of the whole draft when typing pauses.
 * Each newer question cancels the one of its kind still pending, as the editor's cancellation tokens do. What is
 * measured is the caller's thread: its longest event-loop stall while all of that goes on.
 */
import { DEFAULT_CONFIG } from '../src/core/checks/config';
import { ResolutionRegistry } from '../src/core/citations/registry';
import { isCancelled, type CorpusQueries } from '../src/core/service';
import { maxStallWhile } from './measure';

/** Words typed a second: a fast typist's pace, so questions overlap as they do in the editor. */
const WORDS_PER_SECOND = 8;
/** The checks wait for a pause in typing (the extension's debounce); here, every this many words. */
const CHECK_EVERY_WORDS = 12;
const TYPED_WORDS = 240;

export interface TypingFigures {
  words: number;
  /** Longest stall of the caller's event loop while typing, in ms. */
  maxStallMs: number;
  /** Questions answered, and cancelled because a newer one of their kind replaced them. */
  answered: number;
  cancelled: number;
}

export async function measureTyping(corpus: CorpusQueries, draft: string): Promise<TypingFigures> {
  const words = draft.split(/\s+/).slice(0, TYPED_WORDS);
  const registry = new ResolutionRegistry();
  const pending = new Map<string, AbortController>();
  const asked: Array<Promise<unknown>> = [];
  let answered = 0;
  let cancelled = 0;
  const ask = (kind: string, question: (signal: AbortSignal) => Promise<unknown>) => {
    pending.get(kind)?.abort();
    const controller = new AbortController();
    pending.set(kind, controller);
    asked.push(
      question(controller.signal).then(
        () => answered++,
        (error: unknown) => {
          if (!isCancelled(error)) throw error;
          cancelled++;
        },
      ),
    );
  };
  const maxStallMs = await maxStallWhile(async () => {
    let typed = '';
    let sentenceStart = 0;
    for (let w = 0; w < words.length; w++) {
      typed += (w === 0 ? '' : ' ') + words[w];
      const text = typed;
      ask('complete', (signal) => corpus.complete(text, 3, { signal }));
      if (/[.!?]$/.test(words[w])) {
        const sentence = text.slice(sentenceStart);
        sentenceStart = text.length + 1;
        ask('panel', (signal) => corpus.passagesForSentence(sentence, { limit: 5, signal }));
      }
      if (w % CHECK_EVERY_WORDS === CHECK_EVERY_WORDS - 1) {
        ask('check', (signal) => corpus.check(text, '/drafts/typing.md', { registry, config: DEFAULT_CONFIG, signal }));
      }
      await new Promise((resolve) => setTimeout(resolve, 1000 / WORDS_PER_SECOND));
    }
    await Promise.all(asked);
  });
  return { words: words.length, maxStallMs, answered, cancelled };
}
