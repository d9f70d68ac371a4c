// A browser bundle that imports @initscope/sim alone and runs a small sweep (see ../browser.test.ts).
import { sweep } from '@initscope/sim';
import { browserSweepOptions } from './options.js';

const target = window as unknown as { initscopeResult?: Promise<string> };
target.initscopeResult = sweep(browserSweepOptions).then((results) => JSON.stringify(results));
