// The console's screens, in navigation order: one import line per screen (docs/web-console.md#screens-and-ctx).
import board from './board.js';
import map from './map.js';
import incident from './incident.js';
import video from './video.js';
import cities from './cities.js';
import audit from './audit.js';

export default [board, map, incident, video, cities, audit];
