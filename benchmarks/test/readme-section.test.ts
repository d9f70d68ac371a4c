import { describe, expect, it } from 'vitest';
import { ratios, scaling } from '../src/ratios.js';
import {
  performanceEnd,
  performanceSection,
  performanceStart,
  replacePerformanceSection,
} from '../src/readme-section.js';
import { timedResult } from '../src/results.js';
import { sampleDocument } from './fixtures.js';

describe('performanceSection()', () => {
  const section = performanceSection(sampleDocument());

  it('is one marked block with the run, the machine and a table row per case', () => {
    expect(section.startsWith(performanceStart)).toBe(true);
    expect(section.endsWith(performanceEnd)).toBe(true);
    expect(section).toContain('One quick `npm run bench` run');
    expect(section).toContain('| suite / case | initscope | fastest peer | vs fastest peer |');
    expect(section).toContain(
      '| `matmul` / `1000x100x100` | 0.500 ms, 40.0 GFLOP/s | tfjs-wasm 0.900 ms | **1.8×** |',
    );
  });

  it('shows each peer, a skipped one as such, and NumPy against its bare calls', () => {
    expect(section).toContain(
      '| 0.900 ms, 22.2 GFLOP/s (1.8×) | — | skipped |\n| `components` / `sigmoid` | 0.0100 ms | ' +
        'numpy 0.0400 ms | **4.0×** | — | 0.0400 ms (4.0×) | — | — | — |',
    );
    expect(section).toContain('1 (case, engine) pairs were skipped (see each reason');
    expect(section).toContain('sigmoid 0.0400 ms vs 0.0380 ms (1.05×)');
    expect(section).toContain('scipy-openblas 0.3.31, kernel SkylakeX');
  });
});

describe('performanceSection() with threaded rows', () => {
  const document = sampleDocument();
  const [matmul] = document.cases as [(typeof document.cases)[0]];
  const timing = (medianMs: number) => ({
    medianMs,
    meanMs: medianMs,
    minMs: medianMs,
    maxMs: medianMs,
    samples: 3,
  });
  // the threaded rows come first: the main table must still quote the 1-thread ones
  const threaded = timedResult(matmul, 'initscope', timing(0.25), undefined, 2);
  threaded.machine_probe = { products: 400, one_ms: 50, all_ms: 26, samples: 3 };
  document.results.unshift(threaded, timedResult(matmul, 'tfjs-wasm', timing(0.3), undefined, 2));
  document.ratios = ratios(document.results);
  document.scaling = scaling(document.results);
  const section = performanceSection(document);

  it('keeps the first table on one thread', () => {
    expect(section).toContain(
      'one thread for every engine in the first table; the second puts initscope on every core',
    );
    expect(section).toContain(
      '| `matmul` / `1000x100x100` | 0.500 ms, 40.0 GFLOP/s | tfjs-wasm 0.900 ms | **1.8×** |',
    );
  });

  it('gives initscope on every core against 1 thread and against the peer on as many threads', () => {
    expect(section).toContain(
      '| `matmul` / `1000x100x100` | 0.500 ms | 0.250 ms (2 threads) | **2.0×** | 1.9× | tfjs-wasm 0.300 ms | 1.2× |',
    );
  });

  it('says what the machine probe is', () => {
    expect(section).toContain('"Machine probe" is what the machine gave in the same blocks');
  });

  it('has no threads table without threaded rows', () => {
    expect(performanceSection(sampleDocument())).not.toContain('initscope, threads');
  });
});

describe('replacePerformanceSection()', () => {
  it('replaces only the text between the markers', () => {
    const readme = `# x\n\n## Performance\n\n${performanceStart}\nold\n${performanceEnd}\n\n## Next\n`;
    expect(replacePerformanceSection(readme, `${performanceStart}\nnew\n${performanceEnd}`)).toBe(
      `# x\n\n## Performance\n\n${performanceStart}\nnew\n${performanceEnd}\n\n## Next\n`,
    );
  });

  it('refuses a README without the markers', () => {
    expect(() => replacePerformanceSection('# x\n', 'new')).toThrow(
      'README.md has no "<!-- performance:start" … "<!-- performance:end -->" block to replace',
    );
  });
});
