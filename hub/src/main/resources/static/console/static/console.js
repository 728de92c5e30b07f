// Caretaker console: live updates by server-sent events, alarm actions through the API, the life-safety alarm
// sound, and the trend charts. No build step: plain browser JavaScript beside htmx and ECharts from WebJars.
(function () {
  'use strict';
  var csrfToken = document.querySelector('meta[name="_csrf"]');
  var csrfHeader = document.querySelector('meta[name="_csrf_header"]');

  function withCsrf(headers) {
    if (csrfToken && csrfHeader) { headers[csrfHeader.content] = csrfToken.content; }
    return headers;
  }

  document.addEventListener('htmx:configRequest', function (e) { withCsrf(e.detail.headers); });

  // One stream per page: each event names what changed, and the boards listening for it fetch their new state.
  function openStream() {
    if (!document.body.dataset.stream || !window.EventSource) { return; }
    var stream = new EventSource('/console/stream');
    ['alarms', 'workorders'].forEach(function (what) {
      stream.addEventListener(what, function () { document.body.dispatchEvent(new Event(what + '-changed')); });
    });
    stream.onopen = function () { document.body.dataset.streaming = 'open'; };
    stream.onerror = function () { document.body.dataset.streaming = 'reconnecting'; };
  }

  // Alarm actions are the alarms API (JSON); the board refreshes when the change comes back as an event.
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (!form.classList || !form.classList.contains('api-action')) { return; }
    e.preventDefault();
    var body = {};
    new FormData(form).forEach(function (value, key) { body[key] = /^\d+$/.test(value) ? Number(value) : value; });
    fetch(form.dataset.url, {
      method: 'POST', credentials: 'same-origin',
      headers: withCsrf({'Content-Type': 'application/json', 'Accept': 'application/json'}),
      body: JSON.stringify(body)
    }).then(function (response) {
      if (!response.ok) {
        return response.json().catch(function () { return {}; }).then(function (problem) {
          alert((problem.title || response.status) + (problem.detail ? ': ' + problem.detail : ''));
        });
      }
      if (form.dataset.after === 'reload') { location.reload(); }
      else { document.body.dispatchEvent(new Event('alarms-changed')); }
    });
  });

  // A life-safety alarm nobody has acknowledged sounds until it is acknowledged or silenced on this page.
  var audio = null, silenced = false, beeping = null;
  function beep() {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      var osc = audio.createOscillator(), gain = audio.createGain();
      osc.type = 'square'; osc.frequency.value = 880; gain.gain.value = 0.08;
      osc.connect(gain); gain.connect(audio.destination);
      osc.start(); osc.stop(audio.currentTime + 0.35);
    } catch (ignored) { /* no sound device: the banner still flashes */ }
  }
  function checkLifeSafety() {
    var unacked = document.querySelector('[data-life-safety-unacked="true"]');
    document.body.dataset.lifeSafetySound = unacked && !silenced ? 'on' : 'off';
    if (unacked && !silenced && !beeping) { beep(); beeping = setInterval(beep, 1500); }
    if ((!unacked || silenced) && beeping) { clearInterval(beeping); beeping = null; }
    if (!unacked) { silenced = false; }
  }
  window.Caretaker = { silence: function () { silenced = true; checkLifeSafety(); } };
  document.addEventListener('htmx:afterSettle', checkLifeSafety);

  // Trend charts from the history API, zoomable (slider and mouse wheel).
  var RANGES = {'1h': [3600e3, '10s', 10e3], '24h': [86400e3, '1m', 60e3], '7d': [7 * 86400e3, '10m', 600e3]};
  // The APIs give the site's local time with its offset ("2026-11-29T20:00:00+08:00"). The charts show that wall-clock
  // time whatever the browser's zone: the local time read as if it were UTC, drawn with useUTC.
  function siteTime(iso) {
    var offset = /([+-])(\d\d):(\d\d)$/.exec(iso);
    var minutes = offset ? (offset[1] === '-' ? -1 : 1) * (60 * Number(offset[2]) + Number(offset[3])) : 0;
    return Date.parse(iso) + minutes * 60e3;
  }
  function drawTrend(el) {
    if (!window.echarts || !el.dataset.point) { return; }
    var range = RANGES[el.dataset.range] || RANGES['1h'];
    var from = new Date(Date.now() - range[0]).toISOString();
    var url = '/api/devices/' + encodeURIComponent(el.dataset.device) + '/points/' + encodeURIComponent(el.dataset.point)
      + '/history?step=' + range[1] + '&from=' + encodeURIComponent(from);
    fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}}).then(function (r) { return r.json(); }).then(function (h) {
      var chart = echarts.getInstanceByDom(el) || echarts.init(el);
      var points = (h.buckets || []).filter(function (b) { return b.count > 0; });
      // a bucket missing (the device silent, the hub down) breaks the line instead of drawing across the gap
      var rows = [], previous = null;
      points.forEach(function (b) {
        var t = siteTime(b.start);
        if (previous !== null && t - previous > range[2]) { rows.push({t: t - range[2], gap: true}); }
        rows.push({t: t, bucket: b});
        previous = t;
      });
      chart.setOption({
        animation: false,
        useUTC: true,
        tooltip: {trigger: 'axis'},
        legend: {data: ['mean', 'min', 'max'], formatter: function (k) { return el.dataset['t' + k[0].toUpperCase() + k.slice(1)] || k; }},
        grid: {left: 60, right: 24, top: 36, bottom: 70},
        xAxis: {type: 'time'},
        yAxis: {type: 'value', name: h.unit || '', scale: true},
        dataZoom: [{type: 'inside'}, {type: 'slider'}],
        series: ['mean', 'min', 'max'].map(function (k) {
          return {name: k, tooltip: {valueFormatter: function (v) { return v + ' ' + (h.unit || ''); }}, type: 'line', showSymbol: false, lineStyle: k === 'mean' ? {width: 2} : {width: 1, type: 'dashed'},
            data: rows.map(function (r) { return [r.t, r.gap ? null : r.bucket[k]]; })};
        })
      }, true);
      el.dataset.loaded = String(points.length);
    });
  }
  function setUpTrends() {
    var el = document.getElementById('trend');
    if (!el) { return; }
    var pick = document.getElementById('trend-point');
    if (pick) { pick.addEventListener('change', function () { el.dataset.point = pick.value; drawTrend(el); }); }
    document.querySelectorAll('button.range').forEach(function (b) {
      b.classList.toggle('on', b.dataset.range === el.dataset.range);
      b.addEventListener('click', function () {
        el.dataset.range = b.dataset.range;
        document.querySelectorAll('button.range').forEach(function (o) { o.classList.toggle('on', o === b); });
        drawTrend(el);
      });
    });
    window.addEventListener('resize', function () { var c = window.echarts && echarts.getInstanceByDom(el); if (c) { c.resize(); } });
    drawTrend(el);
  }

  // The charts of the utilisation and alarm KPI pages, from the API the page names for its window; the figures and
  // tables beside them are rendered on the server, in the reader's language.
  function setUpFigures() {
    var el = document.getElementById('figures');
    if (!el || !window.echarts) { return; }
    fetch(el.dataset.api, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (r) { return r.json(); }).then(function (data) {
        if (Array.isArray(data.days)) { utilisation(el, data); }
        else if (Array.isArray(data.perTenMinutes)) { alarmRate(el, data); }
        el.dataset.loaded = 'true';
      });
  }
  function chartBox(parent, title) {
    var h = document.createElement('h2'); h.textContent = title; parent.appendChild(h);
    var box = document.createElement('div'); box.className = 'chart'; parent.appendChild(box);
    var chart = echarts.init(box);
    window.addEventListener('resize', function () { chart.resize(); });
    return chart;
  }
  // GET /api/utilisation: run hours per device and day, and the duty-cycle heat map
  function utilisation(el, data) {
    var devices = Array.from(new Set(data.days.map(function (d) { return d.deviceId; }))).sort();
    var days = Array.from(new Set(data.days.map(function (d) { return d.day; }))).sort();
    chartBox(el, el.dataset.tRunHours).setOption({tooltip: {trigger: 'axis'}, legend: {type: 'scroll'},
      grid: {left: 50, right: 20, top: 40, bottom: 30},
      xAxis: {type: 'category', data: days}, yAxis: {type: 'value', name: el.dataset.tHours, max: 24},
      series: devices.map(function (dev) {
        return {name: dev, type: 'bar', data: days.map(function (day) {
          var d = data.days.find(function (x) { return x.deviceId === dev && x.day === day; }); return d ? d.runHours : null; })};
      })});
    chartBox(el, el.dataset.tDutyCycle).setOption({tooltip: {}, grid: {left: 120, right: 20, top: 10, bottom: 70},
      xAxis: {type: 'category', data: days}, yAxis: {type: 'category', data: devices},
      visualMap: {min: 0, max: 100, orient: 'horizontal', left: 'center', bottom: 0, calculable: true},
      series: [{type: 'heatmap', label: {show: true}, data: data.days.filter(function (d) { return d.dutyCycle !== null; }).map(function (d) {
        return [days.indexOf(d.day), devices.indexOf(d.deviceId), Math.round(d.dutyCycle * 100)]; })}]});
  }
  // GET /api/kpis/alarms: the alarms annunciated per 10 minutes, flooded intervals in red, against the flood line
  function alarmRate(el, data) {
    chartBox(el, el.dataset.tPerTenMinutes).setOption({useUTC: true, tooltip: {trigger: 'axis'}, grid: {left: 50, right: 20, top: 30, bottom: 70},
      xAxis: {type: 'time'}, yAxis: {type: 'value', minInterval: 1}, dataZoom: [{type: 'inside'}, {type: 'slider'}],
      series: [{type: 'bar', name: el.dataset.tAlarms, data: data.perTenMinutes.map(function (i) {
        return {value: [siteTime(i.start), i.alarms], itemStyle: {color: i.flood ? '#d0021b' : '#1f5fbf'}}; }),
        markLine: {symbol: 'none', data: [{yAxis: data.floodAt}], lineStyle: {color: '#d0021b'}}}]});
  }

  document.addEventListener('DOMContentLoaded', function () { openStream(); checkLifeSafety(); setUpTrends(); setUpFigures(); });
})();
