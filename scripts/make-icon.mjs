#!/usr/bin/env node
// Draws media/icon.png (the Marketplace and Open VSX icon, 128x128) from media/icon.svg, with no
// image library: a small rasterizer for the SVG the icon is written in (rect with rx, circle,
// polygon, path with straight segments; flat fills or a vertical/horizontal linearGradient), 8x8
// samples a pixel for smooth edges, encoded by scripts/png.mjs. Anything outside that subset is an
// error rather than a silently wrong picture. Deterministic: the same SVG gives the same bytes.
//
//   node scripts/make-icon.mjs           writes media/icon.png
//   node scripts/make-icon.mjs --check   exits 1 when media/icon.png is not what the SVG draws
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { png } from './png.mjs';

const MEDIA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../media');
const SVG_FILE = path.join(MEDIA, 'icon.svg');
const PNG_FILE = path.join(MEDIA, 'icon.png');
const SAMPLES = 8; // per axis

/** The attributes of one tag, by name. */
function attributes(tag) {
  return Object.fromEntries([...tag.matchAll(/([\w:-]+)="([^"]*)"/g)].map((match) => [match[1], match[2]]));
}

function number(value, what) {
  const parsed = Number(value);
  if (value === undefined || !Number.isFinite(parsed)) throw new Error(`icon.svg: ${what} is not a number (${value})`);
  return parsed;
}

function parseColor(value) {
  const hex = /^#([0-9a-f]{6})$/i.exec(value ?? '');
  if (!hex) throw new Error(`icon.svg: colour ${value} is not #rrggbb`);
  return [0, 2, 4].map((at) => parseInt(hex[1].slice(at, at + 2), 16));
}

/** The gradients of <defs>, by id: stops along the line (x1, y1)-(x2, y2) of the shape's box. */
function parseGradients(svg) {
  const gradients = new Map();
  for (const match of svg.matchAll(/<linearGradient\b([^>]*)>([\s\S]*?)<\/linearGradient>/g)) {
    const own = attributes(match[1]);
    if (own.gradientUnits && own.gradientUnits !== 'objectBoundingBox') throw new Error('icon.svg: only objectBoundingBox gradients');
    const stops = [...match[2].matchAll(/<stop\b([^>]*)\/>/g)].map((stop) => {
      const at = attributes(stop[1]);
      return { offset: number(at.offset, 'stop offset'), color: parseColor(at['stop-color']) };
    });
    if (stops.length < 2) throw new Error(`icon.svg: gradient ${own.id} needs two stops`);
    const coordinate = (name, fallback) => number(own[name] ?? fallback, `gradient ${name}`);
    gradients.set(own.id, { x1: coordinate('x1', 0), y1: coordinate('y1', 0), x2: coordinate('x2', 1), y2: coordinate('y2', 0), stops });
  }
  return gradients;
}

/** A rectangle whose corners are quarter circles of radius rx: inside when the point is within rx of the inner rectangle. */
function roundedRect(x, y, width, height, rx) {
  const r = Math.max(0, Math.min(rx, width / 2, height / 2));
  return (px, py) => {
    if (px < x || px > x + width || py < y || py > y + height) return false;
    const dx = px - Math.max(x + r, Math.min(px, x + width - r));
    const dy = py - Math.max(y + r, Math.min(py, y + height - r));
    return dx * dx + dy * dy <= r * r;
  };
}

/** The subpaths of a path's `d` with straight segments only (M, L, H, V, Z, absolute or relative). */
function pathPolygons(d) {
  const tokens = d.match(/[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/g) ?? [];
  const polygons = [];
  let current = [];
  let x = 0;
  let y = 0;
  let command = '';
  for (let i = 0; i < tokens.length; ) {
    if (/[A-Za-z]/.test(tokens[i])) command = tokens[i++];
    const relative = command === command.toLowerCase();
    const next = () => number(tokens[i++], `path ${command} argument`);
    switch (command.toUpperCase()) {
      case 'M':
        if (current.length > 0) polygons.push(current);
        x = (relative ? x : 0) + next();
        y = (relative ? y : 0) + next();
        current = [[x, y]];
        command = relative ? 'l' : 'L'; // further pairs are line-tos
        break;
      case 'L':
        x = (relative ? x : 0) + next();
        y = (relative ? y : 0) + next();
        current.push([x, y]);
        break;
      case 'H':
        x = (relative ? x : 0) + next();
        current.push([x, y]);
        break;
      case 'V':
        y = (relative ? y : 0) + next();
        current.push([x, y]);
        break;
      case 'Z':
        if (current.length > 0) polygons.push(current);
        [x, y] = current[0] ?? [x, y];
        current = [];
        break;
      default:
        throw new Error(`icon.svg: path command ${command} is outside the subset this script draws`);
    }
  }
  if (current.length > 0) polygons.push(current);
  return polygons;
}

/** Nonzero winding of (px, py) around the polygons. */
function insidePolygons(polygons, px, py) {
  let winding = 0;
  for (const points of polygons) {
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i];
      const [xj, yj] = points[j];
      if (yj <= py) {
        if (yi > py && (xi - xj) * (py - yj) - (px - xj) * (yi - yj) > 0) winding++;
      } else if (yi <= py && (xi - xj) * (py - yj) - (px - xj) * (yi - yj) < 0) winding--;
    }
  }
  return winding !== 0;
}

function boundsOf(polygons) {
  const xs = polygons.flat().map((point) => point[0]);
  const ys = polygons.flat().map((point) => point[1]);
  return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
}

/** The shapes in paint order, each with `inside(x, y)` and `colorAt(x, y)`. */
function parseShapes(svg, gradients) {
  const shapes = [];
  const body = svg.replace(/<!--[\s\S]*?-->/g, '').replace(/<defs>[\s\S]*?<\/defs>/g, '');
  for (const match of body.matchAll(/<(rect|circle|polygon|path)\b([^>]*)\/>/g)) {
    const [, kind, attributeText] = match;
    const at = attributes(attributeText);
    let inside;
    let box;
    if (kind === 'circle') {
      const [cx, cy, r] = [number(at.cx, 'cx'), number(at.cy, 'cy'), number(at.r, 'r')];
      inside = (px, py) => (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
      box = { x: cx - r, y: cy - r, width: 2 * r, height: 2 * r };
    } else if (kind === 'rect') {
      box = { x: number(at.x ?? '0', 'x'), y: number(at.y ?? '0', 'y'), width: number(at.width, 'width'), height: number(at.height, 'height') };
      inside = roundedRect(box.x, box.y, box.width, box.height, number(at.rx ?? '0', 'rx'));
    } else {
      const polygons =
        kind === 'polygon'
          ? [at.points.trim().split(/[\s,]+/).map(Number).reduce((points, value, index, all) => (index % 2 ? points : [...points, [value, all[index + 1]]]), [])]
          : pathPolygons(at.d);
      box = boundsOf(polygons);
      inside = (px, py) =>
        px >= box.x && px <= box.x + box.width && py >= box.y && py <= box.y + box.height && insidePolygons(polygons, px, py);
    }
    shapes.push({ inside, colorAt: paint(at.fill, box, gradients) });
  }
  return shapes;
}

/** A fill: `#rrggbb` or `url(#gradient)`, as a function of the point. */
function paint(fill, box, gradients) {
  const reference = /^url\(#([\w-]+)\)$/.exec(fill ?? '');
  if (!reference) {
    const color = parseColor(fill);
    return () => color;
  }
  const gradient = gradients.get(reference[1]);
  if (!gradient) throw new Error(`icon.svg: no gradient ${reference[1]}`);
  const { x1, y1, x2, y2, stops } = gradient;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length2 = dx * dx + dy * dy;
  return (px, py) => {
    const u = (px - box.x) / box.width;
    const v = (py - box.y) / box.height;
    const t = Math.max(0, Math.min(1, ((u - x1) * dx + (v - y1) * dy) / length2));
    const after = stops.findIndex((stop) => stop.offset >= t);
    if (after <= 0) return stops[after === -1 ? stops.length - 1 : 0].color;
    const [a, b] = [stops[after - 1], stops[after]];
    const share = (t - a.offset) / (b.offset - a.offset);
    return a.color.map((value, i) => value + (b.color[i] - value) * share);
  };
}

/** Renders the SVG text to PNG bytes (RGBA: outside every shape is transparent). */
export function renderIcon(svg) {
  const root = attributes(/<svg\b([^>]*)>/.exec(svg)?.[1] ?? '');
  const width = number(root.width, 'svg width');
  const height = number(root.height, 'svg height');
  if (root.viewBox && root.viewBox.trim().split(/[\s,]+/).map(Number).join(' ') !== `0 0 ${width} ${height}`) {
    throw new Error('icon.svg: the viewBox must be 0 0 width height');
  }
  const shapes = parseShapes(svg, parseGradients(svg));
  return png(width, height, (x, y) => {
    // Premultiplied sums over the pixel's samples: the topmost shape under each sample paints it.
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const px = x + (sx + 0.5) / SAMPLES;
        const py = y + (sy + 0.5) / SAMPLES;
        for (let s = shapes.length - 1; s >= 0; s--) {
          if (!shapes[s].inside(px, py)) continue;
          const color = shapes[s].colorAt(px, py);
          sum[0] += color[0];
          sum[1] += color[1];
          sum[2] += color[2];
          sum[3] += 1;
          break;
        }
      }
    }
    if (sum[3] === 0) return [0, 0, 0, 0];
    return [sum[0] / sum[3], sum[1] / sum[3], sum[2] / sum[3], (255 * sum[3]) / (SAMPLES * SAMPLES)];
  }, 4);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const bytes = renderIcon(fs.readFileSync(SVG_FILE, 'utf8'));
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(PNG_FILE) ? fs.readFileSync(PNG_FILE) : undefined;
    if (!current || !current.equals(bytes)) {
      console.error(`${path.relative(process.cwd(), PNG_FILE)} is not what ${path.relative(process.cwd(), SVG_FILE)} draws: run node scripts/make-icon.mjs`);
      process.exit(1);
    }
    console.log(`${path.relative(process.cwd(), PNG_FILE)} is up to date`);
  } else {
    fs.writeFileSync(PNG_FILE, bytes);
    console.log(`${path.relative(process.cwd(), PNG_FILE)}: ${bytes.length} bytes`);
  }
}
