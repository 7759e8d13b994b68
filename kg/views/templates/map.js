/* kg map view: markers per place, the network view's filters, a marker's events with their evidence. */
(() => {
  const {data, el, claimEvidence, lineSwatch, checkbox, typeName, bounds} = KG;
  const $ = id => document.getElementById(id);
  const markerById = new Map(data.markers.map(m => [m.id, m]));
  const state = {
    actorTypes: new Set(data.legend.actorTypes.map(t => t.type)),
    modalities: new Set(data.legend.modalities.map(m => m.modality).filter(m => m !== "denied")),
    eventTypes: new Set(data.legend.eventTypes.map(t => t.type)),
    dateFrom: 0, dateTo: Math.max(0, data.dates.length - 1), undated: true, unplaced: data.showUnplaced,
  };
  const map = KGMap.create($("map"), data, {onSelect: show});
  const view = {data, state, map, ready: false, selected: null,
    /** Markers drawn now. */ markers: () => document.querySelectorAll("#map .kg-marker").length,
    passing, show, applyFilters};
  window.kgMap = view;

  function datePasses(e) {
    if (!e.date) return state.undated;
    if (!data.dates.length) return true;
    return e.hi >= bounds(data.dates[state.dateFrom])[0] && e.lo <= bounds(data.dates[state.dateTo])[1];
  }
  /** The events the filters let through, on a marker. */
  function passing() {
    return data.events.filter(e => e.marker && (state.unplaced || e.where !== "unplaced")
      && e.modalities.some(m => state.modalities.has(m)) && state.eventTypes.has(e.type)
      && e.actorTypes.every(t => state.actorTypes.has(t)) && datePasses(e));
  }
  function applyFilters() {
    const groups = new Map();
    for (const e of passing()) {
      if (!groups.has(e.marker)) groups.set(e.marker, {marker: markerById.get(e.marker), events: []});
      groups.get(e.marker).events.push(e);
    }
    map.draw([...groups.values()]);
    const shown = [...groups.values()].reduce((n, g) => n + g.events.length, 0);
    const placed = data.events.filter(e => e.marker && e.where !== "unplaced").length;
    $("summary").textContent = `${groups.size} place(s), ${shown} of ${data.events.length} events shown; `
      + `${data.events.length - placed} name no place`;
    if (view.selected) show(view.selected);
  }

  // ---------------------------------------------------------------- legend and filters
  for (const q of data.legend.quads) $("quad-legend").append(el("span", {}, lineSwatch(q.colour, null, 6), q.name));
  $("quad-legend").append(el("span", {}, lineSwatch(data.legend.denied, null, 6), "only denied"));
  const toggle = (set, key) => on => { if (on) set.add(key); else set.delete(key); applyFilters(); };
  for (const t of data.legend.actorTypes) {
    $("actor-types").append(checkbox("actor-" + t.type, true, toggle(state.actorTypes, t.type),
      typeName(t.type), el("span", {class: "count", text: String(t.count)})));
  }
  for (const m of data.legend.modalities) {
    const note = m.modality === "denied" ? " (hidden until ticked)" : "";
    $("modalities").append(checkbox("modality-" + m.modality, state.modalities.has(m.modality), toggle(state.modalities, m.modality),
      lineSwatch(m.modality === "denied" ? data.legend.denied : "#555", m.dashes), m.modality + note,
      el("span", {class: "count", text: String(m.count)})));
  }
  const quadColour = new Map(data.legend.quads.map(q => [q.quad, q.colour]));
  for (const t of data.legend.eventTypes) {
    $("event-types").append(checkbox("etype-" + t.type, true, toggle(state.eventTypes, t.type),
      lineSwatch(quadColour.get(t.quad) || "#7f7f7f"), t.label, el("span", {class: "count", text: String(t.count)})));
  }
  function setAllTypes(on) {
    for (const t of data.legend.eventTypes) { $("etype-" + t.type).checked = on; if (on) state.eventTypes.add(t.type); else state.eventTypes.delete(t.type); }
    applyFilters();
  }
  $("types-all").addEventListener("click", () => setAllTypes(true));
  $("types-none").addEventListener("click", () => setAllTypes(false));
  $("show-unplaced").checked = state.unplaced;
  $("show-unplaced").addEventListener("change", ev => { state.unplaced = ev.target.checked; applyFilters(); });
  $("show-undated").addEventListener("change", ev => { state.undated = ev.target.checked; applyFilters(); });
  if (data.dates.length) {
    const last = data.dates.length - 1;
    for (const [id, key] of [["date-from", "dateFrom"], ["date-to", "dateTo"]]) {
      const input = $(id);
      input.max = String(last);
      input.value = String(state[key]);
      $(id + "-value").textContent = data.dates[state[key]];
      input.addEventListener("input", () => {
        state[key] = Number(input.value);
        if (state.dateFrom > state.dateTo) {
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
    $("date-range").replaceChildren(el("p", {class: "hint", text: "No event on this map carries a date."}));
  }
  $("zoom-in").addEventListener("click", () => map.zoom(0.7));
  $("zoom-out").addEventListener("click", () => map.zoom(1.4));
  $("fit").addEventListener("click", () => map.fit(data.view));
  $("whole").addEventListener("click", () => map.fit(data.world));

  // ---------------------------------------------------------------- evidence
  function show(id) {
    view.selected = id;
    const marker = markerById.get(id);
    if (!marker) return;
    const events = passing().filter(e => e.marker === id);
    const facts = el("dl", {class: "facts"});
    const fact = (k, v) => facts.append(el("dt", {text: k}), el("dd", {text: v}));
    fact("where", marker.precise ? "the place the text names" : "the country's centre: the text names no more precise place");
    fact("events", `${events.length} shown`);
    const list = events.map((e, i) => el("details", {class: "event", open: i === 0},
      el("summary", {}, `${e.who}: ${e.action}`, el("span", {class: "hint", text: ` · ${e.date || "undated"} · ${e.modalities.join(", ")}`})),
      ...e.claims.map(claimEvidence)));
    $("evidence").replaceChildren(el("h2", {text: KGMap.placeName(marker)}), facts,
      events.length ? el("div", {}, ...list) : el("p", {class: "hint", text: "The filters hide this place's events."}));
  }

  map.fit(data.view);
  applyFilters();
  if (!data.markers.length) $("status").textContent = "no event names a place";
  view.ready = true;
})();
