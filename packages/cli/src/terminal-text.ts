// What `initscope run` prints besides the summary (which the report package localizes), per language.
import type { Lang } from '@initscope/report';

/** The terminal's own lines in one language. */
export interface TerminalText {
  /** The progress bar's format (cli-progress placeholders). */
  progressBar: string;
  /** A plain progress line. */
  progressLine: (done: number, total: number) => string;
  /** The line naming the written report. */
  report: (path: string) => string;
  /** The line naming the written JSON. */
  json: (path: string) => string;
}

const en: TerminalText = {
  progressBar: 'simulating [{bar}] {percentage}% | {value}/{total} layers | {eta}s left',
  progressLine: (done, total) => `simulating: ${done}/${total} layers`,
  report: (path) => `Report: ${path}`,
  json: (path) => `JSON: ${path}`,
};

const ja: TerminalText = {
  progressBar: 'シミュレーション中 [{bar}] {percentage}% | {value}/{total} 層 | 残り {eta} 秒',
  progressLine: (done, total) => `シミュレーション中: ${done}/${total} 層`,
  report: (path) => `レポート: ${path}`,
  json: (path) => `JSON（結果）: ${path}`,
};

/** The terminal text for `lang` (English by default). */
export function terminalText(lang: Lang | undefined): TerminalText {
  return lang === 'ja' ? ja : en;
}

const trainEn: TerminalText = {
  progressBar: 'training [{bar}] {percentage}% | {value}/{total} iterations | {eta}s left',
  progressLine: (done, total) => `training: ${done}/${total} iterations`,
  report: (path) => `Training report: ${path}`,
  json: (path) => `JSON: ${path}`,
};

const trainJa: TerminalText = {
  progressBar: '学習中 [{bar}] {percentage}% | {value}/{total} 反復 | 残り {eta} 秒',
  progressLine: (done, total) => `学習中: ${done}/${total} 反復`,
  report: (path) => `学習レポート: ${path}`,
  json: (path) => `JSON（結果）: ${path}`,
};

/** The terminal text of `initscope train` for `lang` (English by default). */
export function trainTerminalText(lang: Lang | undefined): TerminalText {
  return lang === 'ja' ? trainJa : trainEn;
}
