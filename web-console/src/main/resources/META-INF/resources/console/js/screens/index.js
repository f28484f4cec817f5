// The console's screens, in navigation order: one import line per screen (docs/web-console.md#screens-and-ctx).
import board from './board.js';
import map from './map.js';
import incident from './incident.js';
import warnings from './warnings.js';
import orders from './orders.js';
import disasterEvents from './disaster-events.js';
import inbound from './inbound.js';
import situation from './situation.js';
import upstream from './upstream.js';
import supplies from './supplies.js';
import video from './video.js';
import cities from './cities.js';
import drills from './drills.js';
import plans from './plans.js';
import audit from './audit.js';
import officers from './officers.js';
import wall from './wall.js';

export default [board, map, incident, warnings, orders, disasterEvents, inbound, situation, upstream, supplies, video, cities, drills, plans, audit, officers, wall];
