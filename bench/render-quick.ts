/**
 * A quick measurement of the preview renderer (not the full benchmark): renderArticle on the sample
 * article, and on a 1 MB article made of the sample's body repeated (with raw HTML blocks to
 * sanitize), each against one parse of the same text. Medians after a warm-up.
 * Run: npx tsc -p . && node out/bench/render-quick.js [article.md]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArticle, renderArticle } from '../src/core';

const file = path.resolve(process.argv[2] ?? path.join(__dirname, '..', '..', 'test', 'fixtures', 'examples', 'sample-article.md'));
const sample = fs.readFileSync(file, 'utf8');
const options = { resolveImage: (src: string) => ({ url: `https://file.example${src}` }) };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function measure(label: string, text: string, runs: number): void {
  const article = parseArticle(text);
  for (let i = 0; i < 3; i++) renderArticle(article, options);
  const render: number[] = [];
  const parse: number[] = [];
  for (let i = 0; i < runs; i++) {
    let started = process.hrtime.bigint();
    parseArticle(text + ' '.repeat(i % 2)); // a different string each time: no parse cache
    parse.push(Number(process.hrtime.bigint() - started) / 1e6);
    started = process.hrtime.bigint();
    renderArticle(article, options);
    render.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  console.log(`${label.padEnd(28)} ${(text.length / 1024).toFixed(0).padStart(5)} KB   render ${median(render).toFixed(2).padStart(7)} ms   parse ${median(parse).toFixed(2).padStart(7)} ms`);
}

const body = sample.slice(sample.indexOf('\n---', 4) + 4).replace(/## Frequently Asked Questions[\s\S]*/, '');
let big = sample;
for (let i = 0; big.length < 1024 * 1024; i++) {
  big += `\n\n## Part ${i}\n${body}\n<div class="note"><img src="/x${i}.png" alt="x"> <b>raw</b> HTML</div>\n`;
}
measure(path.basename(file), sample, 200);
measure('1 MB (sample body repeated)', big, 15);
