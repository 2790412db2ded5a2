/** Words as a user types them into a search box, and the typos they make. */
import { type Random, randomInt } from './random';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const CURLY_APOSTROPHE = /[\u2018\u2019]/g;

/** Lower-cased, punctuation around words dropped; what is inside a word ("well-being", "don't", "70/1") kept. */
export function queryWords(text: string): string[] {
  const words: string[] = [];
  for (const raw of text.toLowerCase().replace(CURLY_APOSTROPHE, "'").split(/\s+/)) {
    const word = raw.replace(EDGE_PUNCTUATION, '');
    if (word !== '') words.push(word);
  }
  return words;
}

/** A word of four letters or more and nothing else: the kind a typo can land in and a keyword can be. */
export function isPlainWord(word: string): boolean {
  return word.length >= 4 && /^\p{L}+$/u.test(word);
}

/** The word with one letter substituted, deleted, inserted, or swapped with its neighbour. */
export function withTypo(random: Random, word: string): string {
  for (;;) {
    const at = randomInt(random, word.length);
    const letter = LETTERS[randomInt(random, LETTERS.length)];
    let typo: string;
    switch (randomInt(random, 4)) {
      case 0:
        typo = word.slice(0, at) + letter + word.slice(at + 1);
        break;
      case 1:
        typo = word.slice(0, at) + word.slice(at + 1);
        break;
      case 2:
        typo = word.slice(0, at) + letter + word.slice(at);
        break;
      default:
        typo = at + 1 < word.length ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) : word;
    }
    if (typo !== word) return typo;
  }
}
