/* kg map drawing: the basemap, markers sized by their events and coloured by QuadClass, place labels
   that never overprint, zoom and pan. Shared by the map view and the brief. */
const KGMap = (() => {
  const {svg} = KG;
  const MIN_WIDTH = 2, MAX_WIDTH = 1100;

  /** Marker radius in screen pixels for ``count`` events. */
  const radius = count => Math.min(30, 5 + 4 * Math.sqrt(count));

  /** The colour of a set of events: their most frequent QuadClass (the graver one on a tie); grey when all are denied. */
  function colourOf(events, quads, denied) {
    if (events.every(e => e.modalities.every(m => m === "denied"))) return denied;
    const counts = new Map();
    events.forEach(e => counts.set(e.quad, (counts.get(e.quad) || 0) + 1));
    const [quad] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    return (quads.find(q => q.quad === quad) || {colour: "#7f7f7f"}).colour;
  }

  function create(host, data, options) {
    const opts = Object.assign({interactive: true, onSelect: () => {}}, options || {});
    const root = svg("svg", {class: "kg-map", role: "img", "aria-label": "map of events", preserveAspectRatio: "xMidYMid meet"});
    const land = svg("g", {class: "land"});
    for (const c of data.countries) {
      const path = svg("path", {d: c.d, class: c.active ? "country active" : "country"});
      path.dataset.code = c.code;
      const tip = svg("title");
      tip.textContent = c.name;
      path.append(tip);
      land.append(path);
    }
    const markers = svg("g", {class: "markers"}), labels = svg("g", {class: "labels"});
    root.append(svg("rect", {class: "sea", x: -700, y: -450, width: 1400, height: 900}), land, markers, labels);
    host.append(root);
    const state = {box: null, groups: [], selected: null};

    function unitsPerPixel() {
      const w = root.clientWidth || host.clientWidth || 800, h = root.clientHeight || host.clientHeight || 500;
      return Math.max(state.box[2] / w, state.box[3] / h);
    }
    function setBox(x, y, w, h) {
      const width = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, w)), height = h * width / w;
      const cx = x + w / 2, cy = y + h / 2;
      state.box = [cx - width / 2, cy - height / 2, width, height];
      root.setAttribute("viewBox", state.box.map(v => v.toFixed(3)).join(" "));
      layout();
    }
    /** Show the box [x0, y0, x1, y1] (projected units), with a margin. */
    function fit(b) {
      const w = b[2] - b[0], h = b[3] - b[1];
      setBox(b[0] - w * 0.08, b[1] - h * 0.08, w * 1.16, h * 1.16);
    }

    function draw(groups) {
      state.groups = groups.slice().sort((a, b) => b.events.length - a.events.length);
      markers.replaceChildren();
      for (const g of state.groups) {
        const colour = colourOf(g.events, data.legend.quads, data.legend.denied);
        const circle = svg("circle", {cx: g.marker.x, cy: g.marker.y, fill: colour,
          class: "kg-marker" + (g.marker.precise ? "" : " approx") + (state.selected === g.marker.id ? " selected" : "")});
        circle.dataset.marker = g.marker.id;
        circle.dataset.events = String(g.events.length);
        const tip = svg("title");
        tip.textContent = `${placeName(g.marker)}: ${g.events.length} event(s)`;
        circle.append(tip);
        if (opts.interactive) circle.addEventListener("click", ev => { ev.stopPropagation(); select(g.marker.id); });
        const count = svg("text", {class: "kg-count", x: g.marker.x, y: g.marker.y, "text-anchor": "middle", "dominant-baseline": "central"});
        count.textContent = g.events.length > 1 ? String(g.events.length) : "";
        markers.append(circle, count);
      }
      layout();
    }
    function select(id) {
      state.selected = id;
      markers.querySelectorAll(".kg-marker").forEach(m => m.classList.toggle("selected", m.dataset.marker === id));
      opts.onSelect(id);
    }

    /** Radii and label sizes for the current zoom; labels placed greedily, biggest markers first, never overlapping. */
    function layout() {
      if (!state.box) return;
      const upp = unitsPerPixel();
      const circles = [...markers.querySelectorAll(".kg-marker")];
      const counts = [...markers.querySelectorAll(".kg-count")];
      circles.forEach((c, i) => {
        const r = radius(Number(c.dataset.events)) * upp;
        c.setAttribute("r", r.toFixed(4));
        c.setAttribute("stroke-width", (1.5 * upp).toFixed(4));
        if (c.classList.contains("approx")) c.setAttribute("stroke-dasharray", `${(3 * upp).toFixed(4)} ${(2 * upp).toFixed(4)}`);
        counts[i].setAttribute("font-size", (Math.min(12, radius(Number(c.dataset.events))) * upp).toFixed(4));
      });
      labels.replaceChildren();
      const px = 12, taken = state.groups.map(g => {  // every marker is an obstacle, in screen pixels
        const r = radius(g.events.length);
        return [g.marker.x / upp - r, g.marker.y / upp - r, g.marker.x / upp + r, g.marker.y / upp + r];
      });
      const w0 = root.clientWidth || host.clientWidth, h0 = root.clientHeight || host.clientHeight;
      const cx = (state.box[0] + state.box[2] / 2) / upp, cy = (state.box[1] + state.box[3] / 2) / upp;
      const screen = [cx - w0 / 2 + 2, cy - h0 / 2 + 2, cx + w0 / 2 - 2, cy + h0 / 2 - 2];  // what the map shows, in pixels
      const outside = b => b[0] < screen[0] || b[2] > screen[2] || b[1] < screen[1] || b[3] > screen[3];
      const overlaps = b => outside(b) || taken.some(t => b[0] < t[2] && b[2] > t[0] && b[1] < t[3] && b[3] > t[1]);
      for (const g of state.groups) {
        const full = placeName(g.marker), text = full.length > 40 ? full.slice(0, 39).trimEnd() + "…" : full;
        if (!text) continue;
        const w = text.length * px * 0.56 + 4, h = px + 2, r = radius(g.events.length) + 3;
        const x = g.marker.x / upp, y = g.marker.y / upp;
        const spots = [[x + r, y - h / 2, "start"], [x - r - w, y - h / 2, "end"], [x - w / 2, y - r - h, "middle"], [x - w / 2, y + r, "middle"]];
        const spot = spots.find(([sx, sy]) => !overlaps([sx, sy, sx + w, sy + h]));
        if (!spot) continue;
        taken.push([spot[0], spot[1], spot[0] + w, spot[1] + h]);
        const anchorX = spot[2] === "start" ? spot[0] + 2 : spot[2] === "end" ? spot[0] + w - 2 : spot[0] + w / 2;
        const label = svg("text", {class: "kg-marker-label", x: (anchorX * upp).toFixed(4), y: ((spot[1] + h / 2) * upp).toFixed(4),
          "text-anchor": spot[2], "dominant-baseline": "central", "font-size": (px * upp).toFixed(4),
          "stroke-width": (3 * upp).toFixed(4)});
        label.textContent = text;
        labels.append(label);
      }
      const [bx, by, bw, bh] = state.box;
      for (const c of data.countries) {  // country names where they fit, after the places
        const w = c.name.length * 11 * 0.62 + 6, h = 13;
        if ((c.box[2] - c.box[0]) / upp < w * 0.9 || c.at[0] < bx || c.at[0] > bx + bw || c.at[1] < by || c.at[1] > by + bh) continue;
        const x = c.at[0] / upp - w / 2, y = c.at[1] / upp - h / 2;
        if (overlaps([x, y, x + w, y + h])) continue;
        taken.push([x, y, x + w, y + h]);
        const name = svg("text", {class: "kg-country-label", x: c.at[0].toFixed(4), y: c.at[1].toFixed(4), "text-anchor": "middle",
          "dominant-baseline": "central", "font-size": (11 * upp).toFixed(4)});
        name.textContent = c.name;
        labels.insertBefore(name, labels.firstChild);
      }
    }

    if (opts.interactive) {
      const toSvg = (clientX, clientY) => {
        const point = root.createSVGPoint();
        point.x = clientX; point.y = clientY;
        return point.matrixTransform(root.getScreenCTM().inverse());
      };
      root.addEventListener("wheel", ev => {
        ev.preventDefault();
        zoomAt(toSvg(ev.clientX, ev.clientY), ev.deltaY > 0 ? 1.25 : 0.8);
      }, {passive: false});
      let drag = null;
      root.addEventListener("pointerdown", ev => { drag = {x: ev.clientX, y: ev.clientY, box: state.box.slice(), moved: false}; });
      root.addEventListener("pointermove", ev => {
        if (!drag) return;
        const upp = unitsPerPixel(), dx = (ev.clientX - drag.x) * upp, dy = (ev.clientY - drag.y) * upp;
        if (Math.abs(ev.clientX - drag.x) + Math.abs(ev.clientY - drag.y) > 3) drag.moved = true;
        if (drag.moved) setBox(drag.box[0] - dx, drag.box[1] - dy, drag.box[2], drag.box[3]);
      });
      window.addEventListener("pointerup", () => { drag = null; });
      window.addEventListener("resize", layout);
    }
    function zoomAt(point, factor) {
      const [x, y, w, h] = state.box;
      setBox(point.x - (point.x - x) * factor, point.y - (point.y - y) * factor, w * factor, h * factor);
    }
    function zoom(factor) {
      const [x, y, w, h] = state.box;
      zoomAt({x: x + w / 2, y: y + h / 2}, factor);
    }
    return {root, fit, draw, select, zoom, box: () => state.box.slice(), unitsPerPixel};
  }

  /** What a marker is called: its places, or its country's name for events placed by country only. */
  function placeName(marker) {
    if (marker.precise) return marker.labels.join(" · ");
    return `${marker.countryName}${marker.labels.length ? ": " + marker.labels.join(" · ") : " (country)"}`;
  }

  return {create, placeName, colourOf, radius};
})();
