import { renderPhaseReport } from '@initscope/report';
import {
  bookInits,
  ConfigError,
  type PhaseDiagram,
  type PhaseOptions,
  type PhaseTask,
  phaseDiagramDocument,
  phaseGridOf,
  type ResolvedPhaseOptions,
  resolvePhaseOptions,
} from '@initscope/sim';
import { type CommandIO, type PhaseFlags, phaseFlagOf } from './flags.js';
import { checkOutput, writeOutputs, writesToStdout } from './output/index.js';
import { parseThreads, runPool, splitEvenly } from './pool.js';
import { UsageError } from './usage-error.js';

/** Validates and parses the phase flags once (the book's initializers by default). */
function resolve(flags: PhaseFlags): { options: PhaseOptions; resolved: ResolvedPhaseOptions } {
  const options: PhaseOptions = {
    activation: flags.activation,
    inits: flags.inits ?? bookInits,
    ...(flags.width === undefined ? {} : { width: flags.width }),
    ...(flags.biasStd === undefined ? {} : { biasStd: flags.biasStd }),
  };
  try {
    return {
      options,
      resolved: resolvePhaseOptions(options, (field) => phaseFlagOf[field] ?? field),
    };
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

/** A grid end for the terminal: 3 significant digits (the log grid's ends are 10^±2.5). */
function gridEnd(value: number | undefined): string {
  return value === undefined ? '–' : String(Number(value.toPrecision(3)));
}

function describe(diagram: PhaseDiagram): string {
  const lines = [
    `${diagram.activation}: χ₁ over σ_w² ∈ [${gridEnd(diagram.sigmaW2[0])}, ${gridEnd(diagram.sigmaW2.at(-1))}], σ_b² ∈ [${gridEnd(diagram.sigmaB2[0])}, ${gridEnd(diagram.sigmaB2.at(-1))}]`,
  ];
  const critical = diagram.edge.find((point) => point.sigmaB2 === 0)?.sigmaW2;
  if (critical !== undefined && critical !== null) {
    lines.push(`edge of chaos at σ_b² = 0: σ_w² = ${critical.toPrecision(4)}`);
  }
  for (const point of diagram.points) {
    const chi = point.chi1 === null ? 'diverges' : `χ₁ = ${point.chi1.toPrecision(3)}`;
    lines.push(
      `  ${point.init.padEnd(14)} σ_w² = ${point.sigmaW2.toPrecision(4).padEnd(8)} ${chi.padEnd(14)} ${point.phase ?? ''}`,
    );
  }
  return lines.join('\n');
}

/**
 * The phase document with its σ_b² rows spread over `threads` worker threads (contiguous slices,
 * gathered in grid order: the same document as in this thread, which `--threads 1` uses).
 */
async function threadedPhase(
  options: PhaseOptions,
  resolved: ResolvedPhaseOptions,
  threads: number,
  io: CommandIO,
): Promise<PhaseDiagram> {
  const slices = splitEvenly(phaseGridOf(resolved).sigmaB2.length, threads);
  if (slices.length === 1) return phaseDiagramDocument(resolved);
  const tasks: PhaseTask[] = slices.map((rows) => ({ kind: 'phase', options, rows }));
  const parts = await runPool(tasks, slices.length, io.signal ? { signal: io.signal } : {});
  return phaseDiagramDocument(resolved, parts.flat());
}

/** `initscope phase`: χ₁ over (σ_w², σ_b²) for one activation, the user's initializers placed on it. */
export async function phaseCommand(flags: PhaseFlags, io: CommandIO): Promise<void> {
  const { options, resolved } = resolve(flags);
  const threads = parseThreads(flags.threads);
  const out = checkOutput('--out', flags.out);
  const jsonOut = flags.json === undefined ? undefined : checkOutput('--json', flags.json, [out]);
  const diagram = await threadedPhase(options, resolved, threads, io);
  io.signal?.throwIfAborted();
  const json = `${JSON.stringify(diagram, null, 2)}\n`;
  await writeOutputs(
    [
      [out, renderPhaseReport(diagram, { lang: flags.lang })],
      [jsonOut, json],
    ],
    io,
  );
  if (!flags.quiet) {
    const text = writesToStdout(out, jsonOut) ? io.stderr : io.stdout;
    text.write(`${describe(diagram)}\n`);
    if (out.kind !== 'stdout') text.write(`Phase diagram: ${out.path}\n`);
    if (jsonOut !== undefined && jsonOut.kind !== 'stdout') text.write(`JSON: ${jsonOut.path}\n`);
  }
}
