/* kg network view: draw, stabilise then freeze, filter, search, show evidence. */
(() => {
  const {data, el, svg, fold, claimEvidence} = KG;
  const $ = id => document.getElementById(id);
  const started = performance.now();
  const large = data.large;

  const nodeById = new Map(data.nodes.map(n => [n.id, n]));
  const fullDegree = new Map(data.nodes.map(n => [n.id, 0]));
  data.edges.forEach(e => { fullDegree.set(e.from, fullDegree.get(e.from) + 1); fullDegree.set(e.to, fullDegree.get(e.to) + 1); });

  const state = {
    actorTypes: new Set(data.legend.actorTypes.map(t => t.type)),
    modalities: new Set(data.legend.modalities.map(m => m.modality).filter(m => m !== "denied")),
    eventTypes: new Set(data.legend.eventTypes.map(t => t.type)),
    dateFrom: 0, dateTo: Math.max(0, data.dates.length - 1), undated: true, unnamed: true,
  };

  // ---------------------------------------------------------------- the network
  const nodes = new vis.DataSet(data.nodes.map(n => Object.assign({}, n, {hidden: false})));
  const edges = new vis.DataSet(data.edges.map(e => Object.assign({}, e)));
  const iterations = large ? 1000 : 400;  // large graphs stop on the time budget below instead
  const crowded = !large && data.nodes.filter(n => n.kind === "actor").length > 25;
  const options = {
    autoResize: true,
    layout: {improvedLayout: data.nodes.length <= 120, randomSeed: 7},
    nodes: {
      borderWidth: 2, size: 14,
      scaling: {min: 12, max: large ? 30 : 38, label: {enabled: false, drawThreshold: large ? 9 : 5}},
      font: {size: 18, face: "system-ui, sans-serif", color: "rgba(0,0,0,0)", strokeWidth: 0},  // labels: see placeLabels
    },
    edges: {
      arrows: {to: {enabled: true, scaleFactor: 0.55}},
      font: {size: 15, face: "system-ui, sans-serif", color: "rgba(0,0,0,0)", strokeWidth: 0, align: "horizontal"},
      selectionWidth: 1.5, hoverWidth: 0.5, smooth: false,
    },
    physics: {
      enabled: true, solver: "barnesHut", minVelocity: large ? 2 : 0.75, timestep: 0.5,
      barnesHut: large
        ? {gravitationalConstant: -2500, centralGravity: 0.35, springLength: 80, springConstant: 0.05, damping: 0.6, avoidOverlap: 0}
        : crowded  // a corpus of dozens of actors: more room between them, so that their names fit
          ? {gravitationalConstant: -16000, centralGravity: 0.25, springLength: 190, springConstant: 0.03, damping: 0.4, avoidOverlap: 1}
          : {gravitationalConstant: -7000, centralGravity: 0.3, springLength: 170, springConstant: 0.04, damping: 0.4, avoidOverlap: 0.8},
      stabilization: {enabled: true, iterations, updateInterval: 20, fit: true},
    },
    interaction: {hover: true, tooltipDelay: 250, hideEdgesOnDrag: large, hideEdgesOnZoom: large, keyboard: false},
  };
  // A large graph gets a time budget: the layout stops improving after it, whatever the machine.
  const budget = large ? 3000 : 8000;
  const layoutStart = performance.now();
  const network = new vis.Network($("graph"), {nodes, edges}, options);

  const view = {
    network, nodes, edges, data, state, still: false, stillMs: null, stillAt: null, iterations: 0,
    /** What vis-network currently draws (its own visible indices). */
    drawn: () => ({nodes: network.body.nodeIndices.length, edges: network.body.edgeIndices.length}),
    /** What the filters let through. */
    shown: () => ({nodes: nodes.get({filter: n => !n.hidden}).length, edges: edges.get({filter: e => !e.hidden}).length}),
    applyFilters, showNode, showEdge,
  };
  window.kgView = view;
  window.kgNetwork = network;

  /** Fit the graph to the screen, with room at the edges for the names below the outer actors. */
  function fitAll(animation) {
    network.fit({animation: false});
    network.moveTo({scale: network.getScale() * 0.93, animation});
  }
  function freeze() {
    network.setOptions({physics: {enabled: false}});
    fitAll(false);
    network.once("afterDrawing", () => {
      view.still = true;
      view.stillMs = performance.now() - started;
      view.stillAt = performance.now();  // since navigation start
      $("status").textContent = `layout settled in ${(view.stillMs / 1000).toFixed(1)} s; physics off (turn it on to rearrange)`;
      window.dispatchEvent(new CustomEvent("kg:still", {detail: {ms: view.stillMs, iterations: view.iterations}}));
    });
    network.redraw();
  }
  network.on("stabilizationProgress", p => {
    view.iterations = p.iterations;
    if (performance.now() - layoutStart > budget) network.stopSimulation();
    $("status").textContent = `laying out the network… ${Math.round(100 * p.iterations / p.total)}%`;
  });
  network.once("stabilizationIterationsDone", freeze);
  if (!data.nodes.length) { $("status").textContent = "nothing to show"; view.still = true; view.stillMs = 0; view.stillAt = performance.now(); }

  // ---------------------------------------------------------------- labels
  // Actor names are placed by importance (the centre, then PageRank, then ties), each beside its
  // actor where it covers no other name and no actor, else left out until zooming in makes room;
  // claim labels follow where there is room, and only from EDGE_LABEL_SCALE on.
  const NODE_FONT = crowded ? 13 : 15, EDGE_FONT = 12, EDGE_LABEL_SCALE = 0.55;
  const rank = data.nodes.filter(n => n.kind === "actor").map(n => n.id)
    .sort((a, b) => (b === data.centre) - (a === data.centre) || nodeById.get(b).value - nodeById.get(a).value
      || fullDegree.get(b) - fullDegree.get(a) || String(nodeById.get(a).label).localeCompare(nodeById.get(b).label));
  view.placed = {nodes: [], edges: []};
  function placeLabels(ctx) {
    const scale = network.getScale();
    const body = network.body;
    const topLeft = network.DOMtoCanvas({x: 0, y: 0});
    const bottomRight = network.DOMtoCanvas({x: $("graph").clientWidth, y: $("graph").clientHeight});
    const inView = (x, y) => x >= topLeft.x && x <= bottomRight.x && y >= topLeft.y && y <= bottomRight.y;
    const taken = [];
    const free = b => !taken.some(t => b[0] < t[2] && b[2] > t[0] && b[1] < t[3] && b[3] > t[1]);
    const shown = body.nodeIndices;
    for (const id of shown) {  // every drawn actor is an obstacle
      const n = body.nodes[id];
      if (!inView(n.x, n.y)) continue;
      const r = (n.shape && n.shape.radius) || n.options.size || 10;
      taken.push([n.x - r, n.y - r, n.x + r, n.y + r]);
    }
    const drawn = new Set(shown);
    const placedNodes = [], placedEdges = [];
    ctx.save();
    ctx.textBaseline = "middle";
    ctx.lineJoin = "round";
    const nodeFont = NODE_FONT / scale, pad = 3 / scale;
    ctx.font = `${nodeFont}px system-ui, sans-serif`;
    let tried = 0;
    for (const id of rank) {
      if (!drawn.has(id)) continue;
      if (large && ++tried > 600) break;  // a big graph names its 600 most central actors in view; zooming in names more
      const n = body.nodes[id];
      if (!inView(n.x, n.y)) { tried--; continue; }
      const text = nodeById.get(id).label;
      const w = ctx.measureText(text).width, h = nodeFont * 1.15;
      const r = ((n.shape && n.shape.radius) || n.options.size || 10) + pad;
      const spots = [[n.x - w / 2, n.y + r], [n.x + r, n.y - h / 2], [n.x - r - w, n.y - h / 2], [n.x - w / 2, n.y - r - h]];
      const spot = spots.find(([x, y]) => free([x, y, x + w, y + h]));
      if (!spot) continue;
      taken.push([spot[0], spot[1], spot[0] + w, spot[1] + h]);
      ctx.lineWidth = 4 / scale; ctx.strokeStyle = "#ffffff"; ctx.fillStyle = id === data.centre ? "#000000" : "#1f1f1f";
      ctx.strokeText(text, spot[0], spot[1] + h / 2);
      ctx.fillText(text, spot[0], spot[1] + h / 2);
      placedNodes.push({id, text, box: [spot[0], spot[1], spot[0] + w, spot[1] + h]});
    }
    if (scale >= EDGE_LABEL_SCALE) {
      const edgeFont = EDGE_FONT / scale;
      ctx.font = `${edgeFont}px system-ui, sans-serif`;
      for (const id of body.edgeIndices) {
        const e = edges.get(id);
        const text = e && e.label && e.label.trim();
        if (!text) continue;
        const edge = body.edges[id];
        const mid = edge.edgeType.getPoint(0.5);
        if (!inView(mid.x, mid.y)) continue;
        const w = ctx.measureText(text).width, h = edgeFont * 1.15;
        const length = Math.hypot(edge.to.x - edge.from.x, edge.to.y - edge.from.y);
        if (w > length * 0.9) continue;  // a label longer than its line would cover its ends
        const box = [mid.x - w / 2, mid.y - h / 2, mid.x + w / 2, mid.y + h / 2];
        if (!free(box)) continue;
        taken.push(box);
        ctx.lineWidth = 3 / scale; ctx.strokeStyle = "#ffffff"; ctx.fillStyle = e.modality === "denied" ? "#4a4a4a" : "#3a3a3a";
        ctx.strokeText(text, box[0], mid.y);
        ctx.fillText(text, box[0], mid.y);
        placedEdges.push({id, text, box});
      }
    }
    ctx.restore();
    view.placed = {nodes: placedNodes, edges: placedEdges, scale};
  }
  network.on("afterDrawing", placeLabels);
  /** The labels drawn now, with their boxes in page pixels (for checking that none overprints another). */
  view.labels = () => {
    const box = b => { const a = network.canvasToDOM({x: b[0], y: b[1]}), c = network.canvasToDOM({x: b[2], y: b[3]}); return [a.x, a.y, c.x, c.y]; };
    return {nodes: view.placed.nodes.map(l => ({id: l.id, text: l.text, box: box(l.box)})),
            edges: view.placed.edges.map(l => ({id: l.id, text: l.text, box: box(l.box)})), scale: network.getScale()};
  };

  $("physics").addEventListener("change", ev => network.setOptions({physics: {enabled: ev.target.checked}}));
  $("fit").addEventListener("click", () => fitAll({duration: 300}));

  // ---------------------------------------------------------------- filters
  function bounds(d) {
    if (d.length === 4) return [d + "-01-01", d + "-12-31"];
    if (d.length === 7) return [d + "-01", d + "-31"];
    return [d, d];
  }
  function datePasses(e) {
    if (!e.date) return state.undated;
    if (!data.dates.length) return true;
    return e.hi >= bounds(data.dates[state.dateFrom])[0] && e.lo <= bounds(data.dates[state.dateTo])[1];
  }
  const nameOf = id => nodeById.get(id).label || "(unnamed)";
  const modalityOrder = data.legend.modalities.map(m => m.modality);
  const typeOn = id => state.actorTypes.has(nodeById.get(id).type);
  const isUnnamed = id => nodeById.get(id).kind === "unnamed";
  function edgePasses(e) {
    return state.modalities.has(e.modality) && state.eventTypes.has(e.etype) && datePasses(e)
      && typeOn(e.from) && typeOn(e.to) && (state.unnamed || !(isUnnamed(e.from) || isUnnamed(e.to)));
  }
  function applyFilters() {
    const live = new Map();
    const edgeChanges = [];
    // Parallel claims of one action between one pair share one label naming their modalities.
    const groups = new Map();
    const passing = new Set();
    for (const e of data.edges) {
      if (!edgePasses(e)) continue;
      passing.add(e.id);
      live.set(e.from, (live.get(e.from) || 0) + 1); live.set(e.to, (live.get(e.to) || 0) + 1);
      const key = `${e.from}\u0000${e.to}\u0000${e.action}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(e);
    }
    const labels = new Map();
    for (const group of groups.values()) {
      const kinds = modalityOrder.filter(m => group.some(e => e.modality === m));
      const suffix = kinds.length === 1 && kinds[0] === "asserted" ? "" : ` (${kinds.join(", ")})`;
      labels.set(group[0].id, group[0].action + suffix);
    }
    for (const e of data.edges) {
      const pass = passing.has(e.id);
      const label = labels.get(e.id) || " ";  // vis-network keeps a label set to ""
      const current = edges.get(e.id);
      if (current.hidden !== !pass || current.label !== label) edgeChanges.push({id: e.id, hidden: !pass, label});
    }
    const nodeChanges = [];
    for (const n of data.nodes) {
      const pass = typeOn(n.id) && (live.has(n.id) || (fullDegree.get(n.id) === 0 && n.kind !== "unnamed"));
      if (nodes.get(n.id).hidden !== !pass) nodeChanges.push({id: n.id, hidden: !pass});
    }
    if (nodeChanges.length) nodes.update(nodeChanges);
    if (edgeChanges.length) edges.update(edgeChanges);
    summarise();
  }
  function summarise() {
    const shown = view.shown();
    const actors = nodes.get({filter: n => !n.hidden && n.kind === "actor"}).length;
    const allActors = data.nodes.filter(n => n.kind === "actor").length;
    $("summary").textContent = `${actors} of ${allActors} actors, ${shown.edges} of ${data.edges.length} claims shown`;
  }

  function shapeSwatch(shape, colour, dashed) {
    const s = 14, h = s / 2;
    const paint = {fill: colour, stroke: dashed ? "#8a8a8a" : colour, "stroke-width": 1.5};
    if (dashed) paint["stroke-dasharray"] = "2 2";
    const shapes = {
      dot: () => svg("circle", Object.assign({cx: h, cy: h, r: 5.5}, paint)),
      square: () => svg("rect", Object.assign({x: 2, y: 2, width: 10, height: 10}, paint)),
      triangle: () => svg("polygon", Object.assign({points: "7,1.5 12.8,12 1.2,12"}, paint)),
      triangleDown: () => svg("polygon", Object.assign({points: "1.2,2 12.8,2 7,12.5"}, paint)),
      diamond: () => svg("polygon", Object.assign({points: "7,1 13,7 7,13 1,7"}, paint)),
      hexagon: () => svg("polygon", Object.assign({points: "3.5,1.5 10.5,1.5 13.5,7 10.5,12.5 3.5,12.5 0.5,7"}, paint)),
      star: () => svg("polygon", Object.assign({points: "7,0.8 8.8,5.2 13.5,5.4 9.8,8.4 11.1,13 7,10.4 2.9,13 4.2,8.4 0.5,5.4 5.2,5.2"}, paint)),
    };
    return svg("svg", {class: "swatch", width: s, height: s, viewBox: `0 0 ${s} ${s}`, "aria-hidden": "true"}, (shapes[shape] || shapes.dot)());
  }
  function lineSwatch(colour, dashes) {
    const line = svg("line", {x1: 1, y1: 6, x2: 27, y2: 6, stroke: colour, "stroke-width": 2.5});
    if (dashes) line.setAttribute("stroke-dasharray", dashes.join(" "));
    return svg("svg", {class: "swatch", width: 28, height: 12, "aria-hidden": "true"}, line);
  }
  function checkbox(id, checked, onChange, ...label) {
    const box = el("input", {type: "checkbox", id, checked, onchange: ev => { onChange(ev.target.checked); applyFilters(); }});
    return el("label", {class: "check"}, box, ...label);
  }
  const toggle = (set, key) => on => on ? set.add(key) : set.delete(key);

  for (const t of data.legend.actorTypes) {
    const text = t.type === "Unnamed" ? "unnamed in the text" : t.type.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
    $("actor-types").append(checkbox("actor-" + t.type, true, toggle(state.actorTypes, t.type),
      shapeSwatch(t.shape, t.colour, t.type === "Unnamed"), text, el("span", {class: "count", text: String(t.count)})));
  }
  for (const q of data.legend.quads) $("quad-legend").append(el("span", {}, lineSwatch(q.colour), q.name));
  for (const m of data.legend.modalities) {
    const colour = m.modality === "denied" ? data.legend.denied : "#555";
    const note = m.modality === "denied" ? " (hidden until ticked)" : "";
    $("modalities").append(checkbox("modality-" + m.modality, state.modalities.has(m.modality), toggle(state.modalities, m.modality),
      lineSwatch(colour, m.dashes), m.modality + note, el("span", {class: "count", text: String(m.count)})));
  }
  $("show-unnamed").addEventListener("change", ev => { state.unnamed = ev.target.checked; applyFilters(); });
  const quadColour = new Map(data.legend.quads.map(q => [q.quad, q.colour]));
  for (const t of data.legend.eventTypes) {
    $("event-types").append(checkbox("etype-" + t.type, true, toggle(state.eventTypes, t.type),
      lineSwatch(quadColour.get(t.quad) || "#7f7f7f"), t.label, el("span", {class: "count", text: String(t.count)})));
  }
  function setAllTypes(on) {
    for (const t of data.legend.eventTypes) { $("etype-" + t.type).checked = on; toggle(state.eventTypes, t.type)(on); }
    applyFilters();
  }
  $("types-all").addEventListener("click", () => setAllTypes(true));
  $("types-none").addEventListener("click", () => setAllTypes(false));

  if (data.dates.length) {
    const last = data.dates.length - 1;
    for (const [id, key] of [["date-from", "dateFrom"], ["date-to", "dateTo"]]) {
      const input = $(id);
      input.max = String(last);
      input.value = String(state[key]);
      $(id + "-value").textContent = data.dates[state[key]];
      input.addEventListener("input", () => {
        state[key] = Number(input.value);
        if (state.dateFrom > state.dateTo) {  // the two handles never cross
          if (key === "dateFrom") state.dateTo = state.dateFrom; else state.dateFrom = state.dateTo;
          $("date-from").value = String(state.dateFrom);
          $("date-to").value = String(state.dateTo);
        }
        $("date-from-value").textContent = data.dates[state.dateFrom];
        $("date-to-value").textContent = data.dates[state.dateTo];
        applyFilters();
      });
    }
  } else {
    $("date-range").replaceChildren(el("p", {class: "hint", text: "No claim in this graph carries a date."}));
  }
  $("show-undated").addEventListener("change", ev => { state.undated = ev.target.checked; applyFilters(); });

  // ---------------------------------------------------------------- evidence
  const panel = $("evidence");
  const HAPPENED = new Set(["asserted", "reported", "alleged"]);
  function showEdge(id) {
    const edge = edges.get(id);
    if (!edge) return;
    const others = data.edges.filter(e => e.event && e.event === edge.event && e.id !== edge.id);
    const against = others.filter(e => (e.modality === "denied") !== (edge.modality === "denied")
      && (e.modality === "denied" || HAPPENED.has(e.modality)) && (edge.modality === "denied" || HAPPENED.has(edge.modality)));
    const along = others.filter(e => !against.includes(e));
    const sourceOf = e => e.evidence.source || e.evidence.article;
    const parts = [claimEvidence(edge.evidence)];
    if (against.length) {
      parts.push(el("section", {class: "contradicts"},
        el("h3", {text: edge.modality === "denied" ? `Said to have happened by ${against.map(sourceOf).join("; ")}`
                                                   : `Contradicted: denied by ${against.map(sourceOf).join("; ")}`}),
        ...against.map(e => claimEvidence(e.evidence))));
    }
    if (along.length) {
      parts.push(el("section", {class: "agrees"}, el("h3", {text: `Other claims about this event (${along.length})`}),
        ...along.map(e => claimEvidence(e.evidence))));
    }
    panel.replaceChildren(...parts);
    view.shownContradictions = against.length;
  }
  function claimLine(e, me) {
    const other = e.from === me ? e.to : e.from;
    const arrow = e.from === me ? `→ ${e.action} → ` : `← ${e.action} ← `;
    const item = el("li", {class: edges.get(e.id).hidden ? "filtered" : ""},
      el("button", {type: "button", onclick: () => { network.selectEdges([e.id]); showEdge(e.id); }},
        arrow + nameOf(other) + ` (${e.modality}${e.date ? ", " + e.date : ""})`));
    return item;
  }
  function showNode(id) {
    const n = nodeById.get(id);
    if (!n) return;
    const facts = el("dl", {class: "facts"});
    const fact = (k, v) => { if (v !== "" && v !== undefined && v !== null) facts.append(el("dt", {text: k}), el("dd", {text: String(v)})); };
    fact("type", n.kind === "unnamed" ? "not named in the text" : n.type);
    fact("country", n.country);
    if (n.events !== undefined) fact("events", n.events + (n.eventsDenied ? ` (${n.eventsDenied} of them only denied)` : ""));
    if (n.scores && n.scores.pagerank !== undefined) {
      fact("PageRank", n.scores.pagerank.toFixed(3));
      fact("betweenness", n.scores.betweenness.toFixed(3));
    }
    if (n.community !== null && n.community !== undefined) fact("community", "#" + (n.community + 1));
    const mine = data.edges.filter(e => e.from === id || e.to === id);
    const list = el("ul", {class: "claims"}, mine.map(e => claimLine(e, id)));
    panel.replaceChildren(el("h2", {text: nameOf(id)}), facts,
      el("p", {class: "hint", text: mine.length ? `${mine.length} claim(s); greyed ones are hidden by the filters:` : "No claims."}), list);
  }
  network.on("click", params => {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });

  // ---------------------------------------------------------------- search
  const names = [...new Set(data.nodes.filter(n => n.kind === "actor").map(n => n.label))].sort();
  $("actor-names").append(...names.map(name => el("option", {value: name})));
  function search(focus) {
    const query = fold($("search").value);
    if (!query) { $("search-result").textContent = ""; network.unselectAll(); return; }
    const matches = data.nodes.filter(n => n.kind === "actor" && fold(n.label).includes(query));
    const visible = matches.filter(n => !nodes.get(n.id).hidden);
    const hidden = matches.length - visible.length;
    $("search-result").textContent = matches.length
      ? `${matches.length} actor(s) match` + (hidden ? `, ${hidden} hidden by the filters` : "")
      : "no actor matches";
    network.selectNodes(visible.map(n => n.id), false);
    const exact = visible.find(n => fold(n.label) === query);
    const target = exact || (visible.length === 1 || focus ? visible[0] : null);
    if (target) {
      network.focus(target.id, {scale: Math.max(network.getScale(), 1.0), animation: {duration: 350}});
      showNode(target.id);
    }
  }
  $("search").addEventListener("input", () => search(false));
  $("search").addEventListener("keydown", ev => { if (ev.key === "Enter") search(true); });

  applyFilters();
  if (data.centre && nodeById.has(data.centre)) showNode(data.centre);
})();
