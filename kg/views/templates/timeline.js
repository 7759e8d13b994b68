/* kg timeline view: one lane per event type, bars as wide as the date's precision. */
(() => {
  const {data, el, svg, claimEvidence} = KG;
  const $ = id => document.getElementById(id);
  const DAY = 86400000;
  const laneLabelWidth = 190, undatedWidth = 130, rowHeight = 16, lanePad = 10;
  const state = {denied: false};
  const view = {data, state, marks: () => document.querySelectorAll("#chart .mark").length, ready: false};
  window.kgTimeline = view;

  const time = iso => Date.parse(iso + "T00:00:00Z");
  for (const q of data.quads) {
    const line = svg("line", {x1: 1, y1: 6, x2: 27, y2: 6, stroke: q.colour, "stroke-width": 6});
    $("quad-legend").append(el("span", {}, svg("svg", {width: 28, height: 12}, line), q.name));
  }

  function draw() {
    const events = data.events.filter(e => state.denied || e.modality !== "denied");
    const dated = events.filter(e => e.start);
    const width = Math.max(640, $("chart").clientWidth - 24);
    const plotLeft = laneLabelWidth, plotRight = width - undatedWidth - 20;
    let t0 = Math.min(...dated.map(e => time(e.start))), t1 = Math.max(...dated.map(e => time(e.end) + DAY));
    if (!dated.length) { t0 = Date.UTC(2000, 0, 1); t1 = Date.UTC(2001, 0, 1); }
    const y0 = new Date(t0).getUTCFullYear(), y1 = new Date(t1 - 1).getUTCFullYear() + 1;
    t0 = Date.UTC(y0, 0, 1); t1 = Date.UTC(y1, 0, 1);
    const x = t => plotLeft + (plotRight - plotLeft) * (t - t0) / (t1 - t0);

    // rows inside each lane so that overlapping bars never cover each other
    const lanes = data.lanes.filter(l => events.some(e => e.type === l.type));
    let y = 34;
    const placed = [];
    const laneBoxes = [];
    for (const lane of lanes) {
      const rows = [], undatedRows = [];
      for (const e of events.filter(ev => ev.type === lane.type)) {
        if (e.start) {
          const a = x(time(e.start)) + 1, b = Math.max(x(time(e.end) + DAY) - 1, a + 8);
          let row = rows.findIndex(end => end + 1 <= a);
          if (row < 0) { rows.push(b); row = rows.length - 1; } else rows[row] = b;
          placed.push({e, x: a, w: b - a, row, lane});
        } else {
          undatedRows.push(e);
          placed.push({e, x: plotRight + 30 + ((undatedRows.length - 1) % 8) * 12, w: 9, row: Math.floor((undatedRows.length - 1) / 8), lane});
        }
      }
      const count = Math.max(rows.length, Math.ceil(undatedRows.length / 8), 1);
      laneBoxes.push({lane, y, height: count * rowHeight + lanePad});
      y += count * rowHeight + lanePad;
    }
    const height = y + 10;
    const chart = svg("svg", {width, height, role: "img", "aria-label": "events over time by type"});
    for (let year = y0; year <= y1; year++) {
      const gx = x(Date.UTC(year, 0, 1));
      chart.append(svg("line", {class: "grid", x1: gx, y1: 24, x2: gx, y2: height - 6}));
      if (year < y1) {
        const label = svg("text", {x: (gx + x(Date.UTC(year + 1, 0, 1))) / 2, y: 16, "text-anchor": "middle"});
        label.textContent = String(year);
        chart.append(label);
      }
    }
    const undatedHead = svg("text", {class: "undated-head", x: plotRight + 24, y: 16});
    undatedHead.textContent = "undated";
    chart.append(undatedHead, svg("line", {class: "axis", x1: plotRight + 14, y1: 4, x2: plotRight + 14, y2: height - 6}));
    for (const box of laneBoxes) {
      chart.append(svg("line", {class: "grid", x1: 0, y1: box.y - 4, x2: width, y2: box.y - 4}));
      const label = svg("text", {class: "lane-label", x: 4, y: box.y + 12});
      label.textContent = `${box.lane.label} (${events.filter(e => e.type === box.lane.type).length})`;
      chart.append(label);
    }
    for (const p of placed) {
      const box = laneBoxes.find(b => b.lane === p.lane);
      const mark = svg("rect", {class: "mark", x: p.x, y: box.y + p.row * rowHeight, width: p.w, height: rowHeight - 5, rx: 3,
        fill: p.e.modality === "denied" ? "#ffffff" : p.e.colour, stroke: p.e.colour, "stroke-width": 1.5, "fill-opacity": 0.85});
      if (p.e.dashes) mark.setAttribute("stroke-dasharray", p.e.dashes.join(" "));
      if (p.e.dashes) mark.setAttribute("fill-opacity", "0.35");
      const tip = svg("title");
      tip.textContent = `${p.e.action}: ${p.e.who} (${p.e.date || "undated"}, ${p.e.modality})`;
      mark.append(tip);
      mark.addEventListener("click", () => {
        document.querySelectorAll("#chart .mark.selected").forEach(m => m.classList.remove("selected"));
        mark.classList.add("selected");
        show(p.e);
      });
      mark.dataset.event = p.e.id;
      chart.append(mark);
    }
    $("chart").replaceChildren(chart);
    const undated = events.length - dated.length;
    $("summary").textContent = `${events.length} event(s) in ${lanes.length} type(s); ${dated.length} dated, ${undated} undated`;
  }

  function show(event) {
    $("evidence").replaceChildren(
      el("p", {class: "hint", text: `${event.claims.length} claim(s) about this event:`}),
      ...event.claims.map(claimEvidence));
  }
  view.show = id => show(data.events.find(e => e.id === id));
  $("show-denied").addEventListener("change", ev => { state.denied = ev.target.checked; draw(); });
  window.addEventListener("resize", draw);
  draw();
  view.ready = true;
})();
