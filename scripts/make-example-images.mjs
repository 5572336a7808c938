#!/usr/bin/env node
// Draws the small PNG images of examples/workspace/public (no image library: scripts/png.mjs
// encodes the pixels). Run again after changing a scene; the output is deterministic.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { png } from './png.mjs';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../examples/workspace/public');

const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);

/** A ridge line: a few summed sines, in pixels from the top. */
const ridge = (x, base, amplitude, seed) =>
  base + amplitude * (Math.sin(x * 0.013 + seed) * 0.6 + Math.sin(x * 0.031 + seed * 2) * 0.3 + Math.sin(x * 0.07 + seed * 3) * 0.1);

const scenes = {
  // Mountains at dusk, a low sun: the trail-running article's hero.
  'trail-running-hero.png': [640, 360, (x, y) => {
    let color = mix([38, 52, 110], [246, 170, 110], y / 260);
    const sun = Math.hypot(x - 470, y - 150);
    if (sun < 34) color = [255, 226, 160];
    else if (sun < 70) color = mix([255, 210, 150], color, (sun - 34) / 36);
    if (y > ridge(x, 190, 40, 1)) color = mix([92, 84, 132], [60, 58, 100], (y - 190) / 170);
    if (y > ridge(x, 250, 28, 4)) color = mix([52, 70, 74], [30, 42, 46], (y - 250) / 110);
    if (y > 320 - Math.abs(x - 320) * 0.08) color = [96, 78, 60]; // the trail
    return color;
  }],
  // Rain over hills: an inline image.
  'rain-on-the-ridge.png': [320, 200, (x, y) => {
    let color = mix([120, 132, 150], [170, 178, 186], y / 200);
    if (y > ridge(x * 2, 110, 20, 2)) color = mix([70, 98, 80], [44, 66, 52], (y - 110) / 90);
    if ((x * 3 + y) % 23 === 0 && y < 150) color = mix(color, [230, 236, 245], 0.6); // rain streaks
    return color;
  }],
  // A cast-iron pan from above: the second article's hero.
  'cast-iron-hero.png': [640, 360, (x, y) => {
    let color = mix([188, 150, 110], [160, 122, 86], ((x >> 5) + (y >> 5)) % 2 ? 0.2 : 0); // a wooden board
    const d = Math.hypot(x - 300, y - 180);
    if (d < 150) color = mix([44, 44, 48], [22, 22, 26], d / 150);
    if (d >= 150 && d < 162) color = [60, 60, 66];
    if (x > 440 && x < 620 && Math.abs(y - 180) < 16) color = [50, 50, 56]; // the handle
    if (Math.hypot(x - 270, y - 150) < 40) color = [250, 200, 70]; // an egg yolk
    else if (Math.hypot(x - 275, y - 160) < 75) color = [246, 244, 236];
    return color;
  }],
};

fs.mkdirSync(OUT, { recursive: true });
for (const [name, [width, height, pixel]] of Object.entries(scenes)) {
  const bytes = png(width, height, pixel);
  fs.writeFileSync(path.join(OUT, name), bytes);
  console.log(`${path.relative(process.cwd(), path.join(OUT, name))}: ${width}x${height}, ${bytes.length} bytes`);
}
