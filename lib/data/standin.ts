/**
 * Seeded, procedurally generated stand-ins for CIFAR-100 and STL-10, used
 * when the official data are not cached. Same shapes, class counts and split
 * sizes as the real sets; each class is a combination of a shape, a colour and a
 * background texture, drawn at a random position, scale and rotation under noise.
 * Images are generated lazily: only the requested indices are rendered.
 *
 * @module
 */
import { deriveSeed, shuffleInPlace, stream } from "../random/mod.ts";
import { CIFAR100_FINE_TO_COARSE } from "./class_names.ts";
import type { LabeledImages } from "./types.ts";

/** Fixed seed of the stand-in data sets: like real data, their pixels never change. */
export const STANDIN_SEED = 20250916;

/** Geometry and sizes of a stand-in data set (those of the official set it replaces). */
export interface StandInSpec {
  name: "cifar100" | "stl10";
  size: number;
  classes: number;
  trainCount: number;
  testCount: number;
}

/** Stand-in specs, matching the official CIFAR-100 and STL-10 sets. */
export const STANDIN_SPECS: Readonly<Record<"cifar100" | "stl10", StandInSpec>> = {
  cifar100: { name: "cifar100", size: 32, classes: 100, trainCount: 50000, testCount: 10000 },
  stl10: { name: "stl10", size: 96, classes: 10, trainCount: 5000, testCount: 8000 },
};

/** Standard deviation-like amplitude of per-pixel noise, in grey levels. */
const NOISE_AMPLITUDE = 70;
/** Largest rotation of a shape, in radians. */
const MAX_ROTATION = 0.4;
/** Largest hue jitter, in degrees. */
const HUE_JITTER = 22;
/** Share of images with a distractor shape in the background. */
const DISTRACTOR_PROBABILITY = 0.5;
const SIN_TABLE_SIZE = 256;
const SIN_TABLE = Float32Array.from(
  { length: SIN_TABLE_SIZE },
  (_, i) => Math.sin((2 * Math.PI * i) / SIN_TABLE_SIZE),
);

/**
 * Labels of every image of a stand-in split, balanced over classes in a fixed
 * shuffled order (cheap: no pixels are made).
 *
 * @param spec which stand-in.
 * @param split the official split it replaces.
 * @returns one label per image of the full split.
 */
export function standInLabels(spec: StandInSpec, split: "train" | "test"): Uint8Array {
  const count = split === "train" ? spec.trainCount : spec.testCount;
  const labels = Uint8Array.from({ length: count }, (_, i) => i % spec.classes);
  return shuffleInPlace(labels, stream(STANDIN_SEED, split === "train" ? 1 : 2));
}

/**
 * Renders the stand-in images at `indices` of a split (each image depends only on
 * the split and its index, so subsets agree with the full set).
 *
 * @param spec which stand-in.
 * @param split the official split it replaces.
 * @param indices positions into the full split.
 * @returns RGB images `[indices.length, size, size, 3]` with their labels.
 *
 * @example
 * ```ts
 * import { renderStandIn, STANDIN_SPECS } from "./standin.ts";
 * const set = renderStandIn(STANDIN_SPECS.stl10, "train", [0, 1]);
 * if (set.count !== 2 || set.images.length !== 2 * 96 * 96 * 3) throw new Error();
 * ```
 */
export function renderStandIn(
  spec: StandInSpec,
  split: "train" | "test",
  indices: ArrayLike<number>,
): LabeledImages {
  const all = standInLabels(spec, split);
  const { size } = spec;
  const pixels = size * size * 3;
  const images = new Uint8Array(indices.length * pixels);
  const clamped = new Uint8ClampedArray(images.buffer);
  const labels = new Uint8Array(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!;
    if (!(i >= 0 && i < all.length)) {
      throw new RangeError(
        `Stand-in index must be in 0..${all.length - 1} but found ${i}: pass valid indices`,
      );
    }
    labels[k] = all[i]!;
    const seed = deriveSeed(STANDIN_SEED, split === "train" ? 1 : 2, i);
    drawImage(clamped, k * pixels, size, classRecipe(spec, all[i]!), seed);
  }
  return { images, labels, count: indices.length, height: size, width: size, channels: 3 };
}

/** What makes a class: a shape, a hue, a texture family and its frequency/orientation. */
interface Recipe {
  shape: number;
  hue: number;
  texture: number;
  frequency: number;
  angle: number;
}

function classRecipe(spec: StandInSpec, label: number): Recipe {
  if (spec.name === "stl10") {
    // Colours and textures are each shared by several classes, so only their
    // combination with the shape identifies a class.
    return {
      shape: label,
      hue: ((label * 3) % 5) * 72,
      texture: label % 2,
      frequency: 3 + (label % 3),
      angle: (label % 4) * 0.8,
    };
  }
  // CIFAR-100: classes of one superclass share shape and texture family, as real
  // superclasses share structure, and differ by colour and texture frequency.
  const coarse = CIFAR100_FINE_TO_COARSE[label]!;
  const within = CIFAR100_FINE_TO_COARSE.slice(0, label).filter((c) => c === coarse).length;
  return {
    shape: coarse % 10,
    hue: (within * 72 + coarse * 23) % 360,
    texture: Math.floor(coarse / 10),
    frequency: 2 + within,
    angle: coarse * 0.45 + within * 0.2,
  };
}

// deno-fmt-ignore
function insideShape(shape: number, u: number, v: number): boolean {
  const au = Math.abs(u), av = Math.abs(v);
  switch (shape) {
    case 0: return u * u + v * v < 1; // disk
    case 1: return au < 0.8 && av < 0.8; // square
    case 2: return v > -0.8 && v < 0.8 && au < (v + 0.8) * 0.6; // triangle
    case 3: { const r = u * u + v * v; return r > 0.45 && r < 1; } // ring
    case 4: return (au < 0.3 && av < 1) || (av < 0.3 && au < 1); // plus
    case 5: return au < 1 && av < 0.35; // bar
    case 6: return au + av < 1; // diamond
    case 7: return (au - 0.5) * (au - 0.5) + v * v < 0.2; // two dots
    case 8: return u * u + v * v < 1 && v > 0; // half disk
    default: return Math.abs(au - av) < 0.3 && au < 0.9; // X
  }
}

// deno-fmt-ignore
function hsvToRgb(h: number, s: number, v: number): [number, number, number] {
  const hh = (((h % 360) + 360) % 360) / 60;
  const c = v * s, x = c * (1 - Math.abs((hh % 2) - 1)), m = v - c;
  const [r, g, b] = hh < 1 ? [c, x, 0] : hh < 2 ? [x, c, 0] : hh < 3 ? [0, c, x]
    : hh < 4 ? [0, x, c] : hh < 5 ? [x, 0, c] : [c, 0, x];
  return [(r + m) * 255, (g + m) * 255, (b + m) * 255];
}

// deno-fmt-ignore
function drawImage(
  out: Uint8ClampedArray,
  offset: number,
  size: number,
  recipe: Recipe,
  seed: number,
): void {
  const random = stream(seed);
  const between = (a: number, b: number) => a + (b - a) * random();
  const [fg0, fg1, fg2] = hsvToRgb(recipe.hue + between(-HUE_JITTER, HUE_JITTER), between(0.55, 1), between(0.55, 1));
  const [bg0, bg1, bg2] = hsvToRgb(between(0, 360), between(0, 0.45), between(0.15, 0.6));
  const cx = size * between(0.3, 0.7), cy = size * between(0.3, 0.7);
  const radius = size * between(0.2, 0.36);
  const rot = between(-MAX_ROTATION, MAX_ROTATION);
  const cos = Math.cos(rot) / radius, sin = Math.sin(rot) / radius;
  // A smaller distractor shape of any kind and colour, half of the time.
  const distractor = random() < DISTRACTOR_PROBABILITY ? Math.floor(random() * 10) : -1;
  const [dc0, dc1, dc2] = hsvToRgb(between(0, 360), between(0.3, 1), between(0.3, 1));
  const dx0 = size * between(0.15, 0.85), dy0 = size * between(0.15, 0.85);
  const dScale = 1 / (size * between(0.08, 0.16));
  // Texture: phase steps through the sine table, in table units per pixel.
  const freq = (recipe.frequency * SIN_TABLE_SIZE) / size * between(0.85, 1.15);
  const kx = freq * Math.cos(recipe.angle), ky = freq * Math.sin(recipe.angle);
  const phase = between(0, SIN_TABLE_SIZE);
  const contrast = between(25, 55);
  let state = (seed ^ 0x9e3779b9) >>> 0 || 1;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const dx = x - cx, dy = y - cy;
      const u = dx * cos + dy * sin, v = -dx * sin + dy * cos;
      let r = fg0, g = fg1, b = fg2;
      if (insideShape(recipe.shape, u, v)) {
        // main shape in front
      } else if (distractor >= 0 && insideShape(distractor, (x - dx0) * dScale, (y - dy0) * dScale)) {
        r = dc0;
        g = dc1;
        b = dc2;
      } else {
        const s1 = SIN_TABLE[((x * kx + y * ky + phase) | 0) & (SIN_TABLE_SIZE - 1)]!;
        const t = recipe.texture === 0
          ? s1
          : s1 * SIN_TABLE[((x * ky - y * kx + phase) | 0) & (SIN_TABLE_SIZE - 1)]! * 2;
        r = bg0 + contrast * t;
        g = bg1 + contrast * t;
        b = bg2 + contrast * t;
      }
      const at = offset + (y * size + x) * 3;
      state ^= state << 13; state ^= state >>> 17; state ^= state << 5;
      const n1 = ((state >>> 0) / 4294967296 - 0.5) * NOISE_AMPLITUDE;
      state ^= state << 13; state ^= state >>> 17; state ^= state << 5;
      const n2 = ((state >>> 0) / 4294967296 - 0.5) * NOISE_AMPLITUDE;
      state ^= state << 13; state ^= state >>> 17; state ^= state << 5;
      const n3 = ((state >>> 0) / 4294967296 - 0.5) * NOISE_AMPLITUDE;
      out[at] = r + n1;
      out[at + 1] = g + n2;
      out[at + 2] = b + n3;
    }
  }
}
