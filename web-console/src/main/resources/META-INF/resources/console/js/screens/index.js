// The console's screens, in navigation order: one import line per screen (docs/web-console.md#screens-and-ctx).
import board from './board.js';
import warnings from './warnings.js';
import supplies from './supplies.js';

export default [board, warnings, supplies];
