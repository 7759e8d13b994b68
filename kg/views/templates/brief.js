/* kg brief: sections with their evidence, a small timeline and a map of the period. */
(() => {
  const {data, el, svg, typeName} = KG;
  const $ = id => document.getElementById(id);
  const view = {data, ready: false};
  window.kgBrief = view;
  const p = data.period, n = data.counts;

  const scope = data.countries.length ? data.countries.map(c => `${c.name} (${c.code})`).join(", ") : "all countries";
  $("scope").textContent = `${scope} · ${n.articles} article(s) published from ${p.since} to ${p.until}`
    + (p.default ? ` (the last ${p.days} days of published articles)` : "")
    + ` · ${n.new} new event(s), ${n.reported} reported · compared with ${p.previous.since} to ${p.previous.until} (${n.previousArticles} article(s))`;
  $("note").textContent = n.undatedArticles ? `${n.undatedArticles} article(s) without a publication date are left out.` : "";

  /** A sentence with the words that name the action marked. */
  function quote(sentence, phrase) {
    const q = el("blockquote");
    const at = phrase ? sentence.indexOf(phrase) : -1;
    if (at < 0) q.append(sentence);
    else q.append(sentence.slice(0, at), el("mark", {text: phrase}), sentence.slice(at + phrase.length));
    return q;
  }
  /** One claim's evidence: the sentence, then who says it, how certain, the article and its date. */
  function evidence(c) {
    const title = c.article_title ? `${c.article_title} (${c.article})` : c.article;
    const article = /^https?:\/\//i.test(c.url || "") ? el("a", {href: c.url, target: "_blank", rel: "noopener noreferrer", text: title}) : title;
    const who = c.via ? `${c.source}, via ${c.via}` : c.source;
    return el("div", {class: "evidence"}, quote(c.sentence, c.action_text),
      el("cite", {}, "— ", who, " · ", el("span", {class: "badge " + c.modality, text: c.modality}), " · ", article,
        c.published ? ` · published ${c.published}` : ""));
  }
  const who = e => `${e.agent} → ${e.action} → ${e.target}`;
  function eventItem(e, claims) {
    const facts = [e.place, e.date || "undated", e.sources.length ? `${e.sources.length} source(s): ${e.sources.join("; ")}` : "no source says it happened",
      e.modalities.join(", ")].filter(Boolean).join(" · ");
    return el("li", {class: "q" + e.quad}, el("div", {class: "line"}, el("span", {class: "who", text: who(e)}), " ", el("span", {class: "facts", text: "· " + facts})),
      ...(claims || e.claims).map(evidence));
  }
  const none = text => el("p", {class: "none", text});

  // ---------------------------------------------------------------- new events
  const events = $("events");
  if (n.new > n.shown) events.append(el("p", {class: "hint", text: `The ${n.shown} most important of ${n.new}, by independent sources, then severity.`}));
  if (!data.events.length) events.append(none("No new event in this period."));
  for (const country of data.events) {
    events.append(el("h3", {text: country.name}));
    for (const group of country.types) {
      events.append(el("h4", {text: group.label}), el("ul", {class: "events"}, group.events.map(e => eventItem(e))));
    }
  }

  // ---------------------------------------------------------------- actors
  const actors = $("actors");
  function actorItem(a, what) {
    const kind = typeName(a.type) + (a.country ? ", " + a.country : "");
    const item = el("li", {class: a.event ? "q" + a.event.quad : ""}, el("div", {class: "line"}, el("span", {class: "who", text: a.label}),
      " ", el("span", {class: "facts", text: `(${kind}) `}), what,
      a.event ? el("span", {class: "facts", text: ` · e.g. ${who(a.event)}, ${a.event.date || "undated"}`}) : ""));
    if (a.event) item.append(evidence(a.event.claims.find(c => c.modality !== "denied") || a.event.claims[0]));
    return item;
  }
  actors.append(el("h3", {text: `New in this period (${data.actors.newCount})`}));
  actors.append(data.actors.new.length ? el("ul", {class: "events"}, data.actors.new.map(a => actorItem(a, `${a.now} event(s)`))) : none("No actor appears for the first time."));
  actors.append(el("h3", {text: `Activity changed most against ${p.previous.since} to ${p.previous.until}`}));
  actors.append(data.actors.changed.length ? el("ul", {class: "events"}, data.actors.changed.map(a => {
    const delta = a.now - a.before;
    return actorItem(a, el("span", {class: "change " + (delta > 0 ? "up" : "down"), text: `${a.before} → ${a.now} event(s) (${delta > 0 ? "+" : ""}${delta})`}));
  })) : none("No actor's activity changed."));

  // ---------------------------------------------------------------- contested
  const contested = $("contested");
  if (!data.contested.length && !data.unanswered.length) contested.append(none("No claim in this period is denied or only alleged."));
  if (data.contested.length) {
    contested.append(el("h3", {text: "Said to have happened, and denied"}));
    contested.append(el("ul", {class: "events"}, data.contested.map(e => el("li", {class: "q" + e.quad},
      el("div", {class: "line"}, el("span", {class: "who", text: who(e)}), el("span", {class: "facts", text: ` · ${[e.place, e.date || "undated"].filter(Boolean).join(" · ")}`})),
      el("div", {class: "sides"},
        el("div", {class: "said"}, el("h5", {text: "says it happened: " + e.sources.join("; ")}), ...e.claims.filter(c => c.modality !== "denied").map(evidence)),
        el("div", {class: "denied"}, el("h5", {text: "denies it: " + e.deniedBy.join("; ")}), ...e.claims.filter(c => c.modality === "denied").map(evidence)))))));
  }
  if (data.unanswered.length) {
    contested.append(el("h3", {text: "Alleged or denied, and nobody says otherwise"}));
    contested.append(el("ul", {class: "events"}, data.unanswered.map(u => el("li", {class: "q" + u.event.quad},
      el("div", {class: "line"}, el("span", {class: "who", text: who(u.event)}), el("span", {class: "facts", text: ` · ${u.claim.modality} by ${u.claim.source}`})),
      evidence(u.claim)))));
  }

  // ---------------------------------------------------------------- corroborated
  const corroborated = $("corroborated");
  corroborated.append(data.corroborated.length ? el("ul", {class: "events"}, data.corroborated.map(e => eventItem(e)))
    : none("No event of this period has two independent sources."));

  // ---------------------------------------------------------------- timeline
  const DAY = 86400000, time = iso => Date.parse(iso + "T00:00:00Z");
  const t = data.timeline, t0 = time(t.start), t1 = time(t.until) + DAY, days = Math.round((t1 - t0) / DAY);
  const W = 400, H = 300, left = 10, right = 390, top = 16, bottom = 262;
  const chart = svg("svg", {viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "events by day"});
  const x = ms => left + (right - left) * (ms - t0) / (t1 - t0);
  chart.append(svg("rect", {class: "tl-now", x: x(time(t.since)), y: top, width: right - x(time(t.since)), height: bottom - top}));
  const most = Math.max(1, ...t.days.map(d => d.events.length));
  const colour = new Map(data.map.legend.quads.map(q => [q.quad, q.colour]));
  const step = (bottom - top - 10) / most, width = (right - left) / days;
  for (const day of t.days) {
    day.events.forEach((e, i) => {
      const bar = svg("rect", {class: "tl-bar", x: x(time(day.date)) + 1, y: bottom - (i + 1) * step, width: Math.max(2, width - 2), height: step - 1,
        fill: colour.get(e.quad) || "#7f7f7f", "fill-opacity": e.new ? 0.95 : 0.45});
      const tip = svg("title");
      tip.textContent = `${day.date}: ${e.who}: ${e.action}${e.new ? " (new)" : ""}`;
      bar.append(tip);
      chart.append(bar);
    });
  }
  chart.append(svg("line", {class: "tl-axis", x1: left, y1: bottom, x2: right, y2: bottom}));
  for (const [label, at, anchor] of [[t.start, x(t0), "start"], [t.since, x(time(t.since)), "middle"], [t.until, right, "end"]]) {
    const text = svg("text", {x: at, y: bottom + 16, "text-anchor": anchor});
    text.textContent = label;
    chart.append(text);
  }
  const heading = svg("text", {x: x(time(t.since)) + 4, y: top + 12});
  heading.textContent = "this period";
  chart.append(heading);
  if (t.other) {
    const other = svg("text", {x: left, y: H - 8});
    other.textContent = `${t.other} event(s) not dated to a day in these weeks`;
    chart.append(other);
  }
  $("brief-timeline").append(chart);

  // ---------------------------------------------------------------- map
  const markerById = new Map(data.map.markers.map(m => [m.id, m]));
  const groups = new Map();
  for (const e of data.map.events) {
    if (!e.marker || e.where === "unplaced") continue;
    if (!groups.has(e.marker)) groups.set(e.marker, {marker: markerById.get(e.marker), events: []});
    groups.get(e.marker).events.push(e);
  }
  const map = KGMap.create($("brief-map"), data.map, {onSelect: id => {
    const g = groups.get(id);
    $("map-events").replaceChildren(el("h3", {text: KGMap.placeName(g.marker)}),
      el("ul", {class: "events"}, g.events.map(e => el("li", {class: "q" + e.quad}, el("div", {class: "line"},
        el("span", {class: "who", text: e.who + ": " + e.action}), el("span", {class: "facts", text: ` · ${e.date || "undated"} · ${e.modalities.join(", ")}`})),
        ...e.claims.map(c => evidence({sentence: c.sentence, action_text: c.action_text, source: c.source || "the article itself",
          via: "", modality: c.modality, article: c.article, article_title: c.article_title, url: c.url, published: c.published}))))));
  }});
  map.fit(data.map.view);
  map.draw([...groups.values()]);
  if (!groups.size) $("brief-map").append(el("p", {class: "hint", text: "No event of this period names a place."}));
  view.map = map;
  view.markers = () => document.querySelectorAll("#brief-map .kg-marker").length;
  view.ready = true;
})();
