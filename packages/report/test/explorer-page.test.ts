import { describe, expect, it } from 'vitest';
import { explorerContentSecurityPolicy, renderExplorerPage } from '../src/index.js';

const input = {
  workerScript: 'self.x = "</script><script>alert(1)</script>";',
  wasmBase64: 'AGFzbQEAAAA=',
  activations: ['sigmoid', 'leaky-relu'],
  inits: ['xavier', 'std:<σ>', 'he'],
  alphaActivations: ['leaky-relu'],
};

describe('renderExplorerPage', () => {
  it('is one offline page: its CSP allows blob workers and WASM, no connections', () => {
    const html = renderExplorerPage({ ...input, lang: 'en' });
    expect(html).toContain(`content="${explorerContentSecurityPolicy}"`);
    expect(explorerContentSecurityPolicy).toContain("connect-src 'none'");
    expect(explorerContentSecurityPolicy).toContain('worker-src blob:');
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('inlines the worker so that its text cannot end the script element', () => {
    const html = renderExplorerPage({ ...input, lang: 'en' });
    const start = html.indexOf('<script type="text/plain" id="initscope-worker">');
    const end = html.indexOf('</script>', start);
    expect(html.slice(start, end)).toContain('<\\/script><script>alert(1)<\\/script>');
  });

  it('offers every initializer without a parameter plus the free σ_w, with labelled controls', () => {
    const html = renderExplorerPage({ ...input, lang: 'en' });
    expect(html).toContain('<option value="xavier">');
    expect(html).toContain('<option value="σ_w">');
    expect(html).not.toContain('<option value="std:&lt;σ&gt;">');
    for (const id of [
      'activation',
      'init',
      'sigma',
      'layers',
      'width',
      'samples',
      'seed',
      'bins',
      'seeds',
      'threads',
    ]) {
      expect(html).toContain(`<label for="${id}">`);
    }
    expect(html).toContain('<label class="check" for="bands"><input type="checkbox" id="bands"');
    expect(html).toContain('<table id="verdict-table">');
  });

  it('speaks Japanese with --lang ja', () => {
    const html = renderExplorerPage({ ...input, lang: 'ja' });
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('活性化関数');
    expect(html).toContain('カオスの縁');
    expect(html).toContain('シードの帯');
    expect(html).toContain('<th>判定</th>');
  });
});
