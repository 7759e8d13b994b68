"use strict";
/* Helpers shared by kg's pages. Text from articles is only ever set with textContent. */
const KG = (() => {
  const data = JSON.parse(document.getElementById("kg-data").textContent);

  /** An element with attributes and children; strings become text nodes, never markup. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      node.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
    }
    return node;
  }

  const SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
    children.forEach(c => node.appendChild(c));
    return node;
  }

  /** Lower case without accents, for matching names ("goita" finds "Goïta"). */
  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  /** The sentence with the first occurrence of each phrase marked. */
  function markedSentence(sentence, phrases) {
    const quote = el("blockquote");
    const spans = [];
    for (const phrase of phrases) {
      if (!phrase) continue;
      const at = sentence.indexOf(phrase);
      if (at >= 0 && !spans.some(([s, e]) => at < e && at + phrase.length > s)) spans.push([at, at + phrase.length]);
    }
    spans.sort((a, b) => a[0] - b[0]);
    let pos = 0;
    for (const [start, end] of spans) {
      quote.append(sentence.slice(pos, start), el("mark", {text: sentence.slice(start, end)}));
      pos = end;
    }
    quote.append(sentence.slice(pos));
    return quote;
  }

  /** The evidence of one claim: what, who to whom, how certain, according to whom, from where. */
  function claimEvidence(ev) {
    const facts = el("dl", {class: "facts"});
    const fact = (name, value) => { if (value !== "" && value !== undefined && value !== null) facts.append(el("dt", {text: name}), el("dd", {}, value)); };
    fact("modality", el("span", {class: "badge " + ev.modality, text: ev.modality}));
    fact("according to", ev.source || "the article itself");
    fact("date", ev.date || "not given");
    fact("place", ev.place);
    fact("event type", `${ev.type} · PLOVER ${ev.plover || "?"} · ${ev.quad}`);
    const article = ev.article_title ? `${ev.article_title} (${ev.article})` : ev.article;
    const link = /^https?:\/\//i.test(ev.url || "") ? el("a", {href: ev.url, target: "_blank", rel: "noopener noreferrer", text: article}) : article;
    fact("article", link);
    fact("published", ev.published);
    if (ev.confidence !== "" && ev.confidence !== undefined) fact("confidence", Number(ev.confidence).toFixed(2));
    return el("div", {class: "claim"},
      el("h2", {text: `${ev.agent} → ${ev.action} → ${ev.target}`}),
      markedSentence(ev.sentence || "", [ev.action_text]),
      facts);
  }

  /** A small line of a colour and dash pattern, for legends. */
  function lineSwatch(colour, dashes, width) {
    const line = svg("line", {x1: 1, y1: 6, x2: 27, y2: 6, stroke: colour, "stroke-width": width || 2.5});
    if (dashes) line.setAttribute("stroke-dasharray", dashes.join(" "));
    return svg("svg", {class: "swatch", width: 28, height: 12, "aria-hidden": "true"}, line);
  }

  /** A labelled checkbox that calls ``onChange(checked)``. */
  function checkbox(id, checked, onChange, ...label) {
    const box = el("input", {type: "checkbox", id, checked, onchange: ev => onChange(ev.target.checked)});
    return el("label", {class: "check"}, box, ...label);
  }

  /** "MilitaryGovernment" as "military government". */
  const typeName = t => t.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();

  /** A date's first and last day (ISO) at its own precision. */
  function bounds(d) {
    if (d.length === 4) return [d + "-01-01", d + "-12-31"];
    if (d.length === 7) return [d + "-01", d + "-31"];
    return [d, d];
  }

  return {data, el, svg, fold, claimEvidence, lineSwatch, checkbox, typeName, bounds};
})();
