/** `0.48` → `48%`, `0.003` → `0.3%`, tiny but non-zero → `<0.1%`. */
export function formatPercent(fraction: number): string {
  const percent = fraction * 100;
  if (percent === 0) return '0%';
  if (percent >= 10) return `${Math.round(percent)}%`;
  if (percent >= 0.1) return `${Number(percent.toFixed(1))}%`;
  return '<0.1%';
}

/** A count with thousands separators: `12345` → `12,345`. */
export function formatCount(count: number): string {
  return Math.round(count).toLocaleString('en-US');
}

/** Three significant digits, in exponent form when very small or large: `0.459`, `1.55e-6`, `1.27e+5`. */
export function formatNumber(value: number | null): string {
  if (value === null) return '–';
  if (!Number.isFinite(value)) return String(value);
  const size = Math.abs(value);
  if (value !== 0 && (size < 1e-3 || size >= 1e5))
    return value.toExponential(2).replace(/\.?0+e/, 'e');
  return String(Number(value.toPrecision(3)));
}

/** A range `[lo, hi]` as text: `[0, 1]`. */
export function formatRange([lo, hi]: [number, number]): string {
  return `[${formatNumber(lo)}, ${formatNumber(hi)}]`;
}

/** A depth scale in layers: `3.1`, `∞` at criticality. */
export function formatDepth(layers: number): string {
  return layers === Number.POSITIVE_INFINITY ? '∞' : formatNumber(layers);
}
