import os from 'node:os';

/** The machine a run happened on. */
export interface Machine {
  /** CPU model name as the OS reports it. */
  cpu: string;
  /** Logical cores available to this process. */
  cores: number;
  /** Node.js version, e.g. "v20.20.0". */
  node: string;
}

/** Describes this machine. */
export function machine(): Machine {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    node: process.version,
  };
}
