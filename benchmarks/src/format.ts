/** Milliseconds with three significant digits: "0.0123 ms", "48.0 ms", "1234 ms". */
export function formatMs(ms: number): string {
  return `${ms >= 1000 ? ms.toFixed(0) : ms.toPrecision(3)} ms`;
}

/** A count with an SI prefix and three significant digits: "8.59 G", "20.0 M", "512". */
export function formatSi(value: number): string {
  const prefixes: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [scale, prefix] of prefixes) {
    if (Math.abs(value) >= scale) return `${(value / scale).toPrecision(3)} ${prefix}`;
  }
  return `${Number(value.toPrecision(3))} `;
}

/** Bytes in decimal units: "37.7 MB". */
export function formatBytes(bytes: number): string {
  return `${formatSi(bytes)}B`;
}
