import { describe, expect, it } from 'vitest';
import { installedVersion, vegaBundles } from '../src/bundles.js';
import { escapeScript, jsonForScript, slug } from '../src/html.js';
import { renderChartsPage, vegaVersions } from '../src/index.js';
import { chartsOf, ownPartOf, renderSvg } from './page-parts.js';

const bars = {
  data: {
    values: [
      { peer: 'wasm', ms: 1.2 },
      { peer: 'js', ms: 4.5 },
    ],
  },
  mark: 'bar',
  encoding: { x: { field: 'peer', type: 'nominal' }, y: { field: 'ms', type: 'quantitative' } },
};

describe('vegaVersions', () => {
  it('pins the installed vega, vega-lite and vega-embed', () => {
    expect(vegaVersions).toEqual({
      vega: installedVersion('vega'),
      vegaLite: installedVersion('vega-lite'),
      vegaEmbed: installedVersion('vega-embed'),
    });
  });

  it('inlines bundles of those versions, in load order, without source maps', () => {
    const [vega, vegaLite, vegaEmbed] = vegaBundles();
    expect(vega).toContain(`version="${vegaVersions.vega}"`);
    expect(vegaLite).toContain(`"${vegaVersions.vegaLite}"`);
    expect(vegaEmbed).toContain(`"${vegaVersions.vegaEmbed}"`);
    for (const bundle of vegaBundles()) expect(bundle.includes('sourceMappingURL')).toBe(false);
  });
});

describe('renderChartsPage()', () => {
  const html = renderChartsPage({
    title: 'matmul 1000×100·100×100',
    intro: 'Median of 50 runs.',
    charts: [{ id: 'matmul', title: 'Time per call', description: 'lower is better', spec: bars }],
  });
  const own = ownPartOf(html);

  it('builds an offline page with a heading, intro and chart block', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(own).toContain('<h1>matmul 1000×100·100×100</h1><p>Median of 50 runs.</p>');
    expect(own).toContain(
      '<figure class="chart" id="matmul"><figcaption><h2>Time per call</h2><p>lower is better</p>',
    );
    expect(own).toContain('<div class="view" id="matmul-view" data-chart="matmul"></div>');
    expect(chartsOf(html)).toEqual([{ id: 'matmul', spec: bars }]);
    expect(html.match(/<script[^>]*\ssrc=/i)?.[0]).toBeUndefined();
  });

  it('renders its specs in Node', async () => {
    expect(await renderSvg(chartsOf(html)[0]?.spec ?? {})).toContain('mark-rect');
  });

  it('sets the language it is given', () => {
    const ja = renderChartsPage({ title: '行列積', lang: 'ja', charts: [] });
    expect(ja).toContain('<html lang="ja">');
    expect(ownPartOf(ja)).toContain('"Noto Sans CJK JP"');
  });
});

describe('escaping', () => {
  it('breaks every </script and <!-- in inlined code', () => {
    expect(escapeScript('a = "</script>"; b = "</SCRIPT >"; // <!--')).toBe(
      'a = "<\\/script>"; b = "<\\/SCRIPT >"; // <\\!--',
    );
  });

  it('writes JSON that cannot close its script element and parses back', () => {
    const value = { text: '</script><!-- & \u2028' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('makes anchors from any text', () => {
    expect(slug('std:0.01')).toBe('std-0-01');
    expect(slug('Xavier (uniform)')).toBe('xavier-uniform');
    expect(slug('::')).toBe('x');
  });
});
