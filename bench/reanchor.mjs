// Micro-benchmark: re-anchoring every claim of one article after a typical correction, against
// a naive baseline (indexOf of each quote in the new body) timed in the same run.
//
//   npx tsc -p tsconfig.build.json && node bench/reanchor.mjs [--quick]
//
// Runs the compiled dist/src/anchoring/reanchor.js, as the service does. The baseline is not a
// competitor (it cannot tell MOVED from a look-alike, nor find a corrected quote): it shows
// what the diff, the context checks and the fuzzy search cost on top of the bare minimum.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { prng, WORDS } from './generate-dataset.mjs';
import { median, percentile } from './support.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const COMPILED = path.join(ROOT, 'dist', 'src', 'anchoring', 'reanchor.js');

const ARTICLE_CHARS = 20_000;
const CLAIMS = 200;

function sentence(random, minChars) {
  const words = [];
  while (words.join(' ').length < minChars) words.push(WORDS[Math.floor(random() * WORDS.length)]);
  const text = words.join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

/**
 * ~20,000 characters of sentences, paragraphs of five, and 200 claims: in 200 distinct sentences,
 * a run of whole words of 20-80 characters that occurs exactly once in the body.
 */
export function generateArticle(seed = 42) {
  const random = prng(seed);
  const sentences = [];
  while (sentences.join(' ').length < ARTICLE_CHARS) sentences.push(sentence(random, 60 + Math.floor(random() * 60)));
  const body = sentences
    .map((s, i) => (i % 5 === 4 ? `${s}\n\n` : `${s} `))
    .join('')
    .trimEnd();
  const claims = [];
  const used = new Set();
  while (claims.length < CLAIMS) {
    const index = Math.floor(random() * sentences.length);
    if (used.has(index)) continue;
    const words = sentences[index].split(' ');
    const from = Math.floor(random() * words.length);
    let quote = '';
    for (let i = from; i < words.length && quote.length < 20 + random() * 60; i += 1)
      quote = quote ? `${quote} ${words[i]}` : words[i];
    if (quote.length < 20 || quote.length > 80 || body.indexOf(quote) !== body.lastIndexOf(quote)) continue;
    used.add(index);
    claims.push({ quote, start: body.indexOf(quote) });
  }
  return { body, sentences, claims };
}

/**
 * A typical correction: one sentence rewritten mid-article, one word fixed near the start (inside
 * the first claim's quote), one sentence added near the end.
 */
export function correct(body, sentences, claims) {
  const middle = sentences[Math.floor(sentences.length / 2)];
  const late = sentences[sentences.length - 3];
  const first = claims.reduce((a, b) => (b.start < a.start ? b : a));
  const fixed = first.quote.replace(/ (\w+)/, (_, word) => ` ${word}s`);
  return body
    .replace(middle, 'Officials later said the figures in an earlier version of this report were wrong.')
    .replace(first.quote, fixed)
    .replace(late, `${late} This sentence was added in a correction published the next day.`);
}

function summarise(perArticleMs) {
  const med = median(perArticleMs);
  const p95 = percentile(perArticleMs, 95);
  return { medianMsPerArticle: med, p95MsPerArticle: p95, medianMsPerClaim: med / CLAIMS, p95MsPerClaim: p95 / CLAIMS };
}

function time(fn) {
  const started = performance.now();
  const result = fn();
  return [performance.now() - started, result];
}

export async function runReanchorBench({ quick = false } = {}) {
  if (!fs.existsSync(COMPILED)) throw new Error(`${path.relative(ROOT, COMPILED)} is missing: run npm run build first`);
  const { describeBodyChange, reanchor } = await import(pathToFileURL(COMPILED).href);
  const { selectorAt } = await import(pathToFileURL(path.join(path.dirname(COMPILED), 'text-selector.js')).href);
  const { body, sentences, claims } = generateArticle();
  const newBody = correct(body, sentences, claims);
  const anchors = claims.map(({ quote, start }) => {
    const { prefix, suffix } = selectorAt(body, start, start + quote.length);
    return { quote, prefix, suffix, start, end: start + quote.length };
  });
  const repetitions = quick ? 5 : 20;
  const warmup = quick ? 1 : 3;
  const reanchored = [];
  const baseline = [];
  let statuses = {};
  for (let round = -warmup; round < repetitions; round += 1) {
    const [ms, results] = time(() => {
      const change = describeBodyChange(body, newBody);
      return anchors.map((anchor) => reanchor(change, anchor));
    });
    const [baselineMs] = time(() => anchors.map(({ quote }) => newBody.indexOf(quote)));
    if (round < 0) continue;
    reanchored.push(ms);
    baseline.push(baselineMs);
    statuses = {};
    for (const [i, r] of results.entries()) {
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      // Sanity: an exact re-anchoring must sit where the (unique) quote really is now.
      if ((r.status === 'ANCHORED' || r.status === 'MOVED') && r.selector.start !== newBody.indexOf(anchors[i].quote)) {
        throw new Error(
          `claim ${i} re-anchored at ${r.selector.start}, but its quote is at ${newBody.indexOf(anchors[i].quote)}`,
        );
      }
    }
  }
  const result = {
    article: { chars: body.length, newChars: newBody.length, claims: CLAIMS, repetitions },
    statuses,
    reanchor: summarise(reanchored),
    baseline: summarise(baseline),
  };
  result.ratio = result.reanchor.medianMsPerArticle / result.baseline.medianMsPerArticle;
  return result;
}

export function printReanchor(r) {
  const line = (name, s) =>
    `${name.padEnd(9)} median ${s.medianMsPerArticle.toFixed(3)} ms/article (${(s.medianMsPerClaim * 1000).toFixed(2)} µs/claim), ` +
    `p95 ${s.p95MsPerArticle.toFixed(3)} ms/article (${(s.p95MsPerClaim * 1000).toFixed(2)} µs/claim)`;
  console.log(
    `reanchor: ${r.article.chars} -> ${r.article.newChars} chars, ${r.article.claims} claims, ${r.article.repetitions} repetitions`,
  );
  console.log(`statuses  ${JSON.stringify(r.statuses)}`);
  console.log(line('reanchor', r.reanchor));
  console.log(line('baseline', r.baseline));
  console.log(`ratio     ${r.ratio.toFixed(1)}x the naive indexOf baseline (median per article)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  printReanchor(await runReanchorBench({ quick: process.argv.includes('--quick') }));
}
