import { describe, expect, it } from 'vitest';
import {
  performanceEnd,
  performanceSection,
  performanceStart,
  replacePerformanceSection,
} from '../src/readme-section.js';
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
