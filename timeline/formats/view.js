"use strict";
(() => {
  const root = document.documentElement;
  const errors = [];
  const report = (message) => {
    errors.push(String(message));
    root.dataset.errors = String(errors.length);
    root.dataset.lastError = String(message).slice(0, 500);
  };
  window.addEventListener("error", (e) => report(e.message || "script error"));
  window.addEventListener("unhandledrejection", (e) => report(e.reason));

  const $ = (id) => document.getElementById(id);
  // The SVG namespace is read from the page so that the page names no address at all.
  const NS = $("axis").namespaceURI;
  const DAY = 864e5, HOUR = 36e5, MINUTE = 6e4;
  const PAD_L = 24, PAD_R = 32, GAP_W = 46, MIN_SEGMENT = 96;
  const ROW = 24, TOP = 14, RADIUS = 5, POINT_MAX = 9, LABEL_CHARS = 44;
  const TICK_MIN_PX = 58, MIN_LABEL_PX = 80;
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const MONTHS_LONG = ["January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"];
  const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const PALETTE = ["#2f6fdf", "#e4572e", "#17a398", "#e9a23b", "#8e5cd9", "#d6457f",
    "#3b9d4a", "#a8743f", "#3fa7d6", "#b5a21d", "#6574b8", "#cf6a3a"];
  const GENERIC_COLOUR = "#8a93a3";

  // ---- elements -------------------------------------------------------------------------
  const svg = (tag, attrs, parent) => {
    const node = document.createElementNS(NS, tag);
    for (const key in attrs) node.setAttribute(key, attrs[key]);
    if (parent) parent.appendChild(node);
    return node;
  };
  const tag = (name, className, text, parent) => {
    const node = document.createElement(name);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (parent) parent.appendChild(node);
    return node;
  };
  const clear = (node) => { while (node.firstChild) node.removeChild(node.firstChild); };

  // ---- data -----------------------------------------------------------------------------
  const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const data = JSON.parse($("timeline-data").textContent);
  const events = data.events.map((e, i) => Object.assign({}, e, {
    i,
    short: e.label.length > LABEL_CHARS ? e.label.slice(0, LABEL_CHARS - 1) + "…" : e.label,
    haystack: fold([e.label, e.type, e.value || "", e.mod || "", e.languages.join(" "),
      ...e.sources.map((s) => s.document + " " + s.text)].join("\n")),
  }));
  const byId = new Map(events.map((e) => [e.id, e]));
  const parts = new Map();
  for (const e of events) {
    if (e.part_of && byId.has(e.part_of)) {
      if (!parts.has(e.part_of)) parts.set(e.part_of, []);
      parts.get(e.part_of).push(e);
    }
  }
  const typeCounts = new Map();
  for (const e of events) if (!e.generic) typeCounts.set(e.type, (typeCounts.get(e.type) || 0) + 1);
  const types = [...typeCounts.keys()].sort((a, b) => typeCounts.get(b) - typeCounts.get(a) || a.localeCompare(b));
  const colours = new Map(types.map((t, k) => [t, PALETTE[k % PALETTE.length]]));
  const colour = (e) => (e.generic ? GENERIC_COLOUR : colours.get(e.type));
  const genericCount = events.filter((e) => e.generic).length;

  const canvas = document.createElement("canvas").getContext("2d");
  canvas.font = "12px " + getComputedStyle(document.body).fontFamily;
  const measure = (text) => Math.ceil(canvas.measureText(text).width);
  for (const e of events) {
    e.textW = measure(e.short);
    e.badgesW = e.languages.reduce((w, l) => w + 10 + l.length * 6.5 + 3, 0);
  }

  // ---- state (kept in the address's #fragment: generic, q, event) ------------------------
  const params = new URLSearchParams(location.hash.slice(1));
  const state = {
    query: params.get("q") || "",
    generic: params.has("generic"),
    hidden: new Set(),
    selected: byId.get(params.get("event") || "") || null,
    k: 1, tx: 0,
  };
  const saveState = () => {
    const p = new URLSearchParams();
    if (state.query) p.set("q", state.query);
    if (state.generic) p.set("generic", "");
    if (state.selected) p.set("event", state.selected.id);
    const hash = p.toString().replace(/=(?=&|$)/g, "");
    try {
      history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
    } catch (_) { /* some viewers forbid rewriting a file's address; the state still holds */ }
  };

  // ---- time -----------------------------------------------------------------------------
  const utc = (y, m = 0, d = 1, h = 0, mi = 0) => {
    const t = new Date(0);
    t.setUTCFullYear(y, m, d);
    t.setUTCHours(h, mi, 0, 0);
    return t.getTime();
  };
  const parts3 = (t) => { const d = new Date(t); return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()]; };
  const pad2 = (n) => String(n).padStart(2, "0");
  const clock = (t) => { const d = new Date(t); return pad2(d.getUTCHours()) + ":" + pad2(d.getUTCMinutes()); };
  const dayText = (t) => { const [y, m, d] = parts3(t); return d + " " + MONTHS[m] + " " + y; };
  const aligned = (t, unit) => {
    const d = new Date(t);
    const midnight = d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0 && d.getUTCMilliseconds() === 0;
    if (unit === "day") return midnight;
    if (unit === "month") return midnight && d.getUTCDate() === 1;
    return midnight && d.getUTCDate() === 1 && d.getUTCMonth() === 0;
  };

  /** A [start, end) span as people write it: "2024", "Mar – May 2025", "19–21 Feb 2025". */
  const when = (w) => {
    const [s, e] = w, last = e - 1;
    const [ya, ma, da] = parts3(s), [yb, mb, db] = parts3(last);
    if (aligned(s, "year") && aligned(e, "year")) return ya === yb ? String(ya) : ya + "–" + yb;
    if (aligned(s, "month") && aligned(e, "month")) {
      if (ya === yb && ma === mb) return MONTHS[ma] + " " + ya;
      return ya === yb ? MONTHS[ma] + " – " + MONTHS[mb] + " " + ya : MONTHS[ma] + " " + ya + " – " + MONTHS[mb] + " " + yb;
    }
    if (aligned(s, "day") && aligned(e, "day")) {
      if (ya === yb && ma === mb) return (da === db ? "" : da + "–") + db + " " + MONTHS[mb] + " " + yb;
      return ya === yb ? da + " " + MONTHS[ma] + " – " + db + " " + MONTHS[mb] + " " + yb : dayText(s) + " – " + dayText(last);
    }
    if (ya === yb && ma === mb && da === db) return dayText(s) + ", " + clock(s) + "–" + clock(last);
    return dayText(s) + " " + clock(s) + " – " + dayText(last) + " " + clock(last);
  };
  const gapText = (ms) => {
    const years = ms / (365.2425 * DAY);
    if (years >= 2) return Math.round(years) + " years";
    if (ms >= 60 * DAY) return Math.round(ms / (30.44 * DAY)) + " months";
    return Math.max(1, Math.round(ms / DAY)) + " days";
  };

  const STEPS = [
    ["minute", 1], ["minute", 5], ["minute", 15], ["minute", 30],
    ["hour", 1], ["hour", 3], ["hour", 6], ["hour", 12],
    ["day", 1], ["day", 2], ["day", 5], ["day", 10], ["day", 15],
    ["month", 1], ["month", 3], ["month", 6],
    ["year", 1], ["year", 2], ["year", 5], ["year", 10], ["year", 20], ["year", 50],
    ["year", 100], ["year", 200], ["year", 500], ["year", 1000],
  ];
  const UNIT_MS = { minute: MINUTE, hour: HOUR, day: DAY, month: 30.44 * DAY, year: 365.2425 * DAY };
  const COARSER = { minute: "day", hour: "day", day: "month", month: "year", year: null };

  /** Tick times of `step` `unit`s from a to b (inclusive), aligned to the calendar. */
  const ticks = (unit, step, a, b) => {
    const out = [];
    if (unit === "minute" || unit === "hour") {
      const size = step * UNIT_MS[unit];
      for (let t = Math.ceil(a / size) * size; t <= b && out.length < 400; t += size) out.push(t);
      return out;
    }
    let [y, m] = parts3(a);
    if (unit === "year") {
      for (let yy = Math.floor(y / step) * step; out.length < 400; yy += step) {
        const t = utc(yy);
        if (t > b) break;
        if (t >= a) out.push(t);
      }
      return out;
    }
    if (unit === "month") m = Math.floor(m / step) * step;
    for (; out.length < 400; m += unit === "month" ? step : 1) {
      if (m > 11) { y += Math.floor(m / 12); m %= 12; }
      if (utc(y, m) > b) break;
      if (unit === "month") {
        if (utc(y, m) >= a) out.push(utc(y, m));
        continue;
      }
      const days = new Date(utc(y, m + 1) - DAY).getUTCDate();
      for (let d = 1; d === 1 || d + step <= days + 1; d += step) {
        const t = utc(y, m, d);
        if (t > b) break;
        if (t >= a) out.push(t);
      }
    }
    return out;
  };
  const fineText = (t, unit) => {
    const [y, m, d] = parts3(t);
    if (unit === "year") return String(y);
    if (unit === "month") return MONTHS[m];
    if (unit === "day") return String(d);
    return clock(t);
  };
  const coarseText = (t, unit) => {
    const [y, m, d] = parts3(t);
    if (unit === "year") return String(y);
    if (unit === "month") return MONTHS_LONG[m] + " " + y;
    return WEEKDAYS[new Date(t).getUTCDay()] + " " + d + " " + MONTHS[m] + " " + y;
  };
  const floorTo = (t, unit) => {
    const [y, m, d] = parts3(t);
    return unit === "year" ? utc(y) : unit === "month" ? utc(y, m) : utc(y, m, d);
  };

  // ---- scale: time → base x, long empty stretches cut out ---------------------------------
  /** Segments of time covering the events; a stretch without events longer than 15%
   *  of the whole becomes a fixed-width gap, so one old date does not squash the rest. */
  const makeScale = (dated, width) => {
    const spans = dated.map((e) => e.when).sort((a, b) => a[0] - b[0]);
    const lo = spans[0][0], hi = Math.max(...spans.map((s) => s[1]));
    const clusters = [];
    for (const [s, e] of spans) {
      const c = clusters[clusters.length - 1];
      if (c && s - c[1] <= (hi - lo) * 0.15) c[1] = Math.max(c[1], e);
      else clusters.push([s, e]);
    }
    const covered = clusters.reduce((n, c) => n + c[1] - c[0], 0);
    const least = Math.max(2 * DAY, covered * 0.02);
    const segs = clusters.map(([a, b], j) => {
      const pad = Math.max((b - a) * 0.04, (least - (b - a)) / 2);
      const before = j ? (a - clusters[j - 1][1]) / 3 : pad;
      const after = j < clusters.length - 1 ? (clusters[j + 1][0] - b) / 3 : pad;
      return { t0: a - Math.min(pad, before), t1: b + Math.min(pad, after) };
    });
    const avail = Math.max(width - PAD_L - PAD_R - GAP_W * (segs.length - 1), MIN_SEGMENT * segs.length);
    const small = new Set();
    for (let changed = true; changed;) {
      changed = false;
      const free = avail - small.size * MIN_SEGMENT;
      const total = segs.reduce((n, s, j) => n + (small.has(j) ? 0 : s.t1 - s.t0), 0);
      segs.forEach((s, j) => {
        s.w = small.has(j) ? MIN_SEGMENT : free * (s.t1 - s.t0) / total;
        if (!small.has(j) && s.w < MIN_SEGMENT && segs.length > 1) { small.add(j); changed = true; }
      });
    }
    let u = PAD_L;
    for (const s of segs) { s.u0 = u; s.u1 = u + s.w; u = s.u1 + GAP_W; }
    const at = (t) => {
      let s = segs[0];
      for (const seg of segs) { if (t >= seg.t0) s = seg; else break; }
      const f = Math.min(Math.max((t - s.t0) / (s.t1 - s.t0), 0), 1);
      return s.u0 + f * (s.u1 - s.u0);
    };
    const timeAt = (s, u) => s.t0 + (u - s.u0) / (s.u1 - s.u0) * (s.t1 - s.t0);
    const maxK = Math.min(1e7, Math.max(4, ...segs.map((s) => 160 / (HOUR * (s.u1 - s.u0) / (s.t1 - s.t0)))));
    return { segs, at, timeAt, maxK, width };
  };

  // ---- views ----------------------------------------------------------------------------
  const axis = $("axis"), plot = $("plot"), lanes = $("lanes");
  let scale = null, shownDated = [], shownUndated = [], nodes = new Map(), laneCount = 0;
  let sticky = [];  // labels inside long bands, kept in view while the band is
  const grid = svg("g", { class: "grid" });
  const gaps = svg("g", { class: "gaps" });
  const layer = svg("g", { class: "events" });
  const defs = (host, id) => {
    const d = svg("defs", {}, host);
    const p = svg("pattern", { id, width: 7, height: 7, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" }, d);
    svg("line", { x1: 0, y1: 0, x2: 0, y2: 7, class: "hatch-line" }, p);
  };

  const visible = () => {
    const q = fold(state.query.trim());
    return events.filter((e) => (state.generic || !e.generic) && !state.hidden.has(e.type)
      && (!q || q.split(/\s+/).every((w) => e.haystack.includes(w))));
  };

  const width = () => Math.max(plot.clientWidth, 320);
  const clampView = () => {
    const W = scale ? scale.width : width();
    state.k = Math.min(Math.max(state.k, 1), scale ? scale.maxK : 1);
    state.tx = Math.min(0, Math.max(state.tx, W - W * state.k));
  };

  /** Everything after the set of shown events changed (filter, types, generic toggle). */
  const refresh = (refit) => {
    const t0 = performance.now();
    const shown = visible();
    shownDated = shown.filter((e) => e.when).sort((a, b) => a.when[0] - b.when[0] || a.when[1] - b.when[1] || a.i - b.i);
    shownUndated = shown.filter((e) => !e.when);
    scale = shownDated.length ? makeScale(shownDated, width()) : null;
    if (refit) { state.k = 1; state.tx = 0; }
    clampView();
    drawEvents();
    drawUndated();
    drawCounts(shown.length);
    saveState();
    root.dataset.renderMs = String(Math.round(performance.now() - t0));
  };

  /** The widest start of `text`, with "…", at most `room` pixels wide, and its width. */
  const shorten = (text, room) => {
    let lo = 0, hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (measure(text.slice(0, mid) + "…") <= room) lo = mid; else hi = mid - 1;
    }
    const short = text.slice(0, lo).trimEnd() + "…";
    return [short, measure(short)];
  };

  /** Where an event's label goes: inside its band if there is room, else after its shape,
   *  shortened to end in view, or before the shape when not even a short label would fit. */
  const place = (e, x0, x1, limit) => {
    const point = x1 - x0 < POINT_MAX, cx = (x0 + x1) / 2;
    const extra = e.badgesW ? 8 + e.badgesW : 0;
    const left = point ? cx - RADIUS : x0, end = point ? cx + RADIUS : x1;
    const p = { point, cx, text: e.short, textW: e.textW, inside: false, labelX: end + 6, from: left };
    const inner = x1 - x0 - 18 - extra;
    if (!point && (inner >= e.textW || inner >= MIN_LABEL_PX)) {
      if (inner < e.textW) [p.text, p.textW] = shorten(e.short, inner);
      return Object.assign(p, { inside: true, labelX: x0 + 8, right: x1 });
    }
    const room = limit - p.labelX - extra;
    if (room < e.textW && room >= MIN_LABEL_PX) [p.text, p.textW] = shorten(e.short, room);
    else if (room < e.textW && left - 6 - e.textW - extra >= 0) {
      p.labelX = p.from = left - 6 - e.textW - extra;
      return Object.assign(p, { right: end });
    }
    return Object.assign(p, { right: p.labelX + p.textW + extra });
  };

  const drawEvents = () => {
    clear(lanes); clear(grid); clear(gaps); clear(layer);
    nodes = new Map();
    sticky = [];
    $("empty").hidden = !!scale;
    axis.hidden = !scale;
    if (!scale) { lanes.setAttribute("height", 0); root.dataset.drawn = "0"; clear(axis); return; }
    defs(lanes, "hatch-lanes");
    lanes.append(grid, gaps, layer);
    const k = state.k, ends = [], limit = scale.width * k - PAD_R / 2;
    const fragment = document.createDocumentFragment();
    for (const e of shownDated) {
      const x0 = scale.at(e.when[0]) * k, x1 = scale.at(e.when[1]) * k;
      const { point, cx, inside, labelX, from, right, text: shown, textW } = place(e, x0, x1, limit);
      let lane = ends.findIndex((end) => end + 10 <= from);
      if (lane < 0) { lane = ends.length; ends.push(right); } else ends[lane] = right;
      const g = svg("g", {
        class: "ev" + (e.generic ? " generic" : ""), "data-i": e.i, tabindex: 0, role: "button",
        "aria-label": e.label + ", " + when(e.when), transform: "translate(0," + (TOP + lane * ROW + ROW / 2) + ")",
      }, fragment);
      const c = colour(e);
      if (point) svg("circle", { class: "dot", cx, cy: 0, r: RADIUS, fill: c }, g);
      else svg("rect", { class: "band" + (e.mod ? " open" : ""), x: x0, y: -7, width: x1 - x0, height: 14, rx: 3, fill: c, stroke: c }, g);
      const lab = inside ? svg("g", {}, g) : g;
      if (inside) sticky.push({ lab, x: labelX, max: x1 - 10 - textW - (e.badgesW ? 8 + e.badgesW : 0) });
      const text = svg("text", { class: "label", x: labelX, y: 4 }, lab);
      text.textContent = shown;
      let bx = labelX + textW + 8;
      for (const l of e.languages) {
        const w = 10 + l.length * 6.5;
        svg("rect", { class: "badge", x: bx, y: -7, width: w, height: 14, rx: 3 }, lab);
        const t = svg("text", { class: "badge-text", x: bx + w / 2, y: 3.5, "text-anchor": "middle" }, lab);
        t.textContent = l;
        bx += w + 3;
      }
      nodes.set(e.i, g);
    }
    layer.appendChild(fragment);
    laneCount = ends.length;
    lanes.setAttribute("height", TOP * 2 + laneCount * ROW);
    root.dataset.drawn = String(layer.querySelectorAll(".ev").length);
    markSelection();
    pan();
  };

  /** Moves the drawn events and redraws the axis and grid: all a pan needs. */
  const pan = () => {
    if (!scale) return;
    clampView();
    layer.setAttribute("transform", "translate(" + state.tx + ",0)");
    for (const s of sticky) {
      const dx = Math.min(Math.max(8 - state.tx, s.x), s.max) - s.x;
      s.lab.setAttribute("transform", "translate(" + dx + ",0)");
    }
    clear(axis); clear(grid); clear(gaps);
    defs(axis, "hatch-axis");
    const W = scale.width, k = state.k, tx = state.tx, H = TOP * 2 + laneCount * ROW;
    const X = (u) => u * k + tx;
    const segs = scale.segs;
    segs.forEach((s, j) => {
      const xa = Math.max(X(s.u0), 0), xb = Math.min(X(s.u1), W);
      if (xb > xa) drawTicks(s, xa, xb, H);
      const next = segs[j + 1];
      if (!next) return;
      const ga = X(s.u1), gb = X(next.u0);
      if (gb < 0 || ga > W) return;
      svg("rect", { class: "gap", x: ga, y: 0, width: gb - ga, height: H }, gaps);
      svg("rect", { x: ga, y: 0, width: gb - ga, height: H, fill: "url(#hatch-lanes)", opacity: 0.6 }, gaps);
      svg("rect", { x: ga, y: 0, width: gb - ga, height: 48, fill: "url(#hatch-axis)", opacity: 0.6 }, axis);
      for (const x of [ga, gb]) {
        svg("line", { class: "gap-edge", x1: x, x2: x, y1: 0, y2: H }, gaps);
        svg("line", { class: "gap-edge", x1: x, x2: x, y1: 0, y2: 48 }, axis);
      }
      const label = svg("text", { class: "gap-label", x: (ga + gb) / 2, y: 44, "text-anchor": "middle" }, axis);
      label.textContent = gapText(next.t0 - s.t1);
    });
  };

  const drawTicks = (s, xa, xb, H) => {
    const k = state.k, tx = state.tx;
    const pxPerMs = (s.u1 - s.u0) * k / (s.t1 - s.t0);
    const [unit, step] = STEPS.find(([u, n]) => UNIT_MS[u] * n * pxPerMs >= TICK_MIN_PX) || STEPS[STEPS.length - 1];
    const a = scale.timeAt(s, (xa - tx) / k), b = scale.timeAt(s, (xb - tx) / k);
    const X = (t) => (s.u0 + (t - s.t0) / (s.t1 - s.t0) * (s.u1 - s.u0)) * k + tx;
    const room = (x, text) => x + 4 + text.length * 7 <= xb;
    const coarse = COARSER[unit];
    const majors = coarse ? ticks(coarse, 1, a, b) : [];
    const majorSet = new Set(majors);
    for (const t of ticks(unit, step, a, b)) {
      const x = X(t);
      svg("line", { class: "grid-line" + (majorSet.has(t) ? " major" : ""), x1: x, x2: x, y1: 0, y2: H }, grid);
      svg("line", { class: "tick", x1: x, x2: x, y1: 38, y2: 48 }, axis);
      const text = fineText(t, unit);
      if (room(x, text)) svg("text", { class: coarse ? "" : "major", x: x + 4, y: 44 }, axis).textContent = text;
    }
    if (!coarse) return;
    // The period the segment's visible part starts in is named at its left edge,
    // unless the next boundary's own name is about to take that place.
    const first = floorTo(a, coarse);
    const starts = majors.length && X(majors[0]) - xa < 120 ? majors : [first, ...majors.filter((t) => t !== first)];
    for (const t of starts) {
      const x = Math.max(X(t), xa);
      const text = coarseText(t, coarse);
      if (room(x, text)) svg("text", { class: "major", x: x + 4, y: 18 }, axis).textContent = text;
      if (majorSet.has(t)) svg("line", { class: "tick", x1: X(t), x2: X(t), y1: 4, y2: 48 }, axis);
    }
  };

  const drawUndated = () => {
    const list = $("undated-list");
    clear(list);
    $("undated").hidden = !shownUndated.length;
    $("undated-title").textContent = "Undated events (" + shownUndated.length + ")";
    for (const e of shownUndated) {
      const li = tag("li", e.generic ? "generic" : "", null, list);
      li.dataset.i = String(e.i);
      li.tabIndex = 0;
      li.title = e.label;
      tag("span", "swatch", null, li).style.background = colour(e);
      tag("span", "text", e.short, li);
      for (const l of e.languages) tag("span", "lang", l, li);
    }
    root.dataset.undated = String(shownUndated.length);
    markSelection();
  };

  const drawCounts = (n) => {
    $("count").textContent = n === events.length ? n + " events" : n + " of " + events.length + " events";
    root.dataset.dated = String(shownDated.length);
  };

  const drawHeader = () => {
    $("title").textContent = data.title;
    document.title = data.title;
    const langs = [...new Set(data.documents.map((d) => d.language).concat(...events.map((e) => e.languages)).filter(Boolean))].sort();
    const dated = events.filter((e) => e.when && !e.generic);
    const bits = [dated.length + " dated and " + events.filter((e) => !e.when && !e.generic).length + " undated events"];
    if (data.documents.length) bits.push(data.documents.length + (data.documents.length === 1 ? " document" : " documents"));
    if (langs.length) bits.push(langs.join(" · "));
    if (dated.length) {
      const a = Math.min(...dated.map((e) => e.when[0])), b = Math.max(...dated.map((e) => e.when[1]));
      bits.push(parts3(a)[0] === parts3(b - 1)[0] ? String(parts3(a)[0]) : parts3(a)[0] + " – " + parts3(b - 1)[0]);
    }
    $("summary").textContent = bits.join("  ·  ");
    const legend = $("legend");
    for (const t of types) {
      const li = tag("li", "", null, legend);
      li.dataset.type = t;
      li.title = "Hide or show " + t;
      tag("span", "swatch", null, li).style.background = colours.get(t);
      tag("span", "", t, li);
      tag("span", "n", typeCounts.get(t), li);
    }
    $("generic-toggle").hidden = !genericCount;
    $("generic").checked = state.generic;
    $("generic-label").textContent = "Show " + genericCount + " dated statement" + (genericCount === 1 ? "" : "s") + " without an event word";
    $("filter").value = state.query;
  };

  // ---- selection, tooltip, panel --------------------------------------------------------
  const markSelection = () => {
    const sel = state.selected;
    const related = new Set();
    if (sel) {
      if (sel.part_of) related.add(sel.part_of);
      for (const p of parts.get(sel.id) || []) related.add(p.id);
    }
    lanes.classList.toggle("has-sel", !!sel && nodes.has(sel.i));
    for (const [i, g] of nodes) {
      g.classList.toggle("sel", sel !== null && sel.i === i);
      g.classList.toggle("related", related.has(events[i].id));
    }
    for (const li of $("undated-list").children) li.classList.toggle("sel", !!sel && sel.i === Number(li.dataset.i));
  };

  const eventOf = (target) => {
    const node = target && target.closest ? target.closest("[data-i]") : null;
    return node ? events[Number(node.dataset.i)] : null;
  };

  const tooltip = $("tooltip");
  const showTooltip = (e, x, y) => {
    clear(tooltip);
    tag("strong", "", e.label, tooltip);
    const meta = [e.generic ? "dated statement" : e.type, e.when ? when(e.when) : "undated"];
    if (e.mod) meta.push(e.mod.toLowerCase().replace(/_/g, " "));
    meta.push(e.languages.join(", ") || "?");
    meta.push(e.sources.length + (e.sources.length === 1 ? " source" : " sources"));
    tag("div", "meta", meta.join(" · "), tooltip);
    if (e.sources.length) {
      const s = e.sources[0].text;
      tag("div", "quote", "“" + (s.length > 160 ? s.slice(0, 159) + "…" : s) + "”", tooltip);
    }
    tooltip.hidden = false;
    const r = tooltip.getBoundingClientRect();
    tooltip.style.left = Math.max(4, Math.min(x + 14, innerWidth - r.width - 8)) + "px";
    tooltip.style.top = (y + 16 + r.height > innerHeight ? y - r.height - 10 : y + 16) + "px";
  };

  const quote = (s, parent) => {
    const block = tag("blockquote", "", null, parent);
    let at = 0;
    for (const [a, b] of s.marks) {
      if (a < at) continue;
      block.append(s.text.slice(at, a));
      tag("mark", "", s.text.slice(a, b), block);
      at = b;
    }
    block.append(s.text.slice(at));
  };

  const link = (e, parent) => {
    const a = tag("a", "", e.label, parent);
    a.tabIndex = 0;
    a.dataset.i = String(e.i);
    return a;
  };

  const openPanel = (e) => {
    state.selected = e;
    const body = $("panel-body");
    clear(body);
    const kind = tag("div", "kind", null, body);
    tag("span", "swatch", null, kind).style.background = colour(e);
    tag("span", "", e.generic ? "dated statement without an event word" : e.type, kind);
    tag("h2", "", e.label, body);
    const dl = tag("dl", "", null, body);
    const row = (name) => { tag("dt", "", name, dl); return tag("dd", "", null, dl); };
    row("When").textContent = e.when ? when(e.when) : "undated";
    if (e.value) {
      const dd = row("TIMEX3");
      tag("code", "", e.value, dd);
      if (e.mod) dd.append(" ", tag("code", "", "mod=" + e.mod));
    }
    if (e.earliest || e.latest) row("Bounds").textContent = (e.earliest || "?") + " … " + (e.latest || "?");
    const langs = row("Languages");
    for (const l of e.languages) { tag("span", "lang", l, langs); langs.append(" "); }
    if (!e.languages.length) langs.textContent = "unknown";
    row("Documents").textContent = String(e.documents);
    if (e.part_of && byId.has(e.part_of)) link(byId.get(e.part_of), row("Part of"));
    const children = parts.get(e.id) || [];
    if (children.length) {
      const dd = row("Parts");
      children.forEach((c, j) => { if (j) dd.append(", "); link(c, dd); });
    }
    if (e.when) {
      const dd = row("");
      const zoom = tag("a", "", "Zoom to this event", dd);
      zoom.tabIndex = 0;
      zoom.addEventListener("click", () => focusEvent(e));
    }
    if (e.conflicts.length) {
      tag("h3", "", "Other dates given", body);
      const ul = tag("ul", "sources", null, body);
      for (const c of e.conflicts) {
        const li = tag("li", "", null, ul);
        tag("code", "", c.value, li);
        li.append(" in " + c.documents.join(", "));
      }
    }
    tag("h3", "", e.sources.length === 1 ? "Source" : "Sources (" + e.sources.length + ")", body);
    const ul = tag("ul", "sources", null, body);
    ul.style.setProperty("--c", colour(e));
    for (const s of e.sources) {
      const li = tag("li", "", null, ul);
      const doc = tag("div", "doc", null, li);
      if (s.language) tag("span", "lang", s.language, doc);
      tag("span", "", s.document, doc);
      quote(s, li);
    }
    const panel = $("panel");
    const wasHidden = panel.hidden;
    panel.hidden = false;
    panel.scrollTop = 0;
    markSelection();
    saveState();
    if (wasHidden) resized();
  };

  const closePanel = () => {
    if ($("panel").hidden) return;
    state.selected = null;
    $("panel").hidden = true;
    markSelection();
    saveState();
    resized();
  };

  // ---- zoom and pan ---------------------------------------------------------------------
  let frame = 0;
  const redraw = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => { frame = 0; drawEvents(); });
  };
  const zoomAt = (factor, x) => {
    if (!scale) return;
    const k = Math.min(Math.max(state.k * factor, 1), scale.maxK);
    state.tx = x - (x - state.tx) * (k / state.k);
    state.k = k;
    clampView();
    redraw();
  };
  const focusEvent = (e) => {
    if (!scale || !nodes.has(e.i)) return;
    const W = scale.width;
    const ua = scale.at(e.when[0]), ub = scale.at(e.when[1]);
    state.k = Math.min(Math.max(W * 0.3 / Math.max(ub - ua, 1e-9), 1), scale.maxK);
    state.tx = W / 2 - (ua + ub) / 2 * state.k;
    clampView();
    drawEvents();
    const g = nodes.get(e.i);
    if (g) g.scrollIntoView({ block: "center" });
  };
  const resized = () => {
    if (!scale || Math.abs(width() - scale.width) < 1) return;
    const f = width() / scale.width;
    scale = makeScale(shownDated, width());
    state.tx *= f;
    clampView();
    drawEvents();
  };

  const wheelDelta = (ev) => (ev.deltaMode === 1 ? 16 : ev.deltaMode === 2 ? 400 : 1);
  const onWheel = (ev, always) => {
    if (!scale) return;
    const unit = wheelDelta(ev);
    const box = plot.getBoundingClientRect();
    if (always || ev.ctrlKey || ev.metaKey) {
      ev.preventDefault();
      zoomAt(Math.exp(-ev.deltaY * unit * 0.0015), ev.clientX - box.left);
    } else if (ev.shiftKey || Math.abs(ev.deltaX) > Math.abs(ev.deltaY)) {
      ev.preventDefault();
      state.tx -= (ev.shiftKey && !ev.deltaX ? ev.deltaY : ev.deltaX) * unit;
      pan();
    }
  };
  plot.addEventListener("wheel", (ev) => onWheel(ev, false), { passive: false });
  axis.addEventListener("wheel", (ev) => onWheel(ev, true), { passive: false });

  let drag = null, dragged = false;
  plot.addEventListener("pointerdown", (ev) => {
    if (ev.button !== 0 || !scale) return;
    drag = { x: ev.clientX, tx: state.tx, id: ev.pointerId };
    dragged = false;
  });
  plot.addEventListener("pointermove", (ev) => {
    if (!drag) return;
    const dx = ev.clientX - drag.x;
    if (!dragged && Math.abs(dx) < 4) return;
    if (!dragged) { dragged = true; plot.setPointerCapture(drag.id); plot.classList.add("dragging"); tooltip.hidden = true; }
    state.tx = drag.tx + dx;
    pan();
  });
  const endDrag = () => { drag = null; plot.classList.remove("dragging"); };
  plot.addEventListener("pointerup", endDrag);
  plot.addEventListener("pointercancel", endDrag);

  // ---- wiring ---------------------------------------------------------------------------
  lanes.addEventListener("pointerover", (ev) => {
    const e = eventOf(ev.target);
    if (e && !drag) showTooltip(e, ev.clientX, ev.clientY);
  });
  lanes.addEventListener("pointermove", (ev) => {
    const e = tooltip.hidden || drag ? null : eventOf(ev.target);
    if (e) showTooltip(e, ev.clientX, ev.clientY);
  });
  lanes.addEventListener("pointerout", (ev) => { if (!eventOf(ev.relatedTarget)) tooltip.hidden = true; });
  const choose = (ev) => {
    if (dragged) { dragged = false; return; }
    const e = eventOf(ev.target);
    if (e) { tooltip.hidden = true; openPanel(e); }
  };
  lanes.addEventListener("click", choose);
  $("undated-list").addEventListener("click", choose);
  $("panel-body").addEventListener("click", (ev) => {
    const e = ev.target.tagName === "A" ? eventOf(ev.target) : null;
    if (e) openPanel(e);
  });
  document.addEventListener("keydown", (ev) => {
    const typing = ev.target instanceof HTMLInputElement;
    if (ev.key === "Escape") { if (typing && ev.target.value) return; closePanel(); return; }
    if ((ev.key === "Enter" || ev.key === " ") && !typing && ev.target.closest) {
      const e = eventOf(ev.target);
      if (e) { ev.preventDefault(); openPanel(e); } else if (ev.target.tagName === "A") ev.target.click();
      return;
    }
    if (typing || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key === "+" || ev.key === "=") zoomAt(1.6, width() / 2);
    else if (ev.key === "-") zoomAt(1 / 1.6, width() / 2);
    else if (ev.key === "0") { state.k = 1; state.tx = 0; drawEvents(); }
    else if (ev.key === "/") { ev.preventDefault(); $("filter").focus(); }
  });
  $("zoom-in").addEventListener("click", () => zoomAt(1.6, width() / 2));
  $("zoom-out").addEventListener("click", () => zoomAt(1 / 1.6, width() / 2));
  $("zoom-fit").addEventListener("click", () => { state.k = 1; state.tx = 0; drawEvents(); });
  $("panel-close").addEventListener("click", closePanel);
  let typingTimer = 0;
  $("filter").addEventListener("input", (ev) => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => { state.query = ev.target.value; refresh(true); }, 120);
  });
  $("generic").addEventListener("change", (ev) => { state.generic = ev.target.checked; refresh(true); });
  $("legend").addEventListener("click", (ev) => {
    const li = ev.target.closest("li");
    if (!li) return;
    const t = li.dataset.type;
    if (state.hidden.has(t)) state.hidden.delete(t); else state.hidden.add(t);
    li.classList.toggle("off", state.hidden.has(t));
    refresh(true);
  });
  // Redrawing inside the observer's callback could resize the plot again within one frame.
  if (typeof ResizeObserver === "function") new ResizeObserver(() => requestAnimationFrame(resized)).observe(plot);
  else window.addEventListener("resize", resized);

  drawHeader();
  const selected = state.selected;
  refresh(false);
  if (selected) openPanel(selected);
  root.dataset.state = "ready";
})();
