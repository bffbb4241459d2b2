'use strict';

/**
 * Deterministic English-like prose for the retrieval benchmark: markdown documents to upload,
 * chunk texts to insert with SQL, and search queries, all from the same vocabulary
 * (bench/lib/vocabulary.js) so that queries hit the seeded text the way real ones would.
 *
 * How: a seeded PRNG (sfc32) drives a small grammar (noun phrases, verb phrases with agreement,
 * subordinate clauses, openers) whose words are drawn Zipf-like by their position in each list,
 * so "the" is in every chunk, common nouns in many and rare ones in few. Proper names made of
 * syllables (a fixed pool of 20 000) are the long tail: each is in a handful of chunks. The same
 * seed always gives the same text, byte for byte.
 */

const V = require('./vocabulary');

const NAME_POOL_SIZE = 20_000;
const NAME_SEED = 7_919;
const SYLLABLES = (
  'ka ve lo mi tar sen dor bel ri na tho gan li mor vas el qui zen fa ro dri ust pel cor hal ' +
  'mae ny bra ost sul ter win gar fen lu dax iro pha cel tum rav ol sha mek ith bor an ce dal vin'
).split(' ');

/** sfc32: a small, fast, seedable PRNG answering floats in [0, 1). */
function random(seed) {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) {
    next();
  }
  return next;
}

/** Draws from `items` with weight 1 / (rank + 2.7)^s (Zipf–Mandelbrot): the head often, the tail rarely. */
class Zipf {
  constructor(items, exponent = 1) {
    this.items = items;
    this.cumulative = new Float64Array(items.length);
    let total = 0;
    for (let rank = 0; rank < items.length; rank++) {
      total += 1 / Math.pow(rank + 2.7, exponent);
      this.cumulative[rank] = total;
    }
    this.total = total;
  }

  pick(rnd) {
    const target = rnd() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle] < target) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return this.items[low];
  }
}

const uniform = (rnd, items) => items[Math.floor(rnd() * items.length)];
const capitalise = (word) => word.charAt(0).toUpperCase() + word.slice(1);

function plural(noun) {
  if (V.PLURAL[noun]) {
    return V.PLURAL[noun];
  }
  if (/(s|x|z|ch|sh)$/.test(noun)) {
    return `${noun}es`;
  }
  if (/[^aeiou]y$/.test(noun)) {
    return `${noun.slice(0, -1)}ies`;
  }
  return `${noun}s`;
}

/** The same spelling rules as plurals: "fixes", "carries", "runs". */
function thirdPerson(verb) {
  if (/(s|x|z|ch|sh)$/.test(verb)) {
    return `${verb}es`;
  }
  return /[^aeiou]y$/.test(verb) ? `${verb.slice(0, -1)}ies` : `${verb}s`;
}

function past(verb) {
  if (V.PAST[verb]) {
    return V.PAST[verb];
  }
  if (verb.endsWith('e')) {
    return `${verb}d`;
  }
  if (/[^aeiou]y$/.test(verb)) {
    return `${verb.slice(0, -1)}ied`;
  }
  return `${verb}ed`;
}

function participle(verb) {
  if (V.ING[verb]) {
    return V.ING[verb];
  }
  if (/[^e]e$/.test(verb)) {
    return `${verb.slice(0, -1)}ing`;
  }
  return `${verb}ing`;
}

let namePool;

/** The proper names of the long tail: the same 20 000 for every generator. */
function names() {
  if (!namePool) {
    const rnd = random(NAME_SEED);
    const seen = new Set();
    while (seen.size < NAME_POOL_SIZE) {
      const parts = 2 + (rnd() < 0.4 ? 1 : 0);
      let name = '';
      for (let i = 0; i < parts; i++) {
        name += uniform(rnd, SYLLABLES);
      }
      seen.add(capitalise(name));
    }
    namePool = [...seen];
  }
  return namePool;
}

const NOUNS = new Zipf(V.NOUNS);
const VERBS = new Zipf(V.VERBS);
const ADJECTIVES = new Zipf(V.ADJECTIVES);
const ADVERBS = new Zipf(V.ADVERBS);

/** One stream of prose; `seed` decides every word. */
class Prose {
  constructor(seed) {
    this.rnd = random(seed);
  }

  chance(p) {
    return this.rnd() < p;
  }

  name() {
    return uniform(this.rnd, names());
  }

  /** A noun phrase: `{ text, plural }`; an object (after a verb or preposition) takes "them", not "they". */
  nounPhrase(depth = 0, object = false) {
    const rnd = this.rnd;
    const roll = rnd();
    if (roll < 0.12 && object) {
      return { text: uniform(rnd, V.PRONOUNS_OBJECT), plural: false };
    }
    if (roll < 0.12) {
      const isPlural = this.chance(0.4);
      return { text: uniform(rnd, isPlural ? V.PRONOUNS_PLURAL : V.PRONOUNS_SINGULAR), plural: isPlural };
    }
    if (roll < 0.2) {
      return { text: this.name(), plural: false };
    }
    if (roll < 0.24) {
      return { text: `${2 + Math.floor(rnd() * 98)} ${plural(NOUNS.pick(rnd))}`, plural: true };
    }
    const isPlural = this.chance(0.35);
    const words = [];
    let determiner = uniform(rnd, isPlural ? V.DETERMINERS_PLURAL : V.DETERMINERS_SINGULAR);
    if (this.chance(0.5)) {
      words.push(ADJECTIVES.pick(rnd));
      if (this.chance(0.15)) {
        words.push(ADJECTIVES.pick(rnd));
      }
    }
    if (this.chance(0.18)) {
      words.push(NOUNS.pick(rnd)); // a compound: "the valve cover"
    }
    const noun = NOUNS.pick(rnd);
    words.push(isPlural ? plural(noun) : noun);
    if (determiner === 'a' && /^[aeiou]/.test(words[0])) {
      determiner = 'an';
    }
    let text = `${determiner} ${words.join(' ')}`;
    if (depth === 0 && this.chance(0.25)) {
      text += ` ${uniform(rnd, V.PREPOSITIONS)} ${this.nounPhrase(1, true).text}`;
    }
    if (depth === 0 && this.chance(0.04)) {
      text += ` of ${this.name()}`;
    }
    return { text, plural: isPlural };
  }

  verbPhrase(subjectPlural) {
    const rnd = this.rnd;
    const verb = VERBS.pick(rnd);
    const roll = rnd();
    let text;
    if (roll < 0.22) {
      text = `${uniform(rnd, V.MODALS)} ${verb}`;
    } else if (roll < 0.55) {
      text = past(verb);
    } else if (roll < 0.62) {
      text = `${subjectPlural ? 'are' : 'is'} ${participle(verb)}`;
    } else {
      text = subjectPlural ? verb : thirdPerson(verb);
    }
    if (this.chance(0.85)) {
      text += ` ${this.nounPhrase(0, true).text}`;
    }
    if (this.chance(0.18)) {
      text += ` ${ADVERBS.pick(rnd)}`;
    }
    if (this.chance(0.3)) {
      text += ` ${uniform(rnd, V.PREPOSITIONS)} ${this.nounPhrase(1, true).text}`;
    }
    return text;
  }

  clause() {
    const subject = this.nounPhrase();
    const adverb = this.chance(0.1) ? ` ${ADVERBS.pick(this.rnd)}` : '';
    return `${subject.text}${adverb} ${this.verbPhrase(subject.plural)}`;
  }

  sentence() {
    const rnd = this.rnd;
    const roll = rnd();
    let text;
    if (roll < 0.45) {
      text = this.clause();
    } else if (roll < 0.62) {
      text = `${uniform(rnd, V.SUBORDINATORS)} ${this.clause()}, ${this.clause()}`;
    } else if (roll < 0.77) {
      text = `${this.clause()}, ${uniform(rnd, V.CONJUNCTIONS)} ${this.clause()}`;
    } else if (roll < 0.87) {
      text = `${uniform(rnd, V.OPENERS)}, ${this.clause()}`;
    } else if (roll < 0.94) {
      // An instruction, as manuals and policies are full of them.
      text = `${VERBS.pick(rnd)} ${this.nounPhrase(0, true).text} ${uniform(rnd, V.PREPOSITIONS)} ${this.nounPhrase(1, true).text}`;
    } else {
      text = `in ${1950 + Math.floor(rnd() * 75)}, ${this.clause()}`;
    }
    return `${capitalise(text)}.`;
  }

  paragraph() {
    const count = 3 + Math.floor(this.rnd() * 5);
    const sentences = [];
    for (let i = 0; i < count; i++) {
      sentences.push(this.sentence());
    }
    return sentences.join(' ');
  }

  heading(level) {
    const rnd = this.rnd;
    const text = this.chance(0.5)
      ? `${capitalise(ADJECTIVES.pick(rnd))} ${plural(NOUNS.pick(rnd))}`
      : `${capitalise(NOUNS.pick(rnd))} and ${NOUNS.pick(rnd)} ${plural(NOUNS.pick(rnd))}`;
    return `${'#'.repeat(level)} ${text}`;
  }

  list() {
    const count = 3 + Math.floor(this.rnd() * 3);
    const items = [];
    for (let i = 0; i < count; i++) {
      items.push(`- ${capitalise(this.clause())}.`);
    }
    return items.join('\n');
  }

  /** A markdown document of at least `bytes` bytes (ASCII, so bytes = characters). */
  document(bytes) {
    const rnd = this.rnd;
    const parts = [`# ${this.name()} ${capitalise(NOUNS.pick(rnd))} ${capitalise(NOUNS.pick(rnd))}`];
    let length = parts[0].length;
    let sinceHeading = 0;
    while (length < bytes) {
      let block;
      if (sinceHeading >= 3 && this.chance(0.3)) {
        block = this.heading(this.chance(0.25) ? 3 : 2);
        sinceHeading = 0;
      } else {
        block = this.chance(0.12) ? this.list() : this.paragraph();
        sinceHeading += 1;
      }
      parts.push(block);
      length += block.length + 2;
    }
    return `${parts.join('\n\n')}\n`;
  }

  /** Whole sentences (now and then a heading) up to at least `characters`: one half of a seeded chunk. */
  passage(characters) {
    let text = '';
    while (text.length < characters) {
      const block = this.chance(0.04) ? `\n\n${this.heading(2)}\n\n` : this.sentence();
      text += text === '' || block.startsWith('\n') || text.endsWith('\n') ? block.trimStart() : ` ${block}`;
    }
    return text;
  }
}

/**
 * Search queries of 1 to 6 words, in three kinds (decided by the query's commonest word, which is
 * what sets how many chunks an OR-ed full-text query matches):
 *   - common: a question as users type it, with function words ("how do we replace the valve");
 *   - content: 1–4 nouns, verbs and adjectives drawn evenly from their lists (no function words);
 *   - rare: 1–2 proper names from the long tail.
 */
function searchQueries(count, seed) {
  const prose = new Prose(seed);
  const rnd = prose.rnd;
  const queries = [];
  for (let index = 0; index < count; index++) {
    const roll = rnd();
    if (roll < 0.3) {
      queries.push({ kind: 'common', text: commonQuery(prose) });
    } else if (roll < 0.8) {
      const length = 1 + Math.floor(rnd() * 4);
      const words = [];
      for (let i = 0; i < length; i++) {
        // Drawn evenly from the lists, so mostly words of middling to low frequency: "valve", "refund".
        words.push(uniform(rnd, uniform(rnd, [V.NOUNS, V.NOUNS, V.VERBS, V.ADJECTIVES])));
      }
      queries.push({ kind: 'content', text: words.join(' ') });
    } else {
      queries.push({ kind: 'rare', text: prose.chance(0.6) ? prose.name() : `${prose.name()} ${prose.name()}` });
    }
  }
  return queries;
}

function commonQuery(prose) {
  const rnd = prose.rnd;
  const noun = NOUNS.pick(rnd);
  const verb = VERBS.pick(rnd);
  const adjective = ADJECTIVES.pick(rnd);
  const shapes = [
    () => `how do we ${verb} the ${noun}`,
    () => `what is the ${adjective} ${noun}`,
    () => `${noun} of the ${NOUNS.pick(rnd)}`,
    () => `when to ${verb} a ${noun}`,
    () => `the ${noun}`,
    () => `can I ${verb} my ${noun}`,
    () => `${verb} the ${adjective} ${noun}`,
  ];
  return uniform(rnd, shapes)();
}

module.exports = { random, Prose, names, searchQueries };
