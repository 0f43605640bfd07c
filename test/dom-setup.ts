// Runs before every test file (jest setupFiles). In jsdom only: what browsers have and jsdom lacks.
import { TextDecoder as NodeTextDecoder } from 'node:util';

if (typeof window !== 'undefined') {
  // Fluent's MessageBar observes its own size for reflow; jsdom has no layout, so no ResizeObserver.
  if (typeof globalThis.ResizeObserver === 'undefined') {
    globalThis.ResizeObserver = class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    };
  }
  // Every browser decodes GBK with TextDecoder; jsdom has none, so lend it Node's.
  if (typeof globalThis.TextDecoder === 'undefined') globalThis.TextDecoder = NodeTextDecoder as unknown as typeof TextDecoder;
}
