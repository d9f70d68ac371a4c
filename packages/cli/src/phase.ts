import { renderPhaseReport } from '@initscope/report';
import {
  bookInits,
  ConfigError,
  type PhaseDiagram,
  phaseDiagramDocument,
  type ResolvedPhaseOptions,
  resolvePhaseOptions,
} from '@initscope/sim';
import { type CommandIO, type PhaseFlags, phaseFlagOf } from './flags.js';
import { checkOutput, writeOutputs, writesToStdout } from './output/index.js';
import { UsageError } from './usage-error.js';

/** Validates and parses the phase flags once (the book's initializers by default). */
function resolve(flags: PhaseFlags): ResolvedPhaseOptions {
  try {
    return resolvePhaseOptions(
      {
        activation: flags.activation,
        inits: flags.inits ?? bookInits,
        ...(flags.width === undefined ? {} : { width: flags.width }),
        ...(flags.biasStd === undefined ? {} : { biasStd: flags.biasStd }),
      },
      (field) => phaseFlagOf[field] ?? field,
    );
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

function describe(diagram: PhaseDiagram): string {
  const lines = [
    `${diagram.activation}: χ₁ over σ_w² ∈ [${diagram.sigmaW2[0]}, ${diagram.sigmaW2.at(-1)}], σ_b² ∈ [${diagram.sigmaB2[0]}, ${diagram.sigmaB2.at(-1)}]`,
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

/** `initscope phase`: χ₁ over (σ_w², σ_b²) for one activation, the user's initializers placed on it. */
export async function phaseCommand(flags: PhaseFlags, io: CommandIO): Promise<void> {
  const options = resolve(flags);
  const out = checkOutput('--out', flags.out);
  const jsonOut = flags.json === undefined ? undefined : checkOutput('--json', flags.json, [out]);
  const diagram = phaseDiagramDocument(options);
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
