#!/usr/bin/env node
// Draws the add-in icons (green rounded square, white check mark, faint table rows)
// into assets/icon-<size>.png. Shapes are distance functions sampled 8x8 per pixel,
// so edges stay smooth at 16 px. Usage: node scripts/make-icons.js
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { PNG } = require('pngjs');

const SIZES = [16, 32, 64, 80, 128];
const GREEN = [16, 124, 65]; // Excel green, #107C41
const WHITE = [255, 255, 255];
const SAMPLES = 8;

// Signed distance to a rounded rectangle centred at (cx, cy); negative inside.
function roundedRect(x, y, cx, cy, halfW, halfH, r) {
  const qx = Math.abs(x - cx) - (halfW - r);
  const qy = Math.abs(y - cy) - (halfH - r);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r;
}

// Distance from (x, y) to the segment a-b.
function segment(x, y, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

// Layers in unit coordinates (0..1), painted back to front; each returns true if the point is covered.
function layers(size) {
  const stroke = size <= 16 ? 0.15 : 0.12; // thicker at 16 px so the check survives
  const check = [[0.26, 0.53], [0.43, 0.70], [0.75, 0.33]];
  const onCheck = (x, y) =>
    segment(x, y, ...check[0], ...check[1]) <= stroke / 2 || segment(x, y, ...check[1], ...check[2]) <= stroke / 2;
  // Whole-pixel margin: a fractional one blurs the outer edge at small sizes.
  const half = 0.5 - Math.round(size * 0.03) / size;
  const result = [
    { color: GREEN, alpha: 1, covers: (x, y) => roundedRect(x, y, 0.5, 0.5, half, half, 0.2) <= 0 },
  ];
  if (size >= 32) {
    // Table rows: three thin lines, only where they stay crisp.
    const rows = [0.3, 0.5, 0.7];
    const line = 1.2 / size;
    result.push({
      color: WHITE,
      alpha: 0.35,
      covers: (x, y) => x >= 0.18 && x <= 0.82 && rows.some((ry) => Math.abs(y - ry) <= line / 2),
    });
  }
  result.push({ color: WHITE, alpha: 1, covers: onCheck });
  return result;
}

function render(size) {
  const png = new PNG({ width: size, height: size });
  const paint = layers(size);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Accumulate premultiplied colour over the subsamples.
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          let cr = 0, cg = 0, cb = 0, ca = 0;
          for (const layer of paint) {
            if (!layer.covers(x, y)) continue;
            const k = layer.alpha;
            cr = layer.color[0] * k + cr * (1 - k);
            cg = layer.color[1] * k + cg * (1 - k);
            cb = layer.color[2] * k + cb * (1 - k);
            ca = k + ca * (1 - k);
          }
          r += cr; g += cg; b += cb; a += ca;
        }
      }
      const n = SAMPLES * SAMPLES;
      const i = (py * size + px) * 4;
      const alpha = a / n;
      png.data[i] = alpha > 0 ? Math.round(r / n / alpha) : 0;
      png.data[i + 1] = alpha > 0 ? Math.round(g / n / alpha) : 0;
      png.data[i + 2] = alpha > 0 ? Math.round(b / n / alpha) : 0;
      png.data[i + 3] = Math.round(alpha * 255);
    }
  }
  return PNG.sync.write(png);
}

const outDir = path.resolve(__dirname, '..', 'assets');
fs.mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = path.join(outDir, `icon-${size}.png`);
  fs.writeFileSync(file, render(size));
  console.log(path.relative(process.cwd(), file));
}
