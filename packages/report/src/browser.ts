// The browser entry of @initscope/report (the "browser" export condition): the same API as the Node
// entry, with the vega bundles the pages inline taken from module text (dist/vega-texts.js, written at
// build time from the installed vega packages) instead of read from node_modules.

import { provideVegaBundles } from './bundles.js';
import { vegaBundleTexts } from './vega-texts.js';

provideVegaBundles(vegaBundleTexts);

export * from './index.js';
