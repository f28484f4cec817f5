// The console's screens, in navigation order: one import line per screen (docs/web-console.md#screens-and-ctx).
import board from './board.js';

export default [board];
